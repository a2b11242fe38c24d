/**
 * `npm run review -- FILE... | DIR`: several bases reviewed as one, in process on files written
 * here (test/cli/batchFiles.ts): a stay invoiced in two files and one re-invoiced with other
 * dates (both found, naming files and rows; figures hand-computed in test/core/batch), a bad
 * file among good ones (exit 4, the others reviewed, one line), a folder, --json, --out DIR.
 */
import { createHash } from "node:crypto";
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readXlsxFile } from "../../src/adapters/xlsx/xlsxReader";
import { MARK_HELPER_SHEET } from "../../src/core/markColors";
import { EXIT_BAD_INPUT, EXIT_COPY_FAILED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main } from "../../src/cli/review";
import type { JsonBatchReport } from "../../src/cli/formatBatch";
import { strToU8, unzipSync, zipSync } from "fflate";
import { makeDispute } from "../../src/core/disputes/dispute";
import { serializeParts } from "../../src/core/disputes/store";
import { keyWorkbookStays } from "../../src/core/stays/keyWorkbook";
import { grids, HEADER, oct, sep, stayRow } from "../core/batch/fixtures";
import type { CellValue } from "../../src/core/cells/cellValue";
import type { SheetSpec } from "../../src/core";
import ExcelJS from "exceljs";
import { writeBrokenBasis, writeMonthlyBases } from "./batchFiles";

