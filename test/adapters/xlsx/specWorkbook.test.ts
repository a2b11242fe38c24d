/**
 * writeSpecWorkbook: a new workbook holding only the given sheets, each placed by the core's
 * layoutSheet. Read back with exceljs (tables, totals, formats) and part by part (well-formed
 * XML, schema order, chart ranges, relationships and content types).
 */
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { layoutSheet, SPEC_NUMBER_FORMATS } from "../../../src/core";
import { uniqueSheetName, writeSpecWorkbook } from "../../../src/adapters/xlsx/specWorkbook";
import { XlsxError } from "../../../src/adapters/xlsx/xlsxError";
import { findAll, first, parseXml, relTargets, schemaOrderProblems, text, unzipParts } from "./ooxmlParts";
import { COMPARISON, EMPTY_LIST } from "./specFixtures";

const newDir = () => mkdtempSync(path.join(tmpdir(), "spec-wb-"));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

interface ExcelJsTable {
  name: string;
  tableRef: string;
  totalsRow: boolean;
  headerRow: boolean;
  autoFilterRef: string;
  columns: { name: string; totalsRowFunction?: string; totalsRowLabel?: string }[];
}

function tablesOf(ws: ExcelJS.Worksheet): ExcelJsTable[] {
  return (ws as unknown as { getTables(): { table: ExcelJsTable }[] }).getTables().map((t) => t.table);
}

