/**
 * exceljs cell values → the values Office.js `range.values` would give, so that the core sees
 * the same grid from both hosts. Read with styles ignored, exceljs leaves date cells as their
 * serial numbers in the workbook's date system, which is what Office.js returns.
 */
import { FORMULA_WITHOUT_VALUE, type CellValue, type DateSystem } from "../../core";

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as a 1900-system serial; the 1904 system is 1462 days behind. */
const UNIX_EPOCH_SERIAL_1900 = 25_569;
const OFFSET_1904 = 1_462;

/**
 * The streaming reader keeps a formula's cached error only as NaN (it parses "#N/A" as a number),
 * so which error it was is lost: report Excel's catch-all error text rather than a made-up one.
 */
export const LOST_FORMULA_ERROR = "#UNKNOWN!";

/** A JS Date as exceljs builds it (UTC wall clock) → Excel serial in the given date system. */
export function dateToSerial(d: Date, dateSystem: DateSystem): number {
  const serial = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL_1900;
  return dateSystem === "1904" ? serial - OFFSET_1904 : serial;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

export function toCellValue(raw: unknown, dateSystem: DateSystem): CellValue {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "number") return Number.isNaN(raw) ? LOST_FORMULA_ERROR : raw;
  if (typeof raw === "string" || typeof raw === "boolean") return raw;
  if (raw instanceof Date) return dateToSerial(raw, dateSystem);
  if (isObject(raw)) {
    if (Array.isArray(raw.richText)) {
      return (raw.richText as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
    }
    if (typeof raw.error === "string") return raw.error;
    if ("formula" in raw || "sharedFormula" in raw) {
      // An uncalculated formula has no cached result; Office would compute it, we cannot.
      return raw.result === undefined || raw.result === null ? FORMULA_WITHOUT_VALUE : toCellValue(raw.result, dateSystem);
    }
    if ("text" in raw) return toCellValue(raw.text, dateSystem); // hyperlink
  }
  return String(raw);
}
