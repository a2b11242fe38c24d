import { getPreset } from "../../../src/core/agreements/presets";
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import { createScenario, type ScenarioChanges } from "../../../src/core/scenarios/scenario";
import {
  SCENARIO_SHEET_NAME, SCENARIO_SHEET_TITLES, SCENARIO_TABLES, layoutSheet, scenarioSheetFromBasis, scenarioSheetRange, specProblems, type SheetSpec, type SpecTable,
} from "../../../src/core";
import { staysWithDays, tablesOf } from "../figures/stays";

function variant(id: string, name: string, changes: ScenarioChanges): AgreementProfile {
  const r = createScenario(getPreset("halland-2022")!, id, { sv: name, en: name }, changes);
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.scenario.profile;
}

// Halmstad: DOMAIN.md §3's 20 stays, 58 days (average 2.90). Varberg: 4 + 4 + 1 = 9 days / 3 = 3.00.
// March 2023, Socialstyrelsen's 10 500 kr a day.
const EXAMPLE_DAYS = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 5, 5, 6, 6, 9, 9];
const basisOf = (muniA = "Halmstad") =>
  buildFigureBasis(tablesOf([...staysWithDays(EXAMPLE_DAYS, "2023-03-20", { muni: muniA }), ...staysWithDays([4, 4, 1], "2023-03-12", { muni: "Varberg", firstRow: 50 })]), {
    openStaysUntilDay: null,
    errorRows: new Set(),
  });

const baseline = getPreset("halland-2022")!;
const at29 = variant("riktmarke-2-9", "Riktmärke 2,9", { both: { benchmark: 2.9 } });
const perStay = variant("per-vistelse", "Per vistelse", { both: { excessFormula: "individualExcess" } });
const RANGE = { from: 2.0, to: 3.0, step: 0.1 };

const table = (spec: SheetSpec, name: string): SpecTable => spec.tables.find((t) => t.name === name)!;
const column = (t: SpecTable, title: string) => t.rows.map((r) => r[t.columns.findIndex((c) => c.title === title)]);

