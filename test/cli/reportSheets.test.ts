/**
 * `--out` with `--report`: the marked copy holds the chosen reports as sheets after the result
 * sheet, each table's cells as the JSON gives them, with their native charts. In process, on a
 * small file written here.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/review";
import { layoutSheet, REPORT_SHEET_NAMES, type SheetSpec } from "../../src/core";
import { unzipParts } from "../adapters/xlsx/ooxmlParts";

const HEADER = ["Personnummer", "Vårdtillfälle", "Inskrivningsdatum", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Belopp"];
const OCT1 = 45200; // 2023-10-01 in the 1900 date system
const ROWS = [
  // 5, 2 and 10 days in October 2023.
  ["19121212-1212", "V-1", OCT1, OCT1 + 1, OCT1 + 6, "Halmstad", 21000],
  ["811218-9876", "V-2", OCT1 + 2, OCT1 + 3, OCT1 + 5, "Halmstad", 0],
  ["640823-3234", "V-3", OCT1 + 4, OCT1 + 5, OCT1 + 15, "Varberg", 84000],
];
const dir = mkdtempSync(path.join(tmpdir(), "report-sheets-"));

async function input(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Underlag");
  ws.addRow(HEADER);
  for (const r of ROWS) ws.addRow(r);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function run(args: string[]): Promise<string> {
  let stdout = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    expect(await main([...args, "--today", "2023-11-15"])).toBe(0);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return stdout;
}

const cellValue = (v: ExcelJS.CellValue): unknown => (v !== null && typeof v === "object" && "result" in v ? v.result : v);

describe("--out with --report", () => {
  it("adds the chosen reports after the result sheet, cell for cell as the JSON gives them, with their charts", async () => {
    const file = await input();
    const copy = path.join(dir, "copy.xlsx");
    const json = JSON.parse(await run([file, "--report", "costPerMonth", "--report", "delayedStays", "--json", "--out", copy])) as { reports: { id: string; sheet: SheetSpec }[] };
    expect(json.reports.map((r) => r.id)).toEqual(["delayedStays", "costPerMonth"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(names.indexOf("Granskning") + 1, names.indexOf("Granskning") + 3)).toEqual([REPORT_SHEET_NAMES.delayedStays, REPORT_SHEET_NAMES.costPerMonth]);
    for (const { sheet: spec } of json.reports) {
      const ws = wb.getWorksheet(spec.name)!;
      expect(ws.getCell("A1").value).toBe(spec.title);
      for (const p of layoutSheet(spec).tables) {
        p.table.rows.forEach((row, i) => row.forEach((v, c) => expect(cellValue(ws.getCell(p.firstDataRow + i, c + 1).value) ?? null).toEqual(v)));
      }
    }
    // Law, 3 grace days, 10 500 kr: Halmstad 5 → 2 days = 21 000 and 2 → 0; Varberg 10 → 7 days = 73 500.
    const cost = json.reports[1].sheet.tables[0].rows;
    expect(cost.map((r) => [r[0], r[2], r[4], r[5]])).toEqual([["Halmstad", "2023-10", 21000, 21000], ["Varberg", "2023-10", 84000, 73500]]);
    // One chart part per chart of the two reports (a column chart each).
    const charts = [...unzipParts(copy).keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));
    expect(charts).toHaveLength(json.reports.reduce((n, r) => n + r.sheet.charts.length, 0));
    expect(charts).toHaveLength(2);
  });
});
