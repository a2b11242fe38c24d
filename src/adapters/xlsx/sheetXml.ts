/**
 * A worksheet part's `<sheetData>` → rows of Office.js-like cell values, read from the inflated
 * bytes a piece at a time (see xmlBytes.ts for why not an XML parser).
 *
 * Values, as `range.values` gives them (src/core/cells/cellValue.ts): numbers (dates stay serial
 * numbers, as Office.js gives them), strings (shared, inline with every run joined, formula
 * results), booleans, error values as their text ("#DIV/0!"), "" for an empty cell in a row.
 * A formula cell gives its cached value, or the core's FORMULA_WITHOUT_VALUE when the file holds
 * none. Cells and rows without an `r` attribute take the
 * place after the previous one.
 */
import { FORMULA_WITHOUT_VALUE, type CellValue, type DateSystem } from "../../core";
import { LOST_FORMULA_ERROR } from "./cellConversion";
import { ElementPieces } from "./elementPieces";
import * as richText from "./richText";
import * as xml from "./xmlBytes";
import { XmlBytes, XmlSyntaxError } from "./xmlBytes";

// Module-local names for the functions called per cell: compiled to CommonJS (tsx, ts-jest),
// every use of an imported name goes through a getter on the other module's exports, which was
// 5 % of the read in a profile.
const { decodeText, hasUnderscore, parseIndexBytes, parseNumberBytes, unescapeXString } = xml;
const { readStringItem } = richText;

export type RowHandler = (rowNumber: number, cells: CellValue[]) => void;

/** Excel's last row and column (XFD): a reference past them is a damaged file, not a huge grid. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

const enum CellType {
  Number,
  Shared,
  Text,
  Inline,
  Bool,
  Error,
  IsoDate,
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const C = 99;
const F = 102;
const R = 114;
const T = 116;
const V = 118;


export class SheetXmlReader {
  private readonly x = new XmlBytes();
  private readonly pieces = new ElementPieces("row", (b, s, e) => this.scan(b, s, e));
  private lastRow = 0;
  /**
   * The row being read; copied out at its end by one slice of exactly its width (pushing onto a
   * fresh array grows it to 41 slots for 19 cells, twice the memory, in two allocations).
   */
  private readonly scratch: CellValue[] = [];
  private width = 0;
  /** `</sheetData>` was read: the rest of the part (merges, formats) is not needed. */
  done = false;

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly dateSystem: DateSystem,
    private readonly onRow: RowHandler,
  ) {}

  push(piece: Buffer): void {
    if (!this.done) this.pieces.push(piece);
  }

  finish(): void {
    if (!this.done) this.pieces.finish();
  }

  private scan(b: Buffer, start: number, end: number): void {
    if (this.done) return;
    const x = this.x;
    x.reset(b, start, end);
    while (x.nextTag()) {
      if (x.closing) {
        if (x.nameIs("sheetData")) {
          this.done = true;
          return;
        }
        x.skipEndTag();
      } else if (x.nameIs("row")) {
        this.readRow();
      } else {
        x.finishTag();
      }
    }
  }

  private readRow(): void {
    const x = this.x;
    let r = 0;
    while (x.nextAttr()) if (x.attrIsChar(R)) r = parseIndexBytes(x.b, x.valueStart, x.valueEnd);
    if (r <= 0) r = this.lastRow + 1;
    if (r > MAX_ROW) throw new XmlSyntaxError(`row ${r} is past Excel's last row`);
    this.lastRow = r;
    this.width = 0;
    if (!x.selfClosing) {
      let column = -1;
      let closed = false;
      while (x.nextTag()) {
        if (x.closing) {
          const row = x.nameIs("row");
          x.skipEndTag();
          if (row) {
            closed = true;
            break;
          }
        } else if (x.nameIsChar(C)) {
          column = this.readCell(column + 1);
        } else {
          x.finishTag();
        }
      }
      if (!closed) throw new XmlSyntaxError(`the sheet ends inside row ${r}`);
    }
    this.onRow(r, this.width === 0 ? [] : this.scratch.slice(0, this.width));
  }

  /** Reads one `<c>` into the row; returns its column (0-based). */
  private readCell(nextColumn: number): number {
    const x = this.x;
    let column = nextColumn;
    let type = CellType.Number;
    while (x.nextAttr()) {
      if (x.attrIsChar(R)) column = columnOfReference(x.b, x.valueStart, x.valueEnd, nextColumn);
      else if (x.attrIsChar(T)) type = cellType(x.b, x.valueStart, x.valueEnd);
    }
    if (column >= MAX_COLUMN) throw new XmlSyntaxError(`a cell is past Excel's last column (XFD)`);
    if (x.selfClosing) return column; // a styled cell without a value
    // Most cells are exactly <c …><v>…</v></c>: read those without the general loop.
    const b = x.b;
    const p = x.p;
    if (b[p] === LT && b[p + 1] === V && b[p + 2] === GT) {
      let e = p + 3;
      while (e < x.end && b[e] !== LT) e++;
      if (e + 8 <= x.end && b[e + 1] === SLASH && b[e + 2] === V && b[e + 3] === GT && b[e + 4] === LT && b[e + 5] === SLASH && b[e + 6] === C && b[e + 7] === GT) {
        const value = this.plainValue(type, p + 3, e);
        x.p = e + 8;
        if (value !== undefined) this.place(column, value);
        return column;
      }
    }
    let value: CellValue | undefined;
    let formula = false;
    while (x.nextTag()) {
      if (x.closing) {
        const end = x.nameIsChar(C);
        x.skipEndTag();
        if (end) break;
      } else if (x.nameIsChar(V)) {
        x.finishTag();
        value = this.readValue(type);
      } else if (x.nameIsChar(F)) {
        formula = true;
        x.finishTag();
        if (!x.selfClosing) x.textContent();
      } else if (x.nameIs("is")) {
        x.finishTag();
        value = readStringItem(x, "is");
      } else {
        x.finishTag();
      }
    }
    if (value === undefined) {
      if (!formula) return column;
      value = FORMULA_WITHOUT_VALUE; // Office.js would compute it; a file reader cannot
    }
    this.place(column, value);
    return column;
  }

  private place(column: number, value: CellValue): void {
    const row = this.scratch;
    if (column >= this.width) {
      for (let c = this.width; c < column; c++) row[c] = "";
      this.width = column + 1;
    }
    // A column given twice or out of order: the later cell is the cell.
    row[column] = value;
  }

  /** The text of `<v>` as the cell's type says; undefined for an empty number (no value). */
  private readValue(type: CellType): CellValue | undefined {
    const x = this.x;
    if (x.selfClosing) return type === CellType.Text || type === CellType.Inline ? "" : undefined;
    const start = x.p;
    const end = x.plainTextEnd();
    if (end < 0) return this.valueOfText(type, x.textContent());
    x.p = end;
    x.skipEndTag();
    return this.plainValue(type, start, end);
  }

  /** The value of plain `<v>` text b[start, end) (no CDATA or comment in it). */
  private plainValue(type: CellType, start: number, end: number): CellValue | undefined {
    const b = this.x.b;
    switch (type) {
      case CellType.Number: {
        if (start === end) return undefined;
        const n = parseNumberBytes(b, start, end);
        // What the old reader gave for a number it could not read: Excel's catch-all error.
        return Number.isNaN(n) ? LOST_FORMULA_ERROR : n;
      }
      case CellType.Shared: {
        const s = this.sharedStrings[parseIndexBytes(b, start, end)];
        return s === undefined ? "" : s;
      }
      case CellType.Text:
      case CellType.Inline: {
        const s = decodeText(b, start, end);
        return hasUnderscore(b, start, end) ? unescapeXString(s) : s;
      }
      default:
        return this.valueOfText(type, decodeText(b, start, end));
    }
  }

  /** The slow path of readValue, from the decoded text. */
  private valueOfText(type: CellType, text: string): CellValue | undefined {
    switch (type) {
      case CellType.Number: {
        if (text === "") return undefined;
        const n = parseFloat(text);
        return Number.isNaN(n) ? LOST_FORMULA_ERROR : n;
      }
      case CellType.Shared: {
        const s = this.sharedStrings[Number(text.trim())];
        return s === undefined ? "" : s;
      }
      case CellType.Text:
      case CellType.Inline:
        return unescapeXString(text);
      case CellType.Bool: {
        const t = text.trim();
        return !(t === "0" || t === "false" || t === "");
      }
      case CellType.Error:
        return text.trim();
      case CellType.IsoDate:
        return isoDateToSerial(text.trim(), this.dateSystem);
    }
  }
}

