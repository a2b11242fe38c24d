/**
 * The follow-up reports through the Excel adapter against the strict fake: every report's
 * tables, formats and charts where layoutSheet puts them, a "not computable" cell kept as text in
 * a percent column, and a second run in the other language replacing the sheets, not adding to them.
 */
import { createExcelHost } from "../../../src/adapters/excel";
import { getPreset, layoutSheet, REPORT_SHEET_NAMES, reportSpecs, SPEC_NUMBER_FORMATS } from "../../../src/core";
import { installFakeOffice, uninstallFakeOffice } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook, numberFormatAt, type FakeSheet, type FakeWorkbookState } from "../../fakes/excel/state";
import { reportInput } from "../../core/reports/basis";
import { invoiceValues } from "./fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));
const sheetOf = (state: FakeWorkbookState, name: string): FakeSheet => state.sheets.find((s) => s.name === name)!;

describe("writeSpecSheet: the follow-up reports", () => {
  test("every report: its tables with headers, rows and formats, and its charts, where layoutSheet puts them", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(5))]));
    const specs = reportSpecs("all", reportInput(getPreset("kalmar-2019")!), { lang: "sv", reveal: false });
    const host = createExcelHost();
    for (const spec of specs) await host.writeSpecSheet(spec);
    expect(handle.state.sheets.map((s) => s.name)).toEqual(["Underlag", ...Object.values(REPORT_SHEET_NAMES)]);
    for (const spec of specs) {
      const sheet = sheetOf(handle.state, spec.name);
      const layout = layoutSheet(spec);
      expect(sheet.values[0][0]).toBe(spec.title);
      expect(sheet.tables.map((t) => t.name)).toEqual(spec.tables.map((t) => t.name));
      for (const p of layout.tables) {
        expect(sheet.values[p.headerRow - 1].slice(0, p.table.columns.length)).toEqual(p.table.columns.map((c) => c.title));
        p.table.rows.forEach((row, i) => expect(sheet.values[p.firstDataRow - 1 + i].slice(0, row.length)).toEqual(row.map((v) => v ?? "")));
        if (p.table.rows.length > 0) p.table.columns.forEach((c, col) => expect(numberFormatAt(sheet, p.firstDataRow - 1, col)).toBe(SPEC_NUMBER_FORMATS[c.format]));
      }
      expect(sheet.charts.map((c) => c.title)).toEqual(spec.charts.map((c) => c.title));
    }
    // The notice report: Blad2's stays in June (row 5 of the table) have no column: text in a percent column.
    const notice = sheetOf(handle.state, REPORT_SHEET_NAMES.noticeAndContact);
    const p = layoutSheet(specs[4]).tables[0];
    expect(notice.values[p.firstDataRow - 1 + 4][5]).toBe("ej beräkningsbar: kolumn saknas");
    // Halland's chart: the national average is a series of its own.
    const national = sheetOf(handle.state, REPORT_SHEET_NAMES.nationalComparison);
    expect(national.charts[0].series!.map((s) => s.name)).toEqual(["Halmstad", "Kungsbacka", "Riksgenomsnitt"]);
  });

  test("a run in the other language replaces the sheets: one set of sheets, tables and charts", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(5))]));
    const host = createExcelHost();
    for (const lang of ["sv", "en"] as const) {
      for (const spec of reportSpecs("all", reportInput(), { lang, reveal: false })) await host.writeSpecSheet(spec);
    }
    expect(handle.state.sheets.map((s) => s.name)).toEqual(["Underlag", ...Object.values(REPORT_SHEET_NAMES)]);
    expect(sheetOf(handle.state, REPORT_SHEET_NAMES.costPerMonth).values[0][0]).toBe("Follow-up: cost per municipality and month");
    const tables = handle.state.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(new Set(tables).size).toBe(tables.length);
  });
});
