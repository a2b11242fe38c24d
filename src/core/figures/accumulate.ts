/**
 * Step 2 of the figures: one tight loop over the basis's typed columns that adds each stay to
 * its group's sums. Everything per group afterwards (averages, liability, amounts) reads only
 * these sums, so it costs nothing per stay.
 *
 * Per stay: its days under the care type's counting (cut-off shift, calendar or workdays), then
 * either individual billing (an individual rule, or a hybrid stay over the long-stay limit, which
 * then leaves the average) or the average part (0-day stays only where the rule counts them).
 */
import * as rules from "./compiledRules";
import type { CompiledRules } from "./compiledRules";
import type { FigureBasis } from "./figureBasis";
import type { Groups } from "./grouping";
import * as pricing from "./pricing";

// Module-local copies for the stay loop: an imported binding may be read through an accessor
// (a getter call per read once the module is compiled to CommonJS).
const INDIVIDUAL = rules.INDIVIDUAL;
const overrideGrace = rules.overrideGrace;
const billIndividually = pricing.billIndividually;
const firstMissingYear = pricing.firstMissingYear;

/** Per group sums, as typed arrays indexed by group. */
export class GroupSums {
  readonly stays: Int32Array;
  readonly zeroDayStays: Int32Array;
  readonly days: Float64Array;
  /** The stays in the average and their days. */
  readonly averageStays: Int32Array;
  readonly averageDays: Float64Array;
  /** Of those, the ones over the benchmark, and their days (Σ max(0, d − b) = aboveDays − b × aboveStays). */
  readonly aboveStays: Int32Array;
  readonly aboveDays: Float64Array;
  readonly longStays: Int32Array;
  /** Individually billed days and their SEK (NaN once a price is missing, see missingYear). */
  readonly billedDays: Float64Array;
  readonly billedValue: Float64Array;
  /** The first year whose price an individually billed day needed and did not find; 0 when none. */
  readonly missingYear: Int32Array;
  readonly rowsWithErrors: Int32Array;
  /** What the sheet states, summed where stated, and how many stays stated it. */
  readonly invoicedDays: Float64Array;
  readonly invoicedDaysN: Int32Array;
  readonly invoicedBilled: Float64Array;
  readonly invoicedBilledN: Int32Array;
  readonly invoicedAmount: Float64Array;
  readonly invoicedAmountN: Int32Array;

  constructor(readonly count: number) {
    this.stays = new Int32Array(count);
    this.zeroDayStays = new Int32Array(count);
    this.days = new Float64Array(count);
    this.averageStays = new Int32Array(count);
    this.averageDays = new Float64Array(count);
    this.aboveStays = new Int32Array(count);
    this.aboveDays = new Float64Array(count);
    this.longStays = new Int32Array(count);
    this.billedDays = new Float64Array(count);
    this.billedValue = new Float64Array(count);
    this.missingYear = new Int32Array(count);
    this.rowsWithErrors = new Int32Array(count);
    this.invoicedDays = new Float64Array(count);
    this.invoicedDaysN = new Int32Array(count);
    this.invoicedBilled = new Float64Array(count);
    this.invoicedBilledN = new Int32Array(count);
    this.invoicedAmount = new Float64Array(count);
    this.invoicedAmountN = new Int32Array(count);
  }
}

/**
 * Receives the stays whose contribution changes with the benchmark (average part) or with the
 * grace days (individual rule, no override): the sensitivity curve's distributions. The figures
 * alone pass none.
 */
export interface DayCollector {
  /** A stay in the average part of group g. */
  average(g: number, days: number): void;
  /** An individually billed stay under the rule's own grace days (no override), basis index i. */
  individual(g: number, days: number, i: number, day0: number, boundary: number): void;
  /** An individually billed stay under an override's grace days: the same whatever the rule's grace. */
  fixedIndividual(g: number, billedDays: number, value: number, missingYear: number): void;
}

