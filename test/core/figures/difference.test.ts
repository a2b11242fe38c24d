import { invoicedMinusComputed } from "../../../src/core/figures/computeFigures";

describe("difference between invoiced and computed amounts", () => {
  it("is invoiced minus computed, rounded to öre, unknown when either is unknown", () => {
    // 10 000.10 − 9 000.05 = 1 000.05 (float arithmetic alone gives 1000.0500000000011)
    expect(invoicedMinusComputed(10000.1, 9000.05)).toBe(1000.05);
    // Less invoiced than owed is negative: 21 000 − 31 500 = −10 500.
    expect(invoicedMinusComputed(21000, 31500)).toBe(-10500);
    expect(invoicedMinusComputed(null, 5)).toBeNull();
    expect(invoicedMinusComputed(5, null)).toBeNull();
  });
});
