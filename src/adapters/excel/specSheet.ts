/**
 * Renders a SheetSpec (src/core/sheets/sheetSpec.ts) on a sheet of its own, cell for cell where
 * layoutSheet puts it: the title in A1, the notes, each table as an Excel table with a totals row
 * (SUBTOTAL sums, the label in the first column) and its columns' number formats, and native
 * charts whose series read the tables' columns. Every text cell is formatted "@" before its value
 * is written, so "=1+1" stays text. A second run replaces the sheet, but only one this add-in
 * wrote (A1 holds the spec's title or one of its ownTitles); a user's sheet of that name, or a
 * table of the same name elsewhere in the workbook, ends in a message and nothing is written.
 * Cell writes go in syncs under the payload budget. The user's cells are never touched.
 *
 * A table without rows is written as its header (and totals label) only: Excel would give an
 * Excel table an empty data row the layout has no room for. Charts of it are left out.
 *
 * APIs: worksheets.add, Worksheet.delete/activate/getRange, Range.values/numberFormat/formulas,
 * RangeFont.bold, TableCollection.add, Table.name/style/showTotals/getTotalRowRange,
 * ChartCollection.add, Chart.title/setPosition, ChartSeriesCollection.getItemAt,
 * ChartSeries.name [ExcelApi 1.1]; RangeFormat.autofitColumns, Table.worksheet [ExcelApi 1.2];
 * WorksheetCollection.getItemOrNullObject, TableCollection.getItemOrNullObject [ExcelApi 1.4];
 * ChartSeriesCollection.add, ChartSeries.setValues/setXAxisValues [ExcelApi 1.7, charts only].
 * requirements.ts: `specSheet` (1.4) and `specCharts` (1.7).
 */
import { columnLetter, layoutSheet, SPEC_NUMBER_FORMATS, specProblems, type SheetSpec, type SpecCell, type TablePlacement } from "../../core";
import type { ExcelFeatures } from "./requirements";
import { ExcelHostError, translateOfficeError } from "./excelHostError";
import { SYNC_BUDGET_BYTES } from "./readSheet";

const TEXT = SPEC_NUMBER_FORMATS.text;
const TABLE_STYLE = "TableStyleMedium2";
/** Half the budget per sync, as the result sheet does: room for Excel's own overhead. */
const BATCH_BYTES = SYNC_BUDGET_BYTES / 2;

export async function writeSpecSheetIn(context: Excel.RequestContext, spec: SheetSpec, features: Pick<ExcelFeatures, "specCharts">): Promise<void> {
  const action = { sv: `skriva bladet "${spec.name}"`, en: `write the sheet "${spec.name}"` };
  try {
    const problems = specProblems(spec);
    if (problems.length) {
      throw new ExcelHostError(
        "SHEET_SPEC_INVALID",
        { sv: `Tillägget kunde inte bygga bladet "${spec.name}" (ett fel i tillägget).`, en: `The add-in could not build the sheet "${spec.name}" (a fault in the add-in).` },
        problems.join("; "),
      );
    }
    await clearTheWay(context, spec);
    const sheet = context.workbook.worksheets.add(spec.name);
    const layout = layoutSheet(spec);
    const writer = new BatchedWriter(context, sheet);

    await writer.rows(1, [[spec.title], ...spec.notes.map((n) => [n])], () => TEXT);
    sheet.getRange("A1").format.font.bold = true;
    for (const p of layout.tables) await writeTable(writer, sheet, p);
    if (features.specCharts) for (const c of layout.charts) addChart(sheet, layout.tables.find((p) => p.table.name === c.chart.table)!, c);
    for (const p of layout.tables) sheet.getRange(p.address).format.autofitColumns();
    sheet.activate();
    await context.sync();
  } catch (e) {
    throw translateOfficeError(e, action);
  }
}

/** Deletes an earlier sheet of ours; refuses a user's sheet of that name and a table name taken elsewhere. */
async function clearTheWay(context: Excel.RequestContext, spec: SheetSpec): Promise<void> {
  const existing = context.workbook.worksheets.getItemOrNullObject(spec.name);
  const tables = spec.tables.map((t) => context.workbook.tables.getItemOrNullObject(t.name));
  await context.sync();
  const a1 = existing.isNullObject ? null : existing.getRange("A1");
  a1?.load("values");
  const found = tables.map((t) => (t.isNullObject ? null : t.worksheet)).map((w) => w?.load("name") ?? null);
  if (a1 || found.some((w) => w !== null)) await context.sync();
  if (a1 && !(spec.ownTitles ?? []).concat(spec.title).includes(String(a1.values[0][0]))) {
    throw new ExcelHostError("RESULT_SHEET_NOT_OURS", {
      sv: `Det finns redan ett blad "${spec.name}" som tillägget inte har skrivit. Byt namn på det och försök igen.`,
      en: `There is already a sheet "${spec.name}" that the add-in did not write. Rename it and try again.`,
    });
  }
  const ours = (w: Excel.Worksheet) => a1 !== null && w.name.toLowerCase() === spec.name.toLowerCase();
  const taken = spec.tables.filter((_, i) => found[i] !== null && !ours(found[i]!)).map((t) => t.name);
  if (taken.length) {
    throw new ExcelHostError("TABLE_NAME_TAKEN", {
      sv: `Arbetsboken har redan en tabell som heter ${taken.map((n) => `"${n}"`).join(", ")}. Byt namn på den och försök igen.`,
      en: `The workbook already has a table named ${taken.map((n) => `"${n}"`).join(", ")}. Rename it and try again.`,
    });
  }
  if (a1) existing.delete();
}

