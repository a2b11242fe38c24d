/**
 * Reading a number cell: real numbers, or numbers typed as text in Swedish or English form
 * ("1 234,50", "1,234.50", "12 600 kr", "12 600:-", "−3").
 */
import type { Bilingual } from "../model";
import { isExcelError, type CellValue } from "./cellValue";

export type NumberParse =
  | { kind: "empty" }
  | { kind: "ok"; value: number }
  | { kind: "invalid"; reason: Bilingual };

const EMPTY: NumberParse = { kind: "empty" };

// Currency and unit words that may follow an amount or a day count.
const UNIT_SUFFIX = /\s*(?:kr\.?|sek|:-|kronor|st\.?|dagar|dgr|dygn|days?)$/i;
// Thousands separators Swedish text uses: space, no-break space, narrow no-break space, thin space.
const GROUP_SPACES = /[\s\u00a0\u202f\u2009]+/g;
const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const EN_GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const SV_GROUPED = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

/** Reads one cell as a number. Booleans, errors and words are invalid. Never throws. */
export function parseNumberCell(value: CellValue): NumberParse {
  if (typeof value === "number") {
    if (value === value && value !== Infinity && value !== -Infinity) return { kind: "ok", value };
    return invalid(`talet ${String(value)} är inte ändligt`, `the number ${String(value)} is not finite`);
  }
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "boolean") return invalid("ett sanningsvärde är inget tal", "a TRUE/FALSE value is not a number");
  if (typeof value !== "string") return invalid("okänd celltyp", "unknown cell type");
  const text = value.trim();
  if (text === "") return EMPTY;
  if (text.charCodeAt(0) === 35 && isExcelError(text as CellValue)) {
    const code = text.toUpperCase();
    return invalid(`Excel-felvärde ${code}, behandlas som saknat`, `Excel error value ${code}, treated as missing`);
  }
  const n = numberFromText(text);
  if (n !== null) return { kind: "ok", value: n };
  const shown = text.length > 40 ? text.slice(0, 39) + "…" : text;
  return invalid(`"${shown}" är inget tal`, `"${shown}" is not a number`);
}

/** The number a text spells, or null. A single comma is a decimal comma (Swedish). */
export function numberFromText(text: string): number | null {
  let t = text.trim().replace(/\u2212/g, "-"); // U+2212 minus sign
  let negative = false;
  if (t.startsWith("(") && t.endsWith(")")) {
    // Accounting style (1 234) for a negative amount.
    negative = true;
    t = t.slice(1, -1);
  }
  t = t.replace(UNIT_SUFFIX, "").replace(GROUP_SPACES, "");
  if (t === "") return null;
  let normal: string;
  if (PLAIN.test(t)) normal = t;
  else if (COMMA_DECIMAL.test(t)) normal = t.replace(",", ".");
  else if (EN_GROUPED.test(t)) normal = t.replace(/,/g, "");
  else if (SV_GROUPED.test(t)) normal = t.replace(/\./g, "").replace(",", ".");
  else return null;
  if (negative && /^[+-]/.test(normal)) return null;
  const n = Number(normal);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

function invalid(sv: string, en: string): NumberParse {
  return { kind: "invalid", reason: { sv, en } };
}
