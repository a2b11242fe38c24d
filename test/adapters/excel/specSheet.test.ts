/**
 * The SheetSpec renderer against the strict fake: the scenario sheet of DOMAIN.md §3's example
 * cell for cell where layoutSheet puts it, its tables' totals rows and formats, its charts'
 * series read back from their ranges; a re-run replaces, a user's sheet is kept, text stays text.
 */
import { createExcelHost } from "../../../src/adapters/excel";
import { SYNC_BUDGET_BYTES } from "../../../src/adapters/excel/readSheet";
import {
  SCENARIO_SHEET_NAME, SCENARIO_SHEET_TITLES, SCENARIO_TABLES, SPEC_NUMBER_FORMATS, compareScenarios, createScenario, getPreset, layoutSheet, scenarioSheetFromBasis,
  type AgreementProfile, type ScenarioChanges, type SheetSpec,
} from "../../../src/core";
import { installFakeOffice, uninstallFakeOffice } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook, numberFormatAt, parseAddress, readRect, type FakeSheet, type FakeWorkbookState } from "../../fakes/excel/state";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import { staysWithDays, tablesOf } from "../../core/figures/stays";
import { clone, invoiceValues } from "./fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

// DOMAIN.md §3: Halmstad's 20 stays, 58 days (average 2.90); Varberg 4 + 4 + 1 = 9 days / 3 = 3.00. March 2023, 10 500 kr a day.
const EXAMPLE_DAYS = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 5, 5, 6, 6, 9, 9];
const basis = () =>
  buildFigureBasis(tablesOf([...staysWithDays(EXAMPLE_DAYS, "2023-03-20"), ...staysWithDays([4, 4, 1], "2023-03-12", { muni: "Varberg", firstRow: 50 })]), { openStaysUntilDay: null, errorRows: new Set() });
function variant(id: string, name: string, changes: ScenarioChanges): AgreementProfile {
  const r = createScenario(getPreset("halland-2022")!, id, { sv: name, en: name }, changes);
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.scenario.profile;
}
const profiles = () => [getPreset("halland-2022")!, variant("b29", "Riktmärke 2,9", { both: { benchmark: 2.9 } }), variant("per", "Per vistelse", { both: { excessFormula: "individualExcess" } })];
const RANGE = { from: 2.0, to: 3.0, step: 0.1 };

const sheetOf = (state: FakeWorkbookState, name: string): FakeSheet => state.sheets.find((s) => s.name === name)!;
const cells = (sheet: FakeSheet, address: string) => readRect(sheet, parseAddress(address)!);
const column = (sheet: FakeSheet, address: string) => cells(sheet, address).map((r) => r[0]);
const userWorkbook = () => makeWorkbook([makeSheet("Underlag", invoiceValues(20))]);

