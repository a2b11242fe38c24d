/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { getPreset } from "../../src/core/agreements/presets";
import { parseAgreementProfile, type AgreementProfile } from "../../src/core/agreements/profileSchema";
import type { WorkbookGrids } from "../../src/core/cells/cellValue";
import type { ColumnMapping } from "../../src/core/model";
import type { WorkbookHost } from "../../src/core/ports/workbookHost";
import type { FiguresResult, ReviewResult } from "../../src/core/review/result";
import { emptyCareTypeCounts } from "../../src/core/sheet/careTypeHints";
import { App } from "../../src/taskpane/App";
import type { PaneEngine, SheetDetection } from "../../src/taskpane/engine";

jest.setTimeout(20_000);
beforeAll(async () => {
  await import("../../src/taskpane/ResultTabs");
});

const halland = getPreset("halland-2022")!;
/** The same agreement with a psychiatric benchmark of its own: one benchmark field per care type. */
const parsed = parseAgreementProfile({ ...halland, id: "halland-split", name: { sv: "Delat", en: "Split" }, psychiatric: { ...halland.psychiatric, benchmark: 4 } });
if (!parsed.ok) throw new Error(parsed.problems.join("; "));
const split = parsed.profile;

const mapping: ColumnMapping[] = ["personId", "readyDate", "dischargeDate", "municipality", "careType"].map((field, column) => ({
  field: field as ColumnMapping["field"],
  column,
  letter: "ABCDE"[column],
  header: field,
  confidence: 1,
  how: "exact",
}));
const detection: SheetDetection = { headerRow: 1, mapping, unmappedHeaders: [{ column: 5, letter: "F", header: "Avdelning" }], missingFields: [], confidence: 1 };

/** Figures whose amount is the somatic benchmark × 1 000 kr and the psychiatric × 100 kr (hand-made, easy to tell apart). */
function figuresFor(p: AgreementProfile): FiguresResult {
  const amount = (p.somatic.benchmark ?? 0) * 1000 + (p.psychiatric.benchmark ?? 0) * 100;
  const group = { municipality: "Hylte", careType: "somatic" as const, period: "2023-10", stays: 1, zeroDayStays: 0, days: 3, average: 3, benchmark: p.somatic.benchmark, longStays: 0, liableDays: 1, amount, invoicedDays: null, invoicedBilledDays: null, invoicedAmount: 5000, difference: 5000 - amount, rows: [], rowsWithErrors: 0 };
  return { groups: [group], findings: [], totals: { stays: 1, days: 3, liableDays: 1, amount, invoicedAmount: 5000, difference: 5000 - amount, leftOut: { rows: 0, invoicedDays: null, invoicedBilledDays: null, invoicedAmount: null } } };
}

const basis = { opaque: true } as unknown as ReviewResult["basis"];
function resultFor(p: AgreementProfile): ReviewResult {
  return {
    profile: p,
    assumptions: [],
    sheets: [{ name: "Underlag", headerRow: 1, rows: 1, mapping, unmappedHeaders: [], missingFields: [], skipped: [], careType: { sheet: null, column: true, counts: { ...emptyCareTypeCounts(), column: { somatic: 1, psychiatric: 0 } } } }],
    figures: figuresFor(p),
    findings: [{ code: "LONG_STAY", severity: "info", sheet: "Underlag", row: 2, columns: ["B"], fields: ["readyDate"], message: { sv: `Lång (${p.somatic.benchmark})`, en: "Long" } }],
    counts: { byCode: { LONG_STAY: 1 }, bySeverity: { error: 0, warning: 0, info: 1 } },
    checks: [],
    basis,
  };
}

