import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import JSZip from "jszip";
import * as XLSX from "@e965/xlsx";
import { createHash } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { readXlsxWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { checkOutputPath, type PathOps, NODE_PATH_OPS } from "../../../src/adapters/xlsx/copy/outputPath";
import { HELPER_SHEET, SEVERITY_CODE, SEVERITY_FILL, writeMarkedCopy } from "../../../src/adapters/xlsx/writeMarkedCopy";
import { HELPER_SHEET as ADDIN_HELPER_SHEET, MARK_FILLS, markFormula, SEVERITY_CODE as ADDIN_CODES } from "../../../src/adapters/excel/marks";
import { markFormulaInFile } from "../../../src/adapters/xlsx/copy/sheetMarks";
import { XlsxError } from "../../../src/adapters/xlsx/xlsxError";
import { getPreset } from "../../../src/core/agreements/presets";
import { epochDay } from "../../../src/core/cells/localDate";
import { reviewWorkbook } from "../../../src/core/review/reviewWorkbook";
import { finding, resultFixture } from "../../cli/resultFixture";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const SAMPLE = path.join(ROOT, "samples/fakturaunderlag-exempel.xlsx");
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
const newDir = () => mkdtempSync(path.join(tmpdir(), "xlsx-mark-"));

async function makeInput(dir: string, name = "in.xlsx", extraSheet?: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Fakturaunderlag");
  ws.getCell("A1").value = "Fakturaunderlag";
  ws.getRow(4).values = ["Personnummer", "Utskrivningsklar datum", "Kommun"];
  for (let r = 5; r <= 8; r++) {
    ws.getCell(r, 1).value = `1947120${r}-900${r}`;
    ws.getCell(r, 2).value = new Date(Date.UTC(2023, 9, r));
    ws.getCell(r, 2).numFmt = "yyyy-mm-dd";
    ws.getCell(r, 3).value = "Halmstad";
  }
  ws.getCell("C5").font = { italic: true };
  if (extraSheet) wb.addWorksheet(extraSheet).getCell("A1").value = "mine";
  const f = path.join(dir, name);
  await wb.xlsx.writeFile(f);
  return f;
}

const FINDINGS = [
  finding({ code: "INVALID_PERSON_ID", severity: "error", row: 5, message: { sv: "Fel i 19471205-9005", en: "Bad 19471205-9005" } }),
  finding({ code: "LONG_STAY", severity: "warning", row: 5 }), // row 5 stays an error: the worst wins
  finding({ code: "LONG_STAY", severity: "warning", row: 6 }),
  finding({ code: "OUTSIDE_PERIOD", severity: "info", row: 7 }),
];

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

interface Rule {
  type: string;
  formulae: string[];
  style: { fill: { bgColor: { argb: string } } };
}

/** The marks as a reader of the copy sees them: rule formula → fill, and the helper's codes per row. */
function marksOf(wb: ExcelJS.Workbook, sheet: string) {
  const ws = wb.getWorksheet(sheet)!;
  const formats = (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings;
  const helper = wb.getWorksheet(HELPER_SHEET)!;
  const codeOfRow = (r: number) => Number(helper.getCell(r, 1).value ?? 0);
  return { formats, helper, codeOfRow };
}

/** Every cell of every sheet of `a` equals `b`'s: value, number format, font, fill. */
function expectSameCells(a: ExcelJS.Workbook, b: ExcelJS.Workbook): number {
  let cells = 0;
  for (const ws of a.worksheets) {
    const other = b.getWorksheet(ws.name)!;
    expect(other).toBeDefined();
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const o = other.getCell(r, c);
        expect({ at: `${ws.name}!${cell.address}`, v: o.value, f: o.numFmt, font: o.font, fill: o.fill }).toEqual({
          at: `${ws.name}!${cell.address}`, v: cell.value, f: cell.numFmt, font: cell.font, fill: cell.fill,
        });
        cells++;
      });
    });
  }
  return cells;
}

