/**
 * Swedish personal identity numbers (Skatteverket SKV 704): YYYYMMDD-NNNC or YYMMDD-NNNC, where
 * `+` instead of `-` marks a person aged 100 or more, C is a Luhn check digit over the ten-digit
 * form, and a coordination number (samordningsnummer) adds 60 to the day. Regions also use
 * reserve numbers (reservnummer) with letters or a non-date prefix: accepted, never validated.
 */
import type { Bilingual, PersonId } from "../model";
import { isExcelError, type CellValue } from "./cellValue";
import { epochDay } from "./localDate";

export type PersonIdParse =
  | { kind: "empty" }
  | { kind: "ok"; id: PersonId }
  | { kind: "invalid"; reason: Bilingual };

const EMPTY: PersonIdParse = { kind: "empty" };

/**
 * Reads an identity number. `referenceYear` decides the century of a ten-digit number: the
 * latest year not after it (with `-`), or not after it minus 100 (with `+`).
 * A wrong check digit still gives `ok` (checkDigitValid false): the checks report it.
 */
export function parsePersonId(value: CellValue, referenceYear: number): PersonIdParse {
  if (typeof value === "number") return fromNumber(value, referenceYear);
  if (value === null || value === undefined) return EMPTY;
  if (typeof value !== "string") return invalid("ett sanningsvärde är inget personnummer", "a TRUE/FALSE value is not an identity number");
  const text = value.trim();
  if (text === "") return EMPTY;
  if (text.charCodeAt(0) === 35 && isExcelError(text as CellValue)) {
    const code = text.toUpperCase();
    return invalid(`Excel-felvärde ${code}, behandlas som saknat`, `Excel error value ${code}, treated as missing`);
  }
  const fast = fastForms(text, referenceYear);
  if (fast !== null) return fast;
  return slowForms(text, referenceYear);
}

function invalid(sv: string, en: string): PersonIdParse {
  return { kind: "invalid", reason: { sv, en } };
}

const NOT_AN_ID = invalid("inget personnummer (för få siffror eller okänt format)", "not an identity number (too few digits or unknown form)");

/** Excel drops the dash (and a leading zero of a ten-digit number born 2000–2009). */
function fromNumber(n: number, referenceYear: number): PersonIdParse {
  if (!Number.isSafeInteger(n) || n < 0) return NOT_AN_ID;
  const s = String(n);
  if (s.length === 12) return fromDigits(s, referenceYear, "-") ?? reserve(s);
  if (s.length === 10) return fromDigits(s, referenceYear, "-") ?? reserve(s);
  if (s.length === 9) return fromDigits("0" + s, referenceYear, "-") ?? reserve("0" + s);
  return NOT_AN_ID;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * An identity number in a common form, as numbers: what the reader stores per row, with no
 * string or object made (a million rows). One shared result, overwritten by the next call.
 */
export interface PersonNumber {
  /** The 12 digits YYYYMMDDNNNC as a number. */
  value: number;
  kind: "personnummer" | "samordningsnummer";
  checkDigitValid: boolean;
  birthDay: number;
}

const FAST: PersonNumber = { value: 0, kind: "personnummer", checkDigitValid: false, birthDay: 0 };
/** The ten digits YYMMDDNNNC of the number being read (scratch of fastPersonNumber). */
const TEN = new Int32Array(10);

/**
 * The common forms YYYYMMDD-NNNC / YYMMDD-NNNC (13 or 11 characters, `-` or `+`) and 12 or 10
 * plain digits, read without a regex or temporary strings. null = not one of these (or no
 * date): parsePersonId decides. The result is shared: copy it out before the next call.
 */
export function fastPersonNumber(s: string, referenceYear: number): PersonNumber | null {
  const n = s.length;
  let sepAt = -1;
  let plus = false;
  if (n === 13 || n === 11) {
    sepAt = n - 5;
    const sep = s.charCodeAt(sepAt);
    if (sep !== 45 && sep !== 43) return null;
    plus = sep === 43;
  } else if (n !== 12 && n !== 10) {
    return null;
  }
  // One pass: the century digits (twelve-digit forms), then the ten digits YYMMDDNNNC.
  const centuryDigits = n >= 12 ? 2 : 0;
  let century = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (i === sepAt) continue;
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    if (i < centuryDigits) century = century * 10 + d;
    else TEN[k++] = d;
  }
  const yy = TEN[0] * 10 + TEN[1];
  let year: number;
  if (centuryDigits > 0) {
    year = century * 100 + yy;
    if (year < 1800) return null;
  } else {
    year = centuryYear(yy, plus ? referenceYear - 100 : referenceYear);
  }
  const month = TEN[2] * 10 + TEN[3];
  let day = TEN[4] * 10 + TEN[5];
  let kind: PersonNumber["kind"] = "personnummer";
  if (day > 60) {
    kind = "samordningsnummer";
    day -= 60;
  }
  if (!validDate(year, month, day)) return null;
  // Luhn over the first nine digits (weights 2, 1, 2, …; a product's digits summed).
  let sum = 0;
  let ten = 0;
  for (let j = 0; j < 10; j++) {
    const digit = TEN[j];
    ten = ten * 10 + digit;
    if (j === 9) break;
    let p = j % 2 === 0 ? digit * 2 : digit;
    if (p > 9) p -= 9;
    sum += p;
  }
  FAST.value = Math.floor(year / 100) * 1e10 + ten;
  FAST.kind = kind;
  FAST.checkDigitValid = (10 - (sum % 10)) % 10 === TEN[9];
  FAST.birthDay = epochDay(year, month, day);
  return FAST;
}

