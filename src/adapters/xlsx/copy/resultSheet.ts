/**
 * The result sheet "Granskning" and the hidden helper sheet of the marks, as sheet parts.
 * Text is written inline (t="inlineStr") so that the input's shared strings stay untouched, and
 * as text whatever it starts with: a finding quoting "=…" never becomes a formula.
 */
import { columnLetter, figureHeading, privateText, type FigureColumn, type ReviewResult } from "../../../core";
import { escapeCellText } from "./xml";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}">`;

export type ResultCell = string | number | null;
export interface ResultRow {
  cells: ResultCell[];
  style?: "title" | "bold";
}

/** The group table's columns; their names come from the core, as in every other host. */
export const MARKED_COPY_COLUMNS: readonly FigureColumn[] = [
  "municipality", "careType", "period", "stays", "zeroDayStays", "days", "average", "benchmark",
  "liableDays", "amount", "invoicedAmount", "difference", "rowsWithErrors",
];

/**
 * The rows of the result sheet, in the user's language; identity numbers masked unless revealed.
 * Made one at a time: a review of a full sheet can have a million findings.
 */
export function* resultRows(result: ReviewResult, lang: "sv" | "en", reveal = false): Generator<ResultRow> {
  const sv = lang === "sv";
  const rows: ResultRow[] = [];
  // Every text of the sheet (municipality names, messages, quoted cells) through the one mask.
  const add = (cells: ResultCell[], style?: ResultRow["style"]) =>
    rows.push({ cells: cells.map((c) => (typeof c === "string" ? privateText(c, reveal) : c)), style });
  add([sv ? "Granskning av fakturaunderlag" : "Review of invoice basis"], "title");
  add([`${sv ? "Överenskommelse" : "Agreement"}: ${result.profile.name[lang]} (${result.profile.id})`]);
  add([`${sv ? "Källa" : "Source"}: ${result.profile.source}`]);
  for (const a of result.assumptions) add([a[lang]]);
  add([]);
  add([sv ? "Färger: rött = fel, gult = varning, blått = info (radens värsta avvikelse)" : "Colours: red = error, amber = warning, blue = info (the row's worst finding)"]);
  add([]);
  add(MARKED_COPY_COLUMNS.map((c) => figureHeading(c, lang)), "bold");
  yield* rows.splice(0);
  for (const g of result.figures.groups) {
    add([
      g.municipality,
      g.careType === "somatic" ? (sv ? "somatik" : "somatic") : sv ? "psykiatri" : "psychiatric",
      g.period, g.stays, g.zeroDayStays, g.days, g.average, g.benchmark, g.liableDays, g.amount, g.invoicedAmount, g.difference, g.rowsWithErrors,
    ]);
  }
  add([]);
  add(sv ? ["Blad", "Rad", "Kod", "Allvarlighet", "Kolumner", "Meddelande", "Värde", "Andra rader"] : ["Sheet", "Row", "Code", "Severity", "Columns", "Message", "Value", "Other rows"], "bold");
  yield* rows.splice(0);
  for (const f of result.findings) {
    add([
      f.sheet, f.row, f.code, f.severity, f.columns.join(", "), f.message[lang],
      f.value ?? null, f.relatedRows?.join(", ") ?? null,
    ]);
    yield* rows.splice(0);
  }
}

function cellXml(ref: string, value: ResultCell, style: number | undefined): string {
  if (value === null || value === undefined) return "";
  const s = style === undefined ? "" : ` s="${style}"`;
  // A number Excel cannot hold (Infinity, NaN) is shown as the text it is.
  if (typeof value === "number" && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeCellText(String(value))}</t></is></c>`;
}

/** Chunks of the sheet part, so that a long findings list is never one huge string. */
export function* resultSheetXml(rows: Iterable<ResultRow>, styles: { title: number; bold: number }): Generator<string> {
  yield `${HEAD}<cols><col min="1" max="1" width="18" customWidth="1"/><col min="6" max="6" width="80" customWidth="1"/></cols><sheetData>`;
  let buf = "";
  let r = 0;
  for (const row of rows) {
    r++;
    const style = row.style ? styles[row.style] : undefined;
    const cells = row.cells.map((v, c) => cellXml(`${columnLetter(c)}${r}`, v, style)).join("");
    if (cells) buf += `<row r="${r}">${cells}</row>`;
    if (buf.length > 1 << 16) {
      yield buf;
      buf = "";
    }
  }
  yield `${buf}</sheetData></worksheet>`;
}

/**
 * The helper sheet: column k holds the severity code of sheet k's rows (0 none, 1 info,
 * 2 warning, 3 error), row r for row r; unflagged rows are left out (an empty cell reads 0).
 */
export function* helperSheetXml(columns: Map<number, number>[]): Generator<string> {
  yield `${HEAD}<sheetData>`;
  const byRow = new Map<number, number[]>();
  columns.forEach((rows, c) => {
    for (const [r, code] of rows) {
      let list = byRow.get(r);
      if (!list) byRow.set(r, (list = new Array(columns.length).fill(0)));
      list[c] = code;
    }
  });
  const order = [...byRow.keys()].sort((a, b) => a - b);
  let buf = "";
  for (const r of order) {
    const codes = byRow.get(r)!;
    let cells = "";
    codes.forEach((code, c) => {
      if (code) cells += `<c r="${columnLetter(c)}${r}"><v>${code}</v></c>`;
    });
    buf += `<row r="${r}">${cells}</row>`;
    if (buf.length > 1 << 16) {
      yield buf;
      buf = "";
    }
  }
  yield `${buf}</sheetData></worksheet>`;
}
