import { createExcelDisputeHost } from "../../../src/adapters/excel/disputeHost";
import { getPreset, keyWorkbookStays, recomputeFigures, reviewWorkbook, type Finding } from "../../../src/core";
import { DisputeWorkspace, PERSONAL_DATA_NOTICE, reasonRulesFor, rememberReviewer, rememberedReviewer, timeAfter } from "../../../src/taskpane/disputes/disputeWorkspace";
import { installFakeOffice, uninstallFakeOffice } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook } from "../../fakes/excel/state";
import { invoiceValues } from "../../adapters/excel/fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

const values = invoiceValues(40);
const grids = { dateSystem: "1900" as const, sheets: [{ name: "Underlag", values }] };
const law = getPreset("lag-2017-612")!;

function setup() {
  const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", values.map((r) => [...r]))]));
  const memory = new Map<string, string>();
  const store = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };
  const writer = rememberReviewer(store, "  Anna  ", () => "w-1");
  let t = 0;
  const ws = new DisputeWorkspace(createExcelDisputeHost(), writer, () => `2024-03-01T10:00:${String(t++).padStart(2, "0")}Z`);
  const result = reviewWorkbook(grids, { profile: law, referenceDay: 19_800, sheets: ["Underlag"] });
  const index = keyWorkbookStays(grids, { sheets: ["Underlag"], referenceYear: 2024 });
  return { handle, store, writer, ws, result, index };
}

const finding = (row: number, code: Finding["code"] = "NOT_RESIDENT"): Finding => ({ code, severity: "error", sheet: "Underlag", row, columns: [], fields: [], message: { sv: code, en: code } });

describe("the disputes workspace (the tab's state, without React)", () => {
  test("the reviewer's name is given once and remembered with a writer id that survives a new name", () => {
    const { store, writer } = setup();
    expect(writer).toEqual({ id: "w-1", name: "Anna" });
    expect(rememberedReviewer(store)).toEqual(writer);
    expect(rememberReviewer(store, "Anna A.", () => "other")).toEqual({ id: "w-1", name: "Anna A." });
  });

  test("dispute from a finding, edit, withdraw: saved in the workbook, read again by a new session", async () => {
    const { ws, index, writer } = setup();
    await ws.open();
    expect(await ws.disputeFinding(finding(5), index, "bor i Nybro")).toEqual({ ok: true });
    const key = index.at("Underlag", 5)!.key;
    expect(await ws.edit(key, { comment: "folkbokförd i Nybro" })).toEqual({ ok: true });
    const again = new DisputeWorkspace(createExcelDisputeHost(), writer, () => "2024-03-02T00:00:00Z");
    await again.open();
    expect(again.active()).toEqual([expect.objectContaining({ key, comment: "folkbokförd i Nybro", reason: "NOT_RESIDENT", by: "Anna" })]);
    expect(await again.withdraw(key)).toEqual({ ok: true });
    expect(again.active()).toEqual([]);
    expect(again.all()).toEqual([expect.objectContaining({ key, withdrawn: true })]);
  });

  test("in bulk only with the count confirmed; findings filter by disputed; figures after disputes equal the engine's without those rows", async () => {
    const { ws, index, result } = setup();
    await ws.open();
    const findings = [finding(3), finding(4, "DECEASED"), finding(6, "AMOUNT_MISMATCH")];
    const n = ws.bulkCount(findings, { allErrors: true }, index);
    expect(n).toBe(3);
    expect((await ws.disputeBulk(findings, { allErrors: true }, index, 2)).ok).toBe(false);
    expect(ws.active()).toEqual([]);
    expect(await ws.disputeBulk(findings, { allErrors: true }, index, 3)).toEqual({ ok: true });
    expect(ws.filterFindings(findings, index, true)).toHaveLength(3);
    expect(ws.filterFindings([...findings, finding(9)], index, false)).toEqual([finding(9)]);
    const side = ws.figures(result, index);
    // Rows 3 and 4 void liability, row 6 is arithmetic: the engine's own figures without 3 and 4.
    const engine = recomputeFigures(result.basis, law, { excludeRows: new Set(["Underlag!3", "Underlag!4"]) });
    expect(side.totals.amountAfterDisputes).toBe(engine.totals.amount);
    expect(side.totals.amount).toBe(result.figures.totals.amount);
    expect(ws.marks(findings, index).filter((m) => m.code === 4)).toHaveLength(3);
  });

  test("exports hold identity numbers in full; the pane has a notice saying so; remove all needs the count", async () => {
    const { ws, index, handle } = setup();
    await ws.open();
    await ws.disputeFinding(finding(7), index);
    expect(ws.exportText("sv")).toContain(String(values[6][0]));
    expect(PERSONAL_DATA_NOTICE.en).toMatch(/identity numbers in full/);
    await ws.exportToSheet("sv");
    expect(handle.state.sheets.map((s) => s.name)).toContain("Bestridanden");
    await ws.exportToNewWorkbook("en");
    expect(handle.createdWorkbooks).toHaveLength(1);
    expect(reasonRulesFor("en").find((r) => r.reason === "PRICE_MISMATCH")).toMatchObject({ effect: "recomputed", assumed: false });
    expect((await ws.removeAll(5)).ok).toBe(false);
    expect(await ws.removeAll(1)).toEqual({ ok: true });
    expect(ws.active()).toEqual([]);
  });
});

describe("a change sorts after the record it changes", () => {
  test("within the same millisecond it takes the next one; later times are kept", () => {
    expect(timeAfter("2026-12-01T21:07:00.000Z", "2026-12-01T21:07:00.000Z")).toBe("2026-12-01T21:07:00.001Z");
    expect(timeAfter("2026-12-01T21:07:00Z", "2026-12-01T21:06:59.999Z")).toBe("2026-12-01T21:07:00.001Z");
    expect(timeAfter("2026-12-01T21:07:00.000Z", "2026-12-01T21:08:00.000Z")).toBe("2026-12-01T21:08:00.000Z");
  });
});
