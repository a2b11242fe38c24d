/** @jest-environment jsdom */
/**
 * The per-sheet care type in the pane: "automatic" is the reader's decision (here: somatic, by the
 * units' names); choosing psychiatric care reviews the rows in memory again (no read of the
 * sheet), marks the figures outdated until then, names the choice in the result's heading, and
 * the figures on screen equal the engine's with careTypeBySheet.
 */
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createExcelHost } from "../../../src/adapters/excel";
import { detectSheet, PRESETS, recomputeFigures, reviewWorkbook, type SheetGrid } from "../../../src/core";
import { App } from "../../../src/taskpane/App";
import type { PaneEngine } from "../../../src/taskpane/engine";
import { formatFor } from "../../../src/taskpane/shared/format";
import { todayEpochDay } from "../../../src/taskpane/paneModel";
import { installFakeOffice, uninstallFakeOffice, type FakeOfficeHandle } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook } from "../../fakes/excel/state";
import { careTypeSheetValues, LIABLE_DAYS } from "./careTypeSheets";

// A loaded build machine: the re-check and the sort's refresh can take seconds.
configure({ asyncUtilTimeout: 10_000 });

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
jest.setTimeout(60_000);

const engine: PaneEngine = {
  presets: PRESETS,
  detect: (sheet, override) => detectSheet(sheet, override),
  review: async (grids, options) => reviewWorkbook(grids, options),
  recompute: async (basis, profile) => recomputeFigures(basis, profile),
};
const law = PRESETS.find((p) => p.id === "lag-2017-612")!;
const f = formatFor("en");

/** The engine's own result for the sheet, with or without the user's care type. */
function engineResult(care?: "psychiatric") {
  const grid = { name: "Underlag", values: careTypeSheetValues(), originRow: 1, originColumn: 0 } as SheetGrid;
  return reviewWorkbook({ sheets: [grid], dateSystem: "1900" }, { profile: law, referenceDay: todayEpochDay(new Date()), sheets: ["Underlag"], careTypeBySheet: care ? { Underlag: care } : undefined });
}

/** What the group detail shows: care type and period, and liable days. */
function shownGroups(): { heading: string; liable: string }[] {
  return screen.getAllByTestId("group-detail").map((d) => {
    const dts = within(d).getAllByRole("term");
    const i = dts.findIndex((dt) => dt.textContent === "Liable days");
    return { heading: d.querySelector("strong")!.textContent!, liable: within(d).getAllByRole("definition")[i].textContent! };
  });
}

function expectedGroups(care?: "psychiatric") {
  return engineResult(care).figures.groups.map((gr) => ({
    heading: `${gr.careType === "somatic" ? "Somatic" : "Psychiatric"} · ${gr.period}`,
    liable: f.fixed(gr.liableDays, 2),
  }));
}

let handle: FakeOfficeHandle;
beforeEach(() => {
  handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", careTypeSheetValues())]));
});
afterEach(() => uninstallFakeOffice(g));

describe("the care type of a sheet, chosen in the pane", () => {
  test("psychiatric for the sheet: the figures follow from the rows in memory and equal the engine's", async () => {
    expect(engineResult().figures.totals.liableDays).toBe(LIABLE_DAYS.somatic);
    expect(engineResult("psychiatric").figures.totals.liableDays).toBe(LIABLE_DAYS.psychiatric);
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={createExcelHost()} engine={engine} lang="en" />
      </FluentProvider>,
    );
    const select = (await screen.findByTestId("care-type-select")) as HTMLSelectElement;
    expect(select.value).toBe("auto");
    expect(screen.getByLabelText("Care type of the sheet")).toBe(select);
    fireEvent.change(document.getElementById("agreement-select")!, { target: { value: law.id } });
    fireEvent.click(screen.getByTestId("review"));
    await screen.findByTestId("figures-table", undefined, { timeout: 20_000 });
    fireEvent.click(screen.getByTestId("municipality-toggle"));
    expect(shownGroups()).toEqual(expectedGroups());
    // The 40-day stay ends in April: 37 liable days there, 7 in March (LIABLE_DAYS.somatic = 44).
    expect(shownGroups()).toEqual([
      { heading: "Somatic · 2018-03", liable: "7.00" },
      { heading: "Somatic · 2018-04", liable: "37.00" },
    ]);
    expect(screen.getByTestId("result-for").textContent).not.toMatch(/your choice/);
    const syncs = handle.counters.syncs;

    fireEvent.change(screen.getByTestId("care-type-select"), { target: { value: "psychiatric" } });
    // Outdated until the rows in memory are reviewed again.
    expect(screen.getByTestId("severity-counts").dataset.fresh).toBe("false");
    await waitFor(() => expect(screen.getByTestId("result-for").textContent).toContain("Underlag: psychiatric care (your choice)"));
    await waitFor(() => expect(shownGroups()).toEqual(expectedGroups("psychiatric")), { timeout: 10_000 });
    // 30 grace days: only the 40-day stay owes, 10 days (LIABLE_DAYS.psychiatric).
    expect(shownGroups()).toEqual([
      { heading: "Psychiatric · 2018-03", liable: "0.00" },
      { heading: "Psychiatric · 2018-04", liable: "10.00" },
    ]);
    // Reviewed from memory: not one sync with the workbook.
    expect(handle.counters.syncs).toBe(syncs);

    // Back to automatic: the reader's decision again.
    fireEvent.change(screen.getByTestId("care-type-select"), { target: { value: "auto" } });
    await waitFor(() => expect(shownGroups()).toEqual(expectedGroups()), { timeout: 10_000 });
    expect(screen.getByTestId("result-for").textContent).not.toMatch(/your choice/);
  });
});
