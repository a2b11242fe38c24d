/**
 * Discharge-ready day counting (DOMAIN.md §2): calendar days or Swedish weekdays, from the
 * ready date or from the notice time with a cut-off.
 *
 * Readings (shown to the user as assumptions by review/assumptions.ts):
 * - ASSUMED: a stay whose ready status was withdrawn and set again counts from the new notice.
 * - ASSUMED: a ready date without a time counts as sent before the cut-off.
 * - ASSUMED: weekdays are the vardagar d with day0 <= d < discharge day (the discharge day is
 *   not a day of care, as in the calendar count).
 */
import type { CareRules } from "../agreements/profileSchema";
import { civilDate, epochDay, type LocalDateTime } from "../cells/localDate";
import type { Stay } from "../model";
import { countSwedishWorkdays } from "./holidays";

export type Counting = CareRules["counting"];

/**
 * The notice the count starts from: the new ready notice when the status was withdrawn and set
 * again, else the ready date. The one statement of the rule: `effectiveReady` applies it to a
 * Stay, the figure basis to a stay table's date indices (`none` = the representation's empty).
 * Every check and the figures start from it, so they cannot disagree on where a stay starts.
 */
export function effectiveReadyOf<T>(ready: T, withdrawn: T, newReady: T, none: T): T {
  return withdrawn !== none && newReady !== none ? newReady : ready;
}

export function effectiveReady(stay: Pick<Stay, "ready" | "readyWithdrawn" | "newReady">): LocalDateTime | null {
  return effectiveReadyOf(stay.ready, stay.readyWithdrawn, stay.newReady, null);
}

/** The minute of the day from which a notice moves day 0 to the next day; null when the rule has no cut-off. */
export function cutoffMinute(counting: Counting): number | null {
  if (counting.start !== "noticeTime" || counting.cutoffHour === null) return null;
  return Math.round(counting.cutoffHour * 60);
}

/** Day 0 of the count: the ready day, or the next day when the notice came at or after the cut-off. */
export function dayZero(ready: LocalDateTime, counting: Counting): number {
  const cutoff = cutoffMinute(counting);
  const late = cutoff !== null && ready.minute !== null && ready.minute >= cutoff;
  return late ? ready.day + 1 : ready.day;
}

/** Days from day 0 up to (not including) the discharge day; never negative. */
export function countDaysBetween(day0: number, dischargeDay: number, unit: Counting["unit"]): number {
  if (dischargeDay <= day0) return 0;
  return unit === "calendar" ? dischargeDay - day0 : countSwedishWorkdays(day0, dischargeDay);
}

/**
 * The discharge-ready days of a stay under a counting rule: discharge − ready (from the new
 * ready notice when the status was withdrawn and set again), 0 for a same-day discharge.
 * null when not computable (a date missing, or discharge before ready).
 */
export function countReadyDays(stay: Stay, counting: Counting): number | null {
  const ready = effectiveReady(stay);
  const discharge = stay.discharge;
  if (!ready || !discharge) return null;
  if (discharge.day < ready.day) return null;
  return countDaysBetween(dayZero(ready, counting), discharge.day, counting.unit);
}

/**
 * How an individually billed stay's days split over years: billed day k (k = graceDays .. days-1)
 * is the k-th counted day from day 0 (the k-th vardag under weekday counting), priced in its year.
 * The figures use the same rule; empty when nothing is billed.
 */
export function billedDaysPerYear(
  day0: number,
  graceDays: number,
  days: number,
  unit: Counting["unit"],
): { year: number; days: number }[] {
  const out: { year: number; days: number }[] = [];
  let from = graceDays;
  let year = civilDate(day0).year;
  while (from < days) {
    const nextJan1 = epochDay(year + 1, 1, 1);
    const upTo = unit === "calendar" ? nextJan1 - day0 : countSwedishWorkdays(day0, nextJan1);
    const n = Math.min(days, upTo) - from;
    if (n > 0) {
      out.push({ year, days: n });
      from += n;
    }
    year++;
  }
  return out;
}
