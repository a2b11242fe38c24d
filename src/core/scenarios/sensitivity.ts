/**
 * Sensitivity and break-even: what each municipality owes as a function of the benchmark
 * (average and hybrid rules) or of the grace days (individual rules), from ONE accumulation pass
 * over the basis that also gathers each group's distribution of days (dayDistribution.ts).
 *
 * Above the benchmark b a group owes, before rounding, (average − b) × stays, Σ max(0, d − b) or
 * all its days; nothing once b ≥ its (rounded) average: piecewise linear in b. Each point is
 * evaluated with the figures' own per-group step (liability.ts) on the sums at that b, so a point
 * equals recomputeFigures under that benchmark, rounding included.
 *
 * Break-even: per group, the smallest benchmark at or above which the group owes nothing above
 * the benchmark, stated at the precision of the average (its averageDecimals: 2.90, not 2.8999…),
 * found by bisection on that grid (the liable days fall as b grows). Under an individual rule: the
 * smallest grace days at or above which no stay is billed. What a group owes whatever the value
 * (hybrid long stays, stays under a grace-day override) is reported beside it.
 */
import { roundTo } from "../agreements/rules";
import type { AgreementProfile } from "../agreements/profileSchema";
import { accumulate } from "../figures/accumulate";
import { periodsInValidity } from "../figures/assemble";
import { CARE_TYPES, compileProfile, INDIVIDUAL, priceOf, type CompiledRules } from "../figures/compiledRules";
import type { FigureBasis } from "../figures/figureBasis";
import { excludedStays, groupCells } from "../figures/grouping";
import { averageLiableDays, groupAverage, owed, type AveragePart, type BilledPart, type Owed } from "../figures/liability";
import { periodLabel } from "../figures/periods";
import { billIndividually, firstMissingYear, periodPriceYear } from "../figures/pricing";
import type { Bilingual, CareType } from "../model";
import { DayDistribution, OverScratch, type OverQuery } from "./dayDistribution";
import { nationalReference, type NationalReference } from "./nationalReference";

export type SensitivityVariable = "benchmark" | "graceDays";

export interface SensitivityOptions {
  from: number;
  to: number;
  step: number;
  /** Default: the benchmark when a care type has an average or hybrid rule, else the grace days. */
  variable?: SensitivityVariable;
  /** The care types whose rule takes each value (default both); the other keeps its own. */
  careTypes?: readonly CareType[];
  /** `${sheet}!${row}` of rows to leave out (disputed rows). */
  excludeRows?: ReadonlySet<string>;
  /** At most this many points (default and ceiling MAX_POINTS): a pane drawing them asks for fewer. */
  maxPoints?: number;
}

export interface CurveLine {
  /** SEK per point; null where unknown (a price missing, or a period outside the profile's validity). */
  amounts: (number | null)[];
  liableDays: number[];
}

export interface BreakEven {
  municipality: string;
  careType: CareType;
  period: string;
  /** The benchmark (or grace days) at or above which the group owes nothing more. */
  value: number;
  /** What it owes at and above that value (hybrid long stays, grace-day overrides); null amount when unknown. */
  owedWhatever: { liableDays: number; amount: number | null };
}

export interface SensitivityCurve {
  variable: SensitivityVariable;
  careTypes: CareType[];
  points: number[];
  municipalities: ({ municipality: string } & CurveLine)[];
  total: CurveLine;
  /** Per group whose rule takes the value. */
  breakEven: BreakEven[];
  /** Per municipality: the largest of its groups' break-evens (all of them owe nothing from there). */
  municipalityBreakEven: { municipality: string; value: number }[];
  /** The national average per care type and year (benchmark curves only). */
  references: NationalReference[];
}

export type SensitivityResult = { ok: true; curve: SensitivityCurve } | { ok: false; problem: Bilingual; field: RangeField };

/** At most this many points in one curve. */
export const MAX_POINTS = 10_001;

/** The points from..to by step (inclusive, to the millionth); a problem for a bad range. */
/** Which of the range's three values a problem is about (a host shows it at that field). */
export type RangeField = "from" | "to" | "step";