describe("scenarioSheetSpec (DOMAIN.md §3's example)", () => {
  const spec = scenarioSheetFromBasis(basisOf(), [baseline, at29, perStay], "sv", { range: RANGE });
  const base = baseline.name.sv;

  it("is a well-formed sheet: name, title, the comparison, break-even and sensitivity tables, two charts", () => {
    expect(specProblems(spec)).toEqual([]);
    expect(spec.name).toBe(SCENARIO_SHEET_NAME);
    expect(spec.title).toBe(SCENARIO_SHEET_TITLES.sv);
    // The English title also marks the sheet as ours, so a language switch replaces it.
    expect(spec.ownTitles).toEqual(expect.arrayContaining([SCENARIO_SHEET_TITLES.en]));
    expect(spec.tables.map((t) => t.name)).toEqual([SCENARIO_TABLES.comparison, SCENARIO_TABLES.breakEven, SCENARIO_TABLES.sensitivity]);
    expect(spec.charts).toEqual([
      { kind: "column", title: "Belopp per kommun och scenario", table: SCENARIO_TABLES.comparison, category: 0, series: [1, 2, 3] },
      { kind: "line", title: "Belopp mot riktmärket", table: SCENARIO_TABLES.sensitivity, category: 0, series: [1, 2, 3] },
    ]);
    expect(layoutSheet(spec).tables).toHaveLength(3);
  });

  it("the comparison: a line per municipality, amounts, differences against the baseline and liable days, kronor, a totals row", () => {
    const t = table(spec, SCENARIO_TABLES.comparison);
    expect(t.columns.map((c) => c.title)).toEqual([
      "Kommun",
      `${base}, belopp`, "Riktmärke 2,9, belopp", "Per vistelse, belopp",
      "Riktmärke 2,9, skillnad", "Per vistelse, skillnad",
      `${base}, ansvarsdagar`, "Riktmärke 2,9, ansvarsdagar", "Per vistelse, ansvarsdagar",
    ]);
    expect(t.columns.map((c) => c.format)).toEqual(["text", "kronor", "kronor", "kronor", "kronor", "kronor", "decimal", "decimal", "decimal"]);
    expect(t.columns.slice(1).every((c) => c.total === "sum")).toBe(true);
    expect(t.totalsLabel).toBe("Summa");
    expect(t.rows).toEqual([
      // Halmstad: (2.90 − 2.3) × 20 = 12.00 days × 10 500 = 126 000; at 2.9 nothing; Σ max(0, d − 2.3) = 27.60 → 289 800.
      // Differences: 0 − 126 000 = −126 000; 289 800 − 126 000 = 163 800.
      ["Halmstad", 126000, 0, 289800, -126000, 163800, 12, 0, 27.6],
      // Varberg: (3.00 − 2.3) × 3 = 2.10 → 22 050; (3.00 − 2.9) × 3 = 0.30 → 3 150; 1.7 + 1.7 = 3.40 → 35 700.
      // Differences: 3 150 − 22 050 = −18 900; 35 700 − 22 050 = 13 650.
      ["Varberg", 22050, 3150, 35700, -18900, 13650, 2.1, 0.3, 3.4],
    ]);
  });

  it("break-even per municipality and scenario: Halmstad 2.90 (its average), Varberg 3.00, whatever the scenario's own benchmark", () => {
    const t = table(spec, SCENARIO_TABLES.breakEven);
    expect(t.columns.map((c) => c.title)).toEqual(["Kommun", `${base} (riktmärke)`, "Riktmärke 2,9 (riktmärke)", "Per vistelse (riktmärke)"]);
    expect(t.rows).toEqual([
      ["Halmstad", 2.9, 2.9, 2.9],
      ["Varberg", 3, 3, 3],
    ]);
    expect(t.totalsLabel).toBeUndefined();
  });

  it("the baseline's curve: benchmark → amount per municipality and in total", () => {
    const t = table(spec, SCENARIO_TABLES.sensitivity);
    expect(t.columns).toEqual([
      { title: "Riktmärke", format: "decimal" },
      { title: "Halmstad", format: "kronor" },
      { title: "Varberg", format: "kronor" },
      { title: "Summa", format: "kronor" },
    ]);
    expect(column(t, "Riktmärke")).toEqual([2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3]);
    // Halmstad (2.9 − b) × 20 days × 10 500: 18 days at 2.0, 2 days (21 000) less per 0.1.
    expect(column(t, "Halmstad")).toEqual([189000, 168000, 147000, 126000, 105000, 84000, 63000, 42000, 21000, 0, 0]);
    // Varberg (3.0 − b) × 3 days × 10 500: 3 days at 2.0, 0.3 days (3 150) less per 0.1.
    expect(column(t, "Varberg")).toEqual([31500, 28350, 25200, 22050, 18900, 15750, 12600, 9450, 6300, 3150, 0]);
    // At 2.3 the curve meets the comparison's baseline: 126 000 + 22 050 = 148 050.
    expect(column(t, "Summa")[3]).toBe(148050);
    expect(column(t, "Summa")).toEqual(column(t, "Halmstad").map((h, i) => (h as number) + (column(t, "Varberg")[i] as number)));
  });

  it("notes: the baseline, each scenario's rules in words, the national average with its source, the 0-day caveat", () => {
    const text = spec.notes.join("\n");
    expect(spec.notes[0]).toBe(`Utgångsläge: ${base}. Skillnad = scenariot − utgångsläget.`);
    expect(text).toContain("Riktmärke 2,9: snitt, riktmärke 2,9, över riktmärket betalas (snitt − riktmärke) × vistelser, 0-dagar ingår");
    expect(text).toContain("Per vistelse: snitt, riktmärke 2,3, över riktmärket betalas varje vistelses dagar över riktmärket");
    // 2023 is not in the table: the 2021 figure (2.3), with its source.
    expect(text).toMatch(/Riksgenomsnitt somatik 2023: 2,3 dagar \(siffran för 2021; källa: Region Halland/);
    expect(text).toMatch(/det senaste före är 2021/);
    expect(text).toContain(`Räknar 0-dagsvistelser i snittet: ${base}, Riktmärke 2,9, Per vistelse. SKR:s indikator`);
  });

  it("no detail table when each municipality is one group; with a psychiatric group, a line per municipality × care type × period", () => {
    expect(spec.tables.some((t) => t.name === SCENARIO_TABLES.detail)).toBe(false);
    const psych = staysWithDays([6, 6], "2023-03-20", { care: "psychiatric", firstRow: 100 });
    const b = buildFigureBasis(tablesOf([...staysWithDays(EXAMPLE_DAYS, "2023-03-20"), ...psych]), { openStaysUntilDay: null, errorRows: new Set() });
    const s = scenarioSheetFromBasis(b, [baseline, at29], "sv", { range: RANGE });
    expect(specProblems(s)).toEqual([]);
    const t = table(s, SCENARIO_TABLES.detail);
    expect(t.columns.map((c) => c.title)).toEqual(["Kommun", "Vårdform", "Period", `${base}, belopp`, "Riktmärke 2,9, belopp", "Riktmärke 2,9, skillnad"]);
    expect(t.rows).toEqual([
      // Somatic as above: 126 000 at 2.3, nothing at 2.9.
      ["Halmstad", "Somatik", "2023-03", 126000, 0, -126000],
      // Psychiatric 6 + 6 days, average 6.00: (6.00 − 2.3) × 2 = 7.40 days → 77 700; (6.00 − 2.9) × 2 = 6.20 → 65 100; 65 100 − 77 700 = −12 600.
      ["Halmstad", "Psykiatri", "2023-03", 77700, 65100, -12600],
    ]);
    expect(t.totalsLabel).toBe("Summa");
    // The municipality line adds both: 126 000 + 77 700 = 203 700.
    expect(table(s, SCENARIO_TABLES.comparison).rows[0].slice(0, 3)).toEqual(["Halmstad", 203700, 65100]);
    // The line chart still reads the curve's table, wherever it stands.
    expect(s.charts[1]).toMatchObject({ table: SCENARIO_TABLES.sensitivity, series: [1, 2] });
  });

  it("no 0-day caveat when no scenario's average counts 0-day stays", () => {
    const without = variant("utan-0", "Utan 0-dagar", { both: { zeroDays: false } });
    const s = scenarioSheetFromBasis(basisOf(), [without], "sv", { range: RANGE });
    expect(s.notes.join("\n")).not.toContain("SKR:s indikator");
  });

  it("in English, with the English title and headings", () => {
    const en = scenarioSheetFromBasis(basisOf(), [baseline, at29], "en", { range: RANGE });
    expect(en.title).toBe(SCENARIO_SHEET_TITLES.en);
    expect(en.name).toBe(SCENARIO_SHEET_NAME);
    expect(en.tables[0].columns[0].title).toBe("Municipality");
    expect(en.tables[0].totalsLabel).toBe("Total");
    expect(en.tables[2].columns[0].title).toBe("Benchmark");
    expect(en.notes.join("\n")).toMatch(/National average, somatic 2023: 2\.3 days/);
  });

  it("masks an identity number in a municipality cell, in every table", () => {
    const s = scenarioSheetFromBasis(basisOf("Halmstad 19121212-1212"), [baseline], "sv", { range: RANGE });
    const json = JSON.stringify(s);
    expect(json).not.toContain("1212-1212");
    expect(json).not.toContain("12121212");
    expect(String(s.tables[0].rows[0][0])).toMatch(/^Halmstad /);
    expect(specProblems(s)).toEqual([]);
  });

  it("two scenarios of one name still give distinct column titles", () => {
    const twin = variant("twin", baseline.name.sv, { both: { benchmark: 2.5 } });
    const s = scenarioSheetFromBasis(basisOf(), [baseline, twin], "sv", { range: RANGE });
    expect(specProblems(s)).toEqual([]);
    expect(s.tables[0].columns[2].title).toBe(`${base} (2), belopp`);
  });

  it("an individual baseline moves the grace days, 0 to 10 by default", () => {
    const law = getPreset("lag-2017-612")!;
    expect(scenarioSheetRange(law)).toEqual({ from: 0, to: 10, step: 1 });
    expect(scenarioSheetRange(baseline)).toEqual({ from: 0, to: 5, step: 0.1 }); // ⌈2 × 2.3⌉ = 5
    const s = scenarioSheetFromBasis(basisOf(), [law], "sv");
    const t = table(s, SCENARIO_TABLES.sensitivity);
    expect(t.columns[0]).toEqual({ title: "Karensdagar", format: "integer" });
    expect(column(t, "Karensdagar")).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.charts[1].title).toBe("Belopp mot karensdagarna");
  });
});
