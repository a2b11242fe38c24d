import { createExcelHost } from "../../../src/adapters/excel";
import { RESULT_HEADERS, RESULT_SHEET, RESULT_TABLE, RESULT_TITLE, groupRow } from "../../../src/adapters/excel/resultSheet";
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

/** The parts of a ReviewResult the result sheet reads; the rest is not needed here. */
function result(groups: GroupFigures[]): ReviewResult {
  return { profile: { name: { sv: "Kalmar län 2024", en: "Kalmar county 2024" } }, figures: { groups } } as unknown as ReviewResult;
}

const sheetOf = (state: any, name: string) => state.sheets.find((s: any) => s.name === name);

describe("writeResultSheet", () => {
  test("writes the group figures as a table with a column chart; the benchmark as a line on ExcelApi 1.7", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(10))]));
    const before = clone(sheetOf(handle.state, "Underlag"));
    await createExcelHost().writeResultSheet(
      result([group({}), group({ municipality: "Nybro", careType: "psychiatric", period: "2024-Q1", average: null, amount: null, difference: null })]),
    );
    const sheet = sheetOf(handle.state, RESULT_SHEET);
    expect(sheet.values[0][0]).toBe(RESULT_TITLE);
    expect(sheet.values[2].slice(0, 11)).toEqual([...RESULT_HEADERS]);
    // Kalmar: difference = invoiced − computed = 99,385 − 90,350 = 9,035 (one day at 9,035 kr).
    expect(sheet.values[3].slice(0, 11)).toEqual(["Kalmar", "Somatik", "2024-01", 4, 10, 2.5, 3.1, 10, 90_350, 99_385, 9_035]);
    // Nybro: no average, no amount → blank cells and no difference.
    expect(sheet.values[4].slice(0, 11)).toEqual(["Nybro", "Psykiatri", "2024-Q1", 4, 10, "", 3.1, 10, "", 99_385, ""]);
    expect(sheet.tables).toEqual([{ name: RESULT_TABLE, address: "A3:K5", hasHeaders: true, style: "TableStyleMedium2" }]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: "ColumnClustered", source: "M3:O5", seriesBy: "Columns", seriesTypes: { "1": "Line" } });
    expect(sheet.values[3].slice(12, 15)).toEqual(["Kalmar 2024-01", 2.5, 3.1]);
    expect(handle.state.activeSheet).toBe(RESULT_SHEET);
    expect(sheetOf(handle.state, "Underlag")).toEqual(before);
  });

  test("a second run replaces the sheet: one sheet, one table, one chart", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(10))]));
    const host = createExcelHost();
    await host.writeResultSheet(result([group({}), group({ municipality: "Nybro" })]));
    await host.writeResultSheet(result([group({ municipality: "Vimmerby" })]));
    const results = handle.state.sheets.filter((s) => s.name === RESULT_SHEET);
    expect(results).toHaveLength(1);
    expect(results[0].tables).toHaveLength(1);
    expect(results[0].charts).toHaveLength(1);
    expect(results[0].values.slice(3).map((r) => r[0])).toEqual(["Vimmerby"]);
    expect(handle.state.sheets.map((s) => s.name)).toEqual(["Underlag", RESULT_SHEET]);
  });

  test("never writes a personal identity number, even if one stands where a municipality should", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]));
    await createExcelHost().writeResultSheet(result([group({ municipality: "19121212-1212" }), group({ municipality: "121212+1212" })]));
    const text = JSON.stringify(sheetOf(handle.state, RESULT_SHEET).values);
    expect(text).not.toMatch(/\d{6}[-+]?\d{4}/);
    expect(groupRow(group({ municipality: "191212121212" }))[0]).toBe("19121212****");
  });

  test("a user's own sheet named Granskning is not replaced", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3)), makeSheet(RESULT_SHEET, [["Mina anteckningar"]])]));
    const original = clone(handle.state);
    await expect(createExcelHost().writeResultSheet(result([group({})]))).rejects.toMatchObject({ code: "RESULT_SHEET_NOT_OURS" });
    expect(handle.state).toEqual(original);
  });

  test("on ExcelApi 1.6 the chart keeps the benchmark as columns, and the requirements say so", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]), { requirementSets: "1.6" });
    const host = createExcelHost();
    await host.writeResultSheet(result([group({})]));
    expect(sheetOf(handle.state, RESULT_SHEET).charts[0].seriesTypes).toEqual({});
    expect(host.checkRequirements().messages.map((m) => m.en).join(" ")).toMatch(/benchmark as columns/);
  });

  test("no groups: a note instead of an empty table", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]));
    await createExcelHost().writeResultSheet(result([]));
    const sheet = sheetOf(handle.state, RESULT_SHEET);
    expect(sheet.tables).toEqual([]);
    expect(sheet.charts).toEqual([]);
    expect(sheet.values[3][0]).toMatch(/Inga grupper/);
  });

  test("many groups are written in syncs under the payload limit", async () => {
    const groups = Array.from({ length: 20_000 }, (_, i) => group({ municipality: `Kommun nummer ${i} med ett långt namn`, period: `2024-${String(1 + (i % 12)).padStart(2, "0")}` }));
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]));
    await createExcelHost().writeResultSheet(result(groups));
    expect(handle.counters.maxBytes).toBeLessThanOrEqual(5_000_000);
    expect(sheetOf(handle.state, RESULT_SHEET).values).toHaveLength(3 + 20_000);
  });
});
