/**
 * Each group's distribution of days, gathered in the figures' own accumulation pass: the stays
 * whose contribution moves with the benchmark (the average part) or with the grace days (an
 * individual rule's stays outside any override). From it, the count and sum of days over any
 * threshold t come in O(1) (whole days: d > t ⇔ d ≥ ⌊t⌋ + 1), so a curve of P points costs
 * O(groups × (days + P)), not P recomputes.
 */
import type { DayCollector } from "../figures/accumulate";
import type { FigureBasis } from "../figures/figureBasis";

/** Days above this go to a sorted overflow list per group (rare: stays of months). */
function capFor(groups: number): number {
  return Math.max(32, Math.min(255, Math.floor((1 << 18) / Math.max(1, groups))));
}

/** An individually billed stay kept whole: its days, day 0, start year and counting days before the next 1 January. */
export interface PricedStay {
  days: number;
  day0: number;
  year0: number;
  boundary: number;
}

const NONE: readonly PricedStay[] = [];

export class DayDistribution implements DayCollector {
  readonly cap: number;
  /** counts[g * (cap + 1) + d]: stays of group g with d days (d ≤ cap). */
  readonly counts: Int32Array;
  /** Individual rules: the price year of the stays in `counts` (the group's first stay's start year). */
  readonly year: Int32Array;
  /** Per group, days over the cap. */
  private readonly overflow = new Map<number, number[]>();
  /** Per group, individual stays priced stay by stay (they cross a new year, or start in another year). */
  private readonly explicit = new Map<number, PricedStay[]>();
  /** Individually billed stays whose grace comes from an override: the same at every point. */
  readonly fixedDays: Float64Array;
  readonly fixedValue: Float64Array;
  readonly fixedMissingYear: Int32Array;

  constructor(
    private readonly basis: FigureBasis,
    readonly groups: number,
  ) {
    this.cap = capFor(groups);
    this.counts = new Int32Array(groups * (this.cap + 1));
    this.year = new Int32Array(groups);
    this.fixedDays = new Float64Array(groups);
    this.fixedValue = new Float64Array(groups);
    this.fixedMissingYear = new Int32Array(groups);
  }

  average(g: number, days: number): void {
    this.add(g, days);
  }

  individual(g: number, days: number, i: number, day0: number, boundary: number): void {
    const y = this.basis.startYear[i];
    if (this.year[g] === 0) this.year[g] = y;
    if (days <= boundary && this.year[g] === y) this.add(g, days);
    else {
      const stay = { days, day0, year0: y, boundary };
      const list = this.explicit.get(g);
      if (list) list.push(stay);
      else this.explicit.set(g, [stay]);
    }
  }

  /** The group's stays priced one by one (see `explicit`). */
  pricedStays(g: number): readonly PricedStay[] {
    return this.explicit.get(g) ?? NONE;
  }

  fixedIndividual(g: number, billedDays: number, value: number, missingYear: number): void {
    this.fixedDays[g] += billedDays;
    this.fixedValue[g] += value;
    if (missingYear !== 0 && this.fixedMissingYear[g] === 0) this.fixedMissingYear[g] = missingYear;
  }

  private add(g: number, days: number): void {
    if (days <= this.cap) this.counts[g * (this.cap + 1) + days]++;
    else {
      const list = this.overflow.get(g);
      if (list) list.push(days);
      else this.overflow.set(g, [days]);
    }
  }

  /** The group's days over thresholds, ready for queries (suffix sums into the given scratch). */
  over(g: number, scratch: OverScratch): OverQuery {
    const cap = this.cap;
    const base = g * (cap + 1);
    const { count, sum } = scratch;
    count[cap + 1] = 0;
    sum[cap + 1] = 0;
    let maxDays = -1;
    for (let d = cap; d >= 0; d--) {
      const c = this.counts[base + d];
      if (c > 0 && maxDays < 0) maxDays = d;
      count[d] = count[d + 1] + c;
      sum[d] = sum[d + 1] + c * d;
    }
    const long = (this.overflow.get(g) ?? []).sort((a, b) => a - b);
    // Suffix sums of the overflow: longCount[j], longSum[j] over long[j..].
    const longSum = new Float64Array(long.length + 1);
    for (let j = long.length - 1; j >= 0; j--) longSum[j] = longSum[j + 1] + long[j];
    if (long.length) maxDays = long[long.length - 1];
    return new OverQuery(count, sum, cap, long, longSum, maxDays);
  }
}

export class OverScratch {
  readonly count: Float64Array;
  readonly sum: Float64Array;
  constructor(cap: number) {
    this.count = new Float64Array(cap + 2);
    this.sum = new Float64Array(cap + 2);
  }
}

/** Count and sum of a group's days strictly over a threshold. */
export class OverQuery {
  constructor(
    private readonly count: Float64Array,
    private readonly sum: Float64Array,
    private readonly cap: number,
    private readonly long: number[],
    private readonly longSum: Float64Array,
    /** The most days of any stay in the distribution; -1 when it is empty. */
    readonly maxDays: number,
  ) {}

  /** Stays with days > t, and their days; t ≥ 0. */
  stays(t: number): number {
    const k = Math.floor(t) + 1;
    return (k <= this.cap ? this.count[k] : 0) + this.long.length - this.firstLongAtLeast(k);
  }

  days(t: number): number {
    const k = Math.floor(t) + 1;
    return (k <= this.cap ? this.sum[k] : 0) + this.longSum[this.firstLongAtLeast(k)];
  }

  private firstLongAtLeast(k: number): number {
    const long = this.long;
    let lo = 0;
    let hi = long.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (long[mid] < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
