import { getPreset } from "../../../src/core/agreements/presets";
import { reportSpec } from "../../../src/core/reports";
import { specProblems, type SheetSpec } from "../../../src/core/sheets/sheetSpec";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import { StayKeyIndex } from "../../../src/core/stays/stayKey";
import { stay, tablesOf } from "../figures/stays";
import { reportInput } from "./basis";

const table = (spec: SheetSpec, name: string) => spec.tables.find((t) => t.name === name)!;

describe("report: average discharge-ready days (Kalmar)", () => {
  const kalmar = getPreset("kalmar-2019")!;
  const sv = reportSpec("averageDays", reportInput(kalmar), { lang: "sv", reveal: false });

  it("somatic care per month: stays, 0-day stays, days and days ÷ stays per municipality", () => {
    // Halmstad 2023-01: rows 2 (0 days) and 3 (4) → 2 stays, 1 at 0 days, 4 days, 4 / 2 = 2.00.
    // Halmstad 2023-02: row 4, 3 days → 3.00; 2023-08: row 8, 5 days → 5.00.
    // Kungsbacka 2023-01: row 5, 6 days → 6.00; 2023-07: row 9 (ready in June, discharged in July), 2 → 2.00.
    // Kalmar's target 0.8 beside each. Row 12 (no ready date) is in no month.
    expect(table(sv, "R_Snitt_Somatik_Manad").rows).toEqual([
      ["Halmstad", "2023-01", 2, 1, 4, 2, 0.8],
      ["Halmstad", "2023-02", 1, 0, 3, 3, 0.8],
      ["Halmstad", "2023-08", 1, 0, 5, 5, 0.8],
      ["Kungsbacka", "2023-01", 1, 0, 6, 6, 0.8],
      ["Kungsbacka", "2023-07", 1, 0, 2, 2, 0.8],
    ]);
  });

  it("somatic care per half-year, by the month of discharge", () => {
    // Halmstad H1: rows 2, 3, 4 → 0 + 4 + 3 = 7 days / 3 = 2.333… → 2.33; H2: row 8 → 5.00.
    // Kungsbacka H1: row 5 → 6.00; H2: row 9 (discharged 1 July) → 2.00.
    expect(table(sv, "R_Snitt_Somatik_Halvar").rows).toEqual([
      ["Halmstad", "2023-H1", 3, 1, 7, 2.33, 0.8],
      ["Halmstad", "2023-H2", 1, 0, 5, 5, 0.8],
      ["Kungsbacka", "2023-H1", 1, 0, 6, 6, 0.8],
      ["Kungsbacka", "2023-H2", 1, 0, 2, 2, 0.8],
    ]);
  });

  it("psychiatric care per quarter, apart from somatic care, from both sheets", () => {
    // Halmstad Q1: row 6, 3 days → 3.00; Q2: row 7 (10) and Blad2 row 3 (2) → 12 / 2 = 6.00.
    // Kungsbacka Q2: Blad2 row 2, 0 days → 0 / 1 = 0.00 (a 0-day stay counts in the average).
    expect(table(sv, "R_Snitt_Psykiatri_Kvartal").rows).toEqual([
      ["Halmstad", "2023-Q1", 1, 0, 3, 3, 0.8],
      ["Halmstad", "2023-Q2", 2, 0, 12, 6, 0.8],
      ["Kungsbacka", "2023-Q2", 1, 1, 0, 0, 0.8],
    ]);
  });

  it("a line chart of the somatic months, every month from the first to the last, one series per municipality", () => {
    const chart = table(sv, "R_Snitt_Diagram");
    expect(chart.columns.map((c) => c.title)).toEqual(["Månad", "Halmstad", "Kungsbacka"]);
    expect(chart.rows).toEqual([
      ["2023-01", 2, 6],
      ["2023-02", 3, null],
      ["2023-03", null, null],
      ["2023-04", null, null],
      ["2023-05", null, null],
      ["2023-06", null, null],
      ["2023-07", null, 2],
      ["2023-08", 5, null],
    ]);
    expect(sv.charts).toEqual([{ kind: "line", title: "Medelvärde per månad, somatisk vård", table: "R_Snitt_Diagram", category: 0, series: [1, 2] }]);
  });

  it("states its rule, the 0-day assumption and the row left out, and can be rendered", () => {
    expect(sv.notes.join("\n")).toMatch(/ANTAGET.*0-dagar/);
    expect(sv.notes.join("\n")).toMatch(/1 rader saknas i rapporten: datum saknas \(1\)/);
    expect(specProblems(sv)).toEqual([]);
    const en = reportSpec("averageDays", reportInput(kalmar), { lang: "en", reveal: false });
    expect(en.name).toBe("Snitt utskrivningsklara dagar"); // one name in both languages: a run in English replaces the Swedish sheet
    expect(en.title).toBe("Follow-up: average discharge-ready days per municipality");
    expect(en.ownTitles).toEqual([sv.title, en.title]);
    expect(en.tables[0].columns[5].title).toBe("Average (days)");
    expect(en.notes.join("\n")).toMatch(/ASSUMED.*0-day/);
    expect(specProblems(en)).toEqual([]);
  });

  it("a profile without a target leaves the target empty", () => {
    const law = reportSpec("averageDays", reportInput(getPreset("lag-2017-612")!), { lang: "en", reveal: false });
    expect(law.tables[0].rows.map((r) => r[6])).toEqual([null, null, null, null, null]);
  });
});

describe("report: a stay without a care type", () => {
  it("is counted as somatic care, as the figures count it, and the sheet says so", () => {
    const stays = [
      // 4 days, care type stated; 2 days, none stated → both somatic: 6 / 2 = 3.00.
      stay({ row: 2, ready: "2023-03-01", discharge: "2023-03-05" }),
      stay({ row: 3, care: null, ready: "2023-03-10", discharge: "2023-03-12" }),
    ];
    const input = {
      basis: buildFigureBasis(tablesOf(stays), { openStaysUntilDay: null, errorRows: new Set<string>() }),
      profile: getPreset("kalmar-2019")!,
      keys: StayKeyIndex.of(stays),
      sheetFields: new Map(),
      findings: [],
    };
    const en = reportSpec("averageDays", input, { lang: "en", reveal: false });
    expect(en.tables[0].rows).toEqual([["Halmstad", "2023-03", 2, 0, 6, 3, 0.8]]);
    expect(en.notes).toContain("1 stays without a care type are counted as somatic care, as in the figures (see the assumptions).");
  });
});
