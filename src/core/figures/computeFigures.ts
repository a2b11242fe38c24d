/**
 * The figures per municipality × care type × period, recomputed from the figure basis for a
 * profile (the what-if path: no re-reading, no re-checking). One tight loop over typed arrays;
 * per-group work afterwards.
 *
 * Readings (beside the profile's own assumptions):
 * - individual: billed day k (k = grace..days-1) falls on day0 + k (the k-th workday under weekday
 *   counting) and is priced at that day's year.
 * - average: priced at the year of the period's last day; liable days use the rounded average.
 * - hybrid: stays over longStayLimit leave the average and are billed individually.
 * - rolling N months (ASSUMED): one group per month; the average is taken over the N months ending
 *   there, and the excess is billed on that month's stays.
 * - a period not wholly inside the profile's validFrom..validTo gets no amount (BENCHMARK_UNKNOWN).
 */
import type { AgreementProfile, CareRules } from "../agreements/profileSchema";
import { graceRanges, isoDay, priceFor, roundTo, type GraceRange } from "../agreements/rules";
import { cutoffMinute } from "../calendar/dayCount";
import { countSwedishWorkdays } from "../calendar/holidays";
import { epochDay } from "../cells/localDate";
import { severityOf } from "../checks/catalog";
import type { CareType, Finding } from "../model";
import type { FiguresResult, GroupFigures } from "../review/result";
import { findRow, rowRefs, type FigureBasis } from "./figureBasis";
import { monthsPerPeriod, periodLabel, periodOfMonth, periodSpan } from "./periods";

export interface RecomputeOptions {
  /** `${sheet}!${row}` of rows to leave out (disputed rows: the figures after disputes). */
  excludeRows?: ReadonlySet<string>;
}

const CARE_TYPES: CareType[] = ["somatic", "psychiatric"];
const NEVER = 1 << 30;

interface Compiled {
  rules: CareRules;
  kind: 0 | 1 | 2; // individual, average, hybrid
  weekdays: boolean;
  /** Minute of the day at or after which day 0 moves; NEVER without a cut-off. */
  cutoff: number;
  grace: number;
  ranges: GraceRange[];
  longLimit: number;
  longGrace: number;
  zeroDays: boolean;
  /** NaN when unknown. */
  benchmark: number;
  /** Price per year (index year − minYear); NaN when unknown. */
  prices: Float64Array;
  minYear: number;
}

function compile(profile: AgreementProfile, rules: CareRules, minYear: number, maxYear: number): Compiled {
  const c = rules.counting;
  const span = Math.max(0, maxYear - minYear + 1);
  const prices = new Float64Array(span);
  for (let k = 0; k < span; k++) prices[k] = priceFor(profile, rules, minYear + k)?.amount ?? NaN;
  return {
    rules,
    kind: rules.kind === "individual" ? 0 : rules.kind === "average" ? 1 : 2,
    weekdays: c.unit === "weekdays",
    cutoff: cutoffMinute(c) ?? NEVER, // the checks' cut-off (dayZero), so both move day 0 alike
    grace: rules.graceDays,
    ranges: graceRanges(rules),
    longLimit: rules.kind === "hybrid" && rules.longStayLimit !== null ? rules.longStayLimit : NEVER,
    longGrace: rules.longStayGraceDays,
    zeroDays: rules.zeroDays,
    benchmark: rules.benchmark ?? NaN,
    prices,
    minYear,
  };
}

function priceOf(c: Compiled, year: number): number {
  const k = year - c.minYear;
  return k >= 0 && k < c.prices.length ? c.prices[k] : NaN;
}

// Results of billIndividually, kept in module scope so the loop allocates nothing.
let billedAmount = 0;
let missingYear = 0;

/**
 * Prices the billed days k in [grace, days) of one stay, year by year. `boundary` is the number of
 * counting days from day 0 before the next 1 January. Sets billedAmount (NaN when a price is
 * missing) and missingYear.
 */
function billIndividually(c: Compiled, grace: number, days: number, day0: number, year0: number, boundary: number): void {
  missingYear = 0;
  if (days <= boundary) {
    const p = priceOf(c, year0);
    if (p !== p) missingYear = year0;
    billedAmount = (days - grace) * p;
    return;
  }
  // Crosses at least one new year (rare): walk the years.
  let amount = 0;
  let from = grace;
  let year = year0;
  let upTo = boundary;
  for (;;) {
    const n = Math.min(days, upTo) - from;
    if (n > 0) {
      const p = priceOf(c, year);
      if (p !== p && missingYear === 0) missingYear = year;
      amount += n * p;
      from += n;
    }
    if (upTo >= days) break;
    year++;
    const nextJan1 = epochDay(year + 1, 1, 1);
    upTo = c.weekdays ? countSwedishWorkdays(day0, nextJan1) : nextJan1 - day0;
  }
  billedAmount = amount;
}

