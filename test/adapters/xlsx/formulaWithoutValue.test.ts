import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { toCellValue } from "../../../src/adapters/xlsx/cellConversion";
import { readXlsxWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { readXlsxFile } from "../../../src/adapters/xlsx/xlsxReader";
import { FORMULA_WITHOUT_VALUE, isFormulaWithoutValue } from "../../../src/core/cells/cellValue";

describe("a formula cell without a stored result", () => {
  it("converts to the core's marker, not to an empty cell", () => {
    expect(toCellValue({ formula: "A1+1" }, "1900")).toBe(FORMULA_WITHOUT_VALUE);
    expect(toCellValue({ sharedFormula: "B2" }, "1900")).toBe(FORMULA_WITHOUT_VALUE);
    // A formula with a result is its result, a falsy one included.
    expect(toCellValue({ formula: "1-1", result: 0 }, "1900")).toBe(0);
    expect(toCellValue({ formula: '""', result: "" }, "1900")).toBe("");
    expect(isFormulaWithoutValue(toCellValue("", "1900"))).toBe(false);
  });

  it.each([
    ["the headless command's reader", readXlsxFile],
    ["the exceljs reference reader", readXlsxWorkbook],
  ])("is read from a file as the marker by %s", async (_name, read) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = 45204;
    ws.getCell("B1").value = { formula: "A1+1" } as ExcelJS.CellFormulaValue; // saved without calculating
    ws.getCell("C1").value = { formula: "A1+2", result: 45206 };
    const file = path.join(mkdtempSync(path.join(tmpdir(), "xlsx-formula-")), "f.xlsx");
    await wb.xlsx.writeFile(file);
    const g = await read(file);
    expect(g.sheets[0].values[0]).toEqual([45204, FORMULA_WITHOUT_VALUE, 45206]);
  });
});
