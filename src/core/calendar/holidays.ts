/**
 * Swedish public holidays (Lag 1989:253 om allmänna helgdagar) and the eves that Lag (1930:173)
 * treats like holidays when counting "vardagar" (midsommarafton, julafton, nyårsafton).
 * Workday questions are answered from a per-year table so weekday counting stays O(1) per stay.
 */
import { civilDate, epochDay, weekday } from "../cells/localDate";
import type { Bilingual } from "../model";

export interface Holiday {
  day: number;
  name: Bilingual;
  /** True for the eves (midsommarafton, julafton, nyårsafton): not public holidays, but not vardagar either. */
  eve: boolean;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return epochDay(year, month, day);
}

/** The Saturday within [from, from+6]. */
function saturdayFrom(from: number): number {
  return from + ((5 - weekday(from) + 7) % 7);
}

/** Every public holiday and holiday-like eve of a year, in date order. */
export function swedishHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const midsummer = saturdayFrom(epochDay(year, 6, 20));
  const allSaints = saturdayFrom(epochDay(year, 10, 31));
  const h = (day: number, sv: string, en: string, eve = false): Holiday => ({ day, name: { sv, en }, eve });
  const list = [
    h(epochDay(year, 1, 1), "Nyårsdagen", "New Year's Day"),
    h(epochDay(year, 1, 6), "Trettondedag jul", "Epiphany"),
    h(easter - 2, "Långfredagen", "Good Friday"),
    h(easter, "Påskdagen", "Easter Sunday"),
    h(easter + 1, "Annandag påsk", "Easter Monday"),
    h(epochDay(year, 5, 1), "Första maj", "May Day"),
    h(easter + 39, "Kristi himmelsfärdsdag", "Ascension Day"),
    h(easter + 49, "Pingstdagen", "Whit Sunday"),
    h(epochDay(year, 6, 6), "Sveriges nationaldag", "National Day of Sweden"),
    h(midsummer - 1, "Midsommarafton", "Midsummer Eve", true),
    h(midsummer, "Midsommardagen", "Midsummer Day"),
    h(allSaints, "Alla helgons dag", "All Saints' Day"),
    h(epochDay(year, 12, 24), "Julafton", "Christmas Eve", true),
    h(epochDay(year, 12, 25), "Juldagen", "Christmas Day"),
    h(epochDay(year, 12, 26), "Annandag jul", "Boxing Day"),
    h(epochDay(year, 12, 31), "Nyårsafton", "New Year's Eve", true),
  ];
  return list.sort((a, b) => a.day - b.day);
}

interface YearTable {
  jan1: number;
  /** prefix[i] = workdays in [jan1, jan1 + i); length = days in year + 1. */
  prefix: Int32Array;
  holidays: Set<number>;
}

const tables = new Map<number, YearTable>();

function yearTable(year: number): YearTable {
  let t = tables.get(year);
  if (t) return t;
  const jan1 = epochDay(year, 1, 1);
  const length = epochDay(year + 1, 1, 1) - jan1;
  const holidays = new Set(swedishHolidays(year).map((x) => x.day));
  const prefix = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) {
    const d = jan1 + i;
    const work = weekday(d) < 5 && !holidays.has(d) ? 1 : 0;
    prefix[i + 1] = prefix[i] + work;
  }
  t = { jan1, prefix, holidays };
  tables.set(year, t);
  return t;
}

let lastTable: YearTable | null = null;

/** The table of the year a day falls in; consecutive look-ups mostly hit the same year. */
function tableOf(day: number): YearTable {
  const t = lastTable;
  if (t !== null && day >= t.jan1 && day < t.jan1 + t.prefix.length - 1) return t;
  return (lastTable = yearTable(civilDate(day).year));
}

/** Whether the day is a public holiday or a holiday-like eve (midsommar-, jul-, nyårsafton). */
export function isSwedishHoliday(day: number): boolean {
  return tableOf(day).holidays.has(day);
}

/** A vardag: Monday–Friday and neither a public holiday nor midsommar-, jul- or nyårsafton. */
export function isSwedishWorkday(day: number): boolean {
  const t = tableOf(day);
  const i = day - t.jan1;
  return t.prefix[i + 1] - t.prefix[i] === 1;
}

/** Swedish workdays d with from <= d < to (0 when to <= from). */
export function countSwedishWorkdays(from: number, to: number): number {
  if (to <= from) return 0;
  let t = tableOf(from);
  const lastDay = t.jan1 + t.prefix.length - 2;
  if (to - 1 <= lastDay) return t.prefix[to - t.jan1] - t.prefix[from - t.jan1];
  let year = civilDate(from).year;
  let count = 0;
  let cursor = from;
  for (;;) {
    const yearEnd = t.jan1 + t.prefix.length - 1;
    const stop = to < yearEnd ? to : yearEnd;
    count += t.prefix[stop - t.jan1] - t.prefix[cursor - t.jan1];
    if (to <= yearEnd) return count;
    cursor = yearEnd;
    year++;
    t = yearTable(year);
  }
}
