import { createExcelHost } from "../../../src/adapters/excel";
import { HELPER_SHEET, MARK_ROWS_PER_CHUNK, isMarkFormula, markFormula, rowCodes } from "../../../src/adapters/excel/marks";
import type { Finding, Severity } from "../../../src/core/model";
import { installFakeOffice, uninstallFakeOffice, DEFAULT_PAYLOAD_LIMIT } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook, parseAddress, type FakeSheet, type FakeWorkbookState } from "../../fakes/excel/state";
import { clone, invoiceValues } from "./fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

function finding(sheet: string, row: number | null, severity: Severity): Finding {
  return { code: "DAYS_MISMATCH", severity, sheet, row, columns: ["K"], fields: ["statedDays"], message: { sv: "x", en: "x" } };
}

/** The user's own formatting, which marking and clearing must leave alone. */
function userSheet(name: string, rows: number): FakeSheet {
  return makeSheet(name, invoiceValues(rows), {
    fills: [{ address: "A1:R1", color: "#4472C4" }],
    conditionalFormats: [
      { id: "{user-1}", type: "CellValue", address: "K2:K20", fillColor: "#00FF00", fontColor: null },
      { id: "{user-2}", type: "Custom", address: "A2:A20", formula: "=$K2>10", fillColor: "#FF00FF", fontColor: null },
    ],
  });
}

/**
 * What a user sees on a row: evaluates our formats (=INDEX('helper'!$X:$X,ROW())=n) against
 * the helper sheet, as Excel would; 0 = unmarked.
 */
function shownCode(state: FakeWorkbookState, sheetName: string, row: number): number {
  const sheet = state.sheets.find((s) => s.name === sheetName)!;
  const helper = state.sheets.find((s) => s.name === HELPER_SHEET);
  let shown = 0;
  for (const cf of sheet.conditionalFormats) {
    const m = /^=INDEX\('?_granskning_marks'?!\$([A-Z]+):\$\1,ROW\(\)\)=(\d)$/.exec(cf.formula ?? "");
    if (!m || !helper) continue;
    const rect = parseAddress(cf.address)!;
    if (row - 1 < rect.r0 || row - 1 > rect.r1) continue;
    const col = m[1].charCodeAt(0) - 65;
    if ((helper.values[row - 1]?.[col] ?? 0) === Number(m[2])) shown = Math.max(shown, Number(m[2]));
  }
  return shown;
}

describe("rowCodes", () => {
  test("highest severity per row; rowless findings mark nothing", () => {
    const codes = rowCodes([finding("A", 5, "info"), finding("A", 5, "error"), finding("A", 5, "warning"), finding("A", 6, "warning"), finding("A", null, "error")]);
    expect([...codes.get("A")!.entries()]).toEqual([
      [5, 3],
      [6, 2],
    ]);
  });

  test("our formulas are recognised, also after Excel drops the quotes or the helper was deleted", () => {
    expect(markFormula(1, 3)).toBe("=INDEX('_granskning_marks'!$B:$B,ROW())=3");
    expect(isMarkFormula(markFormula(0, 2))).toBe(true);
    expect(isMarkFormula("=INDEX(_granskning_marks!$A:$A,ROW())=1")).toBe(true);
    expect(isMarkFormula("=INDEX(#REF!,ROW())=3")).toBe(true);
    expect(isMarkFormula("=$K2>10")).toBe(false);
  });
});

