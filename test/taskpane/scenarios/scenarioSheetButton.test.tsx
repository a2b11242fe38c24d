/** @jest-environment jsdom */
/** The scenarios tab's "write the scenario sheet": the core's spec goes to the host; the outcome is shown. */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelHostError } from "../../../src/adapters/excel";
import { SCENARIO_SHEET_TITLES, SCENARIO_TABLES, getPreset, reviewWorkbook, type SheetSpec, type WorkbookHost } from "../../../src/core";
import { PaneProvider } from "../../../src/taskpane/context/PaneContext";
import { ScenariosTab } from "../../../src/taskpane/scenarios/ScenariosTab";

jest.setTimeout(20_000);
const halland = getPreset("halland-2022")!;
// Two somatic stays in Hylte, October 2023 (serial 45201 = 2023-10-02): 10 and 4 days, average 7.00.
const values = [
  ["Personnummer", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Verksamhetsområde"],
  ["19121212-1212", 45201, 45211, "Hylte", "Somatik"],
  ["19400101-0003", 45201, 45205, "Hylte", "Somatik"],
];
const result = reviewWorkbook({ dateSystem: "1900", sheets: [{ name: "Underlag", values }] }, { profile: halland, sheets: ["Underlag"], referenceDay: 19_800 });

function hostWriting(write: (spec: SheetSpec) => Promise<void>): WorkbookHost {
  const never = async () => {
    throw new Error("not used here");
  };
  return {
    dateSystem: never, previewSheets: never, readSheet: never, markFindings: never, clearMarks: never, writeResultSheet: never, selectRow: never,
    loadMappingOverrides: never, saveMappingOverrides: never, loadScenarios: async () => null, saveScenarios: async () => undefined,
    writeSpecSheet: write,
  };
}

function show(host: WorkbookHost, lang: "sv" | "en" = "sv") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider lang={lang}>
        <ScenariosTab host={host} basis={result.basis} baseline={halland} />
      </PaneProvider>
    </FluentProvider>,
  );
}

test("writes the core's scenario sheet for the baseline and says so", async () => {
  const written: SheetSpec[] = [];
  show(hostWriting(async (spec) => void written.push(spec)));
  await act(async () => undefined);
  fireEvent.click(screen.getByTestId("scenario-sheet-write"));
  await waitFor(() => expect(screen.getByTestId("scenario-sheet-message").textContent).toMatch(/Bladet "Scenarier" är skrivet/));
  expect(written).toHaveLength(1);
  expect(written[0].title).toBe(SCENARIO_SHEET_TITLES.sv);
  // (7.00 − 2.3) × 2 stays = 9.40 days × 10 500 kr (2023) = 98 700 kr.
  expect(written[0].tables.find((t) => t.name === SCENARIO_TABLES.comparison)!.rows).toEqual([["Hylte", 98700, 9.4]]);
  expect(screen.getByTestId("scenario-sheet-message").getAttribute("role")).toBe("status");
});

test("a failure is a message beside the button, in the pane's language", async () => {
  show(
    hostWriting(async () => {
      throw new ExcelHostError("RESULT_SHEET_NOT_OURS", { sv: "Det finns redan ett blad.", en: "There is already a sheet." });
    }),
    "en",
  );
  await act(async () => undefined);
  fireEvent.click(screen.getByTestId("scenario-sheet-write"));
  await waitFor(() => expect(screen.getByTestId("scenario-sheet-message").textContent).toBe("There is already a sheet."));
  expect(screen.getByTestId("scenario-sheet-message").getAttribute("role")).toBe("alert");
  expect((screen.getByTestId("scenario-sheet-write") as HTMLButtonElement).disabled).toBe(false);
});
