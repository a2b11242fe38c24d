/**
 * Step 3 of the figures: what one group owes, from its sums alone. Shared by the figures and by
 * the scenario tools (break-even, sensitivity), so a curve point is the figure by construction.
 *
 * Readings: the average part is priced at the year of the period's last day and its liable days
 * use the rounded average; under a rolling period (ASSUMED) the average is taken over the N months
 * ending with the group's month, and the excess is billed on that month's stays.
 */
import { roundTo } from "../agreements/rules";
import { INDIVIDUAL, priceOf, type CompiledRules } from "./compiledRules";
import type { GroupSums } from "./accumulate";
import type { Groups } from "./grouping";

/** The group's average days, rounded per its rules (over the rolling window where it has one); null when no stay enters it. */
export function groupAverage(c: CompiledRules, groups: Groups, sums: GroupSums, g: number): number | null {
  let n = sums.averageStays[g];
  let sum = sums.averageDays[g];
  const period = c.rules.period;
  if (period.kind === "rolling") {
    // The window: this group's month and the months before it, same municipality and care type.
    const { municipality, careType, period: p } = groups;
    for (let h = g - 1; h >= 0 && municipality[h] === municipality[g] && careType[h] === careType[g] && p[h] > p[g] - period.months; h--) {
      n += sums.averageStays[h];
      sum += sums.averageDays[h];
    }
  }
  return n > 0 ? roundTo(sum / n, c.rules.rounding.averageDecimals) : null;
}

/** The average part's sums at one benchmark: the stays and days over it, and the part's own stays and days. */
export interface AveragePart {
  stays: number;
  days: number;
  aboveStays: number;
  aboveDays: number;
}

/** Liable days above the benchmark `bm` under the rule's excess formula (0 at or below it), rounded per the rule. */
export function averageLiableDays(c: CompiledRules, bm: number, average: number | null, part: AveragePart): number {
  if (average === null || !(average > bm)) return 0;
  const f = c.rules.excessFormula;
  // Σ max(0, d − b) as (Σ of the days over b) − b × (their count): exact sums of whole days.
  const raw = f === "excessAverage" ? (average - bm) * part.stays : f === "individualExcess" ? part.aboveDays - bm * part.aboveStays : part.days;
  return roundTo(raw, c.rules.rounding.liableDaysDecimals);
}

/** The individually billed part of a group: days, SEK (NaN when a price is missing) and the first missing year (0: none). */
export interface BilledPart {
  days: number;
  value: number;
  missingYear: number;
}

export interface Owed {
  liableDays: number;
  /** null when a price or the benchmark is unknown, or the period lies outside the profile's validity. */
  amount: number | null;
  /** The first year whose price was needed and missing; 0 when none. */
  missingYear: number;
  benchmarkMissing: boolean;
}

/**
 * What a group owes at benchmark `bm` (NaN: unknown): the average part above it, priced at
 * `priceYear`, plus the individually billed part. `valid`: the period lies inside the profile's validity.
 */
export function owed(c: CompiledRules, bm: number, average: number | null, part: AveragePart, billed: BilledPart, priceYear: number, valid: boolean): Owed {
  let known = valid;
  let missingYear = billed.missingYear;
  let benchmarkMissing = false;
  let averageLiable = 0;
  let averageValue = 0;
  if (c.kind !== INDIVIDUAL) {
    if (bm !== bm) {
      known = false;
      benchmarkMissing = true;
    } else {
      averageLiable = averageLiableDays(c, bm, average, part);
      if (averageLiable > 0) {
        const p = priceOf(c, priceYear);
        if (p !== p && missingYear === 0) missingYear = priceYear;
        averageValue = averageLiable * p;
      }
    }
  }
  if (missingYear !== 0) known = false;
  const rounding = c.rules.rounding;
  return {
    liableDays: roundTo(averageLiable + billed.days, rounding.liableDaysDecimals),
    amount: known ? roundTo(averageValue + billed.value, rounding.amountDecimals) : null,
    missingYear,
    benchmarkMissing,
  };
}