function setup(presets: AgreementProfile[] = [halland], recompute?: PaneEngine["recompute"]) {
  const reads: string[] = [];
  const host: WorkbookHost = {
    dateSystem: async () => "1900",
    previewSheets: async () => [{ name: "Underlag", head: { name: "Underlag", values: [["x"]] }, rowCount: 2, columnCount: 6, originRow: 1, originColumn: 0, isProtected: false }],
    readSheet: async (name) => (reads.push(name), { name, values: [["a"], ["b"]] }),
    markFindings: async () => undefined,
    clearMarks: async () => undefined,
    writeResultSheet: async () => undefined,
    writeSpecSheet: async () => undefined,
    selectRow: async () => undefined,
    loadMappingOverrides: async () => ({}),
    saveMappingOverrides: async () => undefined,
    loadScenarios: async () => null,
    saveScenarios: async () => undefined,
  };
  const review = jest.fn(async (_g: WorkbookGrids, o: { profile: AgreementProfile }) => resultFor(o.profile));
  const engine: PaneEngine = {
    presets,
    detect: () => detection,
    review,
    recompute: jest.fn(recompute ?? (async (_b, p) => figuresFor(p))),
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} engine={engine} lang="sv" now={() => new Date(2024, 0, 15)} />
    </FluentProvider>,
  );
  return { reads, review, engine };
}

const amount = () => screen.getByTestId("total-amount").textContent!.replace(/\s/g, " ");
const heading = () => screen.getByTestId("result-for").textContent!.replace(/\s/g, " ");
const fresh = () => screen.getByTestId("figures").getAttribute("data-fresh");

async function reviewed() {
  fireEvent.click(await screen.findByTestId("review"));
  await screen.findByTestId("figures-table", {}, { timeout: 8000 });
  // Halland's 2.3 × 1 000 + 2.3 × 100 = 2 530 kr.
  expect(amount()).toBe("2 530 kr");
}

