/**
 * The result sheet "Granskning", in the pane's language: what the review was (date, agreement,
 * every override), the group figures as an Excel table with a totals row and kronor and day
 * formats, a column chart of the average per group against the benchmark (its helper data far
 * right, out of the table's way), and the findings as a second table (sheet, row, code,
 * severity, message with identity numbers masked; the row links to the cell where Excel has
 * ExcelApi 1.7). A second run replaces the sheet (delete + add), never adds another. Text goes
 * in as text: its cells are formatted "@" before the values, so "=…" never becomes a formula.
 *
 * APIs: getItemOrNullObject [ExcelApi 1.4]; worksheets.add, Worksheet.delete/activate/getRange,
 * Range.values/numberFormat, RangeFont.bold, TableCollection.add, Table.name/style,
 * ChartCollection.add, Chart.title/setPosition, ChartSeriesCollection.getItemAt [ExcelApi 1.1];
 * RangeFormat.autofitColumns [ExcelApi 1.2]; ChartSeries.chartType and Range.hyperlink
 * [ExcelApi 1.7, only where supported].
 */
import {
  CARE_TYPE_LABELS, columnLetter, DIFFERENCE_EXPLAINED, FIGURE_LABELS, FIGURE_UNITS, figureHeading, maskIdsInText, SIDE_BY_SIDE_CAPTION, sideBySideRows, TOTAL_LABEL,
  type CellValue, type FigureColumn, type Finding, type GroupFigures, type ResultSheetContext, type ReviewResult, type SideBySide, type SideBySideCell,
} from "../../core";
import type { ExcelFeatures } from "./requirements";
import { ExcelHostError, translateOfficeError } from "./excelHostError";
import { SYNC_BUDGET_BYTES } from "./readSheet";

type Lang = "sv" | "en";

export const RESULT_SHEET = "Granskning";
export const RESULT_TABLE = "GranskningGrupper";
export const FINDINGS_TABLE = "GranskningAvvikelser";
/** A1 of the result sheet, per language: also how a later run knows the sheet is ours to replace. */
export const RESULT_TITLES = {
  sv: "Granskning av fakturaunderlag – siffror per kommun, vårdform och period",
  en: "Review of the invoice basis – figures per municipality, care type and period",
} as const;
export const RESULT_TITLE = RESULT_TITLES.sv;
/** The group table's header row (1-based): title and the review's facts above it. */
export const HEADER_ROW = 7;
/** At most this many findings go to the sheet (each row a link); the pane lists all. */
export const MAX_FINDING_ROWS = 5_000;

/** The group table's columns; their names come from the core, as in every other host. */
export const RESULT_COLUMNS: readonly FigureColumn[] = [
  "municipality", "careType", "period", "stays", "days", "average", "benchmark", "liableDays", "amount", "invoicedAmount", "difference",
];
export const RESULT_HEADERS = RESULT_COLUMNS.map((c) => figureHeading(c, "sv"));

const TEXT = "@";
function columnFormat(column: FigureColumn, lang: Lang): string {
  if (column === "municipality" || column === "careType" || column === "period") return TEXT;
  if (column === "stays" || column === "days") return "#,##0";
  const unit = FIGURE_UNITS[column];
  if (unit && (column === "amount" || column === "invoicedAmount" || column === "difference")) return `#,##0 "${unit[lang]}";-#,##0 "${unit[lang]}"`;
  return "#,##0.00";
}