/** "AB12" → 27; a reference without letters keeps the running column. */
function columnOfReference(b: Buffer, start: number, end: number, fallback: number): number {
  let n = 0;
  let i = start;
  for (; i < end; i++) {
    let c = b[i];
    if (c >= 97 && c <= 122) c -= 32; // lower case letters, as some writers use
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > MAX_COLUMN) return MAX_COLUMN;
  }
  return i === start ? fallback : n - 1;
}

function cellType(b: Buffer, start: number, end: number): CellType {
  const c = b[start];
  switch (end - start) {
    case 1:
      return c === 115 ? CellType.Shared : c === 98 ? CellType.Bool : c === 101 ? CellType.Error : c === 100 ? CellType.IsoDate : CellType.Number;
    case 3:
      return c === 115 ? CellType.Text : CellType.Number; // "str"
    case 9:
      return c === 105 ? CellType.Inline : CellType.Number; // "inlineStr"
    default:
      return CellType.Number;
  }
}

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL_1900 = 25_569;
const OFFSET_1904 = 1_462;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A `t="d"` cell (an ISO 8601 date, written by some tools) → the serial Excel shows it as, in
 * the workbook's date system; the wall-clock time is kept and any offset ignored, as Excel does.
 */
export function isoDateToSerial(text: string, dateSystem: DateSystem): CellValue {
  const m = ISO.exec(text);
  if (!m) return text;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)) + Math.round(parseFloat(m[6] ?? "0") * 1000);
  const serial = ms / MS_PER_DAY + UNIX_EPOCH_SERIAL_1900;
  return dateSystem === "1904" ? serial - OFFSET_1904 : serial;
}
