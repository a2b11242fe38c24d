import { getPreset } from "../../../src/core/agreements/presets";
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import { compareScenarios } from "../../../src/core/scenarios/compare";
import { createScenario, type ScenarioChanges } from "../../../src/core/scenarios/scenario";
import { staysWithDays, tablesOf } from "../figures/stays";

function variant(id: string, changes: ScenarioChanges): AgreementProfile {
  const r = createScenario(getPreset("halland-2022")!, id, { sv: id, en: id }, changes);
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.scenario.profile;
}

// Halmstad: DOMAIN.md §3's 20 stays, 58 days (average 2.90). Varberg: 4 + 4 + 1 = 9 days / 3 = 3.00. March 2023, 10 500 kr a day.
const EXAMPLE_DAYS = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 5, 5, 6, 6, 9, 9];
const stays = () => [...staysWithDays(EXAMPLE_DAYS, "2023-03-20"), ...staysWithDays([4, 4, 1], "2023-03-12", { muni: "Varberg", firstRow: 50 })];
const basis = () => buildFigureBasis(tablesOf(stays()), { openStaysUntilDay: null, errorRows: new Set() });

const baseline = getPreset("halland-2022")!;
const at29 = variant("riktmarke-2-9", { both: { benchmark: 2.9 } });
const perStay = variant("individuell-excess", { both: { excessFormula: "individualExcess" } });

describe("compareScenarios", () => {
  const c = compareScenarios(basis(), [baseline, at29, perStay]);

  it("per municipality: liable days and amount under each scenario", () => {
    expect(c.scenarios.map((s) => s.id)).toEqual(["halland-2022", "riktmarke-2-9", "individuell-excess"]);
    expect(c.municipalities.map((l) => l.municipality)).toEqual(["Halmstad", "Varberg"]);
    // Halmstad: (2.90 − 2.3) × 20 = 12.00; at 2.9 nothing; Σ max(0, d − 2.3) = 27.60.
    expect(c.municipalities[0].values).toEqual([
      { stays: 20, liableDays: 12, amount: 126000 },
      { stays: 20, liableDays: 0, amount: 0 },
      { stays: 20, liableDays: 27.6, amount: 289800 },
    ]);
    // Varberg: (3.00 − 2.3) × 3 = 2.10 → 22 050; (3.00 − 2.9) × 3 = 0.30 → 3 150; 1.7 + 1.7 = 3.40 → 35 700.
    expect(c.municipalities[1].values).toEqual([
      { stays: 3, liableDays: 2.1, amount: 22050 },
      { stays: 3, liableDays: 0.3, amount: 3150 },
      { stays: 3, liableDays: 3.4, amount: 35700 },
    ]);
  });

  it("differences against the first scenario, per municipality and in total", () => {
    expect(c.municipalities[0].differences).toEqual([{ liableDays: 0, amount: 0 }, { liableDays: -12, amount: -126000 }, { liableDays: 15.6, amount: 163800 }]);
    expect(c.municipalities[1].differences).toEqual([{ liableDays: 0, amount: 0 }, { liableDays: -1.8, amount: -18900 }, { liableDays: 1.3, amount: 13650 }]);
    // Totals: 14.10 / 0.30 / 31.00 days; 148 050 / 3 150 / 325 500 kr.
    expect(c.totals.values).toEqual([
      { stays: 23, liableDays: 14.1, amount: 148050 },
      { stays: 23, liableDays: 0.3, amount: 3150 },
      { stays: 23, liableDays: 31, amount: 325500 },
    ]);
    expect(c.totals.differences).toEqual([{ liableDays: 0, amount: 0 }, { liableDays: -13.8, amount: -144900 }, { liableDays: 16.9, amount: 177450 }]);
  });

  it("detail per care type and period; a period only one scenario has is null under the others", () => {
    const quarter = variant("kvartal", { both: { period: { kind: "quarter" } } });
    const d = compareScenarios(basis(), [baseline, quarter]);
    expect(d.detail.map((l) => [l.municipality, l.careType, l.period, l.values.map((v) => v?.amount ?? null)])).toEqual([
      ["Halmstad", "somatic", "2023-03", [126000, null]],
      ["Halmstad", "somatic", "2023-Q1", [null, 126000]],
      ["Varberg", "somatic", "2023-03", [22050, null]],
      ["Varberg", "somatic", "2023-Q1", [null, 22050]],
    ]);
    expect(d.detail[0].differences).toEqual([{ liableDays: 0, amount: 0 }, null]);
    // The municipality lines still compare: the same stays, the same figure.
    expect(d.municipalities[0].differences[1]).toEqual({ liableDays: 0, amount: 0 });
  });

  it("leaves out the disputed rows under every scenario alike", () => {
    const nine = stays().filter((s) => s.discharge!.day - s.ready!.day === 9).map((s) => `${s.sheet}!${s.row}`);
    const d = compareScenarios(basis(), [baseline, at29], { excludeRows: new Set(nine) });
    // Halmstad without the two 9-day stays: 40 / 18 = 2.22 ≤ 2.3 → 0 under both.
    expect(d.municipalities[0].values).toEqual([{ stays: 18, liableDays: 0, amount: 0 }, { stays: 18, liableDays: 0, amount: 0 }]);
  });

  it("an unknown amount stays unknown, in the line, the difference and the total, with the scenario's finding", () => {
    const noBenchmark = variant("utan-riktmarke", { both: { benchmark: null } });
    const d = compareScenarios(basis(), [baseline, noBenchmark]);
    expect(d.municipalities[0].values[1]).toEqual({ stays: 20, liableDays: 0, amount: null });
    expect(d.municipalities[0].differences[1]).toEqual({ liableDays: -12, amount: null });
    expect(d.totals.values[1]!.amount).toBeNull();
    expect(d.findings[1].map((f) => f.code)).toEqual(["BENCHMARK_UNKNOWN"]);
    expect(d.findings[0]).toEqual([]);
  });

  it("says when scenarios differ in conditions, which the figures do not show", () => {
    expect(c.notes).toEqual([]);
    const noSip = variant("utan-sip", { both: { conditions: { sipInvitation: false } } });
    expect(compareScenarios(basis(), [baseline, noSip]).notes).toEqual([expect.objectContaining({ en: expect.stringContaining("Review again under the scenario") })]);
  });
});
