import { figuresByMunicipality } from "../../../src/core/figures/byMunicipality";
import type { GroupFigures } from "../../../src/core/review/result";

const group = (municipality: string, careType: GroupFigures["careType"], amount: number | null, invoicedAmount: number | null): GroupFigures => ({
  municipality,
  careType,
  period: "2023-10",
  stays: 2,
  zeroDayStays: 0,
  days: 5,
  average: 2.5,
  benchmark: null,
  longStays: 0,
  liableDays: 1,
  amount,
  invoicedDays: null,
  invoicedBilledDays: null,
  invoicedAmount,
  difference: amount === null || invoicedAmount === null ? null : invoicedAmount - amount,
  rows: [],
  rowsWithErrors: 0,
});

describe("figuresByMunicipality", () => {
  it("sums each municipality's care types like the result's totals", () => {
    const rows = figuresByMunicipality([
      group("Halmstad", "somatic", 21_000, 31_500),
      group("Halmstad", "psychiatric", 10_500, 10_500),
      group("Hylte", "somatic", 42_000, 42_000),
    ]);
    expect(rows.map((r) => r.municipality)).toEqual(["Halmstad", "Hylte"]);
    // Halmstad: 21 000 + 10 500 = 31 500 computed; 31 500 + 10 500 = 42 000 invoiced; 42 000 − 31 500 = 10 500.
    expect(rows[0].totals).toMatchObject({ amount: 31_500, invoicedAmount: 42_000, difference: 10_500, stays: 4, days: 10 });
    expect(rows[0].groups).toHaveLength(2);
    expect(rows[1].totals).toMatchObject({ amount: 42_000, invoicedAmount: 42_000, difference: 0 });
  });

  it("leaves the amount unknown when a group's amount is unknown, and the invoiced sum of what was stated", () => {
    const [row] = figuresByMunicipality([group("Laholm", "somatic", null, 5_000), group("Laholm", "psychiatric", 7_000, null)]);
    expect(row.totals.amount).toBeNull();
    expect(row.totals.invoicedAmount).toBe(5_000);
    expect(row.totals.difference).toBeNull();
  });
});