export function recomputeFigures(basis: FigureBasis, profile: AgreementProfile, options?: RecomputeOptions): FiguresResult {
  const n = basis.count;
  const compiled = [
    compile(profile, profile.somatic, basis.minYear, basis.maxYear),
    compile(profile, profile.psychiatric, basis.minYear, basis.maxYear),
  ];

  // Groups: runs of cells (municipality, care, month) sharing a period; cells are sorted, so groups are too.
  const cells = basis.cells;
  const groupOfCell = new Int32Array(cells.count);
  const gMuni: number[] = [];
  const gCare: number[] = [];
  const gPeriod: number[] = [];
  for (let k = 0; k < cells.count; k++) {
    const care = cells.careType[k];
    const period = periodOfMonth(cells.month[k], compiled[care].rules.period);
    const last = gMuni.length - 1;
    if (last >= 0 && gMuni[last] === cells.municipality[k] && gCare[last] === care && gPeriod[last] === period) {
      groupOfCell[k] = last;
    } else {
      gMuni.push(cells.municipality[k]);
      gCare.push(care);
      gPeriod.push(period);
      groupOfCell[k] = last + 1;
    }
  }
  const G = gMuni.length;

  let excluded: Uint8Array | null = null;
  if (options?.excludeRows && options.excludeRows.size > 0) {
    excluded = new Uint8Array(n);
    for (const ref of options.excludeRows) {
      const i = findRow(basis, ref);
      if (i < 0) continue;
      for (let j = i; j < n && basis.sheetIndex[j] === basis.sheetIndex[i] && basis.row[j] === basis.row[i]; j++) excluded[j] = 1;
    }
  }

  const stays = new Int32Array(G);
  const zero = new Int32Array(G);
  const daysSum = new Float64Array(G);
  const avgN = new Int32Array(G);
  const avgSum = new Float64Array(G);
  const aboveBenchmark = new Float64Array(G); // Σ max(0, days − benchmark) over the average part
  const longStays = new Int32Array(G);
  const billed = new Float64Array(G); // individually billed days
  const billedValue = new Float64Array(G); // their SEK (NaN once a price is missing)
  const groupMissingYear = new Int32Array(G);
  const errors = new Int32Array(G);
  const invDays = new Float64Array(G);
  const invDaysN = new Int32Array(G);
  const invBilled = new Float64Array(G);
  const invBilledN = new Int32Array(G);
  const invAmount = new Float64Array(G);
  const invAmountN = new Int32Array(G);

  const { cell, careType, startMinute, startIsWorkday, startDay, startYear } = basis;
  const { calendarDays, weekdayDays, calendarToYearEnd, weekdaysToYearEnd } = basis;
  const { statedDays, statedBilledDays, statedAmount, hasError } = basis;

  for (let i = 0; i < n; i++) {
    if (excluded !== null && excluded[i] === 1) continue;
    const g = groupOfCell[cell[i]];
    const c = compiled[careType[i]];
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
    if (days === 0) zero[g]++;
    if (hasError[i] === 1) errors[g]++;
    const sd = statedDays[i];
    if (sd === sd) {
      invDays[g] += sd;
      invDaysN[g]++;
    }
    const sb = statedBilledDays[i];
    if (sb === sb) {
      invBilled[g] += sb;
      invBilledN[g]++;
    }
    const sa = statedAmount[i];
    if (sa === sa) {
      invAmount[g] += sa;
      invAmountN[g]++;
    }

    let grace = -1;
    if (c.kind === 0) {
      grace = c.grace;
      const start = startDay[i];
      for (let r = 0; r < c.ranges.length; r++) {
        const range = c.ranges[r];
        if (start >= range.from && start <= range.to) {
          grace = range.graceDays;
          break;
        }
      }
    } else if (days > c.longLimit) {
      grace = c.longGrace;
      longStays[g]++;
    }
    if (grace >= 0) {
      if (days > grace) {
        billed[g] += days - grace;
        billIndividually(c, grace, days, startDay[i] + shift, startYear[i], boundary);
        billedValue[g] += billedAmount;
        if (missingYear !== 0 && groupMissingYear[g] === 0) groupMissingYear[g] = missingYear;
      }
      if (c.kind !== 0) continue; // a hybrid long stay leaves the average
    }
    if (days === 0 && !c.zeroDays) continue;
    avgN[g]++;
    avgSum[g] += days;
    const over = days - c.benchmark;
    if (over > 0) aboveBenchmark[g] += over;
  }

  // Row lists are made when first asked for: a million {sheet, row} references cost more than
  // all the figures, and most callers (the what-if path, the summary) never read them.
  const rowsOf = groupRowLists(basis, groupOfCell, excluded, stays);

  // Per group: average, liability, amount.
  const groups: GroupFigures[] = [];
  const validFrom = profile.validFrom ? isoDay(profile.validFrom) : -Infinity;
  const validTo = profile.validTo ? isoDay(profile.validTo) : Infinity;
  const priceMissing = new Map<number, number>(); // year → groups
  const benchmarkMissing = new Map<CareType, number>();
  const outsideValidity = new Map<CareType, string[]>();

  for (let g = 0; g < G; g++) {
    if (stays[g] === 0) continue;
    const c = compiled[gCare[g]];
    const rules = c.rules;
    const careName = CARE_TYPES[gCare[g]];
    const rolling = rules.period.kind === "rolling" ? rules.period.months : 0;

    let nForAverage = avgN[g];
    let sumForAverage = avgSum[g];
    if (rolling > 0) {
      // The window: this group's month and the months before it, same municipality and care type.
      for (let h = g - 1; h >= 0 && gMuni[h] === gMuni[g] && gCare[h] === gCare[g] && gPeriod[h] > gPeriod[g] - rolling; h--) {
        nForAverage += avgN[h];
        sumForAverage += avgSum[h];
      }
    }
    const average = nForAverage > 0 ? roundTo(sumForAverage / nForAverage, rules.rounding.averageDecimals) : null;

    const span = periodSpan(gPeriod[g], rules.period);
    const label = periodLabel(gPeriod[g], rules.period);
    const valid = span.first >= validFrom && span.last <= validTo;
    let known = valid;
    if (!valid) {
      const list = outsideValidity.get(careName) ?? [];
      if (!list.includes(label)) list.push(label);
      outsideValidity.set(careName, list);
    }

    let averageLiable = 0;
    let averageValue = 0;
    if (c.kind !== 0) {
      const bm = c.benchmark;
      if (bm !== bm) {
        known = false;
        benchmarkMissing.set(careName, (benchmarkMissing.get(careName) ?? 0) + 1);
      } else if (average !== null && average > bm) {
        const f = rules.excessFormula;
        const raw = f === "excessAverage" ? (average - bm) * avgN[g] : f === "individualExcess" ? aboveBenchmark[g] : avgSum[g];
        averageLiable = roundTo(raw, rules.rounding.liableDaysDecimals);
      }
      if (averageLiable > 0) {
        // The year of the period's last day (a period never spans a new year).
        const year = Math.floor((gPeriod[g] * monthsPerPeriod(rules.period)) / 12);
        const p = priceOf(c, year);
        if (p !== p && groupMissingYear[g] === 0) groupMissingYear[g] = year;
        averageValue = averageLiable * p;
      }
    }
    if (groupMissingYear[g] !== 0) {
      priceMissing.set(groupMissingYear[g], (priceMissing.get(groupMissingYear[g]) ?? 0) + 1);
      known = false;
    }
    const liableDays = roundTo(averageLiable + billed[g], rules.rounding.liableDaysDecimals);
    const amount = known ? roundTo(averageValue + billedValue[g], rules.rounding.amountDecimals) : null;
    const invoicedAmount = invAmountN[g] > 0 ? roundTo(invAmount[g], 6) : null;
    groups.push({
      municipality: basis.municipalities[gMuni[g]],
      careType: careName,
      period: label,
      stays: stays[g],
      zeroDayStays: zero[g],
      days: daysSum[g],
      average,
      benchmark: rules.benchmark,
      longStays: longStays[g],
      liableDays,
      amount,
      invoicedDays: invDaysN[g] > 0 ? roundTo(invDays[g], 6) : null,
      invoicedBilledDays: invBilledN[g] > 0 ? roundTo(invBilled[g], 6) : null,
      invoicedAmount,
      difference: invoicedMinusComputed(invoicedAmount, amount),
      get rows() {
        return rowsOf(g);
      },
      rowsWithErrors: errors[g],
    });
  }

  return {
    groups,
    findings: figureFindings(profile, priceMissing, benchmarkMissing, outsideValidity),
    totals: totalsOf(groups, leftOutInvoiced(basis, options?.excludeRows)),
  };
}