const WORDS = {
  sv: {
    reviewDate: "Granskningsdag",
    agreement: "Avtal",
    overrides: "Ändrat i fönstret",
    none: "inga ändringar (avtalets riktmärke, perioden enligt bladet)",
    benchmark: (care: string, v: string) => `riktmärke${care ? ` ${care}` : ""} ${v} dagar`,
    period: (p: string) => `period ${p}`,
    privacy: "Gruppdelen innehåller bara summor; i avvikelserna är personnummer maskerade.",
    noGroups: "Inga grupper: inget vårdtillfälle gick in i siffrorna.",
    findings: (shown: number, all: number) => (shown < all ? `Avvikelser: de första ${shown} av ${all} (alla finns i fönstret)` : `Avvikelser: ${all}`),
    findingHeads: ["Blad", "Rad", "Kod", "Allvarlighet", "Meddelande"],
    severity: { error: "Fel", warning: "Varning", info: "Information" },
    chartData: ["Diagramdata", FIGURE_LABELS.average.sv, FIGURE_LABELS.benchmark.sv],
    chartTitle: "Medelvärde utskrivningsklara dagar per kommun och period, mot riktmärket",
    number: (v: number) => String(v).replace(".", ","),
  },
  en: {
    reviewDate: "Review date",
    agreement: "Agreement",
    overrides: "Changed in the pane",
    none: "no changes (the agreement's benchmark, the period from the sheet)",
    benchmark: (care: string, v: string) => `benchmark${care ? ` ${care}` : ""} ${v} days`,
    period: (p: string) => `period ${p}`,
    privacy: "The group part holds only totals; in the findings identity numbers are masked.",
    noGroups: "No groups: no stay went into the figures.",
    findings: (shown: number, all: number) => (shown < all ? `Findings: the first ${shown} of ${all} (the pane lists all)` : `Findings: ${all}`),
    findingHeads: ["Sheet", "Row", "Code", "Severity", "Message"],
    severity: { error: "Error", warning: "Warning", info: "Information" },
    chartData: ["Chart data", FIGURE_LABELS.average.en, FIGURE_LABELS.benchmark.en],
    chartTitle: "Average discharge-ready days per municipality and period, against the benchmark",
    number: (v: number) => String(v),
  },
} as const;

const orBlank = (v: number | null): CellValue => (v === null ? "" : v);