describe("writeSpecWorkbook: what the workbook holds", () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(newDir(), "ny.xlsx");
    await writeSpecWorkbook([COMPARISON, EMPTY_LIST], file);
  });

  it("exceljs reads back the sheets, the tables by name, their ranges, totals and autofilters", async () => {
    const wb = await load(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Scenarier", "Tom"]);
    const ws = wb.getWorksheet("Scenarier")!;
    // Layout: title A1, notes A2:A3, blank 4; table 1 caption 5, header 6, rows 7–9, totals 10; blank 11;
    // table 2 caption 12, header 13, rows 14–16.
    const tables = tablesOf(ws);
    expect(tables.map((t) => [t.name, t.tableRef, t.autoFilterRef, t.totalsRow, t.headerRow])).toEqual([
      ["Jamforelse", "A6:F10", "A6:F9", true, true],
      ["Kanslighet", "A13:C16", "A13:C16", false, true],
    ]);
    expect(tables[0].columns).toEqual([
      { name: "Kommun", totalsRowLabel: "Summa" },
      { name: "Belopp [kr]", totalsRowFunction: "sum" },
      { name: "Dagar", totalsRowFunction: "sum" },
      { name: "Andel" },
      { name: "Vistelser", totalsRowFunction: "sum" },
      { name: "Från" },
    ]);
    expect(ws.getCell("A1").value).toBe("Scenarier – jämförelse");
    expect(ws.getCell("A5").value).toBe("Belopp per kommun");
    expect(ws.getRow(6).values).toEqual([undefined, "Kommun", "Belopp [kr]", "Dagar", "Andel", "Vistelser", "Från"]);
  });

  it("the totals row sums with SUBTOTAL(109, …) and caches the hand-computed sums", async () => {
    const ws = (await load(file)).getWorksheet("Scenarier")!;
    expect(ws.getCell("A10").value).toBe("Summa");
    // 12000 + 3000 + 500 = 15500; 1.5 + 2.25 + 0 = 3.75; 3 + 1 + 0 = 4
    expect(ws.getCell("B10").value).toEqual({ formula: "SUBTOTAL(109,Jamforelse[[Belopp '[kr']]])", result: 15500 });
    expect(ws.getCell("C10").value).toEqual({ formula: "SUBTOTAL(109,Jamforelse[[Dagar]])", result: 3.75 });
    expect(ws.getCell("E10").value).toEqual({ formula: "SUBTOTAL(109,Jamforelse[[Vistelser]])", result: 4 });
    expect(ws.getCell("D10").value).toBeNull();
  });

  it("each column's cells carry its number format", async () => {
    const ws = (await load(file)).getWorksheet("Scenarier")!;
    const formats = ["A", "B", "C", "D", "E", "F"].map((c) => ws.getCell(`${c}7`).numFmt);
    expect(formats).toEqual([SPEC_NUMBER_FORMATS.text, SPEC_NUMBER_FORMATS.kronor, SPEC_NUMBER_FORMATS.decimal, SPEC_NUMBER_FORMATS.percent, SPEC_NUMBER_FORMATS.integer, SPEC_NUMBER_FORMATS.date]);
    expect(ws.getCell("B10").numFmt).toBe(SPEC_NUMBER_FORMATS.kronor);
    expect(ws.getCell("B10").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(14);
  });

  it("text is text: '=1+1' is an inline string, the only formulas are the totals", () => {
    const parts = unzipParts(file);
    const sheet = parseXml(text(parts, "xl/worksheets/sheet1.xml"));
    const a8 = findAll(sheet, "c").find((c) => c.attrs.r === "A8")!;
    expect(a8.attrs.t).toBe("inlineStr");
    expect(first(a8, "t").text).toBe("=1+1");
    expect(findAll(sheet, "f").map((f) => f.text)).toEqual([
      "SUBTOTAL(109,Jamforelse[[Belopp '[kr']]])",
      "SUBTOTAL(109,Jamforelse[[Dagar]])",
      "SUBTOTAL(109,Jamforelse[[Vistelser]])",
    ]);
    const a3 = findAll(sheet, "c").find((c) => c.attrs.r === "A3")!;
    expect(first(a3, "t").text).toBe("=1+1 är en anteckning, ingen formel");
  });

  it("every part is well-formed XML in the schema's element order, and every relationship and content type is there", () => {
    const parts = unzipParts(file);
    const types = parseXml(text(parts, "[Content_Types].xml"));
    const overrides = new Map(findAll(types, "Override").map((o) => [o.attrs.PartName.slice(1), o.attrs.ContentType]));
    for (const [name, bytes] of parts) {
      const root = parseXml(bytes.toString("utf8"));
      expect([name, schemaOrderProblems(root)]).toEqual([name, []]);
      if (!name.endsWith(".rels") && name !== "[Content_Types].xml") expect([name, overrides.has(name)]).toEqual([name, true]);
      if (name.endsWith(".rels")) for (const r of relTargets(parts, name)) expect([name, r.part, parts.has(r.part)]).toEqual([name, r.part, true]);
    }
    expect([...overrides.keys()].filter((p) => !parts.has(p))).toEqual([]);
    expect(relTargets(parts, "xl/worksheets/_rels/sheet1.xml.rels").map((r) => r.type)).toEqual(["table", "table", "drawing"]);
  });

  it("the charts read the table's cells: categories, series names and values, with cached values", () => {
    const parts = unzipParts(file);
    const drawing = relTargets(parts, "xl/worksheets/_rels/sheet1.xml.rels").find((r) => r.type === "drawing")!.part;
    const charts = relTargets(parts, drawing.replace(/([^/]+)$/, "_rels/$1.rels")).map((r) => parseXml(text(parts, r.part)));
    const line = charts[0];
    expect(findAll(line, "lineChart")).toHaveLength(1);
    expect(findAll(line, "f").map((f) => f.text)).toEqual([
      "'Scenarier'!$B$13", "'Scenarier'!$A$14:$A$16", "'Scenarier'!$B$14:$B$16",
      "'Scenarier'!$C$13", "'Scenarier'!$A$14:$A$16", "'Scenarier'!$C$14:$C$16",
    ]);
    const values = (ser: number, tag: "cat" | "val") => findAll(first(findAll(line, "ser")[ser], tag), "v").map((v) => Number(v.text));
    expect(values(0, "cat")).toEqual([2, 2.5, 3]);
    expect(values(1, "val")).toEqual([20000, 12000, 1000]);
    expect(first(first(line, "title"), "t").text).toBe("Belopp mot riktmärke");

    const column = charts[1];
    expect(first(column, "barDir").attrs.val).toBe("col");
    expect(findAll(column, "f").map((f) => f.text)).toEqual(["'Scenarier'!$B$6", "'Scenarier'!$A$7:$A$9", "'Scenarier'!$B$7:$B$9"]);
    // Text categories are a string cache, "=1+1" among them as the text it is.
    expect(findAll(first(column, "strRef"), "v").map((v) => v.text)).toEqual(["Belopp [kr]"]);
    expect(findAll(findAll(column, "cat")[0], "v").map((v) => v.text)).toEqual(["Halmstad", "=1+1", "Laholm"]);
  });

  it("anchors each chart where layoutSheet places it", () => {
    const parts = unzipParts(file);
    const drawing = parseXml(text(parts, "xl/drawings/drawing1.xml"));
    const layout = layoutSheet(COMPARISON);
    // Widest table has 6 columns (A–F): charts start at column H (index 7), 8 wide, 18 high.
    expect(layout.charts.map((c) => [c.topLeft, c.bottomRight])).toEqual([["H5", "O22"], ["H24", "O41"]]);
    const corner = (a: ReturnType<typeof parseXml>, tag: "from" | "to") => {
      const m = first(a, tag);
      return [Number(first(m, "col").text), Number(first(m, "row").text)];
    };
    const anchors = findAll(drawing, "twoCellAnchor");
    expect(anchors.map((a) => [corner(a, "from"), corner(a, "to")])).toEqual([[[7, 4], [15, 22]], [[7, 23], [15, 41]]]);
  });

  it("an empty table is its caption, header and a plain totals row, without a table part or chart", async () => {
    const wb = await load(file);
    const ws = wb.getWorksheet("Tom")!;
    expect(tablesOf(ws)).toEqual([]);
    expect(ws.getRow(4).values).toEqual([undefined, "Kommun", "Belopp"]);
    expect(ws.getCell("A5").value).toBe("Summa");
    expect(ws.getCell("B5").value).toBe(0);
    const parts = unzipParts(file);
    expect(parts.has("xl/worksheets/_rels/sheet2.xml.rels")).toBe(false);
    expect([...parts.keys()].filter((p) => p.startsWith("xl/charts/"))).toHaveLength(2);
  });

  it("a second reader (SheetJS) sees the same cells: text as text, the totals' cached sums", () => {
    const ws = XLSX.readFile(file, { cellNF: true }).Sheets["Scenarier"];
    expect(ws["A8"]).toMatchObject({ t: "s", v: "=1+1" });
    expect(ws["A8"].f).toBeUndefined();
    expect(ws["B10"]).toMatchObject({ t: "n", v: 15500, f: "SUBTOTAL(109,Jamforelse[[Belopp '[kr']]])" });
    expect(ws["B7"]).toMatchObject({ t: "n", v: 12000, z: '#,##0 "kr"' });
  });

  it("a column title with a line break: the table's column name escapes it as Excel does, the header cell keeps it", async () => {
    const out = path.join(newDir(), "radbrytning.xlsx");
    const spec = { ...EMPTY_LIST, name: "Rad", charts: [], tables: [{ ...EMPTY_LIST.tables[0], name: "Rad", columns: [{ title: "Belopp\n(kr)", format: "kronor" as const }, { title: "_x0041_", format: "text" as const }], rows: [[1, "a"]] }] };
    await writeSpecWorkbook([spec], out);
    const parts = unzipParts(out);
    const columns = findAll(parseXml(text(parts, "xl/tables/table1.xml")), "tableColumn").map((c) => c.attrs.name);
    expect(columns).toEqual(["Belopp_x000A_(kr)", "_x005F_x0041_"]);
    const header = findAll(parseXml(text(parts, "xl/worksheets/sheet1.xml")), "c").filter((c) => /^[AB]4$/.test(c.attrs.r));
    expect(header.map((c) => first(c, "t").text)).toEqual(["Belopp\n(kr)", "_x005F_x0041_"]);
  });

  it("sheet names stay unique and within 31 characters", () => {
    expect(uniqueSheetName(["Scenarier"], "scenarier")).toBe("scenarier (2)");
    expect(uniqueSheetName(["A".repeat(31)], "A".repeat(40))).toBe(`${"A".repeat(27)} (2)`);
  });

  it("refuses a spec the core rejects, naming the problem", async () => {
    const bad = { ...COMPARISON, charts: [{ kind: "line" as const, title: "x", table: "Nope", category: 0, series: [1] }] };
    await expect(writeSpecWorkbook([bad], path.join(newDir(), "x.xlsx"))).rejects.toThrow(/reads table "Nope"/);
  });
});

