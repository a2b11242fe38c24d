/**
 * The figures side by side, per municipality × care type × period, per municipality and in total:
 * - as invoiced: the sheet's own days, billed days and amounts;
 * - recomputed under the agreement, all rows;
 * - after disputes: stays disputed on a ground that voids liability are left out and the figures
 *   recomputed (under an average model the average changes; a disputed 0-day stay raises it);
 *   stays disputed for the region's arithmetic stay in at their recomputed figure;
 * - if every error finding were upheld (for orientation): the same rule applied to every row
 *   with an error finding, as if each were disputed with the finding's code.
 * All four come from recomputeFigures; nothing here computes a day or an amount itself.
 */
import type { AgreementProfile } from "../agreements/profileSchema";
import { roundTo } from "../agreements/rules";
import { recomputeFigures } from "../figures/computeFigures";
import type { FigureBasis } from "../figures/figureBasis";
import type { CareType, Finding } from "../model";
import type { GroupFigures } from "../review/result";
import type { FoundDispute } from "./match";
import { isDisputeReason, voidsLiability } from "./reasons";

export interface FigureColumns {
  invoicedDays: number | null;
  invoicedBilledDays: number | null;
  invoicedAmount: number | null;
  stays: number;
  days: number;
  liableDays: number;
  amount: number | null;
  staysAfterDisputes: number;
  daysAfterDisputes: number;
  liableDaysAfterDisputes: number;
  amountAfterDisputes: number | null;
  staysIfErrorsUpheld: number;
  daysIfErrorsUpheld: number;
  liableDaysIfErrorsUpheld: number;
  amountIfErrorsUpheld: number | null;
  /** Disputes applied to stays of the group (voiding or not). */
  disputes: number;
}

export interface SideBySideGroup extends FigureColumns {
  municipality: string;
  careType: CareType;
  period: string;
}

export interface SideBySide {
  groups: SideBySideGroup[];
  municipalities: ({ municipality: string } & FigureColumns)[];
  totals: FigureColumns;
  /** `${sheet}!${row}` left out after disputes and if errors were upheld. */
  excluded: { afterDisputes: number; ifErrorsUpheld: number };
}

export interface SideBySideInput {
  basis: FigureBasis;
  profile: AgreementProfile;
  /** Disputes found again in the sheet (matchDisputes(...).found); changed and orphaned ones are not applied. */
  found: readonly FoundDispute[];
  findings: readonly Finding[];
}

const groupKey = (g: Pick<GroupFigures, "municipality" | "careType" | "period">) => `${g.municipality}\u0000${g.careType}\u0000${g.period}`;

/** Rows with an error finding whose code voids liability: left out "if errors were upheld". */
export function errorRowsThatVoid(findings: readonly Finding[]): Set<string> {
  const refs = new Set<string>();
  for (const f of findings) {
    if (f.severity !== "error" || f.row === null) continue;
    if (isDisputeReason(f.code) && voidsLiability(f.code)) refs.add(`${f.sheet}!${f.row}`);
  }
  return refs;
}

export function voidingRows(found: readonly FoundDispute[]): Set<string> {
  const refs = new Set<string>();
  for (const f of found) if (!f.dispute.withdrawn && voidsLiability(f.dispute.reason)) refs.add(`${f.stay.sheet}!${f.stay.row}`);
  return refs;
}