/** The points from..to by step (inclusive, to the millionth); a problem for a bad range, naming its field. */
export function sensitivityPoints(
  from: number,
  to: number,
  step: number,
  variable: SensitivityVariable,
  maxPoints: number = MAX_POINTS,
): { ok: true; points: number[] } | { ok: false; problem: Bilingual; field: RangeField } {
  const bad = (field: RangeField, sv: string, en: string) => ({ ok: false as const, problem: { sv, en }, field });
  const notFinite = ([["from", from], ["to", to], ["step", step]] as const).find(([, v]) => !Number.isFinite(v));
  if (notFinite) return bad(notFinite[0], "Intervallet måste vara tal.", "The range must be numbers.");
  if (from < 0) return bad("from", `Startvärdet ${from} är negativt.`, `The start ${from} is negative.`);
  if (to < from) return bad("to", `Slutvärdet ${to} är mindre än startvärdet ${from}.`, `The end ${to} is below the start ${from}.`);
  if (step <= 0) return bad("step", `Steget ${step} måste vara större än 0.`, `The step ${step} must be above 0.`);
  if (variable === "graceDays") {
    const fraction = ([["from", from], ["to", to], ["step", step]] as const).find(([, v]) => !Number.isInteger(v));
    if (fraction) return bad(fraction[0], "Karensdagar är hela dagar: start, slut och steg måste vara heltal.", "Grace days are whole days: start, end and step must be whole numbers.");
  }
  const count = Math.floor(roundTo((to - from) / step, 6)) + 1;
  const most = Math.min(maxPoints, MAX_POINTS);
  if (count > most) return bad("step", `${count} punkter är för många (högst ${most}): välj ett större steg.`, `${count} points are too many (at most ${most}): choose a larger step.`);
  return { ok: true, points: Array.from({ length: count }, (_, k) => roundTo(from + k * step, 6)) };
}

export function sensitivityCurve(basis: FigureBasis, profile: AgreementProfile, options: SensitivityOptions): SensitivityResult {
  const compiled = compileProfile(profile, basis.minYear, basis.maxYear);
  const variable = options.variable ?? (compiled.some((c) => c.kind !== INDIVIDUAL) ? "benchmark" : "graceDays");
  const pts = sensitivityPoints(options.from, options.to, options.step, variable, options.maxPoints);
  if (!pts.ok) return pts;
  const points = pts.points;
  const careTypes = [...(options.careTypes ?? CARE_TYPES)];

  const groups = groupCells(basis, compiled);
  const excluded = excludedStays(basis, options.excludeRows);
  const dist = new DayDistribution(basis, groups.count);
  const sums = accumulate(basis, compiled, groups, excluded, dist);
  const valid = periodsInValidity(profile, compiled, groups);

  const P = points.length;
  const M = basis.municipalities.length;
  const muni = { amount: new Float64Array(M * P), unknown: new Uint8Array(M * P), liable: new Float64Array(M * P), seen: new Uint8Array(M) };
  const total = { amount: new Float64Array(P), unknown: new Uint8Array(P), liable: new Float64Array(P) };
  const add = (m: number, p: number, o: Owed) => {
    const k = m * P + p;
    muni.liable[k] += o.liableDays;
    total.liable[p] += o.liableDays;
    if (o.amount === null) {
      muni.unknown[k] = 1;
      total.unknown[p] = 1;
    } else {
      muni.amount[k] += o.amount;
      total.amount[p] += o.amount; // in group order, as the figures' totals add them
    }
  };

  const scratch = new OverScratch(dist.cap);
  const breakEven: BreakEven[] = [];
  const referenceKeys = new Set<string>();
  const references: NationalReference[] = [];

  for (let g = 0; g < groups.count; g++) {
    if (sums.stays[g] === 0) continue;
    const care = groups.careType[g];
    const c = compiled[care];
    const m = groups.municipality[g];
    muni.seen[m] = 1;
    const average = groupAverage(c, groups, sums, g);
    const priceYear = periodPriceYear(groups.period[g], c.rules.period);
    const isValid = valid[g] === 1;
    const part: AveragePart = { stays: sums.averageStays[g], days: sums.averageDays[g], aboveStays: sums.aboveStays[g], aboveDays: sums.aboveDays[g] };
    const billed: BilledPart = { days: sums.billedDays[g], value: sums.billedValue[g], missingYear: sums.missingYear[g] };
    const takesValue = careTypes.includes(CARE_TYPES[care]) && (variable === "benchmark" ? c.kind !== INDIVIDUAL : c.kind === INDIVIDUAL);
    if (!takesValue) {
      const o = owed(c, c.benchmark, average, part, billed, priceYear, isValid);
      for (let p = 0; p < P; p++) add(m, p, o);
      continue;
    }
    const over = dist.over(g, scratch);
    const at = variable === "benchmark"
      ? (b: number) => owedAtBenchmark(c, b, average, part, over, billed, priceYear, isValid)
      : (grace: number) => owedAtGrace(c, grace, g, dist, over, priceYear, isValid);
    for (let p = 0; p < P; p++) add(m, p, at(points[p]));

    const value = variable === "benchmark" ? benchmarkBreakEven(c, average, part, over) : graceBreakEven(g, dist, over);
    const whatever = at(value);
    breakEven.push({
      municipality: basis.municipalities[m],
      careType: CARE_TYPES[care],
      period: periodLabel(groups.period[g], c.rules.period),
      value,
      owedWhatever: { liableDays: whatever.liableDays, amount: whatever.amount },
    });
    if (variable === "benchmark" && !referenceKeys.has(`${care}:${priceYear}`)) {
      referenceKeys.add(`${care}:${priceYear}`);
      references.push(nationalReference(CARE_TYPES[care], priceYear, c.rules.zeroDays));
    }
  }

  const line = (amount: Float64Array, unknown: Uint8Array, liable: Float64Array, at: number): CurveLine => ({
    amounts: Array.from({ length: P }, (_, p) => (unknown[at + p] ? null : roundTo(amount[at + p], 2))),
    liableDays: Array.from({ length: P }, (_, p) => roundTo(liable[at + p], 6)),
  });
  const municipalities: SensitivityCurve["municipalities"] = [];
  for (let m = 0; m < M; m++) if (muni.seen[m]) municipalities.push({ municipality: basis.municipalities[m], ...line(muni.amount, muni.unknown, muni.liable, m * P) });
  const municipalityBreakEven = municipalities
    .map(({ municipality }) => ({ municipality, value: Math.max(-Infinity, ...breakEven.filter((b) => b.municipality === municipality).map((b) => b.value)) }))
    .filter((b) => b.value !== -Infinity);
  references.sort((a, b) => a.year - b.year || CARE_TYPES.indexOf(a.careType) - CARE_TYPES.indexOf(b.careType));

  return {
    ok: true,
    curve: { variable, careTypes, points, municipalities, total: line(total.amount, total.unknown, total.liable, 0), breakEven, municipalityBreakEven, references },
  };
}

