/**
 * The marked copy's added sheets from SheetSpecs: rendered beside the result sheet, named and
 * numbered apart from what the input holds (its sheets, tables, parts), the input's parts byte
 * for byte, its styles' indices unmoved.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { createHash } from "node:crypto";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeMarkedCopy } from "../../../src/adapters/xlsx/writeMarkedCopy";
import { SPEC_NUMBER_FORMATS } from "../../../src/core";
import { finding, resultFixture } from "../../cli/resultFixture";
import { findAll, parseXml, relTargets, schemaOrderProblems, text, unzipParts } from "./ooxmlParts";
import { COMPARISON } from "./specFixtures";

const newDir = () => mkdtempSync(path.join(tmpdir(), "copy-spec-"));
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

/** An input that already has a sheet "Scenarier" and a table "Jamforelse": the added ones must go around them. */
async function makeInput(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Fakturaunderlag");
  ws.getRow(1).values = ["Personnummer", "Kommun", "Belopp"];
  ws.getRow(2).values = ["19471205-9005", "Halmstad", 1200];
  ws.getCell("C2").numFmt = "0.000";
  const own = wb.addWorksheet("Scenarier");
  own.addTable({ name: "Jamforelse", ref: "A1", columns: [{ name: "Egen" }, { name: "Siffra" }], rows: [["x", 1], ["y", 2]] });
  const f = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(f);
  return f;
}

interface ExcelJsTable {
  name: string;
  tableRef: string;
  totalsRow: boolean;
  columns: { name: string }[];
}
const tablesOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { getTables(): { table: ExcelJsTable }[] }).getTables().map((t) => t.table);

describe("writeMarkedCopy with added sheets", () => {
  let input: string;
  let out: string;
  let before: string;
  beforeAll(async () => {
    const dir = newDir();
    input = await makeInput(dir);
    before = sha(input);
    out = path.join(dir, "out.xlsx");
    await writeMarkedCopy(input, out, resultFixture([finding({ code: "LONG_STAY", severity: "warning", row: 2 })]), { sheets: [COMPARISON] });
  });

  it("adds the sheet after the result sheet, named apart from the input's, with its tables renamed apart", async () => {
    expect(sha(input)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Fakturaunderlag", "visible"], ["Scenarier", "visible"], ["Granskning", "visible"], ["Scenarier (2)", "visible"], ["_granskning_marks", "hidden"],
    ]);
    expect(tablesOf(wb.getWorksheet("Scenarier")!).map((t) => [t.name, t.tableRef])).toEqual([["Jamforelse", "A1:B3"]]);
    const added = wb.getWorksheet("Scenarier (2)")!;
    expect(tablesOf(added).map((t) => [t.name, t.tableRef, t.totalsRow])).toEqual([["Jamforelse_2", "A6:F10", true], ["Kanslighet", "A13:C16", false]]);
    // 12000 + 3000 + 500 = 15500, under the renamed table
    expect(added.getCell("B10").value).toEqual({ formula: "SUBTOTAL(109,Jamforelse_2[[Belopp '[kr']]])", result: 15500 });
    expect(added.getCell("B7").numFmt).toBe(SPEC_NUMBER_FORMATS.kronor);
    expect(added.getCell("A8").value).toBe("=1+1");
    // The input's own cell keeps its format.
    expect(wb.getWorksheet("Fakturaunderlag")!.getCell("C2").numFmt).toBe("0.000");
  });

  it("copies the input's other parts byte for byte and keeps its styles' indices (appends only)", () => {
    const a = unzipSync(readFileSync(input));
    const b = unzipSync(readFileSync(out));
    const changed = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"];
    for (const name of Object.keys(a)) {
      if (changed.includes(name)) continue;
      expect({ name, same: Buffer.from(b[name]).equals(Buffer.from(a[name])) }).toEqual({ name, same: true });
    }
    const xfs = (bytes: Uint8Array) => findAll(findAll(parseXml(Buffer.from(bytes).toString("utf8")), "cellXfs")[0], "xf").map((x) => JSON.stringify(x.attrs));
    const inXfs = xfs(a["xl/styles.xml"]);
    expect(xfs(b["xl/styles.xml"]).slice(0, inXfs.length)).toEqual(inXfs);
    // New parts do not reuse the input's names: its table is table1.xml.
    expect(Object.keys(a)).toContain("xl/tables/table1.xml");
    expect(Object.keys(b).filter((n) => !(n in a)).sort()).toEqual([
      "xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/drawings/drawing1.xml",
      "xl/tables/table2.xml", "xl/tables/table3.xml", "xl/worksheets/_rels/sheet4.xml.rels", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml",
    ]);
  });

  it("every part is well-formed, in schema order, typed, and every relationship resolves; table ids are unique", () => {
    const parts = unzipParts(out);
    const types = parseXml(text(parts, "[Content_Types].xml"));
    const typed = new Set(findAll(types, "Override").map((o) => o.attrs.PartName.slice(1)));
    for (const [name, bytes] of parts) {
      if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
      expect([name, schemaOrderProblems(parseXml(bytes.toString("utf8")))]).toEqual([name, []]);
      if (name.endsWith(".rels")) for (const r of relTargets(parts, name)) expect([name, r.part, parts.has(r.part)]).toEqual([name, r.part, true]);
    }
    for (const p of ["xl/tables/table2.xml", "xl/tables/table3.xml", "xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/worksheets/sheet4.xml"]) expect([p, typed.has(p)]).toEqual([p, true]);
    const ids = ["xl/tables/table1.xml", "xl/tables/table2.xml", "xl/tables/table3.xml"].map((t) => parseXml(text(parts, t)).attrs.id);
    expect(new Set(ids).size).toBe(3);
  });

  it("the charts read the added sheet under its final name", () => {
    const parts = unzipParts(out);
    const refs = findAll(parseXml(text(parts, "xl/charts/chart2.xml")), "f").map((f) => f.text);
    expect(refs).toEqual(["'Scenarier (2)'!$B$6", "'Scenarier (2)'!$A$7:$A$9", "'Scenarier (2)'!$B$7:$B$9"]);
  });

  it("a package without a styles part gets one, with the added sheets' formats", async () => {
    const dir = newDir();
    const zip = new JSZip();
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
    zip.file("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    zip.file("xl/workbook.xml", `<?xml version="1.0"?><workbook ${ns}><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    zip.file("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
    zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0"?><worksheet ${ns}><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`);
    const bare = path.join(dir, "bare.xlsx");
    writeFileSync(bare, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const copy = path.join(dir, "out.xlsx");
    await writeMarkedCopy(bare, copy, resultFixture([]), { sheets: [COMPARISON] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Blad1", "Granskning", "Scenarier"]);
    const ws = wb.getWorksheet("Scenarier")!;
    expect([ws.getCell("B7").numFmt, ws.getCell("D7").numFmt, ws.getCell("F7").numFmt]).toEqual([SPEC_NUMBER_FORMATS.kronor, SPEC_NUMBER_FORMATS.percent, SPEC_NUMBER_FORMATS.date]);
    expect(tablesOf(ws).map((t) => t.name)).toEqual(["Jamforelse", "Kanslighet"]);
    const parts = unzipParts(copy);
    expect(schemaOrderProblems(parseXml(text(parts, "xl/styles.xml")))).toEqual([]);
  });
});
