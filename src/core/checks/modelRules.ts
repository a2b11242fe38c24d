/**
 * What the checks need from the agreement profile, prepared once per review so the per-row
 * loop does no parsing or allocation: the rules per care type, grace-day ranges, cached prices.
 */
import { graceRanges, priceFor, billedDaysIndividual, type GraceRange, type Price } from "../agreements/rules";
import type { AgreementProfile, CareRules } from "../agreements/profileSchema";
import { billedDaysPerYear, countReadyDays, dayZero, effectiveReady } from "../calendar/dayCount";
import { civilDate, epochDay } from "../cells/localDate";
import type { CareType, Stay } from "../model";

export interface PreparedRules {
  rules: CareRules;
  grace: GraceRange[];
  prices: Map<number, Price | null>;
}

export interface ModelContext {
  profile: AgreementProfile;
  somatic: PreparedRules;
  psychiatric: PreparedRules;
  /** Whether somatic and psychiatric rules differ at all (then a row needs its care type). */
  rulesDiffer: boolean;
  /** Per aspect: the rules a row without a care type can use because both agree; null when they differ. */
  noTypeCounting: PreparedRules | null;
  noTypeBilling: PreparedRules | null;
  noTypePrice: PreparedRules | null;
  /** Conditions for a row without a care type: required only where both rules require it (lenient). */
  noTypeConditions: CareRules["conditions"];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function prepare(rules: CareRules): PreparedRules {
  return { rules, grace: graceRanges(rules), prices: new Map() };
}

export function prepareModel(profile: AgreementProfile): ModelContext {
  const somatic = prepare(profile.somatic);
  const psychiatric = prepare(profile.psychiatric);
  const s = profile.somatic;
  const p = profile.psychiatric;
  const billingKeys = (r: CareRules) => [r.kind, r.graceDays, r.graceDaysOverrides, r.longStayLimit, r.longStayGraceDays];
  return {
    profile,
    somatic,
    psychiatric,
    rulesDiffer: !same(s, p),
    noTypeCounting: same(s.counting, p.counting) ? somatic : null,
    noTypeBilling: same(s.counting, p.counting) && same(billingKeys(s), billingKeys(p)) ? somatic : null,
    noTypePrice: same(s.price, p.price) ? somatic : null,
    noTypeConditions: {
      admissionNotice: s.conditions.admissionNotice && p.conditions.admissionNotice,
      sipInvitation: s.conditions.sipInvitation && p.conditions.sipInvitation,
      careContact: s.conditions.careContact && p.conditions.careContact,
    },
  };
}

export function rulesOf(model: ModelContext, careType: CareType | null, aspect: "counting" | "billing" | "price"): PreparedRules | null {
  if (careType === "somatic") return model.somatic;
  if (careType === "psychiatric") return model.psychiatric;
  return aspect === "counting" ? model.noTypeCounting : aspect === "billing" ? model.noTypeBilling : model.noTypePrice;
}

export function conditionsOf(model: ModelContext, careType: CareType | null): CareRules["conditions"] {
  if (careType === "somatic") return model.somatic.rules.conditions;
  if (careType === "psychiatric") return model.psychiatric.rules.conditions;
  return model.noTypeConditions;
}

/** Grace days by the ready day (the overrides as prepared ranges; no allocation per row). */
export function graceFor(prepared: PreparedRules, readyDay: number): number {
  for (const r of prepared.grace) if (readyDay >= r.from && readyDay <= r.to) return r.graceDays;
  return prepared.rules.graceDays;
}

export function priceOfYear(model: ModelContext, prepared: PreparedRules, year: number): Price | null {
  let p = prepared.prices.get(year);
  if (p === undefined) {
    p = priceFor(model.profile, prepared.rules, year);
    prepared.prices.set(year, p);
  }
  return p;
}

/** The stay's discharge-ready days under the rules' counting; null when not computable. */
export function readyDays(stay: Stay, prepared: PreparedRules): number | null {
  return countReadyDays(stay, prepared.rules.counting);
}

/**
 * The billed days the model gives one row, or null where the model defines none per row:
 * average kinds bill on the period's average, and so do hybrid stays within the limit (their
 * share of an average excess is not a row figure).
 */
export function modelBilledDays(prepared: PreparedRules, days: number, readyDay: number): number | null {
  const r = prepared.rules;
  if (r.kind === "individual") return billedDaysIndividual(days, graceFor(prepared, readyDay));
  if (r.kind === "hybrid" && r.longStayLimit !== null && days > r.longStayLimit) return billedDaysIndividual(days, r.longStayGraceDays);
  return null;
}

/** For a message: the grace days subtracted, and the hybrid limit when billed as a long stay. */
export function describeBilling(prepared: PreparedRules, days: number, readyDay: number): { grace: number; longStayLimit: number | null } {
  const r = prepared.rules;
  if (r.kind === "hybrid" && r.longStayLimit !== null && days > r.longStayLimit) return { grace: r.longStayGraceDays, longStayLimit: r.longStayLimit };
  return { grace: graceFor(prepared, readyDay), longStayLimit: null };
}

/** The year's first and last epoch day, remembered: rows of an invoice mostly share a year. */
let yearFrom = 0;
let yearTo = -1;
let yearValue = 0;

/** The calendar year of an epoch day, without allocating in the usual case. */
export function yearOf(day: number): number {
  if (day >= yearFrom && day <= yearTo) return yearValue;
  const y = civilDate(day).year;
  yearFrom = epochDay(y, 1, 1);
  yearTo = epochDay(y, 12, 31);
  yearValue = y;
  return y;
}

/**
 * How a row's billed days split over years, as the figures split them: the billed days are the
 * last `billed` counted days before discharge (billed day k = grace .. days-1 from day 0).
 * Without a computable count, the last `billed` calendar days before the discharge.
 */
export function billedYears(stay: Stay, counting: PreparedRules | null, billed: number, lastDay: number): { year: number; days: number }[] {
  const ready = effectiveReady(stay);
  const days = counting ? readyDays(stay, counting) : null;
  if (counting && ready && days !== null && Number.isInteger(billed) && billed <= days) {
    return billedDaysPerYear(dayZero(ready, counting.rules.counting), days - billed, days, counting.rules.counting.unit);
  }
  return calendarDaysByYear(billed, lastDay);
}

function calendarDaysByYear(billed: number, lastDay: number): { year: number; days: number }[] {
  const lastYear = yearOf(lastDay);
  if (!Number.isInteger(billed) || billed <= 1) return [{ year: lastYear, days: billed }];
  const firstDay = lastDay - billed + 1;
  const firstYear = yearOf(firstDay);
  if (firstYear === lastYear) return [{ year: lastYear, days: billed }];
  const out: { year: number; days: number }[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    const from = Math.max(firstDay, epochDay(y, 1, 1));
    const to = Math.min(lastDay, epochDay(y, 12, 31));
    out.push({ year: y, days: to - from + 1 });
  }
  return out;
}