type LeftOut = FiguresResult["totals"]["leftOut"];

/** What the rows left out of the figures invoice (disputed rows excluded, as from the groups). */
function leftOutInvoiced(basis: FigureBasis, exclude: ReadonlySet<string> | undefined): LeftOut {
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

/** Per group, its rows (sheet, Excel row) in basis order; all lists made in one pass on first use. */
function groupRowLists(
  basis: FigureBasis,
  groupOfCell: Int32Array,
  excluded: Uint8Array | null,
  sizes: ArrayLike<number>,
): (g: number) => { sheet: string; row: number }[] {
  let lists: { sheet: string; row: number }[][] | null = null;
  return (g) => {
    if (lists === null) {
      const refs = rowRefs(basis);
      const made: { sheet: string; row: number }[][] = [];
      for (let k = 0; k < sizes.length; k++) made.push([]);
      for (let i = 0; i < basis.count; i++) {
        if (excluded !== null && excluded[i] === 1) continue;
        made[groupOfCell[basis.cell[i]]].push(refs[i]);
      }
      lists = made;
    }
    return lists[g];
  };
}

function totalsOf(groups: GroupFigures[], leftOut: LeftOut): FiguresResult["totals"] {
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

/** What was invoiced above what the model gives, to the öre; null when either is unknown. */
export function invoicedMinusComputed(invoiced: number | null, computed: number | null): number | null {
  return invoiced === null || computed === null ? null : roundTo(invoiced - computed, 2);
}

const CARE_SV: Record<CareType, string> = { somatic: "somatisk vård", psychiatric: "psykiatrisk vård" };
const CARE_EN: Record<CareType, string> = { somatic: "somatic care", psychiatric: "psychiatric care" };

function groupFinding(code: "PRICE_UNKNOWN" | "BENCHMARK_UNKNOWN", sv: string, en: string): Finding {
  return { code, severity: severityOf(code), sheet: "", row: null, columns: [], fields: [], message: { sv, en } };
}

function figureFindings(
  profile: AgreementProfile,
  priceMissing: Map<number, number>,
  benchmarkMissing: Map<CareType, number>,
  outsideValidity: Map<CareType, string[]>,
): Finding[] {
  const out: Finding[] = [];
  for (const [year, groups] of [...priceMissing].sort((a, b) => a[0] - b[0])) {
    out.push(
      groupFinding(
        "PRICE_UNKNOWN",
        `Priset per dag för ${year} är okänt: ange det (kronor per dag) i avtalsprofilen. ${groups} grupp(er) saknar därför belopp.`,
        `The price per day for ${year} is unknown: enter it (SEK per day) in the agreement profile. ${groups} group(s) have no amount until then.`,
      ),
    );
  }
  for (const care of CARE_TYPES) {
    const groups = benchmarkMissing.get(care);
    if (groups) {
      out.push(
        groupFinding(
          "BENCHMARK_UNKNOWN",
          `Riktmärket för ${CARE_SV[care]} saknas i avtalsprofilen "${profile.name.sv}": ange det. ${groups} grupp(er) saknar därför belopp.`,
          `The benchmark for ${CARE_EN[care]} is missing in the agreement profile "${profile.name.en}": enter it. ${groups} group(s) have no amount until then.`,
        ),
      );
    }
  }
  for (const care of CARE_TYPES) {
    const periods = outsideValidity.get(care);
    if (periods) {
      const from = profile.validFrom ?? "…";
      const to = profile.validTo ?? "…";
      const list = periods.join(", ");
      out.push(
        groupFinding(
          "BENCHMARK_UNKNOWN",
          `Avtalsprofilen "${profile.name.sv}" gäller ${from} – ${to}; för ${CARE_SV[care]} ligger ${list} utanför, så inget belopp räknas där. Välj eller ange regeln för de perioderna.`,
          `The agreement profile "${profile.name.en}" applies ${from} – ${to}; for ${CARE_EN[care]}, ${list} lie outside it, so no amount is computed there. Choose or enter the rule for those periods.`,
        ),
      );
    }
  }
  return out;
}
