/**
 * Periods of the figures: a stay belongs to the period of its discharge month (DOMAIN.md §2).
 * Periods are integers (month index year*12+m-1, year*4+q, year*2+h) so grouping stays cheap.
 */
import { epochDay } from "../cells/localDate";
import type { PeriodRule } from "../agreements/profileSchema";

/** Months per period: 1 for month and rolling (one group per month), 3 quarter, 6 half-year. */
export function monthsPerPeriod(rule: PeriodRule): number {
  return rule.kind === "quarter" ? 3 : rule.kind === "halfYear" ? 6 : 1;
}

/** The period number of a discharge month (month index year*12 + month-1). */
export function periodOfMonth(monthIndex: number, rule: PeriodRule): number {
  return Math.floor(monthIndex / monthsPerPeriod(rule));
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** YYYY-MM, YYYY-Qn or YYYY-Hn; a rolling period is labelled by its last month. */
export function periodLabel(period: number, rule: PeriodRule): string {
  const per = monthsPerPeriod(rule);
  const first = period * per;
  const year = Math.floor(first / 12);
  if (per === 1) return `${year}-${pad2((first % 12) + 1)}`;
  const k = (first % 12) / per + 1;
  return per === 3 ? `${year}-Q${k}` : `${year}-H${k}`;
}

/** First and last day (epoch days, inclusive) of a period. */
export function periodSpan(period: number, rule: PeriodRule): { first: number; last: number } {
  const per = monthsPerPeriod(rule);
  const m0 = period * per;
  const m1 = m0 + per; // first month after the period
  const first = epochDay(Math.floor(m0 / 12), (m0 % 12) + 1, 1);
  const next = epochDay(Math.floor(m1 / 12), (m1 % 12) + 1, 1);
  return { first, last: next - 1 };
}