/** Identity numbers never reach the sheet, even inside a badly filled municipality cell: maskIdsInText. */
export function groupRow(g: GroupFigures, lang: Lang = "sv"): CellValue[] {
  return [
    maskIdsInText(g.municipality),
    CARE_TYPE_LABELS[g.careType]?.[lang] ?? g.careType,
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

export function totalsRow(result: ReviewResult, lang: Lang): CellValue[] {
  const t = result.figures.totals;
  return [TOTAL_LABEL[lang], "", "", t.stays, t.days, "", "", t.liableDays, orBlank(t.amount), orBlank(t.invoicedAmount), orBlank(t.difference)];
}

export function chartRow(g: GroupFigures, lang: Lang = "sv"): CellValue[] {
  const care = g.careType === "psychiatric" ? ` ${CARE_TYPE_LABELS.psychiatric[lang].toLowerCase()}` : "";
  return [`${maskIdsInText(g.municipality)} ${maskIdsInText(g.period)}${care}`, orBlank(g.average), orBlank(g.benchmark)];
}

export function findingRow(f: Finding, lang: Lang): CellValue[] {
  return [maskIdsInText(f.sheet), f.row ?? "", f.code, WORDS[lang].severity[f.severity], maskIdsInText(f.message[lang])];
}

/** The lines above the table: date, agreement, overrides, what the difference means, privacy. */
export function factLines(result: ReviewResult, context: ResultSheetContext): string[] {
  const lang = context.lang;
  const w = WORDS[lang];
  const changes: string[] = [];
  const b = context.overrides?.benchmarks ?? {};
  if (b.somatic !== undefined && b.somatic === b.psychiatric) changes.push(w.benchmark("", w.number(b.somatic)));
  else {
    for (const care of ["somatic", "psychiatric"] as const) {
      const v = b[care];
      if (v !== undefined) changes.push(w.benchmark(CARE_TYPE_LABELS[care][lang].toLowerCase(), w.number(v)));
    }
  }
  if (context.overrides?.period) changes.push(w.period(context.overrides.period));
  return [
    `${w.reviewDate}: ${context.reviewDate}`,
    `${w.agreement}: ${(context.agreement ?? result.profile.name)[lang]}`,
    `${w.overrides}: ${changes.length ? changes.join("; ") : w.none}`,
    `${DIFFERENCE_EXPLAINED[lang]} ${w.privacy}`,
  ];
}

const ACTION = { sv: "skriva resultatbladet", en: "write the result sheet" };
const TITLES: readonly string[] = Object.values(RESULT_TITLES);

/** Today as YYYY-MM-DD in local calendar terms, when the caller gives no date. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export async function writeResultSheetIn(
  context: Excel.RequestContext,
  result: ReviewResult,
  features: Pick<ExcelFeatures, "benchmarkLine" | "cellLinks">,
  sheetContext: ResultSheetContext = { lang: "sv", reviewDate: localToday() },
): Promise<void> {
  const lang = sheetContext.lang;
  const w = WORDS[lang];
  try {
    const existing = context.workbook.worksheets.getItemOrNullObject(RESULT_SHEET);
    await context.sync();
    if (!existing.isNullObject) {
      // Only a sheet this add-in wrote is replaced: a user's own "Granskning" is kept.
      const a1 = existing.getRange("A1");
      a1.load("values");
      await context.sync();
      if (!TITLES.includes(String(a1.values[0][0]))) {
        throw new ExcelHostError("RESULT_SHEET_NOT_OURS", {
          sv: `Det finns redan ett blad "${RESULT_SHEET}" som tillägget inte har skrivit. Byt namn på det och försök igen.`,
          en: `There is already a sheet "${RESULT_SHEET}" that the add-in did not write. Rename it and try again.`,
        });
      }
      existing.delete();
    }
    const sheet = context.workbook.worksheets.add(RESULT_SHEET);
    const facts = factLines(result, sheetContext);
    const head = [[RESULT_TITLES[lang]], ...facts.map((line) => [line])];
    await writeRows(context, sheet, 1, 0, head, [TEXT]);
    sheet.getRange("A1").format.font.bold = true;

    const groups = result.figures.groups;
    const lastCol = columnLetter(RESULT_COLUMNS.length - 1);
    const formats = RESULT_COLUMNS.map((c) => columnFormat(c, lang));
    await writeRows(context, sheet, HEADER_ROW, 0, [RESULT_COLUMNS.map((c) => figureHeading(c, lang))], [TEXT]);
    let next = HEADER_ROW + 1;
    if (groups.length === 0) {
      await writeRows(context, sheet, next, 0, [[w.noGroups]], [TEXT]);
      next += 1;
    } else {
      await writeRows(context, sheet, next, 0, groups.map((g) => groupRow(g, lang)), formats);
      const lastRow = HEADER_ROW + groups.length;
      const table = sheet.tables.add(`A${HEADER_ROW}:${lastCol}${lastRow}`, true);
      table.name = RESULT_TABLE;
      table.style = "TableStyleMedium2";
      await writeRows(context, sheet, lastRow + 1, 0, [totalsRow(result, lang)], formats);
      sheet.getRange(`A${lastRow + 1}:${lastCol}${lastRow + 1}`).format.font.bold = true;
      next = lastRow + 2;
      writeChart(sheet, groups, lang, features.benchmarkLine, lastRow);
      await writeRows(context, sheet, HEADER_ROW + 1, CHART_DATA_COLUMN, groups.map((g) => chartRow(g, lang)), [TEXT, "#,##0.00", "#,##0.00"]);
    }
    if (sheetContext.disputes) next = await writeSideBySide(context, sheet, sheetContext.disputes, lang, next + 1);
    await writeFindings(context, sheet, result.findings, lang, next + 1, features.cellLinks);
    sheet.getRange(`A${HEADER_ROW}:${lastCol}${HEADER_ROW}`).format.autofitColumns();
    sheet.activate();
    await context.sync();
  } catch (e) {
    throw translateOfficeError(e, ACTION);
  }
}

/**
 * The four figures per municipality (invoiced, recomputed, after disputes, if every error were
 * upheld) under the group table, with a bold totals row. Returns the row after it.
 */
async function writeSideBySide(context: Excel.RequestContext, sheet: Excel.Worksheet, side: SideBySide, lang: Lang, at: number): Promise<number> {
  const { header, rows, totals } = sideBySideRows(side, lang);
  const cells = (r: SideBySideCell[]): CellValue[] => r.map((v, i) => (v === null ? "" : i === 0 ? maskIdsInText(String(v)) : v));
  await writeRows(context, sheet, at, 0, [[SIDE_BY_SIDE_CAPTION[lang]]], [TEXT]);
  sheet.getRange(`A${at}`).format.font.bold = true;
  await writeRows(context, sheet, at + 1, 0, [header], [TEXT]);
  sheet.getRange(`A${at + 1}:${columnLetter(header.length - 1)}${at + 1}`).format.font.bold = true;
  const formats = [TEXT, "#,##0", "#,##0", "#,##0", "#,##0", "0"];
  await writeRows(context, sheet, at + 2, 0, [...rows, totals].map(cells), formats);
  const totalsRow = at + 2 + rows.length;
  sheet.getRange(`A${totalsRow}:${columnLetter(header.length - 1)}${totalsRow}`).format.font.bold = true;
  return totalsRow + 1;
}

/** Far right of the table (column AA), so sorting or widening the table never meets it. */
export const CHART_DATA_COLUMN = 26;

function writeChart(sheet: Excel.Worksheet, groups: readonly GroupFigures[], lang: Lang, benchmarkLine: boolean, lastRow: number): void {
  const c0 = columnLetter(CHART_DATA_COLUMN);
  const c1 = columnLetter(CHART_DATA_COLUMN + 2);
  const header = sheet.getRange(`${c0}${HEADER_ROW}:${c1}${HEADER_ROW}`);
  header.numberFormat = [[TEXT, TEXT, TEXT]];
  header.values = [[...WORDS[lang].chartData]];
  const chart = sheet.charts.add("ColumnClustered", sheet.getRange(`${c0}${HEADER_ROW}:${c1}${lastRow}`), "Columns");
  chart.title.text = WORDS[lang].chartTitle;
  const from = columnLetter(RESULT_COLUMNS.length + 1);
  const to = columnLetter(RESULT_COLUMNS.length + 10);
  chart.setPosition(`${from}${HEADER_ROW}`, `${to}${HEADER_ROW + Math.max(20, Math.min(groups.length, 40))}`);
  if (benchmarkLine) chart.series.getItemAt(1).chartType = "Line";
}

async function writeFindings(context: Excel.RequestContext, sheet: Excel.Worksheet, findings: readonly Finding[], lang: Lang, at: number, links: boolean): Promise<void> {
  const w = WORDS[lang];
  const shown = findings.slice(0, MAX_FINDING_ROWS);
  await writeRows(context, sheet, at, 0, [[w.findings(shown.length, findings.length)]], [TEXT]);
  sheet.getRange(`A${at}`).format.font.bold = true;
  if (!shown.length) return;
  const headerRow = at + 1;
  await writeRows(context, sheet, headerRow, 0, [[...w.findingHeads]], [TEXT]);
  await writeRows(context, sheet, headerRow + 1, 0, shown.map((f) => findingRow(f, lang)), [TEXT, "0", TEXT, TEXT, TEXT]);
  const table = sheet.tables.add(`A${headerRow}:E${headerRow + shown.length}`, true);
  table.name = FINDINGS_TABLE;
  table.style = "TableStyleLight9";
  if (!links) return;
  let queued = 0;
  for (let i = 0; i < shown.length; i++) {
    const f = shown[i];
    if (f.row === null) continue;
    sheet.getRange(`B${headerRow + 1 + i}`).hyperlink = {
      documentReference: `'${f.sheet.replace(/'/g, "''")}'!A${f.row}`,
      textToDisplay: String(f.row),
    };
    if (++queued % LINKS_PER_SYNC === 0) {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch of links, by design
      await context.sync();
    }
  }
}

/** Each link is its own request; a few thousand per sync stay far below the payload limit. */
const LINKS_PER_SYNC = 2_000;

/**
 * Writes rows from (startRow, startColumn): the number formats first (text columns "@", so text
 * stays text), then the values, split into syncs that stay under the payload budget. `formats`
 * holds one format per column; a shorter list repeats its last entry.
 */
async function writeRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  startRow: number,
  startColumn: number,
  rows: CellValue[][],
  formats: readonly string[],
): Promise<void> {
  if (!rows.length) return;
  const width = Math.max(...rows.map((r) => r.length));
  const rowFormat = Array.from({ length: width }, (_, i) => formats[Math.min(i, formats.length - 1)]);
  const formatBytes = JSON.stringify(rowFormat).length + 1;
  const c0 = columnLetter(startColumn);
  const c1 = columnLetter(startColumn + width - 1);
  let from = 0;
  let budget = 0;
  let bytes = 0;
  for (let i = 0; i <= rows.length; i++) {
    const rowBytes = i < rows.length ? JSON.stringify(rows[i]).length + 1 + formatBytes : 0;
    if (i === rows.length || (i > from && bytes + rowBytes > SYNC_BUDGET_BYTES / 2)) {
      const range = sheet.getRange(`${c0}${startRow + from}:${c1}${startRow + i - 1}`);
      const chunk = rows.slice(from, i);
      range.numberFormat = chunk.map(() => rowFormat);
      range.values = chunk.map((r) => (r.length < width ? [...r, ...Array<CellValue>(width - r.length).fill("")] : r)) as (string | number | boolean)[][];
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