jest.setTimeout(60_000);

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((c) => ((stdout += String(c)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((c) => ((stderr += String(c)), true));
  try {
    const code = await main([...argv, "--today", "2023-12-15"]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const json = (stdout: string) => JSON.parse(stdout) as JsonBatchReport;
const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A folder with the three monthly bases, a file that is no workbook, an Excel lock file and a text file. */
async function folder(): Promise<{ dir: string; files: string[]; broken: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "batch-"));
  const files = await writeMonthlyBases(dir);
  const broken = writeBrokenBasis(dir);
  writeFileSync(path.join(dir, "~$2023-09.xlsx"), "owner");
  writeFileSync(path.join(dir, "anteckningar.txt"), "notes");
  mkdirSync(path.join(dir, "gamla"));
  return { dir, files, broken };
}

describe("review of a folder", () => {
  let f: Awaited<ReturnType<typeof folder>>;
  let r: Awaited<ReturnType<typeof run>>;
  let report: JsonBatchReport;
  beforeAll(async () => {
    f = await folder();
    r = await run([f.dir, "--json", "--lang", "en"]);
    report = json(r.stdout);
  });

  it("a bad file among good ones: exit 4 (partial), one line on stderr, the others reviewed", () => {
    expect(r.code).toBe(EXIT_PARTIAL);
    expect(r.stderr).toBe(`review: ${f.broken}: 2023-12.xlsx is not an Excel workbook (.xlsx)\n`);
    expect(report.failed).toEqual([{ file: f.broken, message: "2023-12.xlsx is not an Excel workbook (.xlsx)" }]);
    expect(report.files.map((x) => x.file)).toEqual(f.files);
  });

  it("reads the folder's workbooks by name and says what it skipped and why", () => {
    expect(report.skipped).toEqual([
      { file: path.join(f.dir, "anteckningar.txt"), reason: "not .xlsx or .xlsm" },
      { file: path.join(f.dir, "gamla"), reason: "a subfolder (not read)" },
      { file: path.join(f.dir, "~$2023-09.xlsx"), reason: "an Excel lock file (~$), not a basis" },
    ]);
  });

  it("one table across the files, each stay once (figures as in test/core/batch)", () => {
    // 2023-09: V-1 (5 days) + V-2 re-invoiced (4) = 9 days, liable 2 + 1 = 3 → 31 500 kr;
    // 2023-10: V-3 (4) + V-4 (2) + V-5 (0) from two files = 6 days, liable 1 → 10 500 kr.
    expect(report.groups.map((g) => [g.municipality, g.period, g.stays, g.days, g.average, g.liableDays, g.amount, g.invoicedAmount])).toEqual([
      ["Halmstad", "2023-09", 2, 9, 4.5, 3, 31500, 31500],
      ["Halmstad", "2023-10", 3, 6, 2, 1, 10500, 10500],
    ]);
    // The October file's V-1 (21 000) is invoiced but not counted: 63 000 invoiced, 42 000 owed.
    expect(report.totals).toMatchObject({ amount: 42000, invoicedAmount: 63000, difference: 21000, leftOut: { rows: 2, invoicedAmount: 21000 } });
    expect(report.crossFile).toEqual({ stays: 2, duplicates: 1, reinvoiced: 2, rowsLeftOut: 2 });
  });

  it("the stay invoiced twice and the one re-invoiced: each finding names its file and row, and the other's", () => {
    const cross = report.findings.filter((x) => x.code.startsWith("CROSS_FILE")).map((x) => ({ file: x.file, row: x.row, code: x.code, related: x.related }));
    expect(cross).toEqual([
      { file: f.files[0], row: 3, code: "CROSS_FILE_REINVOICED", related: [{ file: f.files[1], sheet: "Underlag", row: 4 }] },
      { file: f.files[1], row: 2, code: "CROSS_FILE_DUPLICATE", related: [{ file: f.files[0], sheet: "Underlag", row: 2 }] },
      { file: f.files[1], row: 4, code: "CROSS_FILE_REINVOICED", related: [{ file: f.files[0], sheet: "Underlag", row: 3 }] },
    ]);
    const dup = report.findings.find((x) => x.code === "CROSS_FILE_DUPLICATE")!;
    expect(dup.message).toContain(`is also invoiced in ${f.files[0]}, Underlag row 2`);
    expect(dup.message).toContain("This row is left out of the figures");
    // Every finding names its file ("" only for one about the combined figures).
    expect(report.findings.every((x) => f.files.includes(x.file) || x.file === "")).toBe(true);
  });

  it("--json is one object of the batch shape; no progress on a stderr that is no terminal", () => {
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(report.batch).toBe(true);
    for (const key of ["today", "agreement", "assumptions", "files", "skipped", "failed", "groups", "totals", "counts", "crossFile", "findings", "summaryWorkbook"]) expect(report).toHaveProperty(key);
    expect(report.files[0].sheets[0]).toMatchObject({ name: "Underlag", headerRow: 1, rows: 2 });
    expect(report.files.map((x) => [x.staysCounted, x.staysCountedElsewhere])).toEqual([[1, 1], [2, 1], [2, 0]]);
    expect(r.stderr).not.toMatch(/\[1\/4\]/);
  });

  it("masks identity numbers unless revealed", () => {
    expect(r.stdout).not.toMatch(/19400101-0011|400101-0011/);
  });
});

describe("review of files named on the command line", () => {
  it("in the order given: the later file's version of a re-invoiced stay counts", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batch-"));
    const [sep, oct] = await writeMonthlyBases(dir, ["2023-09.xlsx", "2023-10.xlsx"]);
    const forward = json((await run([sep, oct, "--json"])).stdout);
    const backward = await run([oct, sep, "--json"]);
    expect(backward.code).toBe(EXIT_OK);
    const back = json(backward.stdout);
    // Forward, V-2 counts as re-invoiced (09-20 → 09-24: 4 days); backward, the September row (1 day):
    // 2023-09 is V-1 (5) + V-2 = 9 or 6 days.
    expect(forward.groups.find((g) => g.period === "2023-09")!.days).toBe(9);
    expect(back.groups.find((g) => g.period === "2023-09")!.days).toBe(6);
    expect(back.files.map((x) => x.file)).toEqual([oct, sep]);
  });

  it("the text summary names file, sheet and row of each finding and lists the files", async () => {
    const { files } = await folder();
    const r = await run([...files, "--lang", "en", "--progress"]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toMatch(/^Review of 3 invoice bases together\n/);
    expect(r.stdout).toContain(`  ${files[1]}: Underlag!2 B  [error] CROSS_FILE_DUPLICATE: The stay "V-1" is also invoiced in ${files[0]}, Underlag row 2`);
    expect(r.stdout).toContain("The same stay in several files: 2 stays; 1 row invoiced twice, 2 re-invoiced with other details; 2 rows counted in another file");
    expect(r.stdout).toMatch(/Halmstad\s+somatic\s+2023-10\s+3\s+6\s+2\.00/);
    // --progress: a line per file on stderr, stdout untouched by it.
    expect(r.stderr.split("\n").filter(Boolean)).toEqual(files.map((x, i) => `[${i + 1}/3] ${x}`));
  });

  it("a file that does not exist is one line and a partial review; nothing reviewable is bad input", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batch-"));
    const [sep] = await writeMonthlyBases(dir, ["2023-09.xlsx"]);
    const missing = path.join(dir, "2023-13.xlsx");
    const r = await run([sep, missing, "--json"]);
    expect(r.code).toBe(EXIT_PARTIAL);
    expect(json(r.stdout).failed).toEqual([{ file: missing, message: "filen eller mappen finns inte" }]);
    const none = await run([missing, writeBrokenBasis(dir)]);
    expect(none.code).toBe(EXIT_BAD_INPUT);
    expect(none.stdout).toBe("");
  });

  it("the same file named twice, or through a link, is reviewed once and the second said skipped", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batch-"));
    const [sep, oct] = await writeMonthlyBases(dir, ["2023-09.xlsx", "2023-10.xlsx"]);
    const link = path.join(dir, "samma.xlsx");
    linkSync(sep, link);
    const r = await run([sep, oct, link, sep, "--json", "--lang", "en", "--care-type", "Psyk=psychiatric"]);
    expect(r.code).toBe(EXIT_OK);
    const report = json(r.stdout);
    expect(report.files.map((x) => x.file)).toEqual([sep, oct]);
    expect(report.skipped).toEqual([
      { file: link, reason: "named twice" },
      { file: sep, reason: "named twice" },
    ]);
    // A --care-type no file can use is said, not silently ignored.
    expect(r.stderr).toBe("review: --care-type Psyk: none of the bases has a sheet of that name\n");
  });

  it("options about one file's figures are usage errors with several", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batch-"));
    const files = await writeMonthlyBases(dir, ["2023-09.xlsx", "2023-10.xlsx"]);
    const r = await run([...files, "--compare", "halland-2022"]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toBe("review: --compare: not with several files; review one file for that (--help)\n");
  });
});

describe("review of a folder --out DIR", () => {
  it("writes a marked copy per file, the cross-file findings marked too; never touches an input", async () => {
    const { dir, files } = await folder();
    const before = files.map(digest);
    const out = path.join(mkdtempSync(path.join(tmpdir(), "batch-out-")), "granskade");
    const r = await run([...files, "--out", out, "--json"]);
    expect(r.code).toBe(EXIT_OK);
    expect(readdirSync(out).sort()).toEqual(["2023-09.xlsx", "2023-10.xlsx", "2023-11.xlsx", "granskning-sammanstallning.xlsx"]);
    expect(json(r.stdout).files.map((x) => x.markedCopy)).toEqual(files.map((x) => path.join(out, path.basename(x))));
    expect(json(r.stdout).summaryWorkbook).toBe(path.join(out, "granskning-sammanstallning.xlsx"));
    // The summary workbook: the figures across files (as hand-computed in test/core/batch), the files, the cross-file findings.
    const summary = await readXlsxFile(path.join(out, "granskning-sammanstallning.xlsx"));
    expect(summary.sheets.map((x) => x.name)).toEqual(["Sammanställning"]);
    const cells = summary.sheets[0].values;
    const rowOf = (first: unknown, second: unknown) => cells.find((row) => row[0] === first && row[2] === second);
    expect(rowOf("Halmstad", "2023-09")?.slice(3, 11)).toEqual([2, 9, 4.5, "", 3, 31500, 31500, 0]); // an empty cell reads as "", as Office.js gives it
    expect(rowOf("Halmstad", "2023-10")?.slice(3, 11)).toEqual([3, 6, 2, "", 1, 10500, 10500, 0]);
    expect(cells.filter((row) => row[3] === "CROSS_FILE_DUPLICATE").map((row) => [row[0], row[2]])).toEqual([[files[1], 2]]);
    expect(cells.filter((row) => row[3] === "CROSS_FILE_REINVOICED")).toHaveLength(2);
    expect(files.map(digest)).toEqual(before);
    // The October copy's helper sheet: row 2 (V-1 again) carries the error code 3.
    const copy = await readXlsxFile(path.join(out, "2023-10.xlsx"));
    const helper = copy.sheets.find((s) => s.name === MARK_HELPER_SHEET)!;
    expect(helper.values[1][0]).toBe(3);
    expect(readdirSync(dir)).toContain("2023-12.xlsx"); // the input folder as it was
  });

  it("refuses existing copies without --force and a folder holding the inputs, before reviewing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batch-"));
    const files = await writeMonthlyBases(dir, ["2023-09.xlsx", "2023-10.xlsx"]);
    const before = files.map(digest);
    const same = await run([...files, "--out", dir, "--force", "--lang", "en"]);
    expect(same.code).toBe(EXIT_COPY_FAILED);
    expect(same.stdout).toBe("");
    expect(same.stderr).toContain(`review: ${path.join(dir, "2023-09.xlsx")} is one of the files reviewed; choose another folder for --out`);
    expect(files.map(digest)).toEqual(before);

    const out = mkdtempSync(path.join(tmpdir(), "batch-out-"));
    writeFileSync(path.join(out, "2023-10.xlsx"), "keep me");
    const refused = await run([...files, "--out", out, "--lang", "en"]);
    expect(refused.code).toBe(EXIT_COPY_FAILED);
    expect(refused.stderr).toBe(`review: ${path.join(out, "2023-10.xlsx")} already exists; choose another file name or add --force to replace it\n`);
    expect(readdirSync(out)).toEqual(["2023-10.xlsx"]);
    expect(readFileSync(path.join(out, "2023-10.xlsx"), "utf8")).toBe("keep me");
    const forced = await run([...files, "--out", out, "--force"]);
    expect(forced.code).toBe(EXIT_OK);
    expect(readdirSync(out).sort()).toEqual(["2023-09.xlsx", "2023-10.xlsx", "granskning-sammanstallning.xlsx"]);
    // Once written, the summary is not replaced without --force either.
    const again = await run([...files, "--out", out, "--lang", "en"]);
    expect(again.code).toBe(EXIT_COPY_FAILED);
    expect(again.stderr).toContain(`review: ${path.join(out, "granskning-sammanstallning.xlsx")} already exists`);
  });
});

