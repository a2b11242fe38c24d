/**
 * Reading an agreement profile: the rules for a care type, grace days for a ready date, the
 * price for a year. Missing prices are null, never 0: a figure priced at 0 would look owed-free.
 */
import { epochDay } from "../cells/localDate";
import type { CareType } from "../model";
import type { AgreementProfile, CareRules } from "./profileSchema";
import { priceRow, type PriceStatus } from "./priceTable";

export function rulesFor(profile: AgreementProfile, careType: CareType): CareRules {
  return careType === "psychiatric" ? profile.psychiatric : profile.somatic;
}

/** YYYY-MM-DD → epoch day (the schema has validated the shape). */
export function isoDay(text: string): number {
  return epochDay(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}

export interface GraceRange {
  from: number;
  to: number;
  graceDays: number;
}

/** The overrides as epoch-day ranges (inclusive), for tight loops. */
export function graceRanges(rules: CareRules): GraceRange[] {
  return rules.graceDaysOverrides.map((o) => ({ from: isoDay(o.from), to: isoDay(o.to), graceDays: o.graceDays }));
}

/** Grace days for a stay whose (effective) ready date is readyDay: the first matching override, else the rule's. */
export function graceDaysFor(rules: CareRules, readyDay: number): number {
  for (const r of graceRanges(rules)) if (readyDay >= r.from && readyDay <= r.to) return r.graceDays;
  return rules.graceDays;
}

export interface Price {
  amount: number;
  status: PriceStatus | "fixed" | "user";
  source: string;
}

/** The price per day for a year: the agreement's fixed amount, else the user's entry, else the table; null when unknown. */
export function priceFor(profile: AgreementProfile, rules: CareRules, year: number): Price | null {
  if (rules.price.source === "fixed") {
    return { amount: rules.price.amount, status: "fixed", source: "Fixed amount in the agreement profile" };
  }
  const entered = profile.priceOverrides[String(year)];
  if (entered !== undefined) return { amount: entered, status: "user", source: "Entered by the user" };
  const row = priceRow(year);
  if (!row || row.amount === null) return null;
  return { amount: row.amount, status: row.status, source: row.source };
}

/** Individual billing: days 0..graceDays-1 are free. */
export function billedDaysIndividual(days: number, graceDays: number): number {
  return Math.max(0, days - graceDays);
}

/** Half away from zero at `decimals`, robust to binary noise (2.9 − 2.3 = 0.5999…96). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const abs = Math.abs(value) * f;
  // The noise is cleaned by keeping 15 significant digits (toPrecision: slow, a string). That moves
  // the value by under 1e-14 of itself, so it can change the rounding only near a half: elsewhere
  // the value rounds the same without it (the curves call this thousands of times per frame).
  const nearHalf = Math.abs(abs - Math.floor(abs) - 0.5) <= abs * 1e-13 || abs >= 2 ** 52;
  const scaled = nearHalf ? Number(abs.toPrecision(15)) : abs;
  return (Math.sign(value) * Math.round(scaled)) / f || 0;
}