/** The common forms as a PersonId (see fastPersonNumber). */
function fastForms(s: string, referenceYear: number): PersonIdParse | null {
  const f = fastPersonNumber(s, referenceYear);
  if (f === null) return null;
  const normalized = String(f.value).padStart(12, "0");
  return { kind: "ok", id: { normalized, kind: f.kind, checkDigitValid: f.checkDigitValid, birthDay: f.birthDay } };
}

/** The latest year not after `latest` that ends in the two digits `yy`. */
function centuryYear(yy: number, latest: number): number {
  return latest - ((((latest - yy) % 100) + 100) % 100);
}

const SEPARATED = /^(\d{6}|\d{8})\s*([-+])\s*([0-9A-Za-z]{4})$/;
const RESERVE_BODY = /^[0-9A-Z]{10,12}$/;

/** Spaces, any kind of dash (en dash, minus sign, non-breaking hyphen: word processors put them in), letters in the serial part, odd prefixes. */
function slowForms(text: string, referenceYear: number): PersonIdParse {
  const compact = text.replace(/[\s\u00a0]+/g, "").replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, "-").replace(/\uFF0B/g, "+");
  const m = SEPARATED.exec(compact);
  if (m && /^\d{4}$/.test(m[3])) {
    return fromDigits(m[1] + m[3], referenceYear, m[2] === "+" ? "+" : "-") ?? reserve(m[1] + m[3]);
  }
  if (/^\d+$/.test(compact) && (compact.length === 10 || compact.length === 12)) {
    return fromDigits(compact, referenceYear, "-") ?? reserve(compact);
  }
  const body = compact.replace(/[-+]/g, "").toUpperCase();
  let digits = 0;
  for (let i = 0; i < body.length; i++) if (isDigit(body.charCodeAt(i))) digits++;
  // Reserve numbers carry a letter; all digits in another length is a mistyped number, not a reserve one.
  if (RESERVE_BODY.test(body) && digits >= 6 && digits < body.length) return reserve(body);
  return NOT_AN_ID;
}

/**
 * A reserve number: kept as its cleaned text, never check-digit valid. The birth date is taken
 * where the number begins with a real YYYYMMDD.
 */
function reserve(body: string): PersonIdParse {
  let birthDay: number | null = null;
  if (/^\d{8}/.test(body)) {
    const y = +body.slice(0, 4);
    const mo = +body.slice(4, 6);
    const d = +body.slice(6, 8);
    if (y >= 1800 && validDate(y, mo, d)) birthDay = epochDay(y, mo, d);
  }
  return { kind: "ok", id: { normalized: body, kind: "reservnummer", checkDigitValid: false, birthDay } };
}

/**
 * Ten or twelve digits (no separator) → a personnummer or samordningsnummer, or null when the
 * date part is no date (then the caller treats it as a reserve number).
 */
function fromDigits(digits: string, referenceYear: number, sep: "-" | "+"): PersonIdParse | null {
  let year: number;
  let ten: string;
  if (digits.length === 12) {
    year = +digits.slice(0, 4);
    if (year < 1800) return null;
    ten = digits.slice(2);
  } else if (digits.length === 10) {
    year = centuryYear(+digits.slice(0, 2), sep === "+" ? referenceYear - 100 : referenceYear);
    ten = digits;
  } else {
    return null;
  }
  const month = +ten.slice(2, 4);
  let day = +ten.slice(4, 6);
  let kind: PersonId["kind"] = "personnummer";
  if (day > 60) {
    kind = "samordningsnummer";
    day -= 60;
  }
  if (!validDate(year, month, day)) return null;
  const normalized = digits.length === 12 ? digits : String(year).padStart(4, "0").slice(0, 2) + ten;
  return {
    kind: "ok",
    id: { normalized, kind, checkDigitValid: luhnValid(ten), birthDay: epochDay(year, month, day) },
  };
}

/** Luhn over the ten-digit form: weights 2,1,2,… on the first nine digits, digits of products summed. */
export function luhnValid(ten: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let p = (ten.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (p > 9) p -= 9;
    sum += p;
  }
  return (10 - (sum % 10)) % 10 === ten.charCodeAt(9) - 48;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= max;
}