/** The group's figures at benchmark b: the average part's sums over b from its distribution. */
function owedAtBenchmark(c: CompiledRules, b: number, average: number | null, part: AveragePart, over: OverQuery, billed: BilledPart, priceYear: number, valid: boolean): Owed {
  return owed(c, b, average, { stays: part.stays, days: part.days, aboveStays: over.stays(b), aboveDays: over.days(b) }, billed, priceYear, valid);
}

/** The group's figures at `grace` grace days: the stays under the rule's grace from the distribution, the rest as billed. */
function owedAtGrace(c: CompiledRules, grace: number, g: number, dist: DayDistribution, over: OverQuery, priceYear: number, valid: boolean): Owed {
  // Σ over stays of (d − grace) for d > grace, all priced at the group's year (whole numbers: exact).
  const days = over.days(grace) - grace * over.stays(grace);
  let missingYear = dist.fixedMissingYear[g];
  let billedDays = dist.fixedDays[g];
  let value = dist.fixedValue[g];
  if (days > 0) {
    const p = priceOf(c, dist.year[g]);
    if (p !== p && missingYear === 0) missingYear = dist.year[g];
    billedDays += days;
    value += days * p;
  }
  for (const s of dist.pricedStays(g)) {
    if (s.days <= grace) continue;
    billedDays += s.days - grace;
    const v = billIndividually(c, grace, s.days, s.day0, s.year0, s.boundary);
    value += v;
    if (v !== v && missingYear === 0) missingYear = firstMissingYear(c, grace, s.days, s.day0, s.year0, s.boundary);
  }
  const none: AveragePart = { stays: 0, days: 0, aboveStays: 0, aboveDays: 0 };
  return owed(c, c.benchmark, null, none, { days: billedDays, value, missingYear }, priceYear, valid);
}

/** The smallest benchmark on the average's grid at which (and above which) no days above it are liable. */
function benchmarkBreakEven(c: CompiledRules, average: number | null, part: AveragePart, over: OverQuery): number {
  if (average === null) return 0;
  const decimals = c.rules.rounding.averageDecimals;
  const unit = 10 ** -decimals;
  const liableAt = (k: number) => {
    const b = roundTo(k * unit, decimals);
    return averageLiableDays(c, b, average, { stays: part.stays, days: part.days, aboveStays: over.stays(b), aboveDays: over.days(b) });
  };
  // At k = hi the benchmark equals the average: nothing is liable. Bisect for the first k that owes nothing.
  let lo = 0;
  let hi = Math.round(average / unit);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (liableAt(mid) > 0) lo = mid + 1;
    else hi = mid;
  }
  return roundTo(lo * unit, decimals);
}

/** The smallest grace days at which no stay under the rule's grace is billed: its longest stay's days. */
function graceBreakEven(g: number, dist: DayDistribution, over: OverQuery): number {
  let most = Math.max(0, over.maxDays);
  for (const s of dist.pricedStays(g)) if (s.days > most) most = s.days;
  return most;
}
