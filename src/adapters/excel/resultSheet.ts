/**
 * The result sheet "Granskning": the group figures as an Excel table and a clustered column
 * chart of the average per group against the benchmark. Group level only: no row of the
 * invoice basis, no personal identity number. A second run replaces the sheet (delete + add).
 *
 * APIs: getItemOrNullObject [ExcelApi 1.4]; worksheets.add, Worksheet.delete/activate/getRange,
 * Range.values, TableCollection.add, Table.name/style, ChartCollection.add, Chart.title/
 * setPosition, ChartSeriesCollection.getItemAt [ExcelApi 1.1]; RangeFormat.autofitColumns
 * [ExcelApi 1.2]; ChartSeries.chartType [ExcelApi 1.7, only where supported].
 */
import { CARE_TYPE_LABELS, columnLetter, FIGURE_LABELS, figureHeading, maskIdsInText, type CellValue, type FigureColumn, type GroupFigures, type ReviewResult } from "../../core";
import { ExcelHostError, translateOfficeError } from "./excelHostError";
import { SYNC_BUDGET_BYTES } from "./readSheet";

export const RESULT_SHEET = "Granskning";
export const RESULT_TABLE = "GranskningGrupper";
/** A1 of the result sheet: also how a later run knows the sheet is ours to replace. */
export const RESULT_TITLE = "Granskning av fakturaunderlag – siffror per kommun, vårdform och period";
const HEADER_ROW = 3;

/** The group table's columns; their names come from the core, as in every other host. */
export const RESULT_COLUMNS: readonly FigureColumn[] = [
  "municipality", "careType", "period", "stays", "days", "average", "benchmark", "liableDays", "amount", "invoicedAmount", "difference",
];
export const RESULT_HEADERS = RESULT_COLUMNS.map((c) => figureHeading(c, "sv"));

const CHART_HEADERS = ["Grupp", FIGURE_LABELS.average.sv, FIGURE_LABELS.benchmark.sv] as const;
/** The chart's data sits right of the table, one empty column between. */
const CHART_DATA_COLUMN = RESULT_HEADERS.length + 1;



const orBlank = (v: number | null): CellValue => (v === null ? "" : v);

/** Identity numbers never reach the sheet, even inside a badly filled municipality cell: maskIdsInText. */
export function groupRow(g: GroupFigures): CellValue[] {
  return [
    maskIdsInText(g.municipality),
    CARE_TYPE_LABELS[g.careType]?.sv ?? g.careType,
    maskIdsInText(g.period),
    g.stays,
    g.days,
    orBlank(g.average),
    orBlank(g.benchmark),
    g.liableDays,
    orBlank(g.amount),
    orBlank(g.invoicedAmount),
    orBlank(g.difference),
  ];
}

export function chartRow(g: GroupFigures): CellValue[] {
  const care = g.careType === "psychiatric" ? " psyk." : "";
  return [`${maskIdsInText(g.municipality)} ${maskIdsInText(g.period)}${care}`, orBlank(g.average), orBlank(g.benchmark)];
}

const ACTION = { sv: "skriva resultatbladet", en: "write the result sheet" };

