/**
 * The workbook a fake Excel host serves: plain JSON, so tests can build it, mutate it between
 * syncs and deep-compare it. No Node or DOM APIs: the browser tests bundle this file too.
 */
import { columnLetter } from "../../../src/core/cells/cellValue";

/** A cell as `range.values` hands it over ("" for an empty cell); null/undefined also read as empty. */
export type FakeCell = string | number | boolean | null | undefined;

export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeConditionalFormat {
  id: string;
  /** Excel.ConditionalFormatType as a string: "Custom", "CellValue", "ColorScale", … */
  type: string;
  /** A1 address on its sheet, e.g. "A2:R100". */
  address: string;
  /** The rule formula of a Custom format. */
  formula?: string;
  fillColor?: string | null;
  fontColor?: string | null;
}

/** A directly applied fill (range.format.fill.color). */
export interface FakeFill {
  address: string;
  color: string;
}

export interface FakeTable {
  name: string;
  /** Header, data and (when shown) totals row. */
  address: string;
  hasHeaders: boolean;
  style?: string;
  /** Table.showTotals [ExcelApi 1.3]: the last row of `address` is the totals row. */
  showTotals?: boolean;
}

/** A chart's series as Excel keeps it: ranges on the chart's sheet, not copies of the values. */
export interface FakeChartSeries {
  name: string;
  /** A1 address of its values, or null before setValues. */
  values: string | null;
  /** A1 address of its categories (x axis), or null: Excel then numbers them 1, 2, 3 … */
  xValues: string | null;
}

export interface FakeChart {
  name: string;
  type: string;
  /** A1 address of the source data on the chart's sheet. */
  source: string;
  seriesBy: string;
  title: string | null;
  /** Chart type per series index where it was changed (combo charts). */
  seriesTypes: Record<string, string>;
  position: { start: string; end: string | null } | null;
  /** Derived from the source as Excel does for seriesBy "Columns", then changed by the series API. */
  series?: FakeChartSeries[];
}

export interface FakeSheet {
  name: string;
  /** Cells from A1 down and right; rows may be ragged. */
  values: FakeCell[][];
  visibility: FakeVisibility;
  protected: boolean;
  conditionalFormats: FakeConditionalFormat[];
  fills: FakeFill[];
  tables: FakeTable[];
  charts: FakeChart[];
  numberFormats: { address: string; format: string[][] }[];
  /** Cells whose written text Excel took as a formula (it began with "=" in a cell not formatted as text "@"). */
  formulas?: { address: string; text: string }[];
  /** Range.hyperlink [ExcelApi 1.7], per cell. */
  hyperlinks?: { address: string; documentReference?: string; textToDisplay?: string }[];
}

export interface FakeWorkbookState {
  sheets: FakeSheet[];
  /** workbook.settings: key → JSON-able value. */
  settings: Record<string, unknown>;
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  /** workbook.customXmlParts [ExcelApi 1.5] (fakeCustomXml.ts); absent = none. */
  customXmlParts?: { id: string; xml: string }[];
}

export function makeSheet(name: string, values: FakeCell[][], extra: Partial<Omit<FakeSheet, "name" | "values">> = {}): FakeSheet {
  return {
    name,
    values,
    visibility: "Visible",
    protected: false,
    conditionalFormats: [],
    fills: [],
    tables: [],
    charts: [],
    numberFormats: [],
    ...extra,
  };
}

export function makeWorkbook(sheets: FakeSheet[], extra: Partial<Omit<FakeWorkbookState, "sheets">> = {}): FakeWorkbookState {
  return { sheets, settings: {}, date1904: false, activeSheet: sheets[0]?.name ?? null, selection: null, ...extra };
}

// ---------------------------------------------------------------------------------------------
// A1 addresses

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 0-based, inclusive rectangle. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Column letters come from the core: the fake and the adapter must agree on them. */
const columnName = columnLetter;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Parses "A1", "A1:C9", "A:C", "5:9", with or without $ and a sheet prefix; null when invalid. */
export function parseAddress(address: string): Rect | null {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const parts = local.split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const ends = parts.map((p) => CELL.exec(p.trim()));
  if (ends.some((m) => !m || (!m[1] && !m[2]))) return null;
  const [a, b] = [ends[0]!, ends[ends.length - 1]!];
  const wholeRows = !a[1] && !b[1];
  const wholeCols = !a[2] && !b[2];
  if ((!a[1]) !== (!b[1]) || (!a[2]) !== (!b[2])) return null;
  if (parts.length === 1 && (wholeRows || wholeCols)) return null;
  const rect: Rect = {
    r0: wholeCols ? 0 : Number(a[2]) - 1,
    r1: wholeCols ? MAX_ROWS - 1 : Number(b[2]) - 1,
    c0: wholeRows ? 0 : columnIndex(a[1]!),
    c1: wholeRows ? MAX_COLUMNS - 1 : columnIndex(b[1]!),
  };
  if (rect.r0 > rect.r1 || rect.c0 > rect.c1 || rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS) return null;
  return rect;
}

export function formatAddress(rect: Rect): string {
  const a = `${columnName(rect.c0)}${rect.r0 + 1}`;
  const b = `${columnName(rect.c1)}${rect.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

export function isEmptyCell(v: FakeCell): boolean {
  return v === "" || v === null || v === undefined;
}

/** The used range counting values only (getUsedRange(true)); null for a blank sheet. */
export function usedRect(sheet: FakeSheet): Rect | null {
  let r0 = -1;
  let r1 = -1;
  let c0 = Number.MAX_SAFE_INTEGER;
  let c1 = -1;
  sheet.values.forEach((row, r) => {
    if (!row) return;
    for (let c = 0; c < row.length; c++) {
      if (isEmptyCell(row[c])) continue;
      if (r0 < 0) r0 = r;
      r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
  });
  return r0 < 0 ? null : { r0, r1, c0, c1 };
}

/** The cells of a rectangle as range.values gives them ("" for empty). */
export function readRect(sheet: FakeSheet, rect: Rect): (string | number | boolean)[][] {
  const out: (string | number | boolean)[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row = sheet.values[r] ?? [];
    const line: (string | number | boolean)[] = new Array(rect.c1 - rect.c0 + 1);
    for (let c = rect.c0; c <= rect.c1; c++) {
      const v = row[c];
      line[c - rect.c0] = isEmptyCell(v) ? "" : (v as string | number | boolean);
    }
    out.push(line);
  }
  return out;
}

export function writeRect(sheet: FakeSheet, rect: Rect, values: FakeCell[][]): void {
  for (let r = rect.r0; r <= rect.r1; r++) {
    while (sheet.values.length <= r) sheet.values.push([]);
    const row = sheet.values[r];
    for (let c = rect.c0; c <= rect.c1; c++) {
      while (row.length < c) row.push("");
      const v = values[r - rect.r0][c - rect.c0];
      row[c] = isEmptyCell(v) ? "" : v;
    }
  }
}

/** The number format last set on a cell (0-based row and column), "General" when none was. */
export function numberFormatAt(sheet: FakeSheet, row: number, col: number): string {
  for (let i = sheet.numberFormats.length - 1; i >= 0; i--) {
    const nf = sheet.numberFormats[i];
    const rect = parseAddress(nf.address);
    if (rect && row >= rect.r0 && row <= rect.r1 && col >= rect.c0 && col <= rect.c1) return nf.format[row - rect.r0]?.[col - rect.c0] ?? "General";
  }
  return "General";
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}
