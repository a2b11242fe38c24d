/** @jest-environment jsdom */
/**
 * The overview's "write report": the chosen report, or all, handed to the host as the core's
 * sheet specs for the agreement shown and the disputes found; identity numbers masked unless the
 * user reveals them; an error from the host shown, the pane not left busy.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { copyProfile, getPreset, keyWorkbookStays, REPORT_IDS, reportInputOf, reportSpecs, reviewWorkbook, type SheetGrid, type SheetSpec } from "../../../src/core";
import { PaneProvider, usePane } from "../../../src/taskpane/context/PaneContext";
import { WriteReports } from "../../../src/taskpane/overview/WriteReports";
import { invoiceValues } from "../../adapters/excel/fixtures";

const law = getPreset("lag-2017-612")!;
const values = invoiceValues(12);
const grid = { name: "Underlag", values } as SheetGrid;
const result = reviewWorkbook({ dateSystem: "1900", sheets: [grid] }, { profile: law, referenceDay: 19_800, sheets: ["Underlag"] });
const reviewed = {
  result,
  applied: { key: "k", preset: law, profile: law, benchmarks: {}, period: null },
  grids: new Map([["Underlag", grid]]),
  mappingVersion: 0,
  input: { grids: [grid], dateSystem: "1900" as const, sheets: ["Underlag"], overrides: {} },
};
const keys = keyWorkbookStays({ sheets: [grid], dateSystem: "1900" }, { sheets: ["Underlag"], referenceYear: new Date().getFullYear() });

function Status() {
  const { notice, error } = usePane();
  return (
    <>
      <p data-testid="status">{notice}</p>
      <p data-testid="error">{error ? JSON.stringify(error) : ""}</p>
    </>
  );
}

function show(writeSpecSheet: (spec: SheetSpec) => Promise<void>, profile = law) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider lang="en">
        <WriteReports reviewed={reviewed} profile={profile} found={undefined} writer={{ writeSpecSheet }} disabled={false} />
        <Status />
      </PaneProvider>
    </FluentProvider>,
  );
}

describe("write report (overview)", () => {
  it("writes every report by default: the core's sheets, one call each, and says which sheets", async () => {
    const written: SheetSpec[] = [];
    show(async (spec) => void written.push(spec));
    fireEvent.click(screen.getByTestId("write-report"));
    await waitFor(() => expect(written).toHaveLength(REPORT_IDS.length));
    expect(written).toEqual(reportSpecs("all", reportInputOf(result, keys), { lang: "en", reveal: false }));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe(`Wrote the sheets ${written.map((s) => `"${s.name}"`).join(", ")}.`));
    expect((screen.getByTestId("write-report") as HTMLButtonElement).disabled).toBe(false);
  });

  it("writes the one report chosen, under the agreement shown, with identity numbers masked", async () => {
    const written: SheetSpec[] = [];
    const changed = copyProfile(law, { somatic: { graceDays: 1 } });
    if (!changed.ok) throw new Error(changed.problems.join());
    show(async (spec) => void written.push(spec), changed.profile);
    fireEvent.change(screen.getByTestId("report-which"), { target: { value: "delayedStays" } });
    fireEvent.click(screen.getByTestId("write-report"));
    await waitFor(() => expect(written).toHaveLength(1));
    expect(written[0]).toEqual(reportSpecs(["delayedStays"], reportInputOf({ ...result, profile: changed.profile }, keys), { lang: "en", reveal: false })[0]);
    const ids = written[0].tables[1].rows.map((r) => r[4]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\d{8}-\*{4}$/);
  });

  it("shows identity numbers when the user reveals them", async () => {
    const written: SheetSpec[] = [];
    show(async (spec) => void written.push(spec));
    fireEvent.change(screen.getByTestId("report-which"), { target: { value: "delayedStays" } });
    fireEvent.click(screen.getByTestId("report-reveal"));
    fireEvent.click(screen.getByTestId("write-report"));
    await waitFor(() => expect(written).toHaveLength(1));
    for (const r of written[0].tables[1].rows) expect(r[4]).toMatch(/^\d{8}-\d{4}$/);
  });

  it("an error from the host is shown and the pane is not left busy", async () => {
    show(async () => {
      throw new Error("boom");
    });
    fireEvent.click(screen.getByTestId("write-report"));
    await waitFor(() => expect(screen.getByTestId("error").textContent).not.toBe(""));
    expect((screen.getByTestId("write-report") as HTMLButtonElement).disabled).toBe(false);
  });
});
