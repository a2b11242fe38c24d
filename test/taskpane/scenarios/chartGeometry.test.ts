/** The sensitivity chart's scaling, against points worked out by hand. */
import { CHART_BOX, chartGeometry, niceStep, type ChartBox } from "../../../src/taskpane/scenarios/chartGeometry";

/** A box with no margins: x runs 0..200 and y 0..100, so the arithmetic stays in view. */
const BARE: ChartBox = { width: 200, height: 100, left: 0, right: 0, top: 0, bottom: 0 };

describe("niceStep", () => {
  it("cuts a span into at most four parts of 1, 2 or 5 × 10^k", () => {
    // 21 000 / 4 = 5 250 → 10 × 1 000; 3 / 4 = 0.75 → 1 × 1; 0.5 / 4 = 0.125 → 2 × 0.1; 1.2 / 4 = 0.3 → 5 × 0.1.
    expect(niceStep(21_000)).toBe(10_000);
    expect(niceStep(3)).toBe(1);
    expect(niceStep(0.5)).toBe(0.2);
    expect(niceStep(1.2)).toBe(0.5);
    expect(niceStep(8)).toBe(2);
    expect(niceStep(0)).toBe(1);
  });
});

describe("chartGeometry", () => {
  it("maps the values across the width and the amounts from 0 kr at the bottom to a round top", () => {
    const g = chartGeometry([2, 2.5, 3], [[21_000, 10_500, 0]], BARE);
    // The largest amount 21 000 with step 10 000: the top is 30 000.
    expect(g.yMax).toBe(30_000);
    expect(g.yTicks).toEqual([
      { value: 0, at: 100 },
      { value: 10_000, at: 66.7 }, // 100 × (1 − 1/3) = 66.67
      { value: 20_000, at: 33.3 },
      { value: 30_000, at: 0 },
    ]);
    // x: (v − 2) / 1 × 200; y: 100 × (1 − a / 30 000): 21 000 → 30, 10 500 → 65, 0 → 100.
    expect(g.paths).toEqual(["M0,30L100,65L200,100"]);
    // The x step over a span of 1: 1 / 4 = 0.25 → 5 × 0.1 = 0.5.
    expect(g.xTicks.map((t) => t.value)).toEqual([2, 2.5, 3]);
    expect(g.xTicks.map((t) => t.at)).toEqual([0, 100, 200]);
  });

  it("places markers by value and says which lie outside the range", () => {
    const g = chartGeometry([2, 2.5, 3], [[21_000, 10_500, 0]], BARE);
    expect(g.x(2.3)).toBeCloseTo(60, 9); // (2.3 − 2) × 200
    expect(g.inRange(2.3)).toBe(true);
    expect(g.inRange(3)).toBe(true);
    expect(g.inRange(3.1)).toBe(false);
    expect(g.inRange(1.9)).toBe(false);
  });

  it("uses the margins of the default box", () => {
    const g = chartGeometry([0, 4], [[0, 800]]);
    // Plot width 288 − 46 − 10 = 232, height 176 − 10 − 30 = 136; the top: 800 / 4 = 200 → step 2 × 100, and 800 is on that grid.
    expect(g.yMax).toBe(800);
    // (0, 0) → (46, 10 + 136) = (46, 146); (4, 800) → (46 + 232, 10) = (278, 10).
    expect(g.paths).toEqual(["M46,146L278,10"]);
    expect(g.box).toBe(CHART_BOX);
    // x ticks: span 4 → step 1: 0, 1, 2, 3, 4 at 46 + 58 k.
    expect(g.xTicks).toEqual([0, 1, 2, 3, 4].map((v) => ({ value: v, at: 46 + 58 * v })));
  });

  it("breaks a line where an amount is unknown, and draws the lines in the order given", () => {
    const g = chartGeometry([0, 1, 2, 3], [[40, null, 20, 10], [10, 10, 10, 10]], BARE);
    // Top 40 (40 / 4 = 10 → step 10). x = 200 v / 3: 0, 66.7, 133.3, 200; y = 100 × (1 − a / 40).
    expect(g.yMax).toBe(40);
    expect(g.paths).toEqual(["M0,0M133.3,50L200,75", "M0,75L66.7,75L133.3,75L200,75"]);
  });

  it("all amounts 0 kr: a flat line on the axis, no division by zero", () => {
    const g = chartGeometry([1, 2], [[0, 0]], BARE);
    expect(g.yMax).toBe(1);
    expect(g.yTicks).toEqual([{ value: 0, at: 100 }]);
    expect(g.paths).toEqual(["M0,100L200,100"]);
  });

  it("one point: a range one unit wide around it", () => {
    const g = chartGeometry([2.3], [[500]], BARE);
    expect([g.xMin, g.xMax]).toEqual([1.8, 2.8]);
    // 500 / 4 = 125 → step 200, top 600; y = 100 × (1 − 500 / 600) = 16.67.
    expect(g.yMax).toBe(600);
    expect(g.paths).toEqual(["M100,16.7"]);
  });

  it("tick values are clean decimals on a fine range", () => {
    const g = chartGeometry([2.05, 2.1, 2.15, 2.2, 2.25, 2.3, 2.35], [[1, 1, 1, 1, 1, 1, 1]], BARE);
    // Span 0.3 / 4 = 0.075 → 1 × 0.1: ticks 2.1, 2.2, 2.3 (the edges 2.05 and 2.35 are not on the grid).
    expect(g.xTicks.map((t) => t.value)).toEqual([2.1, 2.2, 2.3]);
  });
});
