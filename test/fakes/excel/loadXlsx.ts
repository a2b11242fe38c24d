/**
 * Node only: turns an .xlsx file into the fake host's workbook state, with cells as Office.js
 * `range.values` gives them (dates → serial numbers in the workbook's date system, formulas →
 * their cached result, errors → "#N/A" etc.). Fixture-sized files: it uses exceljs's in-memory
 * reader.
 */
import ExcelJS from "exceljs";
import { type FakeCell, type FakeConditionalFormat, type FakeFill, type FakeSheet, type FakeWorkbookState, makeSheet } from "./state";

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL_1900 = 25_569;
const OFFSET_1904 = 1_462;

function toSerial(d: Date, date1904: boolean): number {
  const serial = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL_1900;
  return date1904 ? serial - OFFSET_1904 : serial;
}

export function cellToValue(raw: unknown, date1904: boolean): FakeCell {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean") return raw;
  if (raw instanceof Date) return toSerial(raw, date1904);
  if (typeof raw === "object") {
    const o = raw as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    if (typeof o.error === "string") return o.error;
    if ("formula" in o || "sharedFormula" in o) return "result" in o ? cellToValue(o.result, date1904) : "";
    if ("text" in o) return cellToValue(o.text, date1904);
  }
  return String(raw);
}

const VISIBILITY: Record<string, FakeSheet["visibility"]> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

export async function loadXlsxState(filePath: string): Promise<FakeWorkbookState> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(filePath);
  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  const sheets: FakeSheet[] = [];
  let cfId = 1;
  wb.eachSheet((ws) => {
    const values: FakeCell[][] = [];
    const fills: FakeFill[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      while (values.length < rowNumber) values.push([]);
      const line = values[rowNumber - 1];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        while (line.length < colNumber - 1) line.push("");
        line[colNumber - 1] = cellToValue(cell.value, date1904);
        const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
        if (fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb) {
          fills.push({ address: cell.address, color: `#${fill.fgColor.argb.slice(-6)}` });
        }
      });
    });
    const cfs: FakeConditionalFormat[] = [];
    const formattings = (ws as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; formulae?: string[] }[] }[] })
      .conditionalFormattings;
    for (const f of formattings ?? []) {
      for (const rule of f.rules) {
        cfs.push({
          id: `{xlsx-${cfId++}}`,
          type: rule.type === "expression" ? "Custom" : "CellValue",
          address: f.ref,
          formula: rule.formulae?.[0] !== undefined ? `=${rule.formulae[0]}` : undefined,
          fillColor: null,
          fontColor: null,
        });
      }
    }
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    sheets.push(
      makeSheet(ws.name, values, {
        visibility: VISIBILITY[ws.state] ?? "Visible",
        protected: Boolean(protection?.sheet),
        conditionalFormats: cfs,
        fills,
      }),
    );
  });
  return { sheets, settings: {}, date1904, activeSheet: sheets[0]?.name ?? null, selection: null };
}
