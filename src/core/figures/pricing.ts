/**
 * Pricing: SEK for individually billed days (each billed day at its own year's price) and the
 * price year of an average period.
 *
 * Reading (beside the profile's assumptions): billed day k (k = grace..days-1) of a stay falls on
 * day0 + k (the k-th workday under weekday counting) and is priced at that day's year.
 */
import { countSwedishWorkdays } from "../calendar/holidays";
import { epochDay } from "../cells/localDate";
import * as compiled from "./compiledRules";
import type { CompiledRules } from "./compiledRules";
import { monthsPerPeriod } from "./periods";
import type { PeriodRule } from "../agreements/profileSchema";

/** A module-local copy: an imported binding may be read through an accessor. */
const priceOf = compiled.priceOf;

/**
 * SEK for the billed days k in [grace, days) of one stay; NaN when a year's price is missing.
 * `boundary` is the number of counting days from day 0 before the next 1 January.
 */
export function billIndividually(c: CompiledRules, grace: number, days: number, day0: number, year0: number, boundary: number): number {
  if (days <= boundary) return (days - grace) * priceOf(c, year0);
  // Crosses at least one new year (rare): walk the years.
  let amount = 0;
  let from = grace;
  let year = year0;
  let upTo = boundary;
  for (;;) {
    const n = Math.min(days, upTo) - from;
    if (n > 0) {
      amount += n * priceOf(c, year);
      from += n;
    }
    if (upTo >= days) break;
    year++;
    upTo = daysBeforeJan1(c, day0, year + 1);
  }
  return amount;
}

/** The first year whose price billIndividually needed and did not find (0 when none): the rare path after a NaN. */
export function firstMissingYear(c: CompiledRules, grace: number, days: number, day0: number, year0: number, boundary: number): number {
  let from = grace;
  let year = year0;
  let upTo = boundary;
  for (;;) {
    const n = Math.min(days, upTo) - from;
    if (n > 0) {
      const p = priceOf(c, year);
      if (p !== p) return year;
      from += n;
    }
    if (upTo >= days) return 0;
    year++;
    upTo = daysBeforeJan1(c, day0, year + 1);
  }
}

/** Counting days from day0 before 1 January of `year`. */
function daysBeforeJan1(c: CompiledRules, day0: number, year: number): number {
  const jan1 = epochDay(year, 1, 1);
  return c.weekdays ? countSwedishWorkdays(day0, jan1) : jan1 - day0;
}

/** An average period's liable days are priced at the year of its last day (a period never spans a new year). */
export function periodPriceYear(period: number, rule: PeriodRule): number {
  return Math.floor((period * monthsPerPeriod(rule)) / 12);
}