describe("writeSpecSheet: the scenario sheet", () => {
  test("title, notes, captions, three tables with headers, data, formats and a totals row where layoutSheet puts them; the user's sheet untouched", async () => {
    const handle = installFakeOffice(g, userWorkbook());
    const before = clone(handle.state.sheets[0]);
    const spec = scenarioSheetFromBasis(basis(), profiles(), "sv", { range: RANGE });
    await createExcelHost().writeSpecSheet(spec);

    const sheet = sheetOf(handle.state, SCENARIO_SHEET_NAME);
    const layout = layoutSheet(spec);
    expect(sheet.values[0][0]).toBe(SCENARIO_SHEET_TITLES.sv);
    layout.noteRows.forEach((row, i) => expect(sheet.values[row - 1][0]).toBe(spec.notes[i]));
    expect(handle.state.activeSheet).toBe(SCENARIO_SHEET_NAME);
    expect(handle.state.sheets[0]).toEqual(before);

    expect(sheet.tables.map((t) => ({ name: t.name, address: t.address, showTotals: t.showTotals ?? false }))).toEqual(
      layout.tables.map((p) => ({ name: p.table.name, address: p.address, showTotals: p.totalsRow !== null })),
    );
    for (const p of layout.tables) {
      expect(sheet.values[p.captionRow - 1][0]).toBe(p.table.caption);
      expect(cells(sheet, `A${p.headerRow}:${p.address.split(":")[1].replace(/\d+/, String(p.headerRow))}`)[0]).toEqual(p.table.columns.map((c) => c.title));
      p.table.rows.forEach((row, i) => expect(sheet.values[p.firstDataRow - 1 + i].slice(0, row.length)).toEqual(row.map((v) => v ?? "")));
      // Each data cell carries its column's number format; text cells "@".
      p.table.columns.forEach((c, col) => expect(numberFormatAt(sheet, p.firstDataRow - 1, col)).toBe(SPEC_NUMBER_FORMATS[c.format]));
    }
    expect(numberFormatAt(sheet, layout.tables[0].firstDataRow - 1, 1)).toBe('#,##0 "kr"');

    // The comparison's totals row: the label, then Excel's sums of the columns.
    const cmp = layout.tables[0];
    const totals = sheet.values[cmp.totalsRow! - 1];
    expect(totals).toEqual([
      "Summa",
      148050, 3150, 325500, // 126 000 + 22 050; 0 + 3 150; 289 800 + 35 700
      -144900, 177450, // −126 000 − 18 900; 163 800 + 13 650
      14.1, 0.3, 31, // 12 + 2.1; 0 + 0.3; 27.6 + 3.4
    ]);
    // Equal to the comparison's own totals.
    const c = compareScenarios(basis(), profiles());
    expect(totals.slice(1, 4)).toEqual(c.totals.values.map((v) => v!.amount));
    expect(sheet.formulas?.find((f) => f.address === `B${cmp.totalsRow}`)?.text).toBe("=SUBTOTAL(109,ScenarioJamforelse[[Region Halland från 2022-11-01, belopp]])");
    expect(numberFormatAt(sheet, cmp.totalsRow! - 1, 0)).toBe("@");
    expect(numberFormatAt(sheet, cmp.totalsRow! - 1, 1)).toBe('#,##0 "kr"');
    // The break-even and sensitivity tables have no totals row.
    expect(layout.tables[1].totalsRow).toBeNull();
  });

  test("native charts: a column chart of the scenarios per municipality and a line chart of the curve; series read back equal the comparison and the curve", async () => {
    const handle = installFakeOffice(g, userWorkbook());
    const spec = scenarioSheetFromBasis(basis(), profiles(), "sv", { range: RANGE });
    await createExcelHost().writeSpecSheet(spec);
    const sheet = sheetOf(handle.state, SCENARIO_SHEET_NAME);
    const layout = layoutSheet(spec);
    expect(sheet.charts.map((ch) => ({ type: ch.type, title: ch.title, position: ch.position }))).toEqual([
      { type: "ColumnClustered", title: "Belopp per kommun och scenario", position: { start: layout.charts[0].topLeft, end: layout.charts[0].bottomRight } },
      { type: "Line", title: "Belopp mot riktmärket", position: { start: layout.charts[1].topLeft, end: layout.charts[1].bottomRight } },
    ]);
    const [columns, line] = sheet.charts;
    const c = compareScenarios(basis(), profiles());
    expect(columns.series!.map((s) => s.name)).toEqual(spec.tables[0].columns.slice(1, 4).map((col) => col.title));
    columns.series!.forEach((s, k) => {
      expect(column(sheet, s.values!)).toEqual(c.municipalities.map((m) => m.values[k]!.amount));
      expect(column(sheet, s.xValues!)).toEqual(["Halmstad", "Varberg"]);
    });
    expect(line.series!.map((s) => s.name)).toEqual(["Halmstad", "Varberg", "Summa"]);
    expect(column(sheet, line.series![0].xValues!)).toEqual([2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3]);
    // (2.9 − b) × 20 × 10 500 and (3.0 − b) × 3 × 10 500, summed; at 2.3: 126 000 + 22 050.
    expect(column(sheet, line.series![2].values!)[3]).toBe(148050);
    expect(column(sheet, line.series![0].values!)).toEqual([189000, 168000, 147000, 126000, 105000, 84000, 63000, 42000, 21000, 0, 0]);
  });

  test("running again replaces the sheet (also in the other language): one sheet, one set of tables and charts", async () => {
    const handle = installFakeOffice(g, userWorkbook());
    const host = createExcelHost();
    await host.writeSpecSheet(scenarioSheetFromBasis(basis(), profiles(), "sv", { range: RANGE }));
    await host.writeSpecSheet(scenarioSheetFromBasis(basis(), profiles().slice(0, 2), "en", { range: RANGE }));
    expect(handle.state.sheets.map((s) => s.name)).toEqual(["Underlag", SCENARIO_SHEET_NAME]);
    const sheet = sheetOf(handle.state, SCENARIO_SHEET_NAME);
    expect(sheet.values[0][0]).toBe(SCENARIO_SHEET_TITLES.en);
    expect(handle.state.sheets.flatMap((s) => s.tables).map((t) => t.name)).toEqual([SCENARIO_TABLES.comparison, SCENARIO_TABLES.breakEven, SCENARIO_TABLES.sensitivity]);
    expect(sheet.charts).toHaveLength(2);
    expect(sheet.charts[0].series).toHaveLength(2);
  });

  test("a user's sheet of that name is not deleted, nor overwritten: a message instead", async () => {
    const state = makeWorkbook([makeSheet("Underlag", invoiceValues(5)), makeSheet(SCENARIO_SHEET_NAME, [["Mina egna scenarier"], ["", 42]])]);
    const handle = installFakeOffice(g, state);
    const before = clone(handle.state);
    await expect(createExcelHost().writeSpecSheet(scenarioSheetFromBasis(basis(), profiles(), "sv", { range: RANGE }))).rejects.toMatchObject({
      code: "RESULT_SHEET_NOT_OURS",
      bilingual: { sv: expect.stringContaining('"Scenarier" som tillägget inte har skrivit') },
    });
    expect(handle.state).toEqual(before);
  });

  test("a table name taken on another sheet: a message naming it, and nothing written", async () => {
    const state = makeWorkbook([makeSheet("Underlag", invoiceValues(5), { tables: [{ name: SCENARIO_TABLES.breakEven, address: "A1:R6", hasHeaders: true }] })]);
    const handle = installFakeOffice(g, state);
    const before = clone(handle.state);
    await expect(createExcelHost().writeSpecSheet(scenarioSheetFromBasis(basis(), profiles(), "sv", { range: RANGE }))).rejects.toMatchObject({
      code: "TABLE_NAME_TAKEN",
      bilingual: { en: expect.stringContaining(`"${SCENARIO_TABLES.breakEven}"`) },
    });
    expect(handle.state).toEqual(before);
  });

  test("without ExcelApi 1.7 the sheet is written without charts; without 1.4 not at all, with a message", async () => {
    const handle = installFakeOffice(g, userWorkbook(), { requirementSets: "1.6" });
    const host = createExcelHost();
    const report = host.checkRequirements();
    expect(report.features).toMatchObject({ specSheet: true, specCharts: false });
    expect(report.messages.map((m) => m.en)).toContain("This Excel lacks ExcelApi 1.7: the scenario and report sheets are written without charts.");
    await host.writeSpecSheet(scenarioSheetFromBasis(basis(), profiles(), "sv", { range: RANGE }));
    const sheet = sheetOf(handle.state, SCENARIO_SHEET_NAME);
    expect(sheet.charts).toEqual([]);
    expect(sheet.tables).toHaveLength(3);
    uninstallFakeOffice(g);
    installFakeOffice(g, userWorkbook(), { requirementSets: "1.3" });
    await expect(createExcelHost().writeSpecSheet(scenarioSheetFromBasis(basis(), profiles(), "sv"))).rejects.toMatchObject({ code: "API_UNSUPPORTED" });
  });
});