describe("writeMarkedCopy: what the copy holds", () => {
  it("marks flagged rows by worst severity through conditional formats, adds the result sheet, keeps every cell", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    const before = sha(input);
    const out = path.join(dir, "out.xlsx");
    await writeMarkedCopy(input, out, resultFixture(FINDINGS));
    expect(sha(input)).toBe(before);

    const wb = await load(out);
    const { formats, helper, codeOfRow } = marksOf(wb, "Fakturaunderlag");
    expect(helper.state).toBe("hidden");
    // Row 5: error (3) beats warning; row 6 warning (2); row 7 info (1); rows 4 and 8 nothing.
    expect([4, 5, 6, 7, 8].map(codeOfRow)).toEqual([0, 3, 2, 1, 0]);
    expect(formats).toHaveLength(1);
    // The fixture's header mapping reaches column H; the last flagged row is 7.
    expect(formats[0].ref).toBe("A1:H7");
    const fillByCode = Object.fromEntries(formats[0].rules.map((r) => [r.formulae[0].slice(-1), r.style.fill.bgColor.argb]));
    expect(fillByCode).toEqual({ "3": SEVERITY_FILL.error, "2": SEVERITY_FILL.warning, "1": SEVERITY_FILL.info });
    expect(formats[0].rules.every((r) => r.type === "expression" && r.formulae[0].startsWith(`INDEX('${HELPER_SHEET}'!$A:$A,ROW())=`))).toBe(true);

    const res = wb.getWorksheet("Granskning")!;
    const texts: string[] = [];
    res.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain("Halmstad");
    expect(texts).toContain("INVALID_PERSON_ID");
    expect(texts).toContain("Fel i 19471205-****");
    expect(texts.join(" ")).not.toContain("19471205-9005");
    expect(res.getCell("A1").font).toMatchObject({ bold: true, size: 14 });

    // The source sheet's cells are the input's, formats included.
    const original = await load(input);
    expect(expectSameCells(original, wb)).toBeGreaterThan(15);
  });

  it("uses the add-in's helper sheet, codes and colours, so the add-in recognises and clears the marks", () => {
    expect(HELPER_SHEET).toBe(ADDIN_HELPER_SHEET);
    expect(SEVERITY_CODE).toEqual(ADDIN_CODES);
    // The disputed colour (code 4) is the add-in's alone: the copy marks findings, not disputes.
    for (const { code, color } of MARK_FILLS.filter((f) => f.code !== 4)) {
      const severity = (Object.keys(SEVERITY_CODE) as (keyof typeof SEVERITY_CODE)[]).find((s) => SEVERITY_CODE[s] === code)!;
      expect(`#${SEVERITY_FILL[severity].slice(2)}`).toBe(color);
      // In the file the formula has no "="; otherwise the add-in's rule, column A for the first sheet.
      expect(`=${markFormulaInFile(HELPER_SHEET, "A", code)}`).toBe(markFormula(0, code));
    }
  });

  it("copies every other part byte for byte, and the marked sheet differs only by the inserted element", async () => {
    const dir = newDir();
    const input = await makeInput(dir, "in.xlsx", "Egen");
    const out = path.join(dir, "out.xlsx");
    await writeMarkedCopy(input, out, resultFixture(FINDINGS));
    // Both zip readers list the copy.
    const a = unzipSync(readFileSync(input));
    const b = unzipSync(readFileSync(out));
    const listed = Object.keys((await JSZip.loadAsync(readFileSync(out))).files);
    expect(listed.sort()).toEqual(Object.keys(b).sort());

    const changed = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"];
    for (const name of Object.keys(a)) {
      if (changed.includes(name)) continue;
      expect({ name, same: Buffer.from(b[name]).equals(Buffer.from(a[name])) }).toEqual({ name, same: true });
    }
    const marked = Buffer.from(b["xl/worksheets/sheet1.xml"]).toString("utf8");
    const inserted = /<conditionalFormatting [^]*?<\/conditionalFormatting>/.exec(marked)!;
    expect(marked.replace(inserted[0], "")).toBe(Buffer.from(a["xl/worksheets/sheet1.xml"]).toString("utf8"));
    // New parts: the result sheet and the helper sheet.
    expect(Object.keys(b).filter((n) => !(n in a)).sort()).toEqual(["xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"]);
  });

  it("on the sample: a copy of a real review opens, every source cell is the input's, and each flagged row is marked", async () => {
    const dir = newDir();
    const result = reviewWorkbook(await readXlsxWorkbook(SAMPLE), { profile: getPreset("lag-2017-612")!, referenceDay: epochDay(2023, 11, 15) });
    const out = path.join(dir, "granskad.xlsx");
    await writeMarkedCopy(SAMPLE, out, result, { lang: "en" });
    const [original, copy] = [await load(SAMPLE), await load(out)];
    expect(copy.worksheets.map((w) => w.name)).toEqual([...original.worksheets.map((w) => w.name), "Granskning", HELPER_SHEET]);
    for (const ws of original.worksheets) expectSameCells({ worksheets: [ws] } as ExcelJS.Workbook, copy);
    const { codeOfRow } = marksOf(copy, "Fakturaunderlag");
    const worst = new Map<number, number>();
    for (const f of result.findings) if (f.row !== null) worst.set(f.row, Math.max(worst.get(f.row) ?? 0, SEVERITY_CODE[f.severity]));
    expect(worst.size).toBeGreaterThan(10);
    for (let r = 1; r <= 420; r++) expect({ r, code: codeOfRow(r) }).toEqual({ r, code: worst.get(r) ?? 0 });
    // Findings listed on the result sheet: one row each under its header.
    const res = copy.getWorksheet("Granskning")!;
    let header = 0;
    res.eachRow((row, r) => {
      if (row.getCell(1).value === "Sheet") header = r;
    });
    expect(res.rowCount - header).toBe(result.findings.length);
  });

  it("writes text as text: formula-like values, Excel's _xHHHH_ escapes, control characters, non-finite numbers", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    const out = path.join(dir, "out.xlsx");
    const result = resultFixture([
      finding({ code: "INVALID_VALUE", severity: "error", row: 5, value: "=HYPERLINK(\"http://x\")", message: { sv: "a_x0041_b\u0001", en: "a_x0041_b\u0001" } }),
    ]);
    result.figures.groups[0].amount = Infinity;
    await writeMarkedCopy(input, out, result);
    const res = (await load(out)).getWorksheet("Granskning")!;
    const cells: ExcelJS.Cell[] = [];
    res.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const value = cells.find((c) => String(c.value).includes("HYPERLINK"))!;
    expect(value.value).toBe('=HYPERLINK("http://x")');
    expect(value.formula).toBeUndefined();
    // The text as written in the part; a reader that decodes Excel's escapes (SheetJS, like Excel) shows it as given.
    expect(cells.map((c) => c.value)).toContain("a_x005F_x0041_b\uFFFD");
    const sheetjs = XLSX.readFile(out);
    const shown = XLSX.utils.sheet_to_json<string[]>(sheetjs.Sheets["Granskning"], { header: 1 }).flat();
    expect(shown).toContain("a_x0041_b\uFFFD");
    expect(cells.map((c) => c.value)).toContain("Infinity");
  });

  it("names its sheets apart from the input's own (Granskning (2))", async () => {
    const dir = newDir();
    const input = await makeInput(dir, "in.xlsx", "granskning");
    const out = path.join(dir, "out.xlsx");
    await writeMarkedCopy(input, out, resultFixture(FINDINGS));
    expect((await load(out)).worksheets.map((w) => w.name)).toEqual(["Fakturaunderlag", "granskning", "Granskning (2)", HELPER_SHEET]);
  });

  it("copies a package without styles.xml and without flagged rows", async () => {
    const dir = newDir();
    const zip = new JSZip();
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
    zip.file("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    zip.file("xl/workbook.xml", `<?xml version="1.0"?><workbook ${ns}><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    zip.file("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
    zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0"?><worksheet ${ns}><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`);
    const input = path.join(dir, "bare.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const out = path.join(dir, "out.xlsx");
    await writeMarkedCopy(input, out, resultFixture([]));
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Blad1", "Granskning"]);
    expect(wb.getWorksheet("Blad1")!.getCell("A1").value).toBe(42);
    expect(wb.getWorksheet("Granskning")!.getCell("A1").font).toMatchObject({ bold: true });
  });
});

