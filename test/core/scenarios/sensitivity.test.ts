import { getPreset } from "../../../src/core/agreements/presets";
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import { NATIONAL_AVERAGE_NOTE } from "../../../src/core/agreements/nationalAverages";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import { recomputeFigures } from "../../../src/core/figures/computeFigures";
import type { Stay } from "../../../src/core/model";
import { createScenario, type ScenarioChanges } from "../../../src/core/scenarios/scenario";
import { sensitivityCurve, sensitivityPoints, type SensitivityOptions } from "../../../src/core/scenarios/sensitivity";
import { stay, staysWithDays, tablesOf } from "../figures/stays";

const basisOf = (stays: Stay[]) => buildFigureBasis(tablesOf(stays), { openStaysUntilDay: null, errorRows: new Set() });

function variant(id: string, changes: ScenarioChanges): AgreementProfile {
  const r = createScenario(getPreset(id)!, "variant", { sv: "v", en: "v" }, changes);
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.scenario.profile;
}

function curve(stays: Stay[], profile: AgreementProfile, options: SensitivityOptions) {
  const r = sensitivityCurve(basisOf(stays), profile, options);
  if (!r.ok) throw new Error(r.problem.en);
  return r.curve;
}

// DOMAIN.md §3: 20 stays, 58 days in March 2023 (price 10 500).
// 4×0 + 4×1 + 4×2 + 2×3 + 2×5 + 2×6 + 2×9 = 58 days; average 58 / 20 = 2.90.
const EXAMPLE_DAYS = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 5, 5, 6, 6, 9, 9];
const example = () => staysWithDays(EXAMPLE_DAYS, "2023-03-20");
const halland = getPreset("halland-2022")!;

