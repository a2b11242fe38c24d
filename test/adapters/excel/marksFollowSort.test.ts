import { createExcelHost } from "../../../src/adapters/excel";
import { createExcelDisputeHost } from "../../../src/adapters/excel/disputeHost";
import { HELPER_SHEET, KEYS_SHEET, isMarkFormula } from "../../../src/adapters/excel/marks";
import type { Finding, Severity } from "../../../src/core/model";
import { MARK_CODE, keyedMarks } from "../../../src/core/stays/keyedMarks";
import { followMarks } from "../../../src/taskpane/disputes/marksFollowRows";
import { readStayKeys } from "../../../src/taskpane/disputes/stayKeys";
import { installFakeOffice, uninstallFakeOffice } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook, parseAddress, type FakeWorkbookState } from "../../fakes/excel/state";
import { ALL_COLUMNS, clone, invoiceValues } from "./fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

const ROWS = 30;
const KEYED = { sheets: [{ name: "Underlag", columns: ALL_COLUMNS }], referenceYear: 2024, dateSystem: "1900" as const };

function finding(row: number, severity: Severity): Finding {
  return { code: "DAYS_MISMATCH", severity, sheet: "Underlag", row, columns: ["K"], fields: ["statedDays"], message: { sv: "x", en: "x" } };
}

