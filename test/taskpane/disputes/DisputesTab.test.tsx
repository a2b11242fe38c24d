/** @jest-environment jsdom */
/**
 * The disputes tab against the Excel dispute host over the strict fake: dispute from a finding, in
 * bulk with the count confirmed, edit, withdraw, remove all, the export, and the figures on screen
 * equal to the core's for the same rows left out.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createExcelDisputeHost } from "../../../src/adapters/excel/disputeHost";
import { createExcelHost } from "../../../src/adapters/excel/excelHost";
import { getPreset, keyWorkbookStays, reasonRule, recomputeFigures, reviewWorkbook, type SheetGrid } from "../../../src/core";
import { PaneProvider } from "../../../src/taskpane/context/PaneContext";
import { DisputeWorkspace, rememberReviewer } from "../../../src/taskpane/disputes/disputeWorkspace";
import ResultTabs from "../../../src/taskpane/ResultTabs";
import { formatFor } from "../../../src/taskpane/shared/format";
import { installFakeOffice, uninstallFakeOffice } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook } from "../../fakes/excel/state";
import { invoiceValues } from "../../adapters/excel/fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
// Each test renders the tabs and loads and saves disputes through the fake: seconds on a loaded machine.
jest.setTimeout(30_000);
const law = getPreset("lag-2017-612")!;
// Data rows 2–13: twelve stays, one per row, in eight municipalities.
const values = invoiceValues(12);
const grid: SheetGrid = { name: "Underlag", values } as SheetGrid;
const result = reviewWorkbook({ dateSystem: "1900", sheets: [grid] }, { profile: law, referenceDay: 19_800, sheets: ["Underlag"] });
const applied = { key: "k", preset: law, profile: law, benchmarks: {}, period: null };
const reviewed = {
  result,
  applied,
  grids: new Map([["Underlag", grid]]),
  mappingVersion: 0,
  input: { grids: [grid], dateSystem: "1900" as const, sheets: ["Underlag"], overrides: {} },
};
const actions = { markedRows: null, perform: jest.fn(), mark: jest.fn(), clear: jest.fn(), writeResult: jest.fn(), select: jest.fn() };
const kr = formatFor("en").kr;

let handle: ReturnType<typeof installFakeOffice>;
beforeEach(() => {
  localStorage.clear();
  handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", values.map((r) => [...r]))]));
});
afterEach(() => uninstallFakeOffice(g));

function show(what = reviewed) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider lang="en">
        <ResultTabs reviewed={what} figures={{ figures: what.result.figures, applied }} figuresState="current" findingsState="current" actions={actions} reviews={1} disputeHost={createExcelDisputeHost()} host={createExcelHost()} />
      </PaneProvider>
    </FluentProvider>,
  );
}

const knownReviewer = () => rememberReviewer(localStorage, "Anna", () => "w-anna");

async function openDisputes() {
  fireEvent.click(screen.getByTestId("tab-disputes"));
  await screen.findByTestId("dispute-figures");
}

const totalAfter = () => within(within(screen.getByTestId("figures-total")).getByTestId("figure-after")).getByTestId("amount").textContent;
const totalRecomputed = () => within(within(screen.getByTestId("figures-total")).getByTestId("figure-recomputed")).getByTestId("amount").textContent;

/** What the workbook holds, read by a session of its own. */
async function stored() {
  const ws = new DisputeWorkspace(createExcelDisputeHost(), { id: "w-check", name: "Check" }, () => "2024-01-01T00:00:00Z");
  await ws.open();
  return ws.active();
}

