/**
 * A care type's rules in the form the stay loop reads: numbers and flags instead of nested
 * profile objects, prices per year looked up once.
 */
import { cutoffMinute } from "../calendar/dayCount";
import type { AgreementProfile, CareRules } from "../agreements/profileSchema";
import { graceRanges, priceFor, type GraceRange } from "../agreements/rules";
import type { CareType } from "../model";

export const CARE_TYPES: readonly CareType[] = ["somatic", "psychiatric"];
/** A limit no day count reaches: "no cut-off", "no long-stay limit". */
export const NEVER = 1 << 30;

export const INDIVIDUAL = 0;
export const AVERAGE = 1;
export const HYBRID = 2;

export interface CompiledRules {
  rules: CareRules;
  kind: typeof INDIVIDUAL | typeof AVERAGE | typeof HYBRID;
  weekdays: boolean;
  /** Minute of the day at or after which day 0 moves; NEVER without a cut-off. */
  cutoff: number;
  grace: number;
  ranges: GraceRange[];
  longLimit: number;
  longGrace: number;
  zeroDays: boolean;
  /** NaN when unknown. */
  benchmark: number;
  /** Price per year (index year − minYear); NaN when unknown. */
  prices: Float64Array;
  minYear: number;
}

/** Both care types' rules (index 0 somatic, 1 psychiatric, as the basis codes them), priced for minYear..maxYear. */
export function compileProfile(profile: AgreementProfile, minYear: number, maxYear: number): CompiledRules[] {
  return [compileRules(profile, profile.somatic, minYear, maxYear), compileRules(profile, profile.psychiatric, minYear, maxYear)];
}

function compileRules(profile: AgreementProfile, rules: CareRules, minYear: number, maxYear: number): CompiledRules {
  const c = rules.counting;
  const span = Math.max(0, maxYear - minYear + 1);
  const prices = new Float64Array(span);
  for (let k = 0; k < span; k++) prices[k] = priceFor(profile, rules, minYear + k)?.amount ?? NaN;
  return {
    rules,
    kind: rules.kind === "individual" ? INDIVIDUAL : rules.kind === "average" ? AVERAGE : HYBRID,
    weekdays: c.unit === "weekdays",
    cutoff: cutoffMinute(c) ?? NEVER, // the checks' cut-off (dayZero), so both move day 0 alike
    grace: rules.graceDays,
    ranges: graceRanges(rules),
    longLimit: rules.kind === "hybrid" && rules.longStayLimit !== null ? rules.longStayLimit : NEVER,
    longGrace: rules.longStayGraceDays,
    zeroDays: rules.zeroDays,
    benchmark: rules.benchmark ?? NaN,
    prices,
    minYear,
  };
}

/** The price per day of a year; NaN when unknown. */
export function priceOf(c: CompiledRules, year: number): number {
  const k = year - c.minYear;
  return k >= 0 && k < c.prices.length ? c.prices[k] : NaN;
}

/** Grace days of an override whose date range holds `startDay` (the first that does); -1 when none does. */
export function overrideGrace(c: CompiledRules, startDay: number): number {
  const ranges = c.ranges;
  for (let r = 0; r < ranges.length; r++) {
    if (startDay >= ranges[r].from && startDay <= ranges[r].to) return ranges[r].graceDays;
  }
  return -1;
}
