import { createExcelHost } from "../../../src/adapters/excel";
import { FINDINGS_TABLE, HEADER_ROW, MAX_FINDING_ROWS, RESULT_HEADERS, RESULT_SHEET, RESULT_TABLE, RESULT_TITLE, RESULT_TITLES, groupRow } from "../../../src/adapters/excel/resultSheet";
import type { Finding } from "../../../src/core";
import type { GroupFigures, ReviewResult } from "../../../src/core/review/result";
import { installFakeOffice, uninstallFakeOffice } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook } from "../../fakes/excel/state";
import { clone, invoiceValues } from "./fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

function group(over: Partial<GroupFigures>): GroupFigures {
  return {
    municipality: "Kalmar",
    careType: "somatic",
    period: "2024-01",
    stays: 4,
    zeroDayStays: 0,
    days: 10,
    average: 2.5,
    benchmark: 3.1,
    longStays: 0,
    liableDays: 10,
    amount: 90_350,
    invoicedDays: 11,
    invoicedBilledDays: 11,
    invoicedAmount: 99_385,
    difference: 9_035, // 99 385 − 90 350
    rows: [
      { sheet: "Underlag", row: 2 },
      { sheet: "Underlag", row: 3 },
    ],
    rowsWithErrors: 1,
    ...over,
  };
}

/** The parts of a ReviewResult the result sheet reads; totals summed by hand from the groups. */
function result(groups: GroupFigures[], findings: Finding[] = []): ReviewResult {
  const sum = (f: (g: GroupFigures) => number | null) =>
    groups.some((g) => f(g) === null) ? null : groups.reduce((a, g) => a + (f(g) as number), 0);
  const totals = {
    stays: groups.reduce((a, g) => a + g.stays, 0),
    days: groups.reduce((a, g) => a + g.days, 0),
    liableDays: groups.reduce((a, g) => a + g.liableDays, 0),
    amount: sum((g) => g.amount),
    invoicedAmount: sum((g) => g.invoicedAmount),
    difference: sum((g) => g.difference),
  };
  return { profile: { name: { sv: "Kalmar län 2024", en: "Kalmar county 2024" } }, figures: { groups, totals, findings: [] }, findings } as unknown as ReviewResult;
}

const finding = (over: Partial<Finding>): Finding => ({
  code: "DUPLICATE_STAY",
  severity: "error",
  sheet: "Underlag",
  row: 5,
  columns: ["B"],
  fields: [],
  message: { sv: "Vårdtillfället finns redan på rad 3", en: "The stay is already on row 3" },
  ...over,
});

const sheetOf = (state: any, name: string) => state.sheets.find((s: any) => s.name === name);
/** 0-based index of the group header row in the fake's values. */
const H = HEADER_ROW - 1;
const CONTEXT = { lang: "sv" as const, reviewDate: "2024-02-15" };

