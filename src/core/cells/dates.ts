/**
 * Reading a date cell: Excel serial numbers (1900 or 1904 system) or text in the forms Swedish
 * exports use. The result is a civil date in Europe/Stockholm (LocalDateTime), never a JS Date.
 */
import type { Bilingual } from "../model";
import { isExcelError, type CellValue, type DateSystem } from "./cellValue";
import { civilDate, epochDay, type LocalDateTime } from "./localDate";
import { MONTH_ALTERNATIVES, MONTH_NUMBERS } from "./monthNames";

export type DateParse =
  | { kind: "empty" }
  | { kind: "ok"; value: LocalDateTime }
  | { kind: "invalid"; reason: Bilingual };

const EMPTY: DateParse = { kind: "empty" };

/** 9999-12-31, the last date Excel can show, as a 1900-system serial. */
export const MAX_SERIAL_1900 = 2958465;
/** 9999-12-31 in the 1904 system (1462 days fewer). */
export const MAX_SERIAL_1904 = 2957003;
/** Serial 60 of the 1900 system is 29 Feb 1900, a day that never was (Lotus 1-2-3's leap-year bug). */
const LOTUS_LEAP_DAY = 60;
/** Epoch day of serial 0 in each system: 1970-01-01 is serial 25569 (1900) and 24107 (1904). */
const OFFSET_1900 = 25569;
const OFFSET_1904 = 24107;
const MINUTES_PER_DAY = 1440;

/**
 * The civil date of an Excel serial, or null when the serial names no real day (out of range,
 * 29 Feb 1900, not finite). Integer serials carry no time (minute null); a fraction is rounded
 * to the nearest minute, and 23:59:30 or later rolls over to the next day.
 * Cheap on purpose: the reader calls it for every numeric date cell.
 */
export function dateFromSerial(serial: number, dateSystem: DateSystem): LocalDateTime | null {
  if (!(serial === serial) || serial === Infinity || serial === -Infinity) return null;
  const whole = Math.floor(serial);
  let day: number;
  if (dateSystem === "1904") {
    if (serial < 0 || serial >= MAX_SERIAL_1904 + 1) return null;
    day = whole - OFFSET_1904;
  } else {
    if (serial < 1 || serial >= MAX_SERIAL_1900 + 1) return null;
    if (whole === LOTUS_LEAP_DAY) return null;
    // Below 60 Excel counts the phantom leap day that has not happened yet: one day less.
    day = whole < LOTUS_LEAP_DAY ? whole - OFFSET_1900 + 1 : whole - OFFSET_1900;
  }
  if (whole === serial) return { day, minute: null };
  let minute = Math.round((serial - whole) * MINUTES_PER_DAY);
  if (minute >= MINUTES_PER_DAY) {
    minute -= MINUTES_PER_DAY;
    day += 1; // 23:59:30 or later; 59.9999 (1900) rolls to 1900-03-01 as it should
  }
  return { day, minute };
}

/**
 * Reads one cell as a date (see the module comment). Never throws. Slash dates (10/11/2023)
 * are day first, the Swedish order, unless `monthFirst` (the reader decides it per column:
 * slashDateOrder).
 */
export function parseDateCell(value: CellValue, dateSystem: DateSystem, monthFirst = false): DateParse {
  if (typeof value === "number") {
    const d = dateFromSerial(value, dateSystem);
    if (d !== null) return { kind: "ok", value: d };
    return { kind: "invalid", reason: serialReason(value, dateSystem) };
  }
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "boolean") return invalid("ett sanningsvärde är inget datum", "a TRUE/FALSE value is not a date");
  if (typeof value !== "string") return invalid("okänd celltyp", "unknown cell type");
  const text = value.trim();
  if (text === "") return EMPTY;
  if (text.charCodeAt(0) === 35 && isExcelError(text as CellValue)) return excelErrorReason(text);
  const fast = isoFast(text);
  if (fast !== undefined) return fast;
  return parseDateText(text, dateSystem, monthFirst);
}

function invalid(sv: string, en: string): DateParse {
  return { kind: "invalid", reason: { sv, en } };
}

function excelErrorReason(text: string): DateParse {
  const code = text.toUpperCase();
  return invalid(`Excel-felvärde ${code}, behandlas som saknat`, `Excel error value ${code}, treated as missing`);
}