describe("review of several files with disputes saved in them", () => {
  it("applies each file's stored disputes to the combined figures", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batch-"));
    const files = await writeMonthlyBases(dir);
    // The October file as the add-in leaves it: V-3 (row 3) disputed as deceased.
    const index = keyWorkbookStays(grids("2023-10.xlsx"), { sheets: ["Underlag"], referenceYear: 2023 });
    const keyed = index.at("Underlag", 3)!;
    const made = makeDispute({ keyed, stay: index.stay(keyed.key)!, reason: "DECEASED", comment: "avled", by: "Anna", at: "2023-11-02T08:00:00Z" });
    if (!made.ok) throw new Error(made.problems.join("; "));
    const parts = unzipSync(readFileSync(files[1]));
    serializeParts({ id: "w-anna", name: "Anna" }, [made.dispute]).forEach((xml, i) => (parts[`customXml/item${i + 1}.xml`] = strToU8(xml)));
    writeFileSync(files[1], zipSync(parts));

    const r = await run([dir, "--json"]);
    expect(r.code).toBe(EXIT_OK);
    const report = json(r.stdout);
    expect(report.disputes).toMatchObject({ stored: 1, applied: [{ sheet: `[${files[1]}]Underlag`, row: 3, reason: "DECEASED" }], changed: [], orphaned: [] });
    // 2023-10 after disputes: V-3 (4 days, 1 liable) leaves; V-4 (2) and V-5 (0) owe nothing → 0 kr.
    expect(report.groups[1]).toMatchObject({ period: "2023-10", amount: 10500, staysAfterDisputes: 2, daysAfterDisputes: 2, amountAfterDisputes: 0, disputes: 1 });
    // 2023-09 has no dispute: after disputes equals recomputed.
    expect(report.groups[0]).toMatchObject({ amount: 31500, amountAfterDisputes: 31500, disputes: 0 });
    const text = await run([dir, "--lang", "en"]);
    expect(text.stdout).toMatch(/Disputes: 1 stored in the workbook, 0 from a list, 0 from errors; 1 applied/);
  });
});

