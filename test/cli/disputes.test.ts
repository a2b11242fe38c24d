/**
 * The headless command applies disputes: saved in the workbook (custom XML parts), from an
 * exported list (--disputes), and every error (--dispute-errors). In process, on small files
 * written here.
 */
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { listWorkbookBytes } from "../../src/core/disputes/listWorkbook";
import type { JsonReport } from "../../src/cli/formatJson";
import { main } from "../../src/cli/review";
import { makeDispute } from "../../src/core/disputes/dispute";
import { disputeListRows } from "../../src/core/disputes/exportList";
import { serializeParts } from "../../src/core/disputes/store";
import { keyWorkbookStays } from "../../src/core/stays/keyWorkbook";

const HEADER = ["Personnummer", "Vårdtillfälle", "Inskrivningsdatum", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Belopp"];
const OCT1 = 45200; // 2023-10-01 in the 1900 date system
// Days 5, 2, 10 under the law (3 grace days): 2 + 0 + 7 = 9 liable days × 10 500 = 94 500 kr; invoiced 21 000 + 0 + 84 000.
const ROWS = [
  ["19121212-1212", "V-1", OCT1, OCT1 + 1, OCT1 + 6, "Halmstad", 21000],
  ["811218-9876", "V-2", OCT1 + 2, OCT1 + 3, OCT1 + 5, "Halmstad", 0],
  ["640823-3234", "V-3", OCT1 + 4, OCT1 + 5, OCT1 + 15, "Halmstad", 84000],
];

const dir = mkdtempSync(path.join(tmpdir(), "disputes-cli-"));

async function basis(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Underlag");
  ws.addRow(HEADER);
  for (const r of ROWS) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function disputesOn(rows: number[], reason: "DECEASED" | "AMOUNT_MISMATCH") {
  const index = keyWorkbookStays({ dateSystem: "1900", sheets: [{ name: "Underlag", values: [HEADER, ...ROWS] }] }, { sheets: ["Underlag"], referenceYear: 2023 });
  return rows.map((row) => {
    const keyed = index.at("Underlag", row)!;
    const r = makeDispute({ keyed, stay: index.stay(keyed.key)!, reason, comment: "avled", by: "Anna", at: "2023-11-02T08:00:00Z" });
    if (!r.ok) throw new Error(r.problems.join("; "));
    return r.dispute;
  });
}

/** The basis with custom XML parts added, as the add-in leaves it after saving disputes. */
function withParts(file: string, xmls: string[]): string {
  const files = unzipSync(readFileSync(file));
  xmls.forEach((xml, i) => (files[`customXml/item${i + 1}.xml`] = strToU8(xml)));
  const out = file.replace(/\.xlsx$/, "-stored.xlsx");
  writeFileSync(out, zipSync(files));
  return out;
}

async function json(args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main([...args, "--json", "--today", "2023-11-15"]);
    return { code, report: out ? (JSON.parse(out) as JsonReport) : (null as unknown as JsonReport), stderr: err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

jest.setTimeout(60_000);

describe("npm run review with disputes", () => {
  test("no disputes: after disputes equals recomputed", async () => {
    const { code, report } = await json([await basis("plain.xlsx")]);
    expect(code).toBe(0);
    expect(report.groups[0]).toMatchObject({ invoicedAmount: 105000, amount: 94500, liableDays: 9, amountAfterDisputes: 94500, liableDaysAfterDisputes: 9, disputes: 0 });
    expect(report.disputes).toMatchObject({ stored: 0, applied: [], changed: [], orphaned: [] });
  });

  test("disputes saved in the workbook are read and applied (V-3 deceased: 5 and 2 days left → 2 days = 21 000 kr)", async () => {
    const file = withParts(await basis("stored.xlsx"), serializeParts({ id: "w-anna", name: "Anna" }, disputesOn([4], "DECEASED")));
    const { code, report } = await json([file]);
    expect(code).toBe(0);
    expect(report.disputes).toMatchObject({ stored: 1, applied: [expect.objectContaining({ row: 4, reason: "DECEASED", effect: "void", personId: "640823-****" })] });
    expect(report.groups[0]).toMatchObject({ amount: 94500, amountAfterDisputes: 21000, liableDaysAfterDisputes: 2, staysAfterDisputes: 2, disputes: 1 });
  });

  test("--disputes applies an exported list to another copy whose rows were sorted; an arithmetic ground keeps the stay", async () => {
    const list = path.join(dir, "list.xlsx");
    writeFileSync(list, listWorkbookBytes(disputeListRows([...disputesOn([4], "DECEASED"), ...disputesOn([2], "AMOUNT_MISMATCH")], "sv")));
    // The other copy: the same stays in another order.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Underlag");
    ws.addRow(HEADER);
    for (const r of [ROWS[2], ROWS[0], ROWS[1]]) ws.addRow(r);
    const copy = path.join(dir, "copy.xlsx");
    await wb.xlsx.writeFile(copy);
    const { code, report } = await json([copy, "--disputes", list]);
    expect(code).toBe(0);
    expect(report.disputes!.fromList).toBe(2);
    expect(report.disputes!.applied.map((a) => [a.row, a.reason]).sort()).toEqual([
      [2, "DECEASED"],
      [3, "AMOUNT_MISMATCH"],
    ]);
    // V-3 out, V-1 stays in at its recomputed 2 days: 21 000 kr.
    expect(report.groups[0]).toMatchObject({ amountAfterDisputes: 21000, disputes: 2 });
  });

  test("a list row that cannot be read is reported with file, sheet, cell and value, and the rest applies", async () => {
    const rows = disputeListRows(disputesOn([2, 4], "DECEASED"), "en");
    rows.rows[1][rows.header.indexOf("Reason code")] = "BOGUS";
    const list = path.join(dir, "bad-list.xlsx");
    writeFileSync(list, listWorkbookBytes(rows));
    const { code, report } = await json([await basis("b.xlsx"), "--disputes", list]);
    expect(code).toBe(0);
    expect(report.disputes!.fromList).toBe(1);
    expect(report.disputes!.problems).toEqual([expect.stringMatching(/bad-list\.xlsx, Bestridanden, O3 "BOGUS": Rad 3: Skälkod kan inte läsas \(okänt värde\)/)]);
  });

  test("--dispute-errors on the sample: every error disputed gives what 'if every error were upheld' says", async () => {
    const { code, report } = await json(["samples/fakturaunderlag-exempel.xlsx", "--dispute-errors"]);
    expect(code).toBe(0);
    expect(report.disputes!.fromErrors).toBeGreaterThan(0);
    expect(report.disputes!.orphaned).toEqual([]);
    for (const g of report.groups) expect(g.amountAfterDisputes).toBe(g.amountIfErrorsUpheld);
    expect(report.disputes!.totals.amountAfterDisputes).toBe(report.disputes!.totals.amountIfErrorsUpheld);
    expect(report.disputes!.totals.amountAfterDisputes).not.toBe(report.disputes!.totals.amount);
  });

  test("the summary shows the four figures side by side", async () => {
    const file = withParts(await basis("summary.xlsx"), serializeParts({ id: "w-anna", name: "Anna" }, disputesOn([4], "DECEASED")));
    let out = "";
    const o = jest.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
    try {
      expect(await main([file, "--today", "2023-11-15", "--lang", "en"])).toBe(0);
    } finally {
      o.mockRestore();
    }
    expect(out).toMatch(/Disputes: 1 stored in the workbook, 0 from a list, 0 from errors; 1 applied, 0 changed/);
    expect(out).toMatch(/Figures side by side: invoiced, recomputed, after disputes, if every error were upheld/);
    expect(out).toMatch(/Total\s+–\s+105,000\s+9\.00\s+94,500\s+2\.00\s+21,000\s+9\.00\s+94,500\s+1/);
    expect(out).toMatch(/DECEASED: the patient died during the stay/);
  });
});
