/**
 * The invoice period a sheet states in its title rows: "Fakturaunderlag oktober 2023",
 * "Period: 2023-10", "Period 2023-10-01 - 2023-10-31", "Januari 2024", "Kvartal 3 2023".
 */
import type { CellValue, Grid } from "../cells/cellValue";
import { epochDay } from "../cells/localDate";
import { MONTH_ALTERNATIVES, MONTH_NUMBERS } from "../cells/monthNames";

export interface StatedPeriod {
  fromDay: number;
  toDay: number;
  /** The title text the period was read from. */
  label: string;
}

const MONTHS = MONTH_NUMBERS;
const MONTH = MONTH_ALTERNATIVES;
const TO = String.raw`\s*(?:-|–|—|till|to|tom|t\.o\.m\.?)\s*`;
const ISO_DAY = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`;

const DAY_RANGE = new RegExp(`${ISO_DAY}${TO}${ISO_DAY}`);
const MONTH_RANGE = new RegExp(String.raw`\b${MONTH}\.?(?:\s+(\d{4}))?${TO}${MONTH}\.?\s+(\d{4})\b`);
const MONTH_YEAR = new RegExp(String.raw`\b${MONTH}\.?\s+(\d{4})\b`);
const QUARTER = /\b(?:q|kv|kvartal|quarter)\.?\s*([1-4])\s*[-–/ ]?\s*(\d{4})\b|\b(\d{4})\s*[-–/ ]?\s*(?:q|kv)\s*([1-4])\b/;
const HALF = /\b(?:h|halvar|halvars|half|half year)\s*([12])\s*[-–/ ]?\s*(\d{4})\b|\b(\d{4})\s*[-–/ ]?\s*h([12])\b/;
const YEAR_MONTH = /(?<![\d-])(\d{4})-(\d{1,2})(?![\d-])/;
const MONTH_SLASH_YEAR = /(?<![\d/.-])(\d{1,2})\/(\d{4})(?![\d/])/;
const PERIOD_COMPACT = /\bperiod\s*:?\s*(\d{4})(\d{2})\b/;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validDay(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

function months(year: number, fromMonth: number, toYear: number, toMonth: number): [number, number] | null {
  if (year < 1900 || toYear > 9999 || fromMonth < 1 || fromMonth > 12 || toMonth < 1 || toMonth > 12) return null;
  const from = epochDay(year, fromMonth, 1);
  const to = epochDay(toYear, toMonth, daysIn(toYear, toMonth));
  return from <= to ? [from, to] : null;
}

/** The period a title text names, as inclusive epoch days, or null. */
export function periodFromText(text: string): [number, number] | null {
  const t = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  let m = DAY_RANGE.exec(t);
  if (m) {
    const [y1, m1, d1, y2, m2, d2] = m.slice(1, 7).map(Number);
    if (!validDay(y1, m1, d1) || !validDay(y2, m2, d2)) return null;
    const from = epochDay(y1, m1, d1);
    const to = epochDay(y2, m2, d2);
    return from <= to ? [from, to] : null;
  }
  m = MONTH_RANGE.exec(t);
  if (m) {
    const toYear = Number(m[4]);
    const fromYear = m[2] ? Number(m[2]) : toYear;
    return months(fromYear, MONTHS[m[1]], toYear, MONTHS[m[3]]);
  }
  m = MONTH_YEAR.exec(t);
  if (m) return months(Number(m[2]), MONTHS[m[1]], Number(m[2]), MONTHS[m[1]]);
  m = QUARTER.exec(t);
  if (m) {
    const q = Number(m[1] ?? m[4]);
    const y = Number(m[2] ?? m[3]);
    return months(y, q * 3 - 2, y, q * 3);
  }
  m = HALF.exec(t);
  if (m) {
    const h = Number(m[1] ?? m[4]);
    const y = Number(m[2] ?? m[3]);
    return months(y, h * 6 - 5, y, h * 6);
  }
  m = YEAR_MONTH.exec(t) ?? PERIOD_COMPACT.exec(t);
  if (m) return months(Number(m[1]), Number(m[2]), Number(m[1]), Number(m[2]));
  m = MONTH_SLASH_YEAR.exec(t);
  if (m) return months(Number(m[2]), Number(m[1]), Number(m[2]), Number(m[1]));
  return null;
}

const textOf = (v: CellValue): string => (typeof v === "string" ? v.trim() : "");

/**
 * The first period stated in the given title rows: each text cell on its own, then the row's
 * text cells joined (a label in A, the period in B).
 */
export function findStatedPeriod(titleRows: Grid): StatedPeriod | null {
  for (const row of titleRows) {
    if (!row) continue;
    const texts: string[] = [];
    for (const cell of row) {
      const text = textOf(cell);
      if (text !== "" && text.length <= 200) texts.push(text);
    }
    const joined = texts.join(" ");
    for (const text of texts) {
      const p = periodFromText(text);
      if (!p) continue;
      // "Period:" | "2023-10" reads better as one label, when the row says the same as the cell.
      const whole = texts.length > 1 && joined.length <= 120 ? periodFromText(joined) : null;
      const label = whole && whole[0] === p[0] && whole[1] === p[1] ? joined : text;
      return { fromDay: p[0], toDay: p[1], label };
    }
    if (texts.length > 1) {
      const p = periodFromText(joined);
      if (p) return { fromDay: p[0], toDay: p[1], label: joined };
    }
  }
  return null;
}