describe("writeResultSheet", () => {
  test("writes the group figures as a table with totals, formats and a column chart; the benchmark as a line on ExcelApi 1.7", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(10))]));
    const before = clone(sheetOf(handle.state, "Underlag"));
    await createExcelHost().writeResultSheet(
      result([group({}), group({ municipality: "Nybro", careType: "psychiatric", period: "2024-Q1", average: null, amount: null, difference: null })]),
      CONTEXT,
    );
    const sheet = sheetOf(handle.state, RESULT_SHEET);
    expect(sheet.values[0][0]).toBe(RESULT_TITLE);
    expect(sheet.values[1][0]).toBe("Granskningsdag: 2024-02-15");
    expect(sheet.values[2][0]).toBe("Avtal: Kalmar län 2024");
    expect(sheet.values[3][0]).toMatch(/^Ändrat i fönstret: inga ändringar/);
    expect(sheet.values[H].slice(0, 11)).toEqual([...RESULT_HEADERS]);
    // Kalmar: difference = invoiced − computed = 99,385 − 90,350 = 9,035 (one day at 9,035 kr).
    expect(sheet.values[H + 1].slice(0, 11)).toEqual(["Kalmar", "Somatik", "2024-01", 4, 10, 2.5, 3.1, 10, 90_350, 99_385, 9_035]);
    // Nybro: no average, no amount → blank cells and no difference.
    expect(sheet.values[H + 2].slice(0, 11)).toEqual(["Nybro", "Psykiatri", "2024-Q1", 4, 10, "", 3.1, 10, "", 99_385, ""]);
    // Totals: stays 4 + 4 = 8, days 10 + 10 = 20, liable 10 + 10 = 20; Nybro's unknown amount makes the total amount unknown; invoiced 2 × 99,385 = 198,770.
    expect(sheet.values[H + 3].slice(0, 11)).toEqual(["Summa", "", "", 8, 20, "", "", 20, "", 198_770, ""]);
    expect(sheet.tables[0]).toEqual({ name: RESULT_TABLE, address: `A${HEADER_ROW}:K${HEADER_ROW + 2}`, hasHeaders: true, style: "TableStyleMedium2" });
    // Number formats: text columns as text, kronor and days.
    const formats = sheet.numberFormats.find((f: any) => f.address === `A${HEADER_ROW + 1}:K${HEADER_ROW + 2}`).format[0];
    expect(formats.slice(0, 3)).toEqual(["@", "@", "@"]);
    expect(formats[3]).toBe("#,##0");
    expect(formats[5]).toBe("#,##0.00");
    expect(formats[8]).toMatch(/^#,##0 "kr"/);
    expect(formats[10]).toMatch(/^#,##0 "kr"/);
    // The chart's helper data sits far right (AA:AC), not beside the table.
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: "ColumnClustered", source: `AA${HEADER_ROW}:AC${HEADER_ROW + 2}`, seriesBy: "Columns", seriesTypes: { "1": "Line" } });
    expect(sheet.values[H + 1].slice(26, 29)).toEqual(["Kalmar 2024-01", 2.5, 3.1]);
    expect(sheet.values[H + 1].slice(11, 26).every((v: any) => v === "" || v === undefined)).toBe(true);
    expect(handle.state.activeSheet).toBe(RESULT_SHEET);
    expect(sheetOf(handle.state, "Underlag")).toEqual(before);
  });

  test("with disputes: the four figures per municipality and in total under the groups, then the findings", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(10))]));
    const before = clone(sheetOf(handle.state, "Underlag"));
    const cols = (invoiced: number, amount: number, after: number, upheld: number | null, disputes: number) => ({
      invoicedDays: 11, invoicedBilledDays: 11, invoicedAmount: invoiced, stays: 4, days: 10, liableDays: 10, amount,
      staysAfterDisputes: 3, daysAfterDisputes: 8, liableDaysAfterDisputes: 8, amountAfterDisputes: after,
      staysIfErrorsUpheld: 3, daysIfErrorsUpheld: 8, liableDaysIfErrorsUpheld: 8, amountIfErrorsUpheld: upheld, disputes,
    });
    // Kalmar: one disputed stay of 2 liable days at 9,035 kr leaves 90,350 − 18,070 = 72,280.
    const side = {
      groups: [],
      municipalities: [{ municipality: "Kalmar", ...cols(99_385, 90_350, 72_280, 72_280, 1) }, { municipality: "Nybro", ...cols(9_035, 9_035, 9_035, null, 0) }],
      // Totals summed by hand: 99,385 + 9,035 = 108,420; 90,350 + 9,035 = 99,385; 72,280 + 9,035 = 81,315; unknown stays unknown.
      totals: cols(108_420, 99_385, 81_315, null, 1),
      excluded: { afterDisputes: 1, ifErrorsUpheld: 1 },
    };
    await createExcelHost().writeResultSheet(result([group({})], [finding({})]), { ...CONTEXT, disputes: side });
    const sheet = sheetOf(handle.state, RESULT_SHEET);
    const at = sheet.values.findIndex((r: any[]) => r[0] === "Före och efter bestridanden, per kommun");
    expect(at).toBeGreaterThan(H + 2);
    expect(sheet.values[at + 1].slice(0, 6)).toEqual(["Kommun", "Fakturerat (kr)", "Beräknat (kr)", "Efter bestridanden (kr)", "Om alla fel godtas (kr)", "Bestridanden"]);
    expect(sheet.values[at + 2].slice(0, 6)).toEqual(["Kalmar", 99_385, 90_350, 72_280, 72_280, 1]);
    expect(sheet.values[at + 3].slice(0, 6)).toEqual(["Nybro", 9_035, 9_035, 9_035, "", 0]);
    expect(sheet.values[at + 4].slice(0, 6)).toEqual(["Summa", 108_420, 99_385, 81_315, "", 1]);
    // The findings follow after a blank row, and the user's sheet is untouched.
    expect(sheet.values.findIndex((r: any[]) => String(r[0]).startsWith("Avvikelser"))).toBeGreaterThan(at + 4);
    expect(sheetOf(handle.state, "Underlag")).toEqual(before);
  });

  test("states the review in the pane's language, with the agreement and every override", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]));
    await createExcelHost().writeResultSheet(result([group({})]), {
      lang: "en",
      reviewDate: "2024-02-15",
      agreement: { sv: "Region Kalmar", en: "Kalmar region" },
      overrides: { benchmarks: { somatic: 2.5 }, period: "2024-01" },
    });
    const sheet = sheetOf(handle.state, RESULT_SHEET);
    expect(sheet.values[0][0]).toBe(RESULT_TITLES.en);
    expect(sheet.values.slice(1, 4).map((r: any[]) => r[0])).toEqual([
      "Review date: 2024-02-15",
      "Agreement: Kalmar region",
      "Changed in the pane: benchmark somatic 2.5 days; period 2024-01",
    ]);
    expect(sheet.values[H].slice(0, 3)).toEqual(["Municipality", "Care type", "Period"]);
    expect(sheet.values[H + 1][1]).toBe("Somatic");
    expect(sheet.values[H + 2][0]).toBe("Total");
  });

  test("a second table lists the findings, rows linking to their cells, identity numbers masked", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(10)), makeSheet("Mars 2024", [["x"]])]));
    const findings = [
      finding({}),
      finding({ code: "INVALID_PERSON_ID", severity: "warning", sheet: "Mars 2024", row: 7, message: { sv: "Personnumret 19121212-1212 har fel kontrollsiffra", en: "x" } }),
      finding({ code: "PRICE_UNKNOWN", severity: "info", row: null }),
    ];
    await createExcelHost().writeResultSheet(result([group({})], findings), CONTEXT);
    const sheet = sheetOf(handle.state, RESULT_SHEET);
    const at = sheet.values.findIndex((r: any[]) => r[0] === "Avvikelser: 3");
    expect(at).toBeGreaterThan(H + 2);
    expect(sheet.values[at + 1].slice(0, 5)).toEqual(["Blad", "Rad", "Kod", "Allvarlighet", "Meddelande"]);
    expect(sheet.values[at + 2].slice(0, 5)).toEqual(["Underlag", 5, "DUPLICATE_STAY", "Fel", "Vårdtillfället finns redan på rad 3"]);
    expect(sheet.values[at + 3].slice(0, 5)).toEqual(["Mars 2024", 7, "INVALID_PERSON_ID", "Varning", "Personnumret 19121212-**** har fel kontrollsiffra"]);
    expect(sheet.values[at + 4].slice(0, 2)).toEqual(["Underlag", ""]);
    expect(sheet.tables[1]).toMatchObject({ name: FINDINGS_TABLE, address: `A${at + 2}:E${at + 5}` });
    // Excel rows are 1-based: the fake's index at + 3 is row at + 3.
    expect(sheet.hyperlinks).toEqual([
      { address: `B${at + 3}`, documentReference: "'Underlag'!A5", textToDisplay: "5" },
      { address: `B${at + 4}`, documentReference: "'Mars 2024'!A7", textToDisplay: "7" },
    ]);
    expect(JSON.stringify(sheet.values)).not.toMatch(/\d{8}-\d{4}/);
  });

  test("on ExcelApi 1.6 the rows are plain numbers and the chart keeps the benchmark as columns; the requirements say so", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]), { requirementSets: "1.6" });
    const host = createExcelHost();
    await host.writeResultSheet(result([group({})], [finding({})]), CONTEXT);
    const sheet = sheetOf(handle.state, RESULT_SHEET);
    expect(sheet.charts[0].seriesTypes).toEqual({});
    expect(sheet.hyperlinks ?? []).toEqual([]);
    expect(sheet.values.some((r: any[]) => r[1] === 5 && r[2] === "DUPLICATE_STAY")).toBe(true);
    const messages = host.checkRequirements().messages.map((m) => m.en).join(" ");
    expect(messages).toMatch(/benchmark as columns/);
    expect(messages).toMatch(/row numbers are text, not links/);
  });

  test("text is written as text: a value starting with = + - @ never becomes a formula", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]));
    const evil = ['=HYPERLINK("http://x","y")', "+SUM(A1)", "-1+2", "@now"];
    await createExcelHost().writeResultSheet(
      result(
        evil.map((m) => group({ municipality: m })),
        evil.map((m) => finding({ sheet: m, message: { sv: m, en: m } })),
      ),
      CONTEXT,
    );
    const sheet = sheetOf(handle.state, RESULT_SHEET);
    expect(sheet.formulas ?? []).toEqual([]);
    expect(sheet.values[H + 1][0]).toBe(evil[0]);
    // Every cell that holds one of them is formatted as text.
    const formatted = sheet.numberFormats.filter((f: any) => f.format.some((r: string[]) => r.includes("@")));
    expect(formatted.length).toBeGreaterThan(0);
  });

  test("the fake itself turns =… into a formula when the cell is not text, so the test above can fail", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", [["x"]])]));
    await (g.Excel as any).run(async (context: any) => {
      context.workbook.worksheets.getItem("Underlag").getRange("B1").values = [["=1+1"]];
      await context.sync();
    });
    expect(sheetOf(handle.state, "Underlag").formulas).toEqual([{ address: "B1", text: "=1+1" }]);
  });

  test("a second run replaces the sheet: one sheet, two tables, one chart; either language's sheet is recognised", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(10))]));
    const host = createExcelHost();
    await host.writeResultSheet(result([group({}), group({ municipality: "Nybro" })], [finding({})]), { ...CONTEXT, lang: "en" });
    await host.writeResultSheet(result([group({ municipality: "Vimmerby" })], [finding({})]), CONTEXT);
    const results = handle.state.sheets.filter((s) => s.name === RESULT_SHEET);
    expect(results).toHaveLength(1);
    expect(results[0].tables.map((t) => t.name)).toEqual([RESULT_TABLE, FINDINGS_TABLE]);
    expect(results[0].charts).toHaveLength(1);
    expect(results[0].values[H + 1][0]).toBe("Vimmerby");
    expect(results[0].values[H + 2][0]).toBe("Summa");
    expect(handle.state.sheets.map((s) => s.name)).toEqual(["Underlag", RESULT_SHEET]);
  });

  test("never writes a personal identity number, even if one stands where a municipality should", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]));
    await createExcelHost().writeResultSheet(result([group({ municipality: "19121212-1212" }), group({ municipality: "121212+1212" })]), CONTEXT);
    const text = JSON.stringify(sheetOf(handle.state, RESULT_SHEET).values);
    expect(text).not.toMatch(/\d{6}[-+]?\d{4}/);
    expect(groupRow(group({ municipality: "191212121212" }))[0]).toBe("19121212****");
  });

  test("a user's own sheet named Granskning is not replaced", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3)), makeSheet(RESULT_SHEET, [["Mina anteckningar"]])]));
    const original = clone(handle.state);
    await expect(createExcelHost().writeResultSheet(result([group({})]), CONTEXT)).rejects.toMatchObject({ code: "RESULT_SHEET_NOT_OURS" });
    expect(handle.state).toEqual(original);
  });

  test("no groups: a note instead of an empty table", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]));
    await createExcelHost().writeResultSheet(result([]), CONTEXT);
    const sheet = sheetOf(handle.state, RESULT_SHEET);
    expect(sheet.tables).toEqual([]);
    expect(sheet.charts).toEqual([]);
    expect(sheet.values[H + 1][0]).toMatch(/Inga grupper/);
  });

  test("many groups and findings are written in syncs under the payload limit; findings capped with a note", async () => {
    const groups = Array.from({ length: 20_000 }, (_, i) => group({ municipality: `Kommun nummer ${i} med ett långt namn`, period: `2024-${String(1 + (i % 12)).padStart(2, "0")}` }));
    const findings = Array.from({ length: MAX_FINDING_ROWS + 10 }, (_, i) => finding({ row: 2 + i }));
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]));
    await createExcelHost().writeResultSheet(result(groups, findings), CONTEXT);
    expect(handle.counters.maxBytes).toBeLessThanOrEqual(5_000_000);
    const sheet = sheetOf(handle.state, RESULT_SHEET);
    expect(sheet.values[H + 20_001][0]).toBe("Summa");
    expect(sheet.values.some((r: any[]) => r[0] === `Avvikelser: de första ${MAX_FINDING_ROWS} av ${MAX_FINDING_ROWS + 10} (alla finns i fönstret)`)).toBe(true);
    expect(sheet.hyperlinks).toHaveLength(MAX_FINDING_ROWS);
  });
});
