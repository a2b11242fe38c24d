/**
 * Sums over groups of figures, by one rule wherever they are shown (the result's totals, one
 * municipality's): an unknown amount makes the sum unknown; the invoiced sum is of what was stated.
 * Apart from computeFigures so that a host can sum without loading the recompute.
 */
import { roundTo } from "../agreements/rules";
import type { FiguresResult, GroupFigures } from "../review/result";
import type { FigureBasis } from "./figureBasis";

type LeftOut = FiguresResult["totals"]["leftOut"];

/** No rows left out (a municipality's totals: rows left out have no group to belong to). */
export const NONE_LEFT_OUT: LeftOut = { rows: 0, invoicedDays: null, invoicedBilledDays: null, invoicedAmount: null };

/** The totals over some groups (all of them, or one municipality's): an unknown amount makes the sum unknown. */
export function totalsOf(groups: readonly GroupFigures[], leftOut: LeftOut = NONE_LEFT_OUT): FiguresResult["totals"] {
  let stays = 0;
  let days = 0;
  let liable = 0;
  let amount: number | null = 0;
  let invoiced: number | null = null;
  for (const g of groups) {
    stays += g.stays;
    days += g.days;
    liable += g.liableDays;
    amount = amount === null || g.amount === null ? null : amount + g.amount;
    if (g.invoicedAmount !== null) invoiced = (invoiced ?? 0) + g.invoicedAmount;
  }
  // What the rows left out of the figures invoice is still invoiced: the difference shows it.
  if (leftOut.invoicedAmount !== null) invoiced = (invoiced ?? 0) + leftOut.invoicedAmount;
  const totalAmount = amount === null ? null : roundTo(amount, 2);
  const totalInvoiced = invoiced === null ? null : roundTo(invoiced, 6);
  return {
    stays,
    days,
    liableDays: roundTo(liable, 6),
    amount: totalAmount,
    invoicedAmount: totalInvoiced,
    difference: invoicedMinusComputed(totalInvoiced, totalAmount),
    leftOut,
  };
}

/** What the rows left out of the figures invoice (disputed rows excluded, as from the groups). */
export function leftOutInvoiced(basis: FigureBasis, exclude: ReadonlySet<string> | undefined): LeftOut {
  const l = basis.leftOut;
  let rows = 0;
  const sums = [0, 0, 0];
  const seen = [0, 0, 0];
  const columns = [l.statedDays, l.statedBilledDays, l.statedAmount];
  for (let j = 0; j < l.count; j++) {
    if (exclude && exclude.size > 0 && exclude.has(`${basis.sheets[l.sheetIndex[j]]}!${l.row[j]}`)) continue;
    rows++;
    for (let k = 0; k < 3; k++) {
      const v = columns[k][j];
      if (v !== v) continue; // NaN: not stated
      sums[k] += v;
      seen[k]++;
    }
  }
  const sum = (k: number) => (seen[k] > 0 ? roundTo(sums[k], 6) : null);
  return { rows, invoicedDays: sum(0), invoicedBilledDays: sum(1), invoicedAmount: sum(2) };
}

/** What was invoiced above what the model gives, to the öre; null when either is unknown. */
export function invoicedMinusComputed(invoiced: number | null, computed: number | null): number | null {
  return invoiced === null || computed === null ? null : roundTo(invoiced - computed, 2);
}