/** The invoice sheet with the user's own formats: a fill on row 5, number formats on column C, two rules. */
function workbook(): FakeWorkbookState {
  return makeWorkbook([
    makeSheet("Underlag", invoiceValues(ROWS), {
      fills: [
        { address: "A1:R1", color: "#4472C4" },
        { address: "A5:R5", color: "#FFFF00" },
      ],
      numberFormats: [{ address: "C2:C31", format: Array.from({ length: ROWS }, (_, i) => [i === 3 ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd"]) }],
      conditionalFormats: [{ id: "{user-1}", type: "Custom", address: "A2:A31", formula: "=$K2>10", fillColor: "#FF00FF", fontColor: null }],
    }),
  ]);
}

/** The mark a user sees on a row: our rules evaluated against the helper sheet, as Excel would (0 = none). */
function shownCode(state: FakeWorkbookState, row: number): number {
  const sheet = state.sheets.find((s) => s.name === "Underlag")!;
  const helper = state.sheets.find((s) => s.name === HELPER_SHEET);
  let shown = 0;
  for (const cf of sheet.conditionalFormats) {
    const m = /^=INDEX\('?_granskning_marks'?!\$([A-Z]+):\$\1,ROW\(\)\)=(\d)$/.exec(cf.formula ?? "");
    if (!m || !helper) continue;
    const rect = parseAddress(cf.address)!;
    if (row - 1 < rect.r0 || row - 1 > rect.r1) continue;
    if ((helper.values[row - 1]?.[m[1].charCodeAt(0) - 65] ?? 0) === Number(m[2])) shown = Number(m[2]);
  }
  return shown;
}

/** Stay id (column B) → the mark it should show. */
function expectedByStayId(state: FakeWorkbookState, codes: Record<number, number>): Map<string, number> {
  const values = state.sheets[0].values;
  return new Map(Object.entries(codes).map(([row, code]) => [String(values[Number(row) - 1][1]), code]));
}

function userPart(state: FakeWorkbookState) {
  const s = state.sheets.find((x) => x.name === "Underlag")!;
  return { values: s.values, fills: s.fills, numberFormats: s.numberFormats, userFormats: s.conditionalFormats.filter((c) => !isMarkFormula(c.formula ?? "")) };
}

async function sortByMunicipalityDescending(): Promise<void> {
  await g.Excel.run(async (ctx: any) => {
    ctx.workbook.worksheets.getItem("Underlag").getRange("A1:R31").sort.apply([{ key: 5, ascending: false }, { key: 1, ascending: true }], false, true);
    await ctx.sync();
  });
}

describe("the strict fake sorts like Excel", () => {
  test("values, fills and number formats move with their rows; conditional formats and the header stay", async () => {
    const state = workbook();
    installFakeOffice(g, state);
    const before = clone(state.sheets[0]);
    await sortByMunicipalityDescending();
    const s = state.sheets[0];
    expect(s.values[0]).toEqual(before.values[0]);
    const municipalities = s.values.slice(1).map((r) => String(r[5]));
    expect(municipalities).toEqual([...municipalities].sort((a, b) => b.localeCompare(a, "sv", { sensitivity: "base" })));
    // Row 5's data (VT0000003) carries its yellow fill and row 5's time format wherever it went.
    const at = s.values.findIndex((r) => r[1] === "VT0000003") + 1;
    expect(at).not.toBe(5);
    expect(s.fills).toContainEqual({ address: `A${at}:R${at}`, color: "#FFFF00" });
    expect(s.fills).toContainEqual({ address: "A1:R1", color: "#4472C4" });
    expect(s.numberFormats).toContainEqual({ address: `C${at}`, format: [["yyyy-mm-dd hh:mm"]] });
    expect(s.conditionalFormats).toEqual(before.conditionalFormats);
  });
});

describe("marks follow the rows", () => {
  test("after a sort the marks are on the right rows again (onRowSorted), and the user's cells and formats are untouched", async () => {
    const state = workbook();
    installFakeOffice(g, state);
    const workbookHost = createExcelHost();
    const disputes = createExcelDisputeHost();
    const index = await readStayKeys(workbookHost, KEYED);
    // Errors on rows 3 and 9, a warning on 12, info on 20; the stay on row 9 is also disputed.
    const findings = [finding(3, "error"), finding(9, "error"), finding(12, "warning"), finding(20, "info")];
    const disputed = new Set([index.at("Underlag", 9)!.key]);
    await disputes.markKeyed(keyedMarks(findings, index, disputed), index);
    const want = expectedByStayId(state, { 3: MARK_CODE.error, 9: MARK_CODE.disputed, 12: MARK_CODE.warning, 20: MARK_CODE.info });
    const check = () => {
      const wrong: string[] = [];
      state.sheets[0].values.slice(1).forEach((r, i) => {
        const code = want.get(String(r[1])) ?? 0;
        if (shownCode(state, i + 2) !== code) wrong.push(`row ${i + 2} (${r[1]}): shows ${shownCode(state, i + 2)}, should ${code}`);
      });
      return wrong;
    };
    expect(check()).toEqual([]);

    let refreshed!: () => void;
    const done = new Promise<void>((resolve) => (refreshed = resolve));
    const follower = await followMarks(workbookHost, disputes, KEYED, {
      onError: (e) => {
        throw e;
      },
      onRefreshed: () => refreshed(),
    });
    expect(follower.followsSorts).toBe(true);
    await done; // the refresh at start
    const seen = new Promise<void>((resolve) => (refreshed = resolve));

    // The user sorts; the rows move, the helper does not, until the sort event is handled.
    let afterSort: ReturnType<typeof userPart> | null = null;
    let wrongBeforeRefresh: string[] = [];
    await sortByMunicipalityDescending().then(() => {
      afterSort = clone(userPart(state));
      wrongBeforeRefresh = check();
    });
    expect(wrongBeforeRefresh.length).toBeGreaterThan(0);
    await seen;
    expect(check()).toEqual([]);
    // Our refresh changed nothing of the user's: values, fills, number formats and rules as the sort left them.
    expect(userPart(state)).toEqual(afterSort);
    expect(state.sheets.find((s) => s.name === KEYS_SHEET)?.visibility).toBe("Hidden");
    await follower.stop();
  });

  test("without sort events (ExcelApi below 1.10) the marks are wrong after a sort until the next open, which places them again", async () => {
    const state = workbook();
    installFakeOffice(g, state, { requirementSets: "1.9" });
    const workbookHost = createExcelHost();
    const disputes = createExcelDisputeHost();
    const index = await readStayKeys(workbookHost, KEYED);
    await disputes.markKeyed(keyedMarks([finding(3, "error")], index), index);
    const id = state.sheets[0].values[2][1];
    const follower = await followMarks(workbookHost, disputes, KEYED);
    expect(follower.followsSorts).toBe(false);
    await sortByMunicipalityDescending();
    const rowOf = () => state.sheets[0].values.findIndex((r) => r[1] === id) + 1;
    expect(rowOf()).not.toBe(3);
    // The mark stayed on row 3 and is now on another stay: what row-number marks always did.
    expect(shownCode(state, 3)).toBe(MARK_CODE.error);
    expect(shownCode(state, rowOf())).toBe(0);
    // The pane opens again (or the user refreshes): placed from the keys.
    const reopened = await followMarks(workbookHost, disputes, KEYED);
    void reopened;
    expect(shownCode(state, rowOf())).toBe(MARK_CODE.error);
    expect(shownCode(state, 3)).toBe(0);
  });

  test("the sheets with marks stored by key are known before any review (the pane opens over them); none after clearing", async () => {
    installFakeOffice(g, workbook());
    const disputes = createExcelDisputeHost();
    await expect(disputes.storedMarkSheets()).resolves.toEqual([]);
    const index = await readStayKeys(createExcelHost(), KEYED);
    await disputes.markKeyed(keyedMarks([finding(3, "error")], index), index);
    await expect(disputes.storedMarkSheets()).resolves.toEqual(["Underlag"]);
    await createExcelHost().clearMarks();
    await expect(disputes.storedMarkSheets()).resolves.toEqual([]);
  });
});