describe("sensitivity and break-even: the DOMAIN.md §3 example", () => {
  it("excessAverage: 2.3 → 0.60 × 20 = 12.00 days (126 000 kr); 2.0 → 18.00 (189 000); 2.5 → 8.00 (84 000); 2.9 → 0; break-even 2.90", () => {
    const c = curve(example(), halland, { from: 2.0, to: 3.0, step: 0.1 });
    expect(c.variable).toBe("benchmark");
    expect(c.points).toEqual([2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3.0]);
    // (2.9 − b) × 20 days × 10 500 kr: b = 2.0 → 18 days; each 0.1 → 2 days = 21 000 kr less.
    expect(c.total.liableDays).toEqual([18, 16, 14, 12, 10, 8, 6, 4, 2, 0, 0]);
    expect(c.total.amounts).toEqual([189000, 168000, 147000, 126000, 105000, 84000, 63000, 42000, 21000, 0, 0]);
    expect(c.municipalities).toEqual([{ municipality: "Halmstad", amounts: c.total.amounts, liableDays: c.total.liableDays }]);
    expect(c.breakEven).toEqual([{ municipality: "Halmstad", careType: "somatic", period: "2023-03", value: 2.9, owedWhatever: { liableDays: 0, amount: 0 } }]);
    expect(c.municipalityBreakEven).toEqual([{ municipality: "Halmstad", value: 2.9 }]);
  });

  it("individualExcess: Σ max(0, d − b): b = 2.0 → 46 − 8 × 2.0 = 30.00 days; 2.3 → 27.60; 2.8 → 23.60; 2.9 → 0 (average not above); break-even 2.90", () => {
    // Days over 2 (and over 2.8): 3, 3, 5, 5, 6, 6, 9, 9 = 46 days, 8 stays.
    const c = curve(example(), variant("halland-2022", { both: { excessFormula: "individualExcess" } }), { from: 2.0, to: 2.9, step: 0.1 });
    expect(c.total.liableDays).toEqual([30, 29.2, 28.4, 27.6, 26.8, 26, 25.2, 24.4, 23.6, 0]);
    expect(c.total.amounts[3]).toBe(289800); // 27.6 × 10 500
    expect(c.breakEven[0].value).toBe(2.9);
  });

  it("allDays: every day (58) below the average, nothing from 2.90", () => {
    const c = curve(example(), variant("halland-2022", { both: { excessFormula: "allDays" } }), { from: 2.8, to: 3.0, step: 0.05 });
    expect(c.points).toEqual([2.8, 2.85, 2.9, 2.95, 3.0]);
    expect(c.total.amounts).toEqual([609000, 609000, 0, 0, 0]); // 58 × 10 500
    expect(c.breakEven[0].value).toBe(2.9);
  });

  it("rounding at the edge: with whole liable days, (2.90 − 2.88) × 20 = 0.4 rounds to 0, so the break-even is 2.88, not 2.90", () => {
    const profile = variant("halland-2022", { both: { rounding: { liableDaysDecimals: 0 } } });
    const c = curve(example(), profile, { from: 2.86, to: 2.9, step: 0.01 });
    // b = 2.86 → 0.8 → 1 day; 2.87 → 0.6 → 1; 2.88 → 0.4 → 0; 2.89 → 0.2 → 0; 2.90 → 0.
    expect(c.total.liableDays).toEqual([1, 1, 0, 0, 0]);
    expect(c.total.amounts).toEqual([10500, 10500, 0, 0, 0]);
    expect(c.breakEven[0].value).toBe(2.88);
    expect(recomputeFigures(basisOf(example()), variant("halland-2022", { both: { benchmark: 2.87, rounding: { liableDaysDecimals: 0 } } })).totals.liableDays).toBe(1);
    expect(recomputeFigures(basisOf(example()), variant("halland-2022", { both: { benchmark: 2.88, rounding: { liableDaysDecimals: 0 } } })).totals.liableDays).toBe(0);
  });

  it("rounding of the average: without 0-day stays 58 / 16 = 3.625 → 3.6 at one decimal, so the break-even is 3.6", () => {
    const profile = variant("halland-2022", { both: { zeroDays: false, rounding: { averageDecimals: 1 } } });
    const c = curve(example(), profile, { from: 3.5, to: 3.7, step: 0.1 });
    // b = 3.5 → (3.6 − 3.5) × 16 = 1.60 days → 16 800 kr; 3.6 → 0.
    expect(c.total.liableDays).toEqual([1.6, 0, 0]);
    expect(c.total.amounts).toEqual([16800, 0, 0]);
    expect(c.breakEven[0].value).toBe(3.6);
  });

  it("the benchmark on one care type only: the other keeps its own", () => {
    const psych = staysWithDays([6, 6], "2023-03-20", { care: "psychiatric", firstRow: 100 });
    // Psychiatric: average 6.0 > 2.3 → (6 − 2.3) × 2 = 7.40 days = 77 700 kr at every point.
    const c = curve([...example(), ...psych], halland, { from: 2.3, to: 2.9, step: 0.6, careTypes: ["somatic"] });
    expect(c.total.amounts).toEqual([126000 + 77700, 77700]);
    expect(c.breakEven.map((b) => b.careType)).toEqual(["somatic"]);
  });
});

describe("hybrid long stays (VGR: over 7 days leave the average, billed from day 0)", () => {
  it("the two 9-day stays owe 18 days whatever the benchmark; the rest (40 / 18 = 2.22) owes above 2.22", () => {
    const vgr = getPreset("vgr-2020")!;
    const c = curve(example(), vgr, { from: 2.0, to: 3.0, step: 0.5 });
    // b = 2.0: (2.22 − 2.0) × 18 = 3.96 + 18 = 21.96 days; 41 580 + 189 000 = 230 580 kr. b ≥ 2.22: 18 days, 189 000 kr.
    expect(c.total.liableDays).toEqual([21.96, 18, 18]);
    expect(c.total.amounts).toEqual([230580, 189000, 189000]);
    expect(c.breakEven).toEqual([{ municipality: "Halmstad", careType: "somatic", period: "2023-03", value: 2.22, owedWhatever: { liableDays: 18, amount: 189000 } }]);
  });
});