/**
 * Two monthly files, two municipalities, no stay in both (days = discharge − ready; the law's
 * 3 grace days at 10 500 kr a day, so liable days = max(0, days − 3)):
 * - 2023-09.xlsx: Halmstad 09-01→09-05 (4 days, row 2), Halmstad 09-10→09-12 (2, row 3), Kalmar 09-03→09-09 (6, row 4)
 * - 2023-10.xlsx: Halmstad 10-01→10-04 (3, row 2), Kalmar 10-02→10-03 (1, row 3), Kalmar 09-28→10-02 (4, row 4; an October stay: discharged then)
 */
const REPORT_FILES: Record<string, CellValue[][]> = {
  "2023-09.xlsx": [HEADER, stayRow(11, "S-1", sep(1), sep(5), 10500), stayRow(12, "S-2", sep(10), sep(12), 0), stayRow(13, "S-3", sep(3), sep(9), 31500, "Kalmar")],
  "2023-10.xlsx": [HEADER, stayRow(14, "S-4", oct(1), oct(4), 0), stayRow(15, "S-5", oct(2), oct(3), 0, "Kalmar"), stayRow(16, "S-6", sep(28), oct(2), 10500, "Kalmar")],
};

async function writeReportBases(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const [name, rows] of Object.entries(REPORT_FILES)) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Underlag");
    for (const r of rows) ws.addRow(r);
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    out.push(file);
  }
  return out;
}

interface JsonReports {
  files: string[];
  reports: { id: string; sheet: SheetSpec }[];
}

