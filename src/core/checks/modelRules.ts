/**
 * What the checks need from the agreement profile, prepared once per review so the per-row
 * loop does no parsing or allocation: the rules per care type, grace-day ranges, cached prices.
 * (Methods, not free functions: the row loop calls them a million times, and a method call is
 * as direct in a bundle as under a test or script runner.)
 */
import { graceRanges, priceFor, type GraceRange, type Price } from "../agreements/rules";
import type { AgreementProfile, CareRules } from "../agreements/profileSchema";
import { billedDaysPerYear, countReadyDays, dayZero, effectiveReady } from "../calendar/dayCount";
import { civilDate, epochDay } from "../cells/localDate";
import type { CareType, Stay } from "../model";

export interface PreparedRules {
  rules: CareRules;
  grace: GraceRange[];
  prices: Map<number, Price | null>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function prepare(rules: CareRules): PreparedRules {
  return { rules, grace: graceRanges(rules), prices: new Map() };
}

export class ModelContext {
  readonly somatic: PreparedRules;
  readonly psychiatric: PreparedRules;
  /** Whether somatic and psychiatric rules differ at all (then a row needs its care type). */
  readonly rulesDiffer: boolean;
  /** Per aspect: the rules a row without a care type can use because both agree; null when they differ. */
  private readonly noTypeCounting: PreparedRules | null;
  private readonly noTypeBilling: PreparedRules | null;
  private readonly noTypePrice: PreparedRules | null;
  /** Conditions for a row without a care type: required only where both rules require it (lenient). */
  private readonly noTypeConditions: CareRules["conditions"];

  constructor(readonly profile: AgreementProfile) {
    const s = profile.somatic;
    const p = profile.psychiatric;
    this.somatic = prepare(s);
    this.psychiatric = prepare(p);
    const billingKeys = (r: CareRules) => [r.kind, r.graceDays, r.graceDaysOverrides, r.longStayLimit, r.longStayGraceDays];
    this.rulesDiffer = !same(s, p);
    this.noTypeCounting = same(s.counting, p.counting) ? this.somatic : null;
    this.noTypeBilling = same(s.counting, p.counting) && same(billingKeys(s), billingKeys(p)) ? this.somatic : null;
    this.noTypePrice = same(s.price, p.price) ? this.somatic : null;
    this.noTypeConditions = {
      admissionNotice: s.conditions.admissionNotice && p.conditions.admissionNotice,
      sipInvitation: s.conditions.sipInvitation && p.conditions.sipInvitation,
      careContact: s.conditions.careContact && p.conditions.careContact,
    };
  }

  rulesOf(careType: CareType | null, aspect: "counting" | "billing" | "price"): PreparedRules | null {
    if (careType === "somatic") return this.somatic;
    if (careType === "psychiatric") return this.psychiatric;
    return aspect === "counting" ? this.noTypeCounting : aspect === "billing" ? this.noTypeBilling : this.noTypePrice;
  }

  conditionsOf(careType: CareType | null): CareRules["conditions"] {
    if (careType === "somatic") return this.somatic.rules.conditions;
    if (careType === "psychiatric") return this.psychiatric.rules.conditions;
    return this.noTypeConditions;
  }

  priceOfYear(prepared: PreparedRules, year: number): Price | null {
    let p = prepared.prices.get(year);
    if (p === undefined) {
      p = priceFor(this.profile, prepared.rules, year);
      prepared.prices.set(year, p);
    }
    return p;
  }

  /** The stay's discharge-ready days under the rules' counting; null when not computable. */
  readyDays(stay: Stay, prepared: PreparedRules): number | null {
    return countReadyDays(stay, prepared.rules.counting);
  }

  /**
   * The billed days the model gives one row, or null where the model defines none per row:
   * average kinds bill on the period's average, and so do hybrid stays within the limit (their
   * share of an average excess is not a row figure). Individual: max(0, days − grace).
   */
  billedDays(prepared: PreparedRules, days: number, readyDay: number): number | null {
    const r = prepared.rules;
    if (r.kind === "individual") return Math.max(0, days - graceFor(prepared, readyDay));
    if (r.kind === "hybrid" && r.longStayLimit !== null && days > r.longStayLimit) return Math.max(0, days - r.longStayGraceDays);
    return null;
  }

  /** For a message: the grace days subtracted, and the hybrid limit when billed as a long stay. */
  describeBilling(prepared: PreparedRules, days: number, readyDay: number): { grace: number; longStayLimit: number | null } {
    const r = prepared.rules;
    if (r.kind === "hybrid" && r.longStayLimit !== null && days > r.longStayLimit) return { grace: r.longStayGraceDays, longStayLimit: r.longStayLimit };
    return { grace: graceFor(prepared, readyDay), longStayLimit: null };
  }

  /**
   * How a row's billed days split over years, as the figures split them: the billed days are the
   * last `billed` counted days before discharge (billed day k = grace .. days-1 from day 0).
   * Without a computable count, the last `billed` calendar days before the discharge.
   */
  billedYears(stay: Stay, counting: PreparedRules | null, billed: number, lastDay: number): { year: number; days: number }[] {
    const ready = effectiveReady(stay);
    const days = counting ? this.readyDays(stay, counting) : null;
    if (counting && ready && days !== null && Number.isInteger(billed) && billed <= days) {
      return billedDaysPerYear(dayZero(ready, counting.rules.counting), days - billed, days, counting.rules.counting.unit);
    }
    return calendarDaysByYear(billed, lastDay);
  }
}

export function prepareModel(profile: AgreementProfile): ModelContext {
  return new ModelContext(profile);
}

/** Grace days by the ready day (the overrides as prepared ranges; no allocation per row). */
function graceFor(prepared: PreparedRules, readyDay: number): number {
  for (const r of prepared.grace) if (readyDay >= r.from && readyDay <= r.to) return r.graceDays;
  return prepared.rules.graceDays;
}

function calendarDaysByYear(billed: number, lastDay: number): { year: number; days: number }[] {
  const lastYear = civilDate(lastDay).year;
  if (!Number.isInteger(billed) || billed <= 1) return [{ year: lastYear, days: billed }];
  const firstDay = lastDay - billed + 1;
  const firstYear = civilDate(firstDay).year;
  if (firstYear === lastYear) return [{ year: lastYear, days: billed }];
  const out: { year: number; days: number }[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    const from = Math.max(firstDay, epochDay(y, 1, 1));
    const to = Math.min(lastDay, epochDay(y, 12, 31));
    out.push({ year: y, days: to - from + 1 });
  }
  return out;
}