describe("markFindings and clearMarks", () => {
  test("marks by severity through a hidden helper sheet; values and the user's formatting untouched; clear restores", async () => {
    const state = makeWorkbook([userSheet("Underlag", 100), userSheet("Mars", 50), makeSheet("Tom", [])]);
    const handle = installFakeOffice(g, state);
    const original = clone(handle.state);
    const host = createExcelHost();

    await host.markFindings([
      finding("Underlag", 5, "error"),
      finding("Underlag", 5, "info"),
      finding("Underlag", 7, "warning"),
      finding("Underlag", 101, "info"),
      finding("Mars", 2, "error"),
      finding("Mars", null, "error"),
    ]);
    const s = handle.state;
    const helper = s.sheets.find((x) => x.name === HELPER_SHEET)!;
    expect(helper.visibility).toBe("Hidden");
    expect(shownCode(s, "Underlag", 5)).toBe(3);
    expect(shownCode(s, "Underlag", 7)).toBe(2);
    expect(shownCode(s, "Underlag", 101)).toBe(1);
    expect(shownCode(s, "Underlag", 6)).toBe(0);
    expect(shownCode(s, "Underlag", 1)).toBe(0);
    expect(shownCode(s, "Mars", 2)).toBe(3);
    expect(shownCode(s, "Mars", 5)).toBe(0);
    // Four formats per marked sheet (three severities and disputed), over its used range; none on the unmarked sheet.
    const ours = (name: string) => s.sheets.find((x) => x.name === name)!.conditionalFormats.filter((c) => isMarkFormula(c.formula ?? ""));
    expect(ours("Underlag").map((c) => c.address)).toEqual(["A1:R101", "A1:R101", "A1:R101", "A1:R101"]);
    expect(ours("Mars")).toHaveLength(4);
    expect(ours("Tom")).toHaveLength(0);
    // The user's cells, fills and formats are exactly as before.
    for (const name of ["Underlag", "Mars", "Tom"]) {
      const now = s.sheets.find((x) => x.name === name)!;
      const was = original.sheets.find((x) => x.name === name)!;
      expect(now.values).toEqual(was.values);
      expect(now.fills).toEqual(was.fills);
      expect(now.conditionalFormats.filter((c) => !isMarkFormula(c.formula ?? ""))).toEqual(was.conditionalFormats);
    }

    await host.clearMarks();
    expect(handle.state).toEqual(original);
  });

  test("marking twice replaces the marks instead of adding to them", async () => {
    const handle = installFakeOffice(g, makeWorkbook([userSheet("Underlag", 30)]));
    const host = createExcelHost();
    await host.markFindings([finding("Underlag", 3, "error")]);
    await host.markFindings([finding("Underlag", 4, "warning")]);
    const sheet = handle.state.sheets[0];
    expect(sheet.conditionalFormats.filter((c) => isMarkFormula(c.formula ?? ""))).toHaveLength(4);
    expect(handle.state.sheets.filter((x) => x.name === HELPER_SHEET)).toHaveLength(1);
    expect(shownCode(handle.state, "Underlag", 3)).toBe(0);
    expect(shownCode(handle.state, "Underlag", 4)).toBe(2);
  });

  test("marking with no findings clears earlier marks", async () => {
    const handle = installFakeOffice(g, makeWorkbook([userSheet("Underlag", 30)]));
    const original = clone(handle.state);
    const host = createExcelHost();
    await host.markFindings([finding("Underlag", 3, "error")]);
    await host.markFindings([]);
    expect(handle.state).toEqual(original);
  });

  test("clearing also removes marks whose helper sheet the user deleted (#REF! formulas)", async () => {
    const handle = installFakeOffice(g, makeWorkbook([userSheet("Underlag", 30)]));
    const original = clone(handle.state);
    const host = createExcelHost();
    await host.markFindings([finding("Underlag", 3, "error")]);
    const s = handle.state;
    s.sheets = s.sheets.filter((x) => x.name !== HELPER_SHEET);
    for (const cf of s.sheets[0].conditionalFormats) if (isMarkFormula(cf.formula ?? "")) cf.formula = cf.formula!.replace(/'_granskning_marks'!\$A:\$A/, "#REF!");
    await host.clearMarks();
    expect(handle.state).toEqual(original);
  });

  test("a protected sheet gives a clear error and nothing is changed", async () => {
    const handle = installFakeOffice(g, makeWorkbook([userSheet("Underlag", 30), { ...userSheet("Låst", 10), protected: true }]));
    const original = clone(handle.state);
    await expect(createExcelHost().markFindings([finding("Underlag", 3, "error"), finding("Låst", 2, "error")])).rejects.toMatchObject({
      code: "SHEET_PROTECTED",
      bilingual: { sv: expect.stringContaining('"Låst"'), en: expect.stringContaining("Unprotect") },
    });
    expect(handle.state).toEqual(original);
  });

  test("clearing marks on a sheet protected since marking gives a clear error", async () => {
    const handle = installFakeOffice(g, makeWorkbook([userSheet("Underlag", 30)]));
    const host = createExcelHost();
    await host.markFindings([finding("Underlag", 3, "error")]);
    handle.state.sheets[0].protected = true;
    await expect(host.clearMarks()).rejects.toMatchObject({ code: "SHEET_PROTECTED" });
  });

  test("findings on a sheet that no longer exists: the others are marked, then a clear error", async () => {
    const handle = installFakeOffice(g, makeWorkbook([userSheet("Underlag", 30)]));
    await expect(createExcelHost().markFindings([finding("Underlag", 3, "error"), finding("Borta", 2, "error")])).rejects.toMatchObject({
      code: "MARK_SHEETS_MISSING",
      bilingual: { sv: expect.stringContaining('"Borta"') },
    });
    expect(shownCode(handle.state, "Underlag", 3)).toBe(3);
  });

  test("a finding naming the sheet in another case marks that sheet over its used range", async () => {
    const handle = installFakeOffice(g, makeWorkbook([userSheet("Underlag", 30)]));
    await createExcelHost().markFindings([finding("UNDERLAG", 4, "warning")]);
    expect(shownCode(handle.state, "Underlag", 4)).toBe(2);
    const ours = handle.state.sheets[0].conditionalFormats.filter((c) => isMarkFormula(c.formula ?? ""));
    expect(ours.map((c) => c.address)).toEqual(["A1:R31", "A1:R31", "A1:R31", "A1:R31"]);
  });

  test("syncs do not depend on the number of flagged rows: 10 vs 10,000 flagged of 100,000", async () => {
    const rows = 100_000;
    const syncs: number[] = [];
    for (const flagged of [10, 10_000]) {
      const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(rows))]));
      const findings = Array.from({ length: flagged }, (_, i) => finding("Underlag", 2 + Math.floor((i * (rows - 1)) / flagged), i % 2 ? "error" : "warning"));
      await createExcelHost().markFindings(findings);
      syncs.push(handle.counters.syncs);
      expect(handle.counters.maxBytes).toBeLessThanOrEqual(DEFAULT_PAYLOAD_LIMIT);
      expect(shownCode(handle.state, "Underlag", 2)).toBe(2);
      uninstallFakeOffice(g);
    }
    expect(syncs[0]).toBe(syncs[1]);
  });

  test("syncs grow with total rows only by chunking: ≤ 4 + rows / MARK_ROWS_PER_CHUNK", async () => {
    for (const rows of [1_000, 100_000, 300_000]) {
      const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", [["h"], ...Array.from({ length: rows }, (_, i) => [i])])]));
      await createExcelHost().markFindings([finding("Underlag", 2, "error"), finding("Underlag", rows + 1, "info")]);
      // 3 syncs to find earlier marks (names; formats and protection; custom formulas: none
      // here, so skipped), then the writes: 1 + ceil(rows / MARK_ROWS_PER_CHUNK) at most.
      expect(handle.counters.syncs).toBeLessThanOrEqual(4 + Math.ceil((rows + 1) / MARK_ROWS_PER_CHUNK));
      expect(handle.counters.maxBytes).toBeLessThanOrEqual(DEFAULT_PAYLOAD_LIMIT);
      expect(shownCode(handle.state, "Underlag", rows + 1)).toBe(1);
      uninstallFakeOffice(g);
    }
  });
});
