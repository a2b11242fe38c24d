/**
 * The sensitivity curve is computed from each group's distribution of days, not by running the
 * figures per point; these properties hold it to recomputeFigures at random points, and to the
 * shape the model implies (what is owed never grows with the benchmark or the grace days).
 */
import fc from "fast-check";
import { getPreset } from "../../../src/core/agreements/presets";
import { roundTo } from "../../../src/core/agreements/rules";
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import { epochDay } from "../../../src/core/cells/localDate";
import { recomputeFigures } from "../../../src/core/figures/computeFigures";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import type { FiguresResult } from "../../../src/core/review/result";
import { createScenario, type CareRulesChanges } from "../../../src/core/scenarios/scenario";
import { sensitivityCurve, type SensitivityCurve, type SensitivityVariable } from "../../../src/core/scenarios/sensitivity";
import { stay, tablesOf } from "../figures/stays";

const FIRST = epochDay(2022, 1, 1);
const MUNIS = ["Halmstad", "Varberg", "Laholm"];

const arbStay = fc.record({
  muni: fc.constantFrom(...MUNIS),
  psychiatric: fc.boolean(),
  discharge: fc.integer({ min: 0, max: 3 * 365 + 40 }), // into 2025, whose price is unknown
  days: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 }), fc.constant(300)),
  minute: fc.option(fc.integer({ min: 0, max: 1439 })),
});

type StayDraw = typeof arbStay extends fc.Arbitrary<infer T> ? T : never;

const arbRules: fc.Arbitrary<CareRulesChanges> = fc.record(
  {
    excessFormula: fc.constantFrom("excessAverage", "individualExcess", "allDays"),
    zeroDays: fc.boolean(),
    period: fc.constantFrom({ kind: "month" }, { kind: "quarter" }, { kind: "halfYear" }, { kind: "rolling", months: 3 }),
    counting: fc.constantFrom(
      { unit: "calendar", start: "readyDate", cutoffHour: null },
      { unit: "weekdays", start: "readyDate", cutoffHour: null },
      { unit: "calendar", start: "noticeTime", cutoffHour: 12 },
    ),
    rounding: fc.record({ averageDecimals: fc.integer({ min: 0, max: 3 }), liableDaysDecimals: fc.integer({ min: 0, max: 2 }), amountDecimals: fc.integer({ min: 0, max: 2 }) }),
    price: fc.constantFrom({ source: "socialstyrelsen" }, { source: "fixed", amount: 1234.5 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<CareRulesChanges>;

function profileOf(base: string, somatic: CareRulesChanges, psychiatric: CareRulesChanges): AgreementProfile {
  const r = createScenario(getPreset(base)!, "random", { sv: "r", en: "r" }, { somatic, psychiatric });
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.scenario.profile;
}

function at(profile: AgreementProfile, variable: SensitivityVariable, value: number): AgreementProfile {
  const change = variable === "benchmark" ? { benchmark: value } : { graceDays: value };
  const r = createScenario(profile, profile.id, profile.name, { both: change });
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.scenario.profile;
}

/** What the figures give per municipality: the groups' amounts added in group order (null if one is unknown). */
function byMunicipality(f: FiguresResult, municipality: string): { amount: number | null; liableDays: number } {
  let amount: number | null = 0;
  let liable = 0;
  for (const g of f.groups) {
    if (g.municipality !== municipality) continue;
    amount = amount === null || g.amount === null ? null : amount + g.amount;
    liable += g.liableDays;
  }
  return { amount: amount === null ? null : roundTo(amount, 2), liableDays: roundTo(liable, 6) };
}

function nonIncreasing(values: (number | null)[]): boolean {
  const known = values.filter((v): v is number => v !== null);
  return known.every((v, k) => k === 0 || v <= known[k - 1]);
}

function check(stays: StayDraw[], profile: AgreementProfile, variable: SensitivityVariable, from: number, step: number, count: number): boolean {
  const basis = buildFigureBasis(
    tablesOf(
      stays.map((a, k) => {
        const s = stay({ row: k + 2, muni: a.muni, care: a.psychiatric ? "psychiatric" : "somatic", ready: null, discharge: null });
        s.discharge = { day: FIRST + a.discharge, minute: null };
        s.ready = { day: FIRST + a.discharge - a.days, minute: a.minute };
        return s;
      }),
    ),
    { openStaysUntilDay: null, errorRows: new Set() },
  );
  const r = sensitivityCurve(basis, profile, { from, to: from + step * (count - 1), step, variable });
  if (!r.ok) throw new Error(r.problem.en);
  const curve: SensitivityCurve = r.curve;
  expect(curve.points).toHaveLength(count);
  curve.points.forEach((point, p) => {
    const f = recomputeFigures(basis, at(profile, variable, point));
    expect([point, curve.total.amounts[p], curve.total.liableDays[p]]).toEqual([point, f.totals.amount, f.totals.liableDays]);
    for (const m of curve.municipalities) {
      expect([point, m.municipality, m.amounts[p], m.liableDays[p]]).toEqual([point, m.municipality, byMunicipality(f, m.municipality).amount, byMunicipality(f, m.municipality).liableDays]);
    }
  });
  expect(nonIncreasing(curve.total.amounts)).toBe(true);
  expect(nonIncreasing(curve.total.liableDays)).toBe(true);
  for (const m of curve.municipalities) expect(nonIncreasing(m.amounts)).toBe(true);
  // At and above each break-even the group owes nothing more than what it owes whatever the value.
  for (const b of curve.breakEven) {
    const f = recomputeFigures(basis, at(profile, variable, b.value));
    const g = f.groups.find((x) => x.municipality === b.municipality && x.careType === b.careType && x.period === b.period)!;
    expect([b, g.liableDays, g.amount]).toEqual([b, b.owedWhatever.liableDays, b.owedWhatever.amount]);
  }
  return true;
}

describe("sensitivity curve = recomputeFigures at each point", () => {
  it("benchmark (average and hybrid rules): random stays, rules and points", () => {
    fc.assert(
      fc.property(
        fc.array(arbStay, { minLength: 1, maxLength: 40 }),
        fc.constantFrom("halland-2022", "vasterbotten-2022", "vgr-2020", "stockholm-2020"),
        arbRules,
        arbRules,
        fc.oneof(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 6 }).map((d) => d * 100)), // whole days often: d > b at its edge
        fc.constantFrom(0.01, 0.05, 0.1, 0.25, 0.37, 1),
        fc.integer({ min: 1, max: 8 }),
        (stays, base, somatic, psychiatric, from, step, count) => check(stays, profileOf(base, somatic, psychiatric), "benchmark", from / 100, step, count),
      ),
      { numRuns: 120 },
    );
  });

  it("grace days (individual rules): random stays, rules and points", () => {
    fc.assert(
      fc.property(
        fc.array(arbStay, { minLength: 1, maxLength: 40 }),
        fc.constantFrom("lag-2017-612", "kalmar-2019"),
        arbRules,
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 8 }),
        (stays, base, rules, from, step, count) => check(stays, profileOf(base, rules, rules), "graceDays", from, step, count),
      ),
      { numRuns: 80 },
    );
  });
});
