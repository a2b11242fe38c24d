/**
 * Sums over groups of figures, by one rule wherever they are shown (the result's totals, one
 * municipality's): an unknown amount makes the sum unknown; the invoiced sum is of what was stated.
 * Apart from computeFigures so that a host can sum without loading the recompute.
 */
import { roundTo } from "../agreements/rules";
import type { FiguresResult, GroupFigures } from "../review/result";

/** The totals over some groups (all of them, or one municipality's): an unknown amount makes the sum unknown. */
export function totalsOf(groups: readonly GroupFigures[]): FiguresResult["totals"] {
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
  const totalAmount = amount === null ? null : roundTo(amount, 2);
  const totalInvoiced = invoiced === null ? null : roundTo(invoiced, 6);
  return {
    stays,
    days,
    liableDays: roundTo(liable, 6),
    amount: totalAmount,
    invoicedAmount: totalInvoiced,
    difference: invoicedMinusComputed(totalInvoiced, totalAmount),
  };
}

/** What was invoiced above what the model gives, to the öre; null when either is unknown. */
export function invoicedMinusComputed(invoiced: number | null, computed: number | null): number | null {
  return invoiced === null || computed === null ? null : roundTo(invoiced - computed, 2);
}