function serialReason(serial: number, dateSystem: DateSystem): Bilingual {
  if (!Number.isFinite(serial)) return { sv: "talet är inte ändligt", en: "the number is not finite" };
  if (dateSystem === "1900" && Math.floor(serial) === LOTUS_LEAP_DAY) {
    return {
      sv: "serienummer 60 är 29 februari 1900, en dag som inte finns (Excels skottårsfel)",
      en: "serial 60 is 29 February 1900, a day that does not exist (Excel's leap-year bug)",
    };
  }
  const max = dateSystem === "1904" ? MAX_SERIAL_1904 : MAX_SERIAL_1900;
  const min = dateSystem === "1904" ? 0 : 1;
  return {
    sv: `talet ${serial} ligger utanför Excels datumintervall (${min}–${max}, ${dateSystem}-systemet)`,
    en: `the number ${serial} is outside Excel's date range (${min}–${max}, ${dateSystem} system)`,
  };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const d2 = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

/**
 * Fast path for the commonest text forms, YYYY-MM-DD and YYYY-MM-DD HH:MM, without a regex:
 * exports that store dates as text do so on every row. undefined = not this form.
 */
function isoFast(s: string): DateParse | undefined {
  const n = s.length;
  if (n !== 10 && n !== 16) return undefined;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(s.charCodeAt(i))) return undefined;
  const year = d2(s, 0) * 100 + d2(s, 2);
  let minute: number | null = null;
  if (n === 16) {
    const sep = s.charCodeAt(10);
    if ((sep !== 32 && sep !== 84) || s.charCodeAt(13) !== 58) return undefined;
    if (!isDigit(s.charCodeAt(11)) || !isDigit(s.charCodeAt(12)) || !isDigit(s.charCodeAt(14)) || !isDigit(s.charCodeAt(15))) {
      return undefined;
    }
    const h = d2(s, 11);
    const m = d2(s, 14);
    if (h > 23 || m > 59) return invalidTime(s);
    minute = h * 60 + m;
  }
  return civil(year, d2(s, 5), d2(s, 8), minute, s);
}

function invalidTime(text: string): DateParse {
  return invalid(`ogiltigt klockslag i "${text}"`, `invalid time of day in "${text}"`);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A checked civil date; `minute` may be 1440 after rounding seconds (carried to the next day). */
function civil(year: number, month: number, day: number, minute: number | null, text: string): DateParse {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return invalid(`datumet finns inte: "${text}"`, `no such date: "${text}"`);
  }
  let epoch = epochDay(year, month, day);
  if (minute !== null && minute >= MINUTES_PER_DAY) {
    minute -= MINUTES_PER_DAY;
    epoch += 1;
  }
  return { kind: "ok", value: { day: epoch, minute } };
}

// Year first: 2023-03-05, 2023/03/05, 2023-03-05 14:22, 2023-03-05T14:22:00(.000)(Z|+01:00), "kl" allowed.
const YEAR_FIRST =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:[ T]|,\s*)\s*(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?)?\s*(z|[+-]\d{2}:?\d{2})?$/i;
// Compact: 20230305, 20230305 1422, 202303051422.
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[ T]?(\d{2})[:.]?(\d{2}))?$/;
// Day first (Swedish): 5/3/2023, 05.03.2023, 5-3-2023, each with an optional time.
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:(?:[ T]|,\s*)\s*(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/i;
// A time after a date written with words: "14:05", "kl. 14.05", ", 14:05:30".
const WORD_TIME = String.raw`(?:(?:\s+|\s*,\s*|T)(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?`;
// Day, month name, year: "7 okt 2023", "7 okt. 2023", "7 oktober 2023 14:05", "07-Oct-2023", "7:e okt 2023".
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:\.|:[ea])?(?:\s*|-)${MONTH_ALTERNATIVES}\.?(?:\s*|-)(\d{4})${WORD_TIME}$`,
  "i",
);
// Month name, day, year (English): "Oct 7, 2023", "October 7th 2023 14:05".
const MONTH_NAME_DAY = new RegExp(String.raw`^${MONTH_ALTERNATIVES}\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${WORD_TIME}$`, "i");
// Two-digit years are ambiguous (which century, which order): refused with a reason.
const SHORT_YEAR = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/;
// A serial stored as text: at most 5 integer digits (up to 2173), so "230305" is not taken for a serial.
const SERIAL_TEXT = /^\d{1,5}(?:[.,]\d+)?$/;

function parseDateText(text: string, dateSystem: DateSystem, monthFirst: boolean): DateParse {
  let m = YEAR_FIRST.exec(text);
  if (m) {
    const minute = timeOf(m[5], m[6], m[7]);
    if (minute === -1) return invalidTime(text);
    if (m[8] !== undefined) return withOffset(+m[1], +m[3], +m[4], minute, m[8], text);
    return civil(+m[1], +m[3], +m[4], minute, text);
  }
  m = COMPACT.exec(text);
  if (m) {
    const minute = timeOf(m[4], m[5], undefined);
    if (minute === -1) return invalidTime(text);
    return civil(+m[1], +m[2], +m[3], minute, text);
  }
  m = DAY_FIRST.exec(text);
  if (m) {
    const minute = timeOf(m[5], m[6], m[7]);
    if (minute === -1) return invalidTime(text);
    const swap = monthFirst && m[2] === "/";
    const p = civil(+m[4], swap ? +m[1] : +m[3], swap ? +m[3] : +m[1], minute, text);
    if (p.kind === "invalid" && m[2] === "/" && civil(+m[4], swap ? +m[3] : +m[1], swap ? +m[1] : +m[3], minute, text).kind === "ok") {
      // Valid only in the other order: the column reads the other way (see its note).
      const order = swap ? { sv: "månad/dag/år", en: "month/day/year" } : { sv: "dag/månad/år", en: "day/month/year" };
      return invalid(
        `"${text}" finns inte som ${order.sv}, den ordning kolumnens datum läses i`,
        `"${text}" is no date as ${order.en}, the order the column's dates are read in`,
      );
    }
    return p;
  }
  m = DAY_MONTH_NAME.exec(text);
  if (m) return withMonthName(+m[1], m[2], +m[3], timeOf(m[4], m[5], m[6]), text);
  m = MONTH_NAME_DAY.exec(text);
  if (m) return withMonthName(+m[2], m[1], +m[3], timeOf(m[4], m[5], m[6]), text);
  if (SERIAL_TEXT.test(text)) {
    const serial = Number(text.replace(",", "."));
    const d = dateFromSerial(serial, dateSystem);
    if (d !== null) return { kind: "ok", value: d };
    return { kind: "invalid", reason: serialReason(serial, dateSystem) };
  }
  if (SHORT_YEAR.test(text)) {
    return invalid(
      `tvåsiffrigt årtal i "${text}" är tvetydigt; skriv ÅÅÅÅ-MM-DD`,
      `two-digit year in "${text}" is ambiguous; write YYYY-MM-DD`,
    );
  }
  return invalid(`"${clip(text)}" är inget datum`, `"${clip(text)}" is not a date`);
}

