/** @jest-environment jsdom */
/**
 * The scenarios tab on a real review of a small basis: a scenario made, its benchmark changed,
 * the difference follows without reading the sheet again; stored and found again; a stored
 * value that cannot be read is a message and is kept.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { getPreset, reviewWorkbook, scenariosToJson, type WorkbookHost } from "../../../src/core";
import { PaneProvider } from "../../../src/taskpane/context/PaneContext";
import { SAVE_DELAY_MS } from "../../../src/taskpane/scenarios/useScenarios";
import { ScenariosTab } from "../../../src/taskpane/scenarios/ScenariosTab";
import { formatFor } from "../../../src/taskpane/shared/format";

jest.setTimeout(20_000);
const halland = getPreset("halland-2022")!;
const sv = formatFor("sv");

// Two somatic stays in Hylte, October 2023 (2023-10-02 is serial 45201): ready 2 Oct, out 12 Oct
// and 6 Oct. Their average is well above 2.8, so each benchmark step of 0.5 moves the liable
// days by 0.5 × 2 stays = 1.00 day, at the 2023 price of 10 500 kr: 10 500 kr.
const values = [
  ["Personnummer", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Verksamhetsområde"],
  ["19121212-1212", 45201, 45211, "Hylte", "Somatik"],
  ["19400101-0003", 45201, 45205, "Hylte", "Somatik"],
];
const result = reviewWorkbook({ dateSystem: "1900", sheets: [{ name: "Underlag", values }] }, { profile: halland, sheets: ["Underlag"], referenceDay: 19_800 });

function fakeHost(stored: string | null = null) {
  const counts = { reads: 0, saves: 0 };
  const memory = { text: stored };
  const never = async () => {
    throw new Error("not used here");
  };
  const host: WorkbookHost = {
    dateSystem: never,
    previewSheets: never,
    readSheet: async () => (counts.reads++, never()),
    markFindings: never,
    clearMarks: never,
    writeResultSheet: never,
    writeSpecSheet: never,
    selectRow: never,
    loadMappingOverrides: never,
    saveMappingOverrides: never,
    loadScenarios: async () => memory.text,
    saveScenarios: async (text) => void ((counts.saves++, (memory.text = text))),
  };
  return { host, counts, memory };
}

function show(host: WorkbookHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider lang="sv">
        <ScenariosTab host={host} basis={result.basis} baseline={halland} />
      </PaneProvider>
    </FluentProvider>,
  );
}

const diffOf = (k: number) => screen.getByTestId(`scenario-block-Hylte-${k}-diff`).textContent;

afterEach(() => jest.useRealTimers());

test("a scenario copied from the baseline, its benchmark changed: the difference follows at once, no re-read, stored", async () => {
  jest.useFakeTimers();
  const { host, counts, memory } = fakeHost();
  show(host);
  await act(async () => undefined);
  fireEvent.change(screen.getByTestId("scenario-new-name"), { target: { value: "Högre riktvärde" } });
  fireEvent.click(screen.getByTestId("scenario-add"));
  expect(diffOf(1)).toBe(sv.signed(0));

  fireEvent.change(screen.getByTestId("scenario-benchmark"), { target: { value: "2,8" } });
  // 0.5 higher benchmark: 1.00 liable day less × 10 500 kr.
  expect(diffOf(1)).toBe(sv.signed(-10_500));
  fireEvent.change(screen.getByTestId("scenario-benchmark"), { target: { value: "3,3" } });
  expect(diffOf(1)).toBe(sv.signed(-21_000));

  // A bad value is a message at the field; the figures stay as they were.
  fireEvent.change(screen.getByTestId("scenario-benchmark"), { target: { value: "tre" } });
  expect(screen.getByText(/"tre" är inget tal/)).toBeTruthy();
  expect(diffOf(1)).toBe(sv.signed(-21_000));
  fireEvent.change(screen.getByTestId("scenario-grace"), { target: { value: "1,5" } });
  expect(screen.getByText(/"1,5" är inget heltal/)).toBeTruthy();

  await act(async () => void jest.advanceTimersByTime(SAVE_DELAY_MS + 10));
  expect(counts.reads).toBe(0);
  expect(counts.saves).toBe(1);
  expect(JSON.parse(memory.text!).scenarios[0].profile.somatic.benchmark).toBe(3.3);
});

test("stored scenarios come back in a new session; one can be renamed and deleted", async () => {
  const { host, memory } = fakeHost();
  const first = show(host);
  await act(async () => undefined);
  fireEvent.change(screen.getByTestId("scenario-new-name"), { target: { value: "Lägre" } });
  fireEvent.click(screen.getByTestId("scenario-add"));
  fireEvent.change(screen.getByTestId("scenario-benchmark"), { target: { value: "1,8" } });
  await waitFor(() => expect(memory.text).toContain("Lägre"));
  first.unmount();

  show(host);
  // 0.5 lower benchmark: 1.00 liable day more × 10 500 kr.
  await waitFor(() => expect(diffOf(1)).toBe(sv.signed(10_500)));
  fireEvent.change(screen.getByTestId("scenario-choose"), { target: { value: "scenario-1" } });
  fireEvent.change(screen.getByTestId("scenario-rename"), { target: { value: "" } });
  expect(screen.getByText("Ge scenariot ett namn.")).toBeTruthy();
  fireEvent.click(screen.getByTestId("scenario-delete"));
  expect(screen.queryByTestId("scenario-block-Hylte-1")).toBeNull();
  await waitFor(() => expect(JSON.parse(memory.text!).scenarios).toEqual([]));
});

test("a stored value that cannot be read is a message and is kept until the user replaces it", async () => {
  const newer = JSON.stringify({ format: "utskrivningsklar-scenarios", schemaVersion: 99, scenarios: [] });
  const { host, counts, memory } = fakeHost(newer);
  show(host);
  const alert = await screen.findByTestId("scenario-storage-problem");
  expect(within(alert).getByText(/99 is newer/)).toBeTruthy();
  fireEvent.change(screen.getByTestId("scenario-new-name"), { target: { value: "Ny" } });
  fireEvent.click(screen.getByTestId("scenario-add"));
  await new Promise((r) => setTimeout(r, SAVE_DELAY_MS + 50));
  expect(counts.saves).toBe(0);
  expect(memory.text).toBe(newer);
  fireEvent.click(screen.getByTestId("scenario-replace-stored"));
  await waitFor(() => expect(counts.saves).toBe(1));
  expect(JSON.parse(memory.text!).scenarios).toHaveLength(1);
});

test("a scenario copied out as JSON is pasted in again as a new scenario; bad JSON is a message", async () => {
  const { host } = fakeHost(scenariosToJson([]));
  show(host);
  await act(async () => undefined);
  fireEvent.change(screen.getByTestId("scenario-new-name"), { target: { value: "Delas" } });
  fireEvent.click(screen.getByTestId("scenario-add"));

  fireEvent.change(screen.getByTestId("scenario-benchmark"), { target: { value: "2,8" } });
  fireEvent.click(screen.getByTestId("scenario-copy"));
  const text = (screen.getByTestId("scenario-json-out") as HTMLTextAreaElement).value;
  fireEvent.change(screen.getByTestId("scenario-json-in"), { target: { value: "{inte json" } });
  fireEvent.click(screen.getByTestId("scenario-paste"));
  expect(screen.getByText(/not valid JSON/)).toBeTruthy();
  fireEvent.change(screen.getByTestId("scenario-json-in"), { target: { value: text } });
  fireEvent.click(screen.getByTestId("scenario-paste"));
  // The pasted copy has the same benchmark 2.8: the same −10 500 kr, under a new id.
  expect(diffOf(2)).toBe(sv.signed(-10_500));
});

test("a change still waiting for its save is stored when the tab is left", async () => {
  const { host, memory } = fakeHost();
  const view = show(host);
  await act(async () => undefined);
  fireEvent.change(screen.getByTestId("scenario-new-name"), { target: { value: "Snabb" } });
  fireEvent.click(screen.getByTestId("scenario-add"));
  view.unmount();
  await waitFor(() => expect(memory.text).toContain("Snabb"));
});