describe("after a review the figures follow the agreement choice, from memory", () => {
  it("a benchmark change recomputes from the result's basis, reads nothing again, and names the override", async () => {
    const { reads, engine, review } = setup();
    await reviewed();
    fireEvent.change(screen.getByLabelText("Riktmärke (genomsnittligt antal dagar)"), { target: { value: "3" } });
    // 3 × 1 000 + 3 × 100 = 3 300 kr.
    await waitFor(() => expect(amount()).toBe("3 300 kr"));
    expect(engine.recompute).toHaveBeenCalledWith(basis, expect.objectContaining({ id: "halland-2022", somatic: expect.objectContaining({ benchmark: 3 }) }));
    expect(heading()).toContain("riktmärke 3");
    // The findings follow too: the rows already in memory are checked again, not read again.
    await waitFor(() => expect(review).toHaveBeenCalledTimes(2), { timeout: 3000 });
    expect(review.mock.calls[1][0].sheets).toBe(review.mock.calls[0][0].sheets);
    expect(review.mock.calls[1][1].profile.somatic.benchmark).toBe(3);
    await waitFor(() => expect(screen.queryByTestId("findings-stale")).toBeNull());
    expect(reads).toEqual(["Underlag"]);
  });

  it("shows the figures as outdated until the answer for the current input arrives; an older answer is dropped", async () => {
    const pending: { value: number; resolve(f: FiguresResult): void; profile: AgreementProfile }[] = [];
    setup([halland], (_b, profile) => new Promise((resolve) => pending.push({ value: profile.somatic.benchmark!, resolve, profile })));
    await reviewed();
    const input = screen.getByLabelText("Riktmärke (genomsnittligt antal dagar)");
    fireEvent.change(input, { target: { value: "3" } });
    await waitFor(() => expect(pending).toHaveLength(1));
    // Old figures beside the new input are marked, never shown as current.
    expect(fresh()).toBe("false");
    expect(screen.getByTestId("figures-stale").getAttribute("data-state")).toBe("updating");
    expect(heading()).not.toContain("riktmärke 3");
    fireEvent.change(input, { target: { value: "4" } });
    await waitFor(() => expect(pending).toHaveLength(2));
    pending[1].resolve(figuresFor(pending[1].profile));
    // 4 × 1 000 + 4 × 100 = 4 400 kr.
    await waitFor(() => expect(amount()).toBe("4 400 kr"));
    pending[0].resolve(figuresFor(pending[0].profile));
    await new Promise((r) => setTimeout(r, 50));
    expect(amount()).toBe("4 400 kr");
    expect(heading()).toContain("riktmärke 4");
  });

  it("a benchmark per care type where the rules differ; the heading names each override", async () => {
    const { engine } = setup([split]);
    await reviewed2();
    expect(screen.getByLabelText("Riktmärke för somatik (genomsnittligt antal dagar)")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Riktmärke för psykiatri (genomsnittligt antal dagar)"), { target: { value: "5" } });
    // 2.3 × 1 000 + 5 × 100 = 2 800 kr.
    await waitFor(() => expect(amount()).toBe("2 800 kr"));
    const profile = (engine.recompute as jest.Mock).mock.calls[0][1] as AgreementProfile;
    expect([profile.somatic.benchmark, profile.psychiatric.benchmark]).toEqual([2.3, 5]);
    expect(heading()).toContain("riktmärke 5 (psykiatri)");
    expect(heading()).not.toContain("(somatik)");
  });

  it("a period change checks the rows in memory again (no recompute); the figures are outdated meanwhile", async () => {
    const { engine, review, reads } = setup();
    await reviewed();
    fireEvent.change(screen.getByLabelText("Faktureringsperiod (månad)"), { target: { value: "2023-10" } });
    expect(fresh()).toBe("false");
    await waitFor(() => expect(heading()).toContain("period 2023-10"), { timeout: 3000 });
    expect(fresh()).toBe("true");
    expect(engine.recompute).not.toHaveBeenCalled();
    // October 2023: epoch days 19631..19661.
    expect(review.mock.calls[1][1]).toMatchObject({ invoicePeriod: { fromDay: 19631, toDay: 19661 } });
    expect(reads).toEqual(["Underlag"]);
  });

  it("an invalid benchmark leaves the figures marked as for the previous choice, and they cannot be written", async () => {
    setup();
    await reviewed();
    fireEvent.change(screen.getByLabelText("Riktmärke (genomsnittligt antal dagar)"), { target: { value: "tre" } });
    expect(screen.getByTestId("figures-stale").getAttribute("data-state")).toBe("invalid");
    expect(fresh()).toBe("false");
    expect((screen.getByTestId("write") as HTMLButtonElement).disabled).toBe(true);
  });

  it("a mapping change marks the figures outdated until the sheet is reviewed again", async () => {
    const { reads } = setup();
    await reviewed();
    // The mapping's dropdowns are drawn when its section is opened.
    expect(screen.queryByLabelText("Avdelning")).toBeNull();
    const editor = screen.getByTestId("sheet-card").querySelector("details")!;
    act(() => {
      editor.open = true;
      editor.dispatchEvent(new Event("toggle"));
    });
    fireEvent.change(screen.getByLabelText("Avdelning"), { target: { value: "5" } });
    await waitFor(() => expect(screen.getByTestId("figures-stale").getAttribute("data-state")).toBe("mapping"));
    fireEvent.click(screen.getByTestId("review"));
    await waitFor(() => expect(reads).toEqual(["Underlag", "Underlag"]));
    await waitFor(() => expect(screen.queryByTestId("figures-stale")).toBeNull());
  });

  it("a failed recompute ends in an error bar, and the figures stay marked", async () => {
    setup([halland], async () => {
      throw Object.assign(new Error("boom"), { bilingual: { sv: "Kunde inte räkna om", en: "Could not recompute" } });
    });
    await reviewed();
    fireEvent.change(screen.getByLabelText("Riktmärke (genomsnittligt antal dagar)"), { target: { value: "3" } });
    expect((await screen.findByTestId("pane-error")).textContent).toContain("Kunde inte räkna om");
  });
});

async function reviewed2() {
  fireEvent.click(await screen.findByTestId("review"));
  await screen.findByTestId("figures-table", {}, { timeout: 8000 });
  // 2.3 × 1 000 + 4 × 100 = 2 700 kr.
  expect(amount()).toBe("2 700 kr");
}