describe("review of several files --report", () => {
  const tableOf = (r: JsonReports, id: string, table: string) => r.reports.find((x) => x.id === id)!.sheet.tables.find((t) => t.name === table)!;

  it("builds the reports over all files' stays together, as data with --json", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batch-reports-"));
    const files = await writeReportBases(dir);
    const r = await run([...files, "--report", "all", "--json", "--lang", "en"]);
    expect(r.code).toBe(EXIT_OK);
    const report = JSON.parse(r.stdout) as JsonReports;
    expect(report.files).toEqual(files);
    expect(report.reports.map((x) => x.id)).toEqual(["averageDays", "delayedStays", "costPerMonth", "nationalComparison", "noticeAndContact"]);

    // One line per municipality and month, the average over both files' stays of the month:
    // Halmstad 2023-09: (4 + 2) / 2 = 3; 2023-10: 3 / 1 = 3. Kalmar 2023-09: 6 / 1 = 6; 2023-10: (1 + 4) / 2 = 2.5.
    const monthly = tableOf(report, "averageDays", "R_Snitt_Somatik_Manad");
    expect(monthly.rows.map((row) => row.slice(0, 6))).toEqual([
      ["Halmstad", "2023-09", 2, 0, 6, 3],
      ["Halmstad", "2023-10", 1, 0, 3, 3],
      ["Kalmar", "2023-09", 1, 0, 6, 6],
      ["Kalmar", "2023-10", 2, 0, 5, 2.5],
    ]);

    // 3 days or more: Halmstad 4 (Sep file, row 2) and 3 (Oct file, row 2); Kalmar 6 (Sep file, row 4) and 4 (Oct file, row 4).
    const delayed = tableOf(report, "delayedStays", "R_Langa_Vardtillfallen");
    expect(delayed.rows.map((row) => [row[0], row[1], row[2], row[3], row[4], row[8]])).toEqual([
      ["Halmstad", `[${files[0]}]Underlag`, 2, "id:S-1", "19400101-****", 4],
      ["Halmstad", `[${files[1]}]Underlag`, 2, "id:S-4", "19400101-****", 3],
      ["Kalmar", `[${files[0]}]Underlag`, 4, "id:S-3", "19400101-****", 6],
      ["Kalmar", `[${files[1]}]Underlag`, 4, "id:S-6", "19400101-****", 4],
    ]);
    expect(r.stdout).not.toMatch(/400101\d{3}/);

    // Recomputed: Halmstad Sep 1 liable day (4 − 3) = 10 500 kr, Oct 0; Kalmar Sep 3 (6 − 3) = 31 500 kr, Oct 1 (4 − 3) = 10 500 kr.
    const cost = tableOf(report, "costPerMonth", "R_Kostnad_Manad");
    expect(cost.rows.map((row) => [row[0], row[2], row[3], row[4], row[5]])).toEqual([
      ["Halmstad", "2023-09", 2, 10500, 10500],
      ["Halmstad", "2023-10", 1, 0, 0],
      ["Kalmar", "2023-09", 1, 31500, 31500],
      ["Kalmar", "2023-10", 2, 10500, 10500],
    ]);
    // The same amounts as the batch summary's groups.
    const summary = json((await run([...files, "--json"])).stdout);
    expect(summary.groups.map((g) => [g.municipality, g.period, g.stays, g.invoicedAmount, g.amount])).toEqual(cost.rows.map((row) => [row[0], row[2], row[3], row[4], row[5]]));
  });

  it("prints the reports as text, each naming the files' sheets", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batch-reports-"));
    const files = await writeReportBases(dir);
    const r = await run([...files, "--report", "delayedStays", "--lang", "en"]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain("Follow-up: stays of 3 days or more after discharge-ready");
    expect(r.stdout).toContain(`[${files[1]}]Underlag`);
    expect(r.stdout).not.toContain("Follow-up: average");
  });

  it("--out DIR: the reports are sheets of the summary workbook", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batch-reports-"));
    const files = await writeReportBases(dir);
    const out = path.join(dir, "granskade");
    const r = await run([...files, "--report", "averageDays", "--report", "delayedStays", "--out", out, "--lang", "en"]);
    expect(r.code).toBe(EXIT_OK);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, "granskning-sammanstallning.xlsx"));
    expect(book.worksheets.map((w) => w.name)).toEqual(["Summary", "Snitt utskrivningsklara dagar", "Vårdtillfällen 3+ dagar"]);
    const delayed = book.getWorksheet("Vårdtillfällen 3+ dagar")!;
    const texts: string[] = [];
    delayed.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain(`[${files[0]}]Underlag`);
    expect(texts).toContain("id:S-6");
  });
});