describe("writeMarkedCopy: never the input, never a half file", () => {
  it("refuses the input by another spelling of its path", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    const before = sha(input);
    const same = path.join(dir, ".", "in.xlsx");
    await expect(writeMarkedCopy(input, same, resultFixture([]))).rejects.toMatchObject({ code: "SAME_FILE" });
    await expect(writeMarkedCopy(input, same, resultFixture([]), { force: true })).rejects.toBeInstanceOf(XlsxError);
    expect(sha(input)).toBe(before);
  });

  it("refuses a hard link to the input, even with --force", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    const before = sha(input);
    const alias = path.join(dir, "alias.xlsx");
    linkSync(input, alias);
    for (const force of [false, true]) {
      await expect(writeMarkedCopy(input, alias, resultFixture(FINDINGS), { force })).rejects.toMatchObject({ code: "SAME_FILE" });
    }
    expect(sha(input)).toBe(before);
    expect(statSync(alias).ino).toBe(statSync(input).ino);
  });

  it("refuses a symlink that points at the input", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    const before = sha(input);
    const link = path.join(dir, "link.xlsx");
    symlinkSync(input, link);
    await expect(writeMarkedCopy(input, link, resultFixture(FINDINGS), { force: true })).rejects.toMatchObject({ code: "SAME_FILE" });
    expect(sha(input)).toBe(before);
  });

  it("on a case-insensitive file system, refuses IN.XLSX for in.xlsx (stat finds the input's inode)", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    // A case-folding file system, as APFS or NTFS: every name resolves whatever its letter case.
    const fold = (p: string) => {
      const d = path.dirname(p);
      const match = existsSync(d) ? readdirSync(d).find((n) => n.toLowerCase() === path.basename(p).toLowerCase()) : undefined;
      return match ? path.join(d, match) : p;
    };
    const ops: PathOps = { stat: (p) => NODE_PATH_OPS.stat(fold(p)), lstat: (p) => NODE_PATH_OPS.lstat(fold(p)) };
    expect(() => checkOutputPath(input, path.join(dir, "IN.XLSX"), true, ops)).toThrow(expect.objectContaining({ code: "SAME_FILE" }));
    // On a case-sensitive one (this test's own), IN.XLSX is another, new file.
    expect(checkOutputPath(input, path.join(dir, "IN.XLSX"), false)).toMatchObject({ mode: expect.any(Number) });
  });

  it("refuses an existing file without --force and replaces it with --force", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    const out = path.join(dir, "out.xlsx");
    writeFileSync(out, "earlier copy");
    await expect(writeMarkedCopy(input, out, resultFixture(FINDINGS))).rejects.toMatchObject({ code: "OUT_EXISTS" });
    expect(readFileSync(out, "utf8")).toBe("earlier copy");
    await writeMarkedCopy(input, out, resultFixture(FINDINGS), { force: true });
    expect((await load(out)).getWorksheet("Granskning")).toBeDefined();
  });

  it("gives the copy the input's permissions (0600 stays 0600)", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    chmodSync(input, 0o600);
    const out = path.join(dir, "out.xlsx");
    await writeMarkedCopy(input, out, resultFixture(FINDINGS));
    expect(statSync(out).mode & 0o777).toBe(0o600);
    chmodSync(input, 0o640);
    await writeMarkedCopy(input, out, resultFixture(FINDINGS), { force: true });
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });

  it("a write that fails (disk full) leaves neither the copy nor a temporary file, and the input as it was", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    const before = sha(input);
    const out = path.join(dir, "out.xlsx");
    let written = 0;
    const fullDisk = async (p: string, mode: number): Promise<FileHandle> => {
      const { open } = await import("node:fs/promises");
      const fh = await open(p, "wx", mode);
      // The disk fills after 2 KB.
      const write = fh.write.bind(fh) as (...a: unknown[]) => Promise<{ bytesWritten: number }>;
      (fh as unknown as { write: unknown }).write = async (...a: unknown[]) => {
        written += (a[0] as Buffer).length;
        if (written > 2048) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        return write(...a);
      };
      return fh;
    };
    const failure = writeMarkedCopy(input, out, resultFixture(FINDINGS), { openTempFile: fullDisk });
    await expect(failure).rejects.toMatchObject({ code: "FS_DISK_FULL" });
    await expect(writeMarkedCopy(input, out, resultFixture(FINDINGS), { openTempFile: fullDisk })).rejects.toThrow(/Disken är full.*The disk is full/);
    expect(readdirSync(dir).sort()).toEqual(["in.xlsx"]);
    expect(sha(input)).toBe(before);
  });
});