export function accumulate(
  basis: FigureBasis,
  compiled: readonly CompiledRules[],
  groups: Groups,
  excluded: Uint8Array | null,
  collector: DayCollector | null = null,
): GroupSums {
  const sums = new GroupSums(groups.count);
  const { stays, zeroDayStays, days: daysSum, averageStays, averageDays, aboveStays, aboveDays, longStays } = sums;
  const { billedDays, billedValue, missingYear, rowsWithErrors } = sums;
  const { invoicedDays, invoicedDaysN, invoicedBilled, invoicedBilledN, invoicedAmount, invoicedAmountN } = sums;
  const groupOfCell = groups.ofCell;
  const { cell, careType, startMinute, startIsWorkday, startDay, startYear } = basis;
  const { calendarDays, weekdayDays, calendarToYearEnd, weekdaysToYearEnd } = basis;
  const { statedDays, statedBilledDays, statedAmount, hasError } = basis;
  const n = basis.count;
  // What the sheet states and which rows have errors do not depend on the profile: added per cell
  // from sums made once per basis, unless rows are left out. A curve (collector) needs neither.
  const withInvoiced = collector === null && excluded !== null;

  for (let i = 0; i < n; i++) {
    if (excluded !== null && excluded[i] === 1) continue;
    const g = groupOfCell[cell[i]];
    const c = compiled[careType[i]];

    // The stay's days under this counting; `boundary`: its counting days before the next 1 January.
    const shift = startMinute[i] >= c.cutoff ? 1 : 0;
    let days: number;
    let boundary: number;
    if (c.weekdays) {
      const sub = shift & startIsWorkday[i];
      days = weekdayDays[i] - sub;
      boundary = weekdaysToYearEnd[i] - sub;
    } else {
      days = calendarDays[i] - shift;
      boundary = calendarToYearEnd[i] - shift;
    }
    if (days < 0) days = 0;

    stays[g]++;
    daysSum[g] += days;
    if (days === 0) zeroDayStays[g]++;
    if (withInvoiced) {
      if (hasError[i] === 1) rowsWithErrors[g]++;
      const sd = statedDays[i];
      if (sd === sd) {
        invoicedDays[g] += sd;
        invoicedDaysN[g]++;
      }
      const sb = statedBilledDays[i];
      if (sb === sb) {
        invoicedBilled[g] += sb;
        invoicedBilledN[g]++;
      }
      const sa = statedAmount[i];
      if (sa === sa) {
        invoicedAmount[g] += sa;
        invoicedAmountN[g]++;
      }
    }

    // Individual billing: the grace days, or -1 when the stay belongs to the average.
    let grace = -1;
    let fixed = false; // billed under an override or as a hybrid long stay (collector only)
    if (c.kind === INDIVIDUAL) {
      const overridden = c.ranges.length > 0 ? overrideGrace(c, startDay[i]) : -1;
      grace = overridden >= 0 ? overridden : c.grace;
      fixed = overridden >= 0;
    } else if (days > c.longLimit) {
      grace = c.longGrace;
      longStays[g]++;
    }
    if (grace >= 0) {
      const day0 = startDay[i] + shift;
      if (days > grace) {
        billedDays[g] += days - grace;
        const value = billIndividually(c, grace, days, day0, startYear[i], boundary);
        billedValue[g] += value;
        if (value !== value && missingYear[g] === 0) missingYear[g] = firstMissingYear(c, grace, days, day0, startYear[i], boundary);
        if (collector !== null && fixed) {
          collector.fixedIndividual(g, days - grace, value, value !== value ? firstMissingYear(c, grace, days, day0, startYear[i], boundary) : 0);
        }
      }
      if (collector !== null && c.kind === INDIVIDUAL && !fixed) collector.individual(g, days, i, day0, boundary);
      if (c.kind !== INDIVIDUAL) continue; // a hybrid long stay leaves the average
    }
    if (days === 0 && !c.zeroDays) continue;
    averageStays[g]++;
    averageDays[g] += days;
    if (days > c.benchmark) {
      aboveStays[g]++;
      aboveDays[g] += days;
    }
    if (collector !== null && c.kind !== INDIVIDUAL) collector.average(g, days);
  }
  if (collector === null && excluded === null) addStatements(sums, groups, statementsOf(basis));
  return sums;
}

/** Per basis cell: what the sheet states (summed where stated, and how many stated it) and the rows with errors. */
interface CellStatements {
  rowsWithErrors: Int32Array;
  days: Float64Array;
  daysN: Int32Array;
  billed: Float64Array;
  billedN: Int32Array;
  amount: Float64Array;
  amountN: Int32Array;
}

/** Made on first use per basis (the basis never changes; a WeakMap lets it go with the basis). */
const statements = new WeakMap<FigureBasis, CellStatements>();

function statementsOf(basis: FigureBasis): CellStatements {
  const known = statements.get(basis);
  if (known) return known;
  const k = basis.cells.count;
  const s: CellStatements = {
    rowsWithErrors: new Int32Array(k),
    days: new Float64Array(k),
    daysN: new Int32Array(k),
    billed: new Float64Array(k),
    billedN: new Int32Array(k),
    amount: new Float64Array(k),
    amountN: new Int32Array(k),
  };
  const { cell, statedDays, statedBilledDays, statedAmount, hasError } = basis;
  for (let i = 0; i < basis.count; i++) {
    const c = cell[i];
    if (hasError[i] === 1) s.rowsWithErrors[c]++;
    const sd = statedDays[i];
    if (sd === sd) {
      s.days[c] += sd;
      s.daysN[c]++;
    }
    const sb = statedBilledDays[i];
    if (sb === sb) {
      s.billed[c] += sb;
      s.billedN[c]++;
    }
    const sa = statedAmount[i];
    if (sa === sa) {
      s.amount[c] += sa;
      s.amountN[c]++;
    }
  }
  statements.set(basis, s);
  return s;
}

function addStatements(sums: GroupSums, groups: Groups, s: CellStatements): void {
  for (let k = 0; k < groups.ofCell.length; k++) {
    const g = groups.ofCell[k];
    sums.rowsWithErrors[g] += s.rowsWithErrors[k];
    sums.invoicedDays[g] += s.days[k];
    sums.invoicedDaysN[g] += s.daysN[k];
    sums.invoicedBilled[g] += s.billed[k];
    sums.invoicedBilledN[g] += s.billedN[k];
    sums.invoicedAmount[g] += s.amount[k];
    sums.invoicedAmountN[g] += s.amountN[k];
  }
}