function withMonthName(day: number, name: string, year: number, minute: number | null | -1, text: string): DateParse {
  if (minute === -1) return invalidTime(text);
  return civil(year, MONTH_NUMBERS[name.toLowerCase()], day, minute, text);
}

function clip(text: string): string {
  return text.length > 40 ? text.slice(0, 39) + "…" : text;
}

/** Minute of day from h, m, s texts; null without a time; -1 for an impossible time. Seconds round. */
function timeOf(h: string | undefined, m: string | undefined, s: string | undefined): number | null | -1 {
  if (h === undefined || m === undefined) return null;
  const hh = +h;
  const mm = +m;
  const ss = s === undefined ? 0 : +s;
  if (hh > 23 || mm > 59 || ss > 59) return -1;
  return hh * 60 + mm + (ss >= 30 ? 1 : 0);
}

/**
 * A time with an explicit UTC offset (2023-03-05T13:22:00Z) is converted to Stockholm time:
 * taking the clock reading as local would shift it by one or two hours.
 */
function withOffset(year: number, month: number, day: number, minute: number | null, offset: string, text: string): DateParse {
  const base = civil(year, month, day, minute ?? 0, text);
  if (base.kind !== "ok") return base;
  let offsetMinutes = 0;
  if (offset.toLowerCase() !== "z") {
    const digits = offset.replace(":", "");
    const sign = digits[0] === "-" ? -1 : 1;
    offsetMinutes = sign * (+digits.slice(1, 3) * 60 + +digits.slice(3, 5));
  }
  const utc = base.value.day * MINUTES_PER_DAY + (base.value.minute ?? 0) - offsetMinutes;
  const local = utc + stockholmOffset(utc);
  const localDay = Math.floor(local / MINUTES_PER_DAY);
  return { kind: "ok", value: { day: localDay, minute: local - localDay * MINUTES_PER_DAY } };
}

/**
 * Stockholm's offset from UTC in minutes at a UTC instant (minutes since 1970-01-01 00:00 UTC):
 * CET +60, CEST +120. Summer time since 1980: last Sunday of March 01:00 UTC to the last
 * Sunday of September (until 1995) or October (from 1996), 01:00 UTC.
 */
export function stockholmOffset(utcMinutes: number): number {
  const day = Math.floor(utcMinutes / MINUTES_PER_DAY);
  const year = civilDate(day).year;
  if (year < 1981) return 60; // 1980 had its own dates; exports hold no times that old
  const start = lastSunday(year, 3) * MINUTES_PER_DAY + 60;
  const end = lastSunday(year, year >= 1996 ? 10 : 9) * MINUTES_PER_DAY + 60;
  return utcMinutes >= start && utcMinutes < end ? 120 : 60;
}

function lastSunday(year: number, month: number): number {
  const last = epochDay(year, month, daysInMonth(year, month));
  const weekday = (((last + 3) % 7) + 7) % 7; // 0 = Monday
  return last - ((weekday + 1) % 7);
}

/** A slash date's two leading numbers ("10/11/2023 14:05" → 10, 11), or null for any other text. */
const SLASH_START = /^\s*(\d{1,2})\/(\d{1,2})\/\d{4}(?![\d/])/;

export type SlashOrder = "dayFirst" | "monthFirst" | "either" | null;

/**
 * What a slash date says about its column's order: "dayFirst" (25/11/2023 reads only so),
 * "monthFirst" (11/25/2023), "either" (10/11/2023), null (no slash date, or 5/5/2023, or
 * neither order gives a date).
 */
export function slashDateOrder(text: string): SlashOrder {
  const m = SLASH_START.exec(text);
  if (!m) return null;
  const a = +m[1];
  const b = +m[2];
  if (a < 1 || b < 1 || a === b) return null;
  if (a <= 12 && b <= 12) return "either";
  if (a > 12 && b <= 12 && a <= 31) return "dayFirst";
  if (b > 12 && a <= 12 && b <= 31) return "monthFirst";
  return null;
}