describe("writeMarkedCopy: file-system errors are one line, in Swedish and English", () => {
  const cases: [string, (dir: string) => string, string, RegExp][] = [
    ["a folder that does not exist", (d) => path.join(d, "nope", "out.xlsx"), "FS_NO_DIRECTORY", /^Mappen finns inte: .*nope \/ The folder does not exist: .*nope$/],
    ["a path under a file", (d) => path.join(d, "in.xlsx", "out.xlsx"), "FS_NOT_DIRECTORY", /en del av sökvägen är en fil.*part of the path is a file/],
    ["a folder as the output", (d) => (mkdirSync(path.join(d, "folder.xlsx")), path.join(d, "folder.xlsx")), "FS_IS_DIRECTORY", /är en mapp, inte en fil.*is a folder, not a file/],
  ];
  it.each(cases)("%s", async (_, outOf, code, message) => {
    const dir = newDir();
    const input = await makeInput(dir);
    const err = await writeMarkedCopy(input, outOf(dir), resultFixture([]), { force: true }).catch((e) => e);
    expect(err).toBeInstanceOf(XlsxError);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.message).not.toMatch(/\n|ENOENT|ENOTDIR|EISDIR/);
  });

  it("no permission (injected: tests may run as root, where permissions do not bite)", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    const denied = async () => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${dir}/x'`), { code: "EACCES" });
    };
    const err = await writeMarkedCopy(input, path.join(dir, "out.xlsx"), resultFixture([]), { openTempFile: denied }).catch((e) => e);
    expect(err).toMatchObject({ code: "FS_PERMISSION" });
    expect(err.bilingual.sv).toMatch(/^Ingen behörighet att skriva .*out\.xlsx/);
    expect(err.bilingual.en).toMatch(/^No permission to write .*out\.xlsx/);
    expect(err.message).not.toContain("EACCES");
  });
});