/** Caption, header, data (formats per cell: text "@", numbers their column's format) and the totals row. */
async function writeTable(writer: BatchedWriter, sheet: Excel.Worksheet, p: TablePlacement): Promise<void> {
  const t = p.table;
  const formats = t.columns.map((c) => SPEC_NUMBER_FORMATS[c.format]);
  await writer.rows(p.captionRow, [[t.caption]], () => TEXT);
  sheet.getRange(`A${p.captionRow}`).format.font.bold = true;
  await writer.rows(p.headerRow, [t.columns.map((c) => c.title)], () => TEXT);
  await writer.rows(p.firstDataRow, t.rows, (v, c) => (typeof v === "string" ? TEXT : formats[c]));
  const totalsFormats = formats.map((f, c) => (c === 0 ? TEXT : f));
  if (t.rows.length === 0) {
    // Header only (see the file's comment); the sum of no rows is 0.
    if (p.totalsRow !== null) await writer.rows(p.totalsRow, [t.columns.map((c, i) => (i === 0 ? (t.totalsLabel ?? "") : c.total === "sum" ? 0 : null))], (_v, c) => totalsFormats[c]);
    return;
  }
  const table = sheet.tables.add(p.headerAndDataAddress, true);
  table.name = t.name;
  table.style = TABLE_STYLE;
  if (p.totalsRow === null) return;
  table.showTotals = true;
  const totals = table.getTotalRowRange();
  // Formats first: a formula written into a cell formatted "@" would stay text, and the label must.
  totals.numberFormat = [totalsFormats];
  totals.formulas = [t.columns.map((c, i) => (i === 0 ? (t.totalsLabel ?? "") : c.total === "sum" ? totalsFormula(t.name, c.title) : ""))];
}

/**
 * The sum of a column's visible data, as Excel's own totals row computes it. Qualified with the
 * table and in double brackets, a title with spaces, commas or signs needs no further rule;
 * [ ] # ' are escaped with '.
 */
export function totalsFormula(table: string, title: string): string {
  return `=SUBTOTAL(109,${table}[[${title.replace(/(['[\]#])/g, "'$1")}]])`;
}

/** A native chart: one series per spec column, values and categories from the table's data rows. */
function addChart(sheet: Excel.Worksheet, p: TablePlacement, c: ReturnType<typeof layoutSheet>["charts"][number]): void {
  if (p.table.rows.length === 0) return;
  const column = (i: number) => sheet.getRange(`${columnLetter(i)}${p.firstDataRow}:${columnLetter(i)}${p.lastDataRow}`);
  const [first, ...rest] = c.chart.series;
  // One numeric column makes exactly one series, so Excel guesses no header or categories.
  const chart = sheet.charts.add(c.chart.kind === "line" ? "Line" : "ColumnClustered", column(first), "Columns");
  chart.title.text = c.chart.title;
  chart.setPosition(c.topLeft, c.bottomRight);
  const head = chart.series.getItemAt(0);
  head.name = p.table.columns[first].title;
  head.setXAxisValues(column(c.chart.category));
  for (const i of rest) {
    const s = chart.series.add(p.table.columns[i].title);
    s.setValues(column(i));
    s.setXAxisValues(column(c.chart.category));
  }
}

/** Rows from column A, formats before values, in ranges and syncs that stay under the budget. */
class BatchedWriter {
  private pending = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly sheet: Excel.Worksheet,
  ) {}

  async rows(startRow: number, rows: readonly SpecCell[][], format: (v: SpecCell, column: number) => string): Promise<void> {
    if (!rows.length) return;
    const width = Math.max(1, ...rows.map((r) => r.length));
    const last = columnLetter(width - 1);
    const cells = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
    const formats = cells.map((r) => r.map((v, c) => format(v === "" ? null : v, c)));
    const size = (i: number) => JSON.stringify(cells[i]).length + JSON.stringify(formats[i]).length + 2;
    let from = 0;
    while (from < rows.length) {
      let to = from;
      let bytes = 0;
      while (to < rows.length && (to === from || bytes + size(to) <= BATCH_BYTES)) bytes += size(to++);
      if (this.pending > 0 && this.pending + bytes > BATCH_BYTES) {
        await this.context.sync();
        this.pending = 0;
      }
      const range = this.sheet.getRange(`A${startRow + from}:${last}${startRow + to - 1}`);
      range.numberFormat = formats.slice(from, to);
      range.values = cells.slice(from, to);
      this.pending += bytes;
      from = to;
    }
  }
}
