import fc from "fast-check";
import { roundTo } from "../../../src/core/agreements/rules";

/** The rule as first written: always through 15 significant digits. The fast path must agree with it everywhere. */
function reference(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(value) * f).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / f || 0;
}

describe("roundTo's fast path", () => {
  it("agrees with rounding through 15 significant digits: any double, and sums and differences of decimals near a half", () => {
    const decimals = fc.integer({ min: 0, max: 6 });
    const near = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), decimals, fc.integer({ min: -3, max: 3 })).map(([n, d, e]) => ((n + 0.5) / 10 ** d) * (1 + e * Number.EPSILON));
    const arithmetic = fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 500 })).map(([a, b, n]) => (a / 100 - b / 1000) * n);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), near, arithmetic), decimals, (v, d) => Object.is(roundTo(v, d), reference(v, d))),
      { numRuns: 20_000 },
    );
  });

  it("keeps the cases the clean-up exists for", () => {
    expect(roundTo((2.9 - 2.3) * 20, 2)).toBe(12); // 11.999999999999996
    expect(roundTo(1.005, 2)).toBe(1.01); // 1.00499999999999989…
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(0.45 * 3, 1)).toBe(1.4); // 1.35000000000000008… → 1.4 (half away from zero)
  });
});
