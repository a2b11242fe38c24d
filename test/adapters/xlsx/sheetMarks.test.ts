import { placeInTail, withMarks, type SheetMarkPlan } from "../../../src/adapters/xlsx/copy/sheetMarks";
import { addStyles, addSheetsToWorkbook, workbookSheets } from "../../../src/adapters/xlsx/copy/packageParts";

const plan: SheetMarkPlan = { helperSheet: "_granskning_marks", helperColumn: "B", rules: [{ code: 3, dxfId: 7 }], lastColumn: "C", lastRow: 9 };

async function run(xml: string, chunkSize: number, p: SheetMarkPlan = plan): Promise<string> {
  const bytes = Buffer.from(xml, "utf8");
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const out: Buffer[] = [];
  for await (const b of withMarks(chunks(), p)) out.push(b);
  return Buffer.concat(out).toString("utf8");
}

const CF = `<conditionalFormatting sqref="A1:C9"><cfRule type="expression" dxfId="7" priority="1"><formula>INDEX('_granskning_marks'!$B:$B,ROW())=3</formula></cfRule></conditionalFormatting>`;

describe("withMarks", () => {
  const sheet = `<?xml version="1.0"?><worksheet xmlns="m"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Å é</t></is></c></row></sheetData><pageMargins left="0.7"/></worksheet>`;
  it("inserts the format after the rows, whatever the chunk boundaries (every size from 1 byte)", async () => {
    const expected = sheet.replace("<pageMargins", `${CF}<pageMargins`);
    for (let size = 1; size <= sheet.length + 1; size++) expect({ size, xml: await run(sheet, size) }).toEqual({ size, xml: expected });
  });

  it("goes before dataValidations and after the sheet's own formats, with lower precedence than theirs", async () => {
    const own = `<worksheet xmlns="m"><sheetData/><conditionalFormatting sqref="A1"><cfRule type="cellIs" priority="4"/></conditionalFormatting><dataValidations count="0"/><extLst><x14:cf priority="6"/></extLst></worksheet>`;
    const out = await run(own, 7);
    expect(out).toBe(own.replace("<dataValidations", CF.replace('priority="1"', 'priority="7"') + "<dataValidations"));
  });

  it("takes the sheet's namespace prefix and its stated columns when wider", async () => {
    const prefixed = `<x:worksheet xmlns:x="m"><x:dimension ref="A1:F20"/><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>`;
    const out = await run(prefixed, 5);
    expect(out).toContain(`</x:sheetData><x:conditionalFormatting sqref="A1:F9"><x:cfRule type="expression" dxfId="7" priority="1"><x:formula>`);
    expect(out.endsWith("</x:conditionalFormatting></x:worksheet>")).toBe(true);
  });

  it("a sheet part without rows is an error, not a silent copy", async () => {
    await expect(run(`<worksheet xmlns="m"><cols/></worksheet>`, 4)).rejects.toThrow(/sheetData/);
  });

  it("placeInTail: before </worksheet> when nothing follows the formats", () => {
    expect(placeInTail(`</sheetData></worksheet>`, "")).toEqual({ at: 12, firstPriority: 1 });
  });
});

describe("package parts", () => {
  it("adds sheets with the workbook's prefix for relationships and reads them back", () => {
    const wb = `<workbook xmlns="m" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A &amp; B" sheetId="3" rel:id="rId2"/></sheets></workbook>`;
    const out = addSheetsToWorkbook(wb, [{ name: "Granskning", sheetId: 4, relId: "rId9", hidden: true }]);
    expect(out).toContain(`<sheet name="Granskning" sheetId="4" state="hidden" rel:id="rId9"/></sheets>`);
    expect(workbookSheets(out)).toEqual([
      { name: "A & B", sheetId: 3, relId: "rId2" },
      { name: "Granskning", sheetId: 4, relId: "rId9" },
    ]);
  });

  it("appends differential fills and fonts without moving the existing indices, and fixes the counts", () => {
    const styles = `<styleSheet xmlns="m"><fonts count="1"><font><sz val="11"/></font></fonts><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="0" numFmtId="14"/></cellXfs><cellStyles/><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>`;
    const r = addStyles(styles, ["FFFF0000", "FF00FF00"], [{ bold: true, size: 14 }]);
    expect(r.dxfIds).toEqual([1, 2]);
    expect(r.xfIds).toEqual([2]);
    expect(r.xml).toContain(`<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="14"/>`);
    expect(r.xml).toContain(`<cellXfs count="3"><xf fontId="0"/><xf fontId="0" numFmtId="14"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>`);
    expect(r.xml).toMatch(/<dxfs count="3"><dxf><font><b\/><\/font><\/dxf><dxf><fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"\/><bgColor rgb="FFFF0000"\/>/);
  });

  it("creates <dxfs> where the stylesheet has none, in schema order", () => {
    const styles = `<styleSheet xmlns="m"><fonts count="1"><font/></fonts><cellXfs count="1"><xf/></cellXfs><cellStyles/><tableStyles count="0"/></styleSheet>`;
    const r = addStyles(styles, ["FF000000"], []);
    expect(r.xml).toContain(`<cellStyles/><dxfs count="1"><dxf>`);
    expect(r.xml.indexOf("<dxfs")).toBeLessThan(r.xml.indexOf("<tableStyles"));
  });
});
