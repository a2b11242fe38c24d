/**
 * A sheet the add-in adds to a workbook, described as data: a title, notes, tables and charts.
 * The core says WHAT goes on the sheet (the scenario comparison, the dispute list, the follow-up
 * reports); each host only renders it: the pane through Office.js, the headless command into the
 * marked copy or a new workbook. One layout (layoutSheet) places every cell, so the hosts agree
 * cell for cell and a test of the layout tests both.
 *
 * Text cells are text: renderers never let a string become a formula. Identity numbers must be
 * masked (or revealed on purpose) by whoever builds the spec; renderers write what they are given.
 */
import { columnLetter } from "../cells/cellValue";

export type SpecCell = string | number | null;

/** Number formats, as the hosts write them (Excel's codes in SPEC_NUMBER_FORMATS). */
export type SpecFormat = "text" | "integer" | "decimal" | "kronor" | "percent" | "date";

export const SPEC_NUMBER_FORMATS: Record<SpecFormat, string> = {
  text: "@",
  integer: "#,##0",
  decimal: "#,##0.00",
  kronor: '#,##0 "kr"',
  percent: "0.0%",
  date: "yyyy-mm-dd",
};

export interface SpecColumn {
  title: string;
  format: SpecFormat;
  /** In the totals row: the column's sum, or nothing. */
  total?: "sum";
}

export interface SpecTable {
  /** Excel table name: a letter first, then letters, digits or "_"; unique in the workbook. */
  name: string;
  /** A line above the table saying what it is. */
  caption: string;
  columns: SpecColumn[];
  rows: SpecCell[][];
  /** Label of a totals row under the data (first column); no totals row when absent. */
  totalsLabel?: string;
}

export interface SpecChart {
  kind: "line" | "column";
  title: string;
  /** Name of the table whose columns feed the chart. */
  table: string;
  /** Column index (in that table) of the categories, e.g. the benchmark or the municipality. */
  category: number;
  /** Column indexes of the series; each series is named by its column title. */
  series: number[];
}

export interface SheetSpec {
  /** The sheet's name: at most 31 characters, none of [ ] : * ? / \ . */
  name: string;
  /** Written in A1: it also tells a re-run that this sheet is the add-in's to replace. */
  title: string;
  /**
   * Other A1 texts that also mark an existing sheet of this name as the add-in's (the title in
   * the other language, an older title). Optional: without it only `title` does.
   */
  ownTitles?: string[];
  /** Lines under the title: agreement, assumptions, caveats, sources. */
  notes: string[];
  tables: SpecTable[];
  charts: SpecChart[];
}

/** Where each part lands on the sheet. Rows and columns are 1-based Excel rows, 0-based columns. */
export interface TablePlacement {
  table: SpecTable;
  captionRow: number;
  headerRow: number;
  /** First and last data row (last < first when the table has no rows). */
  firstDataRow: number;
  lastDataRow: number;
  /** The totals row, or null. */
  totalsRow: number | null;
  /** "A5:F12": header, data and totals. */
  address: string;
  /** Header and data only (what a chart reads and what Excel's table covers before its totals row). */
  headerAndDataAddress: string;
}

export interface ChartPlacement {
  chart: SpecChart;
  /** Top-left and bottom-right cells of the chart, right of the widest table. */
  topLeft: string;
  bottomRight: string;
}

export interface SheetLayout {
  titleCell: "A1";
  noteRows: number[];
  tables: TablePlacement[];
  charts: ChartPlacement[];
  /** Widest table's column count: charts start two columns to its right. */
  width: number;
  lastRow: number;
}

const CHART_WIDTH_COLUMNS = 8;
const CHART_HEIGHT_ROWS = 18;

/** Title in A1, notes below it, a blank row, then each table (caption, header, data, totals) and a blank row. */
export function layoutSheet(spec: SheetSpec): SheetLayout {
  const noteRows = spec.notes.map((_, i) => 2 + i);
  let row = 2 + spec.notes.length + 1;
  const tables: TablePlacement[] = [];
  for (const table of spec.tables) {
    const captionRow = row;
    const headerRow = row + 1;
    const firstDataRow = headerRow + 1;
    const lastDataRow = headerRow + table.rows.length;
    const totalsRow = table.totalsLabel === undefined ? null : lastDataRow + 1;
    const last = columnLetter(table.columns.length - 1);
    const bottom = totalsRow ?? lastDataRow;
    tables.push({
      table,
      captionRow,
      headerRow,
      firstDataRow,
      lastDataRow,
      totalsRow,
      address: `A${headerRow}:${last}${Math.max(bottom, headerRow)}`,
      headerAndDataAddress: `A${headerRow}:${last}${Math.max(lastDataRow, headerRow)}`,
    });
    row = bottom + 2;
  }
  const width = Math.max(1, ...spec.tables.map((t) => t.columns.length));
  const left = width + 1;
  const charts = spec.charts.map((chart, i) => {
    const top = 2 + spec.notes.length + 1 + i * (CHART_HEIGHT_ROWS + 1);
    return {
      chart,
      topLeft: `${columnLetter(left)}${top}`,
      bottomRight: `${columnLetter(left + CHART_WIDTH_COLUMNS - 1)}${top + CHART_HEIGHT_ROWS - 1}`,
    };
  });
  return { titleCell: "A1", noteRows, tables, charts, width, lastRow: row - 2 };
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What is wrong with a spec, as sentences for a developer; empty when it can be rendered. */
export function specProblems(spec: SheetSpec): string[] {
  const problems: string[] = [];
  if (spec.name.length === 0 || spec.name.length > 31 || SHEET_NAME_FORBIDDEN.test(spec.name)) {
    problems.push(`sheet name "${spec.name}" is not allowed in Excel`);
  }
  const names = new Set<string>();
  for (const t of spec.tables) {
    if (!TABLE_NAME.test(t.name) || /^[A-Za-z]{1,3}[0-9]+$/.test(t.name)) problems.push(`table name "${t.name}" is not allowed in Excel`);
    if (names.has(t.name.toLowerCase())) problems.push(`table name "${t.name}" is used twice`);
    names.add(t.name.toLowerCase());
    if (t.columns.length === 0) problems.push(`table "${t.name}" has no columns`);
    const titles = new Set(t.columns.map((c) => c.title.toLowerCase()));
    if (titles.size !== t.columns.length) problems.push(`table "${t.name}" has two columns of the same title`);
    t.rows.forEach((r, i) => {
      if (r.length !== t.columns.length) problems.push(`table "${t.name}" row ${i + 1} has ${r.length} cells for ${t.columns.length} columns`);
    });
  }
  for (const c of spec.charts) {
    const t = spec.tables.find((x) => x.name === c.table);
    if (!t) {
      problems.push(`chart "${c.title}" reads table "${c.table}", which the sheet does not have`);
      continue;
    }
    for (const i of [c.category, ...c.series]) {
      if (!(i >= 0 && i < t.columns.length)) problems.push(`chart "${c.title}" reads column ${i} of "${t.name}", which has ${t.columns.length}`);
    }
  }
  return problems;
}
