/**
 * The marked copy's added sheets from SheetSpecs: rendered beside the result sheet, named and
 * numbered apart from what the input holds (its sheets, tables, parts), the input's parts byte
 * for byte, its styles' indices unmoved.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
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
    expect(added.getCell("B10").value).toEqual({ formula: "SUBTOTAL(109,Jamforelse_2[Belopp '[kr']])", result: 15500 });
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
});
