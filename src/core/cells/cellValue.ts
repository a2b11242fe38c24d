/**
 * A cell value as Office.js `range.values` hands it over: numbers (dates arrive as serial
 * numbers), strings (Excel error values arrive as strings such as "#N/A"), booleans, and ""
 * for an empty cell. `null`/`undefined` are accepted too so that other readers (exceljs) can
 * pass sparse rows without converting them first.
 */
export type CellValue = string | number | boolean | null | undefined;

/** Rows of cells, top to bottom. Rows may be ragged. */
export type Grid = readonly (readonly CellValue[])[];

/** The workbook's date system: 1900 (Windows default, with Lotus' 29 Feb 1900) or 1904. */
export type DateSystem = "1900" | "1904";

/** One sheet as a host adapter delivers it to the core. */
export interface SheetGrid {
  name: string;
  /** The cells, starting at `origin`. */
  values: Grid;
  /** Excel row number (1-based) of values[0]; default 1. */
  originRow?: number;
  /** 0-based column index of values[r][0] (0 = column A); default 0. */
  originColumn?: number;
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
  dateSystem: DateSystem;
}

/** Column letters as Excel writes them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Excel's error values as `range.values` returns them. */
const EXCEL_ERRORS = new Set([
  "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!",
  "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
]);

export function isExcelError(value: CellValue): value is string {
  return typeof value === "string" && EXCEL_ERRORS.has(value.trim().toUpperCase());
}

/**
 * The value a reader gives a formula cell whose file holds no stored result (a workbook saved
 * by a program that does not calculate, or with calculation off). Office.js always computes a
 * formula, so only file readers produce it. A string, so grids stay arrays of primitives; it
 * opens with "#" like Excel's errors (cheap checks that look for errors see it) and holds a NUL,
 * which no cell text can (XML cannot carry it), so no cell is ever mistaken for it.
 */
export const FORMULA_WITHOUT_VALUE = "#\u0000FORMULA_WITHOUT_VALUE";

export function isFormulaWithoutValue(value: CellValue): value is typeof FORMULA_WITHOUT_VALUE {
  return value === FORMULA_WITHOUT_VALUE;
}