describe("the disputes tab", () => {
  test("the reviewer's name is asked once and remembered for the next session", async () => {
    const first = show();
    fireEvent.click(screen.getByTestId("tab-disputes"));
    fireEvent.change(screen.getByTestId("reviewer-name"), { target: { value: "  Anna  " } });
    fireEvent.click(screen.getByTestId("reviewer-save"));
    await screen.findByTestId("dispute-figures");
    expect(screen.getByTestId("reviewer").textContent).toContain("Reviewer: Anna");
    first.unmount();
    show();
    fireEvent.click(screen.getByTestId("tab-disputes"));
    await screen.findByTestId("dispute-figures");
    expect(screen.queryByTestId("reviewer-form")).toBeNull();
  });

  test("Dispute on a finding disputes its row with the finding's code; the figures after disputes are the core's without that row", async () => {
    knownReviewer();
    show();
    await openDisputes();
    expect(totalAfter()).toBe(totalRecomputed());
    fireEvent.click(screen.getByTestId("tab-findings"));
    // Row 7 (data row i = 5): no named care contact (i % 5 === 0), 5 days (discharge = ready + 5).
    const item = screen.getAllByTestId("finding-item").find((li) => within(li).getByTestId("finding").dataset.row === "7" && li.textContent!.includes("NO_CARE_CONTACT"))!;
    fireEvent.click(within(item).getByTestId("finding-dispute"));
    await waitFor(() => expect(within(item).getByTestId("finding-disputed")).toBeTruthy());
    await openDisputes();
    const items = screen.getAllByTestId("dispute-item");
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain(reasonRule("NO_CARE_CONTACT").label.en);
    expect(items[0].textContent).toContain("last seen: Underlag row 7");
    // A condition of the agreement unmet voids liability: row 7 is left out.
    const engine = recomputeFigures(result.basis, law, { excludeRows: new Set(["Underlag!7"]) });
    expect(totalAfter()).toBe(kr(engine.totals.amount));
    expect(engine.totals.amount).not.toBe(result.figures.totals.amount);
    expect(await stored()).toEqual([expect.objectContaining({ reason: "NO_CARE_CONTACT", row: 7, by: "Anna" })]);
  });

  test("in bulk the count is confirmed first; cancelling disputes nothing", async () => {
    knownReviewer();
    show();
    await openDisputes();
    fireEvent.change(screen.getByTestId("bulk-which"), { target: { value: "NOT_RESIDENT" } });
    fireEvent.click(screen.getByTestId("bulk-start"));
    // Not resident where the row's municipality is not the residence: i % 11 === 0, i.e. rows 2 and 13.
    expect(screen.getByTestId("bulk-confirm").textContent).toContain("Dispute 2 rows?");
    fireEvent.click(screen.getByTestId("bulk-confirm-no"));
    expect(screen.queryAllByTestId("dispute-item")).toHaveLength(0);
    fireEvent.click(screen.getByTestId("bulk-start"));
    fireEvent.click(screen.getByTestId("bulk-confirm-yes"));
    await waitFor(() => expect(screen.getAllByTestId("dispute-item")).toHaveLength(2));
    expect((await stored()).map((d) => d.row).sort((a, b) => a - b)).toEqual([2, 13]);
    const engine = recomputeFigures(result.basis, law, { excludeRows: new Set(["Underlag!2", "Underlag!13"]) });
    expect(totalAfter()).toBe(kr(engine.totals.amount));
    // All errors: every one of the twelve rows has an error finding; two are disputed already.
    fireEvent.change(screen.getByTestId("bulk-which"), { target: { value: "__errors" } });
    fireEvent.click(screen.getByTestId("bulk-start"));
    expect(screen.getByTestId("bulk-confirm").textContent).toContain("Dispute 10 rows?");
  });

  test("the overview shows the four figures under the agreement shown, and the result sheet gets them", async () => {
    knownReviewer();
    // The overview shows Halland's agreement (a benchmark model), not the reviewed law: the figures after disputes follow it.
    const halland = getPreset("halland-2022")!;
    const shownApplied = { ...applied, preset: halland, profile: halland };
    const shownFigures = recomputeFigures(result.basis, halland);
    render(
      <FluentProvider theme={webLightTheme}>
        <PaneProvider lang="en">
          <ResultTabs reviewed={reviewed} figures={{ figures: shownFigures, applied: shownApplied }} figuresState="current" findingsState="current" actions={actions} reviews={1} disputeHost={createExcelDisputeHost()} host={createExcelHost()} />
        </PaneProvider>
      </FluentProvider>,
    );
    await openDisputes();
    fireEvent.change(screen.getByTestId("bulk-which"), { target: { value: "NOT_RESIDENT" } });
    fireEvent.click(screen.getByTestId("bulk-start"));
    fireEvent.click(screen.getByTestId("bulk-confirm-yes"));
    await waitFor(() => expect(screen.getAllByTestId("dispute-item")).toHaveLength(2));
    fireEvent.click(screen.getByTestId("tab-overview"));
    const overview = await screen.findByTestId("dispute-figures");
    // The municipality table above lists them already: their four figures wait behind one disclosure.
    expect((within(overview).getByTestId("figures-by-municipality") as HTMLDetailsElement).open).toBe(false);
    // Rows 2 and 13 are not resident: a void ground, so they leave Halland's figures.
    const engine = recomputeFigures(result.basis, halland, { excludeRows: new Set(["Underlag!2", "Underlag!13"]) });
    // So the check below tells the agreement shown from the one reviewed.
    expect(engine.totals.amount).not.toBe(recomputeFigures(result.basis, law, { excludeRows: new Set(["Underlag!2", "Underlag!13"]) }).totals.amount);
    const after = within(within(overview).getByTestId("figures-total")).getByTestId("figure-after");
    expect(within(after).getByTestId("amount").textContent).toBe(kr(engine.totals.amount));
    const recomputed = within(within(overview).getByTestId("figures-total")).getByTestId("figure-recomputed");
    expect(within(recomputed).getByTestId("amount").textContent).toBe(kr(shownFigures.totals.amount));
    actions.writeResult.mockClear();
    fireEvent.click(screen.getByTestId("write"));
    expect(actions.writeResult).toHaveBeenCalledTimes(1);
    const side = actions.writeResult.mock.calls[0][2];
    expect(side.totals.amountAfterDisputes).toBe(engine.totals.amount);
    expect(side.totals.amount).toBe(shownFigures.totals.amount);
  });

  test("edit changes reason and comment in the workbook; withdraw takes the row back into the figures", async () => {
    knownReviewer();
    show();
    await openDisputes();
    fireEvent.change(screen.getByTestId("bulk-which"), { target: { value: "NOT_RESIDENT" } });
    fireEvent.click(screen.getByTestId("bulk-start"));
    fireEvent.click(screen.getByTestId("bulk-confirm-yes"));
    await waitFor(() => expect(screen.getAllByTestId("dispute-item")).toHaveLength(2));
    const first = screen.getAllByTestId("dispute-item")[0];
    fireEvent.click(within(first).getByTestId("dispute-edit"));
    fireEvent.change(within(first).getByTestId("edit-reason"), { target: { value: "OTHER" } });
    fireEvent.change(within(first).getByTestId("edit-comment"), { target: { value: "folkbokförd i Nybro" } });
    fireEvent.click(within(first).getByTestId("edit-save"));
    // The list's order follows the records' times, which may tie within a millisecond: find the item by its comment.
    await waitFor(() => expect(screen.getAllByTestId("dispute-comment").map((c) => c.textContent)).toEqual(["folkbokförd i Nybro"]));
    expect(await stored()).toContainEqual(expect.objectContaining({ row: 2, reason: "OTHER", comment: "folkbokförd i Nybro" }));
    fireEvent.click(within(screen.getAllByTestId("dispute-item")[0]).getByTestId("dispute-withdraw"));
    await waitFor(() => expect(screen.getAllByTestId("dispute-item")).toHaveLength(1));
    fireEvent.click(within(screen.getAllByTestId("dispute-item")[0]).getByTestId("dispute-withdraw"));
    await waitFor(() => expect(screen.queryAllByTestId("dispute-item")).toHaveLength(0));
    expect(await stored()).toEqual([]);
    expect(totalAfter()).toBe(totalRecomputed());
    expect(screen.getByTestId("tab-disputes").textContent).toContain("(0)");
  });

  test("the export holds identity numbers in full, says so, and remove all is confirmed", async () => {
    knownReviewer();
    show();
    await openDisputes();
    expect(screen.getByTestId("personal-data-notice").textContent).toMatch(/identity numbers in full/);
    fireEvent.click(screen.getByTestId("bulk-start"));
    fireEvent.click(screen.getByTestId("bulk-confirm-yes"));
    await waitFor(() => expect(screen.getAllByTestId("dispute-item")).toHaveLength(12));
    fireEvent.click(screen.getByTestId("export-text"));
    const tsv = (screen.getByTestId("export-tsv") as HTMLTextAreaElement).value;
    // The header and twelve rows (a text area shows the list's CRLF as LF).
    expect(tsv.split(/\r?\n/).filter(Boolean)).toHaveLength(13);
    expect(tsv).toContain(String(values[1][0]));
    fireEvent.click(screen.getByTestId("export-sheet"));
    await waitFor(() => expect(handle.state.sheets.map((s) => s.name)).toContain("Bestridanden"));
    fireEvent.click(screen.getByTestId("remove-all"));
    expect(screen.getByTestId("remove-confirm").textContent).toContain("Remove all 12 disputes");
    fireEvent.click(screen.getByTestId("remove-confirm-yes"));
    await waitFor(() => expect(screen.queryAllByTestId("dispute-item")).toHaveLength(0));
    expect(await stored()).toEqual([]);
  });

  test("a dispute whose stay is no longer in the sheet is shown as orphaned and not applied", async () => {
    const writer = knownReviewer();
    const ws = new DisputeWorkspace(createExcelDisputeHost(), writer, () => "2024-03-01T10:00:00Z");
    await ws.open();
    const index = keyWorkbookStays({ sheets: [grid], dateSystem: "1900" }, { sheets: ["Underlag"], referenceYear: 2024 });
    const onRow5 = result.findings.find((f) => f.row === 5 && f.code === "INVALID_PERSON_ID")!;
    expect(await ws.disputeFinding(onRow5, index, "fel personnummer")).toEqual({ ok: true });
    // The stay of row 5 (VT0000003) deleted from the sheet, then reviewed again.
    const fewer = { name: "Underlag", values: values.filter((_r, i) => i !== 4) } as SheetGrid;
    const again = reviewWorkbook({ dateSystem: "1900", sheets: [fewer] }, { profile: law, referenceDay: 19_800, sheets: ["Underlag"] });
    show({ ...reviewed, result: again, grids: new Map([["Underlag", fewer]]), input: { ...reviewed.input, grids: [fewer] } });
    await openDisputes();
    const item = screen.getByTestId("dispute-item");
    expect(item.dataset.standing).toBe("orphaned");
    expect(within(item).getByTestId("dispute-standing").textContent).toMatch(/no longer in the sheet/);
    expect(item.textContent).toContain("last seen: Underlag row 5");
    expect(totalAfter()).toBe(totalRecomputed());
  });
});
