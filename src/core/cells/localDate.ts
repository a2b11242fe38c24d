/**
 * Dates are civil dates in Europe/Stockholm, never JavaScript Dates: a JS Date carries a time
 * zone and daylight-saving shifts that would move a stay by a day. We count days since
 * 1970-01-01 (the "epoch day") and keep an optional minute of the day.
 */
export interface LocalDateTime {
  /** Days since 1970-01-01 (may be negative). */
  day: number;
  /** Minutes since local midnight, or null when the source gave a date without a time. */
  minute: number | null;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Inverse of epochDay (Hinnant's civil_from_days). */
export function civilDate(epoch: number): CivilDate {
  const z = epoch + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isValidCivil(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const c = civilDate(epochDay(year, month, day));
  return c.year === year && c.month === month && c.day === day;
}

/** 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday. */
export function weekday(epoch: number): number {
  return (((epoch + 3) % 7) + 7) % 7;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** ISO date text, e.g. 2023-03-05. */
export function formatDay(epoch: number): string {
  const c = civilDate(epoch);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

export function formatDateTime(value: LocalDateTime): string {
  const d = formatDay(value.day);
  return value.minute === null ? d : `${d} ${pad(Math.floor(value.minute / 60))}:${pad(value.minute % 60)}`;
}

/** Month index year*12 + (month-1): a cheap integer key for grouping by month. */
export function monthIndex(epoch: number): number {
  const c = civilDate(epoch);
  return c.year * 12 + c.month - 1;
}