export async function writeResultSheetIn(context: Excel.RequestContext, result: ReviewResult, benchmarkLine: boolean): Promise<void> {
  try {
    const existing = context.workbook.worksheets.getItemOrNullObject(RESULT_SHEET);
    await context.sync();
    if (!existing.isNullObject) {
      // Only a sheet this add-in wrote is replaced: a user's own "Granskning" is kept.
      const a1 = existing.getRange("A1");
      a1.load("values");
      await context.sync();
      if (a1.values[0][0] !== RESULT_TITLE) {
        throw new ExcelHostError("RESULT_SHEET_NOT_OURS", {
          sv: `Det finns redan ett blad "${RESULT_SHEET}" som tillägget inte har skrivit. Byt namn på det och försök igen.`,
          en: `There is already a sheet "${RESULT_SHEET}" that the add-in did not write. Rename it and try again.`,
        });
      }
      existing.delete();
    }
    const sheet = context.workbook.worksheets.add(RESULT_SHEET);
    const groups = result.figures.groups;
    const subtitle = `Avtal: ${result.profile.name.sv}. Grupper: ${groups.length}. Enbart summor per grupp, inga personuppgifter.`;
    sheet.getRange("A1:A2").values = [[RESULT_TITLE], [subtitle]];

    const lastCol = columnLetter(RESULT_HEADERS.length - 1);
    const rows = groups.map(groupRow);
    const chartRows = groups.map(chartRow);
    const lastRow = HEADER_ROW + Math.max(rows.length, 1);
    sheet.getRange(`A${HEADER_ROW}:${lastCol}${HEADER_ROW}`).values = [[...RESULT_HEADERS]];
    if (rows.length === 0) {
      sheet.getRange(`A${HEADER_ROW + 1}`).values = [["Inga grupper: ingen vistelse gick in i siffrorna."]];
    }
    await writeRowsChunked(context, sheet, HEADER_ROW + 1, 0, rows);

    if (rows.length) {
      const table = sheet.tables.add(`A${HEADER_ROW}:${lastCol}${lastRow}`, true);
      table.name = RESULT_TABLE;
      table.style = "TableStyleMedium2";

      const c0 = columnLetter(CHART_DATA_COLUMN);
      const c1 = columnLetter(CHART_DATA_COLUMN + CHART_HEADERS.length - 1);
      sheet.getRange(`${c0}${HEADER_ROW}:${c1}${HEADER_ROW}`).values = [[...CHART_HEADERS]];
      await writeRowsChunked(context, sheet, HEADER_ROW + 1, CHART_DATA_COLUMN, chartRows);
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange(`${c0}${HEADER_ROW}:${c1}${lastRow}`), "Columns");
      chart.title.text = "Medelvärde utskrivningsklara dagar per kommun och period, mot riktmärket";
      const anchor = columnLetter(CHART_DATA_COLUMN + CHART_HEADERS.length + 1);
      chart.setPosition(`${anchor}${HEADER_ROW}`, `${columnLetter(CHART_DATA_COLUMN + CHART_HEADERS.length + 10)}${HEADER_ROW + 20}`);
      if (benchmarkLine) chart.series.getItemAt(1).chartType = "Line";
    }
    sheet.getRange(`A${HEADER_ROW}:${lastCol}${HEADER_ROW}`).format.autofitColumns();
    sheet.activate();
    await context.sync();
  } catch (e) {
    throw translateOfficeError(e, ACTION);
  }
}

/** Writes rows from (startRow, startColumn), splitting into syncs that stay under the budget. */
async function writeRowsChunked(context: Excel.RequestContext, sheet: Excel.Worksheet, startRow: number, startColumn: number, rows: CellValue[][]): Promise<void> {
  if (!rows.length) return;
  const width = rows[0].length;
  const c0 = columnLetter(startColumn);
  const c1 = columnLetter(startColumn + width - 1);
  let from = 0;
  let budget = 0;
  let bytes = 0;
  for (let i = 0; i <= rows.length; i++) {
    const rowBytes = i < rows.length ? JSON.stringify(rows[i]).length + 1 : 0;
    if (i === rows.length || (i > from && bytes + rowBytes > SYNC_BUDGET_BYTES / 2)) {
      sheet.getRange(`${c0}${startRow + from}:${c1}${startRow + i - 1}`).values = rows.slice(from, i) as (string | number | boolean)[][];
      budget += bytes;
      if (budget > SYNC_BUDGET_BYTES / 2 && i < rows.length) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch, by design
        await context.sync();
        budget = 0;
      }
      from = i;
      bytes = 0;
    }
    bytes += rowBytes;
  }
}