describe("writeSpecWorkbook: never over an input or an existing file", () => {
  it("refuses an existing file without force, replaces it with force", async () => {
    const dir = newDir();
    const out = path.join(dir, "sammanfattning.xlsx");
    writeFileSync(out, "keep me");
    await expect(writeSpecWorkbook([COMPARISON], out)).rejects.toMatchObject({ code: "OUT_EXISTS" });
    expect(readFileSync(out, "utf8")).toBe("keep me");
    await writeSpecWorkbook([COMPARISON], out, { force: true });
    expect((await load(out)).worksheets.map((w) => w.name)).toEqual(["Scenarier"]);
    expect(readdirSync(dir)).toEqual(["sammanfattning.xlsx"]);
  });

  it("refuses one of its inputs even with force, and takes the strictest of their permissions", async () => {
    const dir = newDir();
    const a = path.join(dir, "a.xlsx");
    const b = path.join(dir, "b.xlsx");
    writeFileSync(a, "a");
    writeFileSync(b, "b");
    chmodSync(a, 0o640);
    chmodSync(b, 0o604);
    const err = await writeSpecWorkbook([COMPARISON], b, { inputs: [a, b], force: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxError);
    expect((err as XlsxError).code).toBe("SAME_FILE");
    expect(readFileSync(b, "utf8")).toBe("b");
    const out = path.join(dir, "ut.xlsx");
    await writeSpecWorkbook([COMPARISON], out, { inputs: [a, b] });
    // 0o640 & 0o604 = 0o600
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it("without inputs the workbook is the owner's only (0600)", async () => {
    const out = path.join(newDir(), "ut.xlsx");
    await writeSpecWorkbook([COMPARISON], out);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it("a write that fails leaves no file behind", async () => {
    const dir = newDir();
    const out = path.join(dir, "ut.xlsx");
    const failing = async () => {
      throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    };
    await expect(writeSpecWorkbook([COMPARISON], out, { openTempFile: failing })).rejects.toBeInstanceOf(XlsxError);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
