/** @jest-environment jsdom */
/**
 * The findings filtered by disputed or not, next to the code filters: all / disputed / not
 * disputed with their counts, chosen by keyboard like any select, and back to page 1 on change.
 */
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createExcelDisputeHost } from "../../../src/adapters/excel/disputeHost";
import { createExcelHost } from "../../../src/adapters/excel/excelHost";
import { getPreset, reviewWorkbook, type SheetGrid } from "../../../src/core";
import { PaneProvider } from "../../../src/taskpane/context/PaneContext";
import { rememberReviewer } from "../../../src/taskpane/disputes/disputeWorkspace";
import ResultTabs from "../../../src/taskpane/ResultTabs";
import { installFakeOffice, uninstallFakeOffice } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook } from "../../fakes/excel/state";
import { invoiceValues } from "../../adapters/excel/fixtures";

// A loaded build machine: the re-check and the sort's refresh can take seconds.
configure({ asyncUtilTimeout: 10_000 });

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
const law = getPreset("lag-2017-612")!;
// Data rows 2–31: thirty stays; not resident where i % 11 === 0 (rows 2, 13 and 24).
const values = invoiceValues(30);
const grid: SheetGrid = { name: "Underlag", values } as SheetGrid;
const result = reviewWorkbook({ dateSystem: "1900", sheets: [grid] }, { profile: law, referenceDay: 19_800, sheets: ["Underlag"] });
const applied = { key: "k", preset: law, profile: law, benchmarks: {}, period: null };
const reviewed = { result, applied, grids: new Map([["Underlag", grid]]), mappingVersion: 0, input: { grids: [grid], dateSystem: "1900" as const, sheets: ["Underlag"], overrides: {} } };
const actions = { markedRows: null, perform: jest.fn(), mark: jest.fn(), clear: jest.fn(), writeResult: jest.fn(), select: jest.fn() };

beforeEach(() => {
  localStorage.clear();
  installFakeOffice(g, makeWorkbook([makeSheet("Underlag", values.map((r) => [...r]))]));
  rememberReviewer(localStorage, "Anna", () => "w-anna");
});
afterEach(() => uninstallFakeOffice(g));

function show() {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider lang="en">
        <ResultTabs reviewed={reviewed} figures={{ figures: result.figures, applied }} figuresState="current" findingsState="current" actions={actions} reviews={1} disputeHost={createExcelDisputeHost()} host={createExcelHost()} />
      </PaneProvider>
    </FluentProvider>,
  );
}

const optionTexts = () => Array.from((screen.getByTestId("filter-disputed") as HTMLSelectElement).options).map((o) => o.textContent);
const shownRows = () => screen.getAllByTestId("finding").map((b) => Number(b.dataset.row));

describe("findings filtered by disputed or not", () => {
  test("counts per choice, the list follows the choice, paging starts again at page 1", async () => {
    show();
    fireEvent.click(screen.getByTestId("tab-disputes"));
    await screen.findByTestId("dispute-figures");
    fireEvent.change(screen.getByTestId("bulk-which"), { target: { value: "NOT_RESIDENT" } });
    fireEvent.click(screen.getByTestId("bulk-start"));
    expect(screen.getByTestId("bulk-confirm").textContent).toContain("Dispute 3 rows?");
    fireEvent.click(screen.getByTestId("bulk-confirm-yes"));
    await waitFor(() => expect(screen.getAllByTestId("dispute-item")).toHaveLength(3));

    fireEvent.click(screen.getByTestId("tab-findings"));
    // Every finding on rows 2, 13 and 24 belongs to a disputed stay; the others do not.
    const onDisputed = result.findings.filter((f) => f.row === 2 || f.row === 13 || f.row === 24).length;
    const all = result.findings.length;
    expect(onDisputed).toBeGreaterThan(3); // each of the three rows has more than its NOT_RESIDENT finding
    expect(all).toBeGreaterThan(50); // two pages: the reset to page 1 can be seen
    expect(optionTexts()).toEqual([`All (${all})`, `Disputed (${onDisputed})`, `Not disputed (${all - onDisputed})`]);

    fireEvent.click(within(screen.getByTestId("pager")).getByText("Next"));
    expect(screen.getByTestId("page-label").textContent).toMatch(/2/);
    fireEvent.change(screen.getByTestId("filter-disputed"), { target: { value: "open" } });
    expect(screen.getByTestId("page-label").textContent).toMatch(/^\D*1\D/);
    expect(shownRows().some((r) => r === 2 || r === 13 || r === 24)).toBe(false);
    expect(screen.getByTestId("finding-count").textContent).toContain(`of ${all - onDisputed} findings`);

    fireEvent.change(screen.getByTestId("filter-disputed"), { target: { value: "disputed" } });
    expect(new Set(shownRows())).toEqual(new Set([2, 13, 24]));
    expect(screen.getAllByTestId("finding-disputed")).toHaveLength(onDisputed);
    // With a code filter the counts are of that code's findings.
    fireEvent.click(screen.getAllByTestId("code-filter").find((b) => b.dataset.code === "NOT_RESIDENT")!);
    expect(optionTexts()).toEqual(["All (3)", "Disputed (3)", "Not disputed (0)"]);
    // A labelled control in the tab order (a native select: arrows change it).
    const select = screen.getByLabelText("Disputed");
    expect(select.tagName).toBe("SELECT");
    expect(select).toBe(screen.getByTestId("filter-disputed"));
  });

  test("without a dispute host there is no such filter", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <PaneProvider lang="en">
          <ResultTabs reviewed={reviewed} figures={{ figures: result.figures, applied }} figuresState="current" findingsState="current" actions={actions} reviews={1} host={createExcelHost()} />
        </PaneProvider>
      </FluentProvider>,
    );
    fireEvent.click(screen.getByTestId("tab-findings"));
    expect(screen.queryByTestId("filter-disputed")).toBeNull();
  });
});