describe("individual model: grace days", () => {
  const law = getPreset("lag-2017-612")!;

  it("grace 0 → 58 days; 3 → 2+2+3+3+6+6 = 22; 5 → 1+1+4+4 = 10; 7 → 2+2 = 4; 9 → 0; break-even 9 grace days", () => {
    const c = curve(example(), law, { from: 0, to: 9, step: 1 });
    expect(c.variable).toBe("graceDays");
    // Billed days Σ max(0, d − g) for g = 0..9.
    expect(c.total.liableDays).toEqual([58, 42, 30, 22, 16, 10, 6, 4, 2, 0]);
    expect(c.total.amounts).toEqual([58, 42, 30, 22, 16, 10, 6, 4, 2, 0].map((d) => d * 10500));
    expect(c.breakEven[0]).toMatchObject({ value: 9, owedWhatever: { liableDays: 0, amount: 0 } });
  });

  it("a stay over New Year is priced day by day: 2022-12-25 → 2023-01-05, grace 0: 7 × 9 300 + 4 × 10 500 = 107 100; grace 3: 4 × 9 300 + 4 × 10 500 = 79 200", () => {
    const s = stay({ row: 2, ready: "2022-12-25", discharge: "2023-01-05" });
    const c = curve([s], law, { from: 0, to: 3, step: 3 });
    expect(c.total.amounts).toEqual([107100, 79200]);
    expect(c.breakEven[0].value).toBe(11);
  });

  it("stays under a grace-day override are the same at every point (psychiatric 2018: 30 days; 35 days → 5 billed × 7 000)", () => {
    const profile = variant("lag-2017-612", { priceOverrides: { "2018": 7000 } });
    const s = stay({ row: 2, care: "psychiatric", ready: "2018-10-01", discharge: "2018-11-05" });
    const c = curve([s], profile, { from: 0, to: 10, step: 5 });
    expect(c.total.amounts).toEqual([35000, 35000, 35000]);
    expect(c.breakEven[0]).toMatchObject({ value: 0, owedWhatever: { liableDays: 5, amount: 35000 } });
  });
});

describe("national average as a reference", () => {
  it("2023 has no national figure: the 2021 one (2.3) is offered, said so, with the 0-day caveat where 0-day stays count", () => {
    const c = curve(example(), halland, { from: 2, to: 3, step: 1 });
    expect(c.references).toHaveLength(1);
    expect(c.references[0]).toMatchObject({ careType: "somatic", year: 2023, value: 2.3, fromPeriod: "2021" });
    expect(c.references[0].notes).toEqual([expect.objectContaining({ en: expect.stringContaining("latest before it is 2021") }), NATIONAL_AVERAGE_NOTE]);
  });

  it("without 0-day stays there is no 0-day caveat; a year in the table is used as it is (2020, psychiatric 4.0)", () => {
    const psych2020 = staysWithDays([1, 5], "2020-05-10", { care: "psychiatric" });
    const c = curve(psych2020, variant("halland-2022", { validFrom: null, validTo: null, both: { zeroDays: false } }), { from: 2, to: 3, step: 1 });
    expect(c.references).toEqual([{ careType: "psychiatric", year: 2020, value: 4.0, fromPeriod: "2020", source: "SKR", notes: [] }]);
  });
});

describe("the range", () => {
  it("points are exact decimals; bad ranges are problems, not throws", () => {
    expect(sensitivityPoints(2, 3, 0.1, "benchmark")).toEqual({ ok: true, points: [2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3] });
    expect(sensitivityPoints(0, 3, 0.05, "benchmark").ok && (sensitivityPoints(0, 3, 0.05, "benchmark") as { points: number[] }).points).toHaveLength(61);
    // Each problem names the field it is about, so a host can show it there.
    const cases = [
      [3, 2, 0.1, "benchmark", "to"],
      [0, 1, 0, "benchmark", "step"],
      [-1, 1, 1, "benchmark", "from"],
      [0, 5, 0.5, "graceDays", "step"],
      [0.5, 5, 1, "graceDays", "from"],
      [0, 1e9, 1e-3, "benchmark", "step"],
      [0, Number.NaN, 1, "benchmark", "to"],
    ] as const;
    for (const [from, to, step, v, field] of cases) {
      const r = sensitivityPoints(from, to, step, v);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.problem.en.length).toBeGreaterThan(0);
      expect(!r.ok && r.field).toBe(field);
    }
    // A host's own ceiling: 2.0..3.0 by 0.1 is 11 points, too many for 10, enough for 11.
    expect(sensitivityPoints(2, 3, 0.1, "benchmark", 10)).toMatchObject({ ok: false, field: "step" });
    expect(sensitivityPoints(2, 3, 0.1, "benchmark", 11).ok).toBe(true);
    expect(sensitivityCurve(basisOf(example()), halland, { from: 1, to: 0, step: 1 }).ok).toBe(false);
  });
});