describe("writeSpecSheet: any spec", () => {
  const formulaSpec: SheetSpec = {
    name: "Rapport",
    title: "=HYPERLINK(\"http://x\")",
    notes: ["=1+1", "+46 70"],
    tables: [
      {
        name: "Rapporttabell",
        caption: "=2+2",
        columns: [
          { title: "=Namn", format: "text" },
          { title: "Belopp [kr]", format: "kronor", total: "sum" },
          { title: "Andel", format: "percent" },
        ],
        rows: [["=1+1", 100, 0.25], ["@x", "=3+3", null]],
        totalsLabel: "=SUM(A1)",
      },
    ],
    charts: [],
  };

  test('text that Excel would read as a formula stays text everywhere: title, notes, captions, headers, cells, the totals label; a string in a number column too', async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]));
    await createExcelHost().writeSpecSheet(formulaSpec);
    const sheet = sheetOf(handle.state, "Rapport");
    const l = layoutSheet(formulaSpec).tables[0];
    expect(sheet.values[0][0]).toBe('=HYPERLINK("http://x")');
    expect(sheet.values[1][0]).toBe("=1+1");
    expect(sheet.values[l.captionRow - 1][0]).toBe("=2+2");
    expect(sheet.values[l.headerRow - 1]).toEqual(["=Namn", "Belopp [kr]", "Andel"]);
    expect(sheet.values[l.firstDataRow - 1]).toEqual(["=1+1", 100, 0.25]);
    expect(sheet.values[l.firstDataRow]).toEqual(["@x", "=3+3", ""]);
    expect(numberFormatAt(sheet, l.firstDataRow, 1)).toBe("@"); // the string in the kronor column
    expect(numberFormatAt(sheet, l.firstDataRow - 1, 2)).toBe("0.0%");
    // Totals: the label as text; the brackets in the title escaped in the structured reference; only 100 is summed.
    expect(sheet.values[l.totalsRow! - 1]).toEqual(["=SUM(A1)", 100, ""]);
    expect(sheet.formulas).toEqual([{ address: `B${l.totalsRow}`, text: "=SUBTOTAL(109,Rapporttabell[[Belopp '[kr']]])" }]);
  });

  test("a table without rows: its header and a totals label with zero sums, no Excel table and no chart", async () => {
    const spec: SheetSpec = { ...formulaSpec, tables: [{ ...formulaSpec.tables[0], rows: [] }], charts: [{ kind: "column", title: "C", table: "Rapporttabell", category: 0, series: [1] }] };
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]));
    await createExcelHost().writeSpecSheet(spec);
    const sheet = sheetOf(handle.state, "Rapport");
    const l = layoutSheet(spec).tables[0];
    expect(sheet.values[l.headerRow - 1]).toEqual(["=Namn", "Belopp [kr]", "Andel"]);
    expect(sheet.values[l.totalsRow! - 1]).toEqual(["=SUM(A1)", 0, ""]);
    expect(sheet.tables).toEqual([]);
    expect(sheet.charts).toEqual([]);
  });

  test("a malformed spec is refused with a message before anything is written", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]));
    await expect(createExcelHost().writeSpecSheet({ ...formulaSpec, name: "Rap/port" })).rejects.toMatchObject({ code: "SHEET_SPEC_INVALID", detail: expect.stringContaining("sheet name") });
    expect(handle.state.sheets.map((s) => s.name)).toEqual(["Underlag"]);
  });

  test("a large table goes in syncs under the budget, and arrives whole", async () => {
    // 40 000 rows of ~120 bytes of values and formats each ≈ 4.8 MB: more than one sync's worth.
    const rows = Array.from({ length: 40_000 }, (_, i) => [`Kommun ${i} ${"x".repeat(40)}`, i, i / 100]);
    const spec: SheetSpec = { ...formulaSpec, title: "Stor", notes: [], tables: [{ ...formulaSpec.tables[0], rows }] };
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]));
    await createExcelHost().writeSpecSheet(spec);
    expect(handle.counters.syncs).toBeGreaterThan(3);
    expect(handle.counters.maxBytes).toBeLessThanOrEqual(SYNC_BUDGET_BYTES);
    const sheet = sheetOf(handle.state, "Rapport");
    const l = layoutSheet(spec).tables[0];
    expect(sheet.values[l.lastDataRow - 1]).toEqual(rows[rows.length - 1]);
    // 0 + 1 + … + 39 999 = 39 999 × 40 000 / 2.
    expect(sheet.values[l.totalsRow! - 1][1]).toBe(799_980_000);
  });
});