export function sideBySide(input: SideBySideInput): SideBySide {
  const { basis, profile } = input;
  const afterRows = voidingRows(input.found);
  const errorRows = errorRowsThatVoid(input.findings);
  const all = recomputeFigures(basis, profile);
  const after = recomputeFigures(basis, profile, { excludeRows: afterRows });
  const upheld = recomputeFigures(basis, profile, { excludeRows: errorRows });

  const afterBy = new Map(after.groups.map((g) => [groupKey(g), g]));
  const upheldBy = new Map(upheld.groups.map((g) => [groupKey(g), g]));
  const disputesBy = disputeCounts(all.groups, input.found.filter((f) => !f.dispute.withdrawn));

  const groups: SideBySideGroup[] = all.groups.map((g) => {
    const k = groupKey(g);
    const a = afterBy.get(k);
    const u = upheldBy.get(k);
    return {
      municipality: g.municipality,
      careType: g.careType,
      period: g.period,
      invoicedDays: g.invoicedDays,
      invoicedBilledDays: g.invoicedBilledDays,
      invoicedAmount: g.invoicedAmount,
      stays: g.stays,
      days: g.days,
      liableDays: g.liableDays,
      amount: g.amount,
      // A group every stay of which was disputed away owes nothing (it is absent from the recompute).
      staysAfterDisputes: a?.stays ?? 0,
      daysAfterDisputes: a?.days ?? 0,
      liableDaysAfterDisputes: a?.liableDays ?? 0,
      amountAfterDisputes: a ? a.amount : g.amount === null ? null : 0,
      staysIfErrorsUpheld: u?.stays ?? 0,
      daysIfErrorsUpheld: u?.days ?? 0,
      liableDaysIfErrorsUpheld: u?.liableDays ?? 0,
      amountIfErrorsUpheld: u ? u.amount : g.amount === null ? null : 0,
      disputes: disputesBy.get(k) ?? 0,
    };
  });

  const byMunicipality = new Map<string, SideBySideGroup[]>();
  for (const g of groups) {
    const list = byMunicipality.get(g.municipality);
    if (list) list.push(g);
    else byMunicipality.set(g.municipality, [g]);
  }
  return {
    groups,
    municipalities: [...byMunicipality].map(([municipality, list]) => ({ municipality, ...sumColumns(list) })),
    totals: sumColumns(groups),
    excluded: { afterDisputes: afterRows.size, ifErrorsUpheld: errorRows.size },
  };
}

/** Per group, how many disputes apply to its stays (the group of a row, from the all-rows recompute). */
function disputeCounts(groups: readonly GroupFigures[], found: readonly FoundDispute[]): Map<string, number> {
  const counts = new Map<string, number>();
  if (found.length === 0) return counts;
  const wanted = new Set(found.map((f) => `${f.stay.sheet}!${f.stay.row}`));
  for (const g of groups) {
    let n = 0;
    for (const r of g.rows) if (wanted.has(`${r.sheet}!${r.row}`)) n++;
    if (n) counts.set(groupKey(g), n);
  }
  return counts;
}

const plus = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
/** Invoiced columns: absent in one group does not make the sum unknown (as the result's totals). */
const plusKnown = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);

export function sumColumns(list: readonly FigureColumns[]): FigureColumns {
  const s: FigureColumns = {
    invoicedDays: null,
    invoicedBilledDays: null,
    invoicedAmount: null,
    stays: 0,
    days: 0,
    liableDays: 0,
    amount: 0,
    staysAfterDisputes: 0,
    daysAfterDisputes: 0,
    liableDaysAfterDisputes: 0,
    amountAfterDisputes: 0,
    staysIfErrorsUpheld: 0,
    daysIfErrorsUpheld: 0,
    liableDaysIfErrorsUpheld: 0,
    amountIfErrorsUpheld: 0,
    disputes: 0,
  };
  for (const g of list) {
    s.invoicedDays = plusKnown(s.invoicedDays, g.invoicedDays);
    s.invoicedBilledDays = plusKnown(s.invoicedBilledDays, g.invoicedBilledDays);
    s.invoicedAmount = plusKnown(s.invoicedAmount, g.invoicedAmount);
    s.stays += g.stays;
    s.days += g.days;
    s.liableDays += g.liableDays;
    s.amount = plus(s.amount, g.amount);
    s.staysAfterDisputes += g.staysAfterDisputes;
    s.daysAfterDisputes += g.daysAfterDisputes;
    s.liableDaysAfterDisputes += g.liableDaysAfterDisputes;
    s.amountAfterDisputes = plus(s.amountAfterDisputes, g.amountAfterDisputes);
    s.staysIfErrorsUpheld += g.staysIfErrorsUpheld;
    s.daysIfErrorsUpheld += g.daysIfErrorsUpheld;
    s.liableDaysIfErrorsUpheld += g.liableDaysIfErrorsUpheld;
    s.amountIfErrorsUpheld = plus(s.amountIfErrorsUpheld, g.amountIfErrorsUpheld);
    s.disputes += g.disputes;
  }
  // Sums of rounded figures: rounded again so floating point does not show (öre, 6 decimals for days).
  for (const k of ["invoicedDays", "invoicedBilledDays", "liableDays", "liableDaysAfterDisputes", "liableDaysIfErrorsUpheld"] as const) {
    const v = s[k];
    if (v !== null) s[k] = roundTo(v, 6);
  }
  for (const k of ["invoicedAmount", "amount", "amountAfterDisputes", "amountIfErrorsUpheld"] as const) {
    const v = s[k];
    if (v !== null) s[k] = roundTo(v, 2);
  }
  return s;
}
