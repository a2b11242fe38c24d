/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { figureLabel } from "../../src/core/figures/figureLabels";
import { emptyCareTypeCounts } from "../../src/core/sheet/careTypeHints";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { AgreementProfile } from "../../src/core/agreements/profileSchema";
import { PRESETS } from "../../src/core/agreements/presets";
import type { SheetGrid } from "../../src/core/cells/cellValue";
import type { ColumnMapping, Finding, MappingOverride } from "../../src/core/model";
import type { ReadProgress, SheetPreview, WorkbookHost } from "../../src/core/ports/workbookHost";
import type { ReviewResult } from "../../src/core/review/result";
import { App } from "../../src/taskpane/App";
import type { PaneEngine, SheetDetection } from "../../src/taskpane/engine";

const m = (field: ColumnMapping["field"], column: number, letter: string, header: string, confidence = 1): ColumnMapping => ({
  field,
  column,
  letter,
  header,
  confidence,
  how: "exact",
});

const preview = (name: string, values: string[][]): SheetPreview => ({
  name,
  head: { name, values },
  rowCount: 4,
  columnCount: 3,
  originRow: 1,
  originColumn: 0,
  isProtected: false,
});

/** Detection as the reader would give it: Underlag is an invoice basis, Anteckningar is not. */
function detect(sheet: SheetGrid, override: MappingOverride | undefined): SheetDetection {
  if (sheet.name !== "Underlag") return { headerRow: null, mapping: [], unmappedHeaders: [], missingFields: [], confidence: 0 };
  const mapping = [m("personId", 0, "A", "Personnummer"), m("readyDate", 1, "B", "Utskrivningsklar")];
  if (override?.dischargeDate !== undefined && override.dischargeDate !== null)
    mapping.push({ ...m("dischargeDate", override.dischargeDate, "C", "Utskr"), how: "override" });
  return {
    headerRow: 1,
    mapping,
    unmappedHeaders: override?.dischargeDate != null ? [] : [{ column: 2, letter: "C", header: "Utskr" }],
    missingFields: [],
    confidence: 0.9,
  };
}

const findings: Finding[] = [
  { code: "DUPLICATE_STAY", severity: "error", sheet: "Underlag", row: 3, columns: ["A"], fields: ["personId"], message: { sv: "Dubblett av rad 2", en: "Duplicate of row 2" }, relatedRows: [2] },
  { code: "LONG_STAY", severity: "info", sheet: "Underlag", row: 2, columns: ["B"], fields: ["readyDate"], message: { sv: "Lång", en: "Long" } },
];

function resultFor(profile: AgreementProfile): ReviewResult {
  return {
    profile,
    assumptions: [{ sv: "ANTAGET: testantagande", en: "ASSUMED: test assumption" }],
    sheets: [
      {
        name: "Underlag",
        headerRow: 1,
        rows: 2,
        mapping: detect({ name: "Underlag", values: [] }, undefined).mapping,
        unmappedHeaders: [],
        missingFields: [],
        skipped: [{ fromRow: 4, toRow: 4, reason: "total" }],
        careType: { sheet: null, column: true, counts: { ...emptyCareTypeCounts(), column: { somatic: 2, psychiatric: 0 } } },
      },
    ],
    figures: {
      groups: [
        {
          municipality: "Halmstad",
          careType: "somatic",
          period: "2024-03",
          stays: 2,
          zeroDayStays: 0,
          days: 7,
          average: 3.5,
          benchmark: 2.3,
          longStays: 0,
          liableDays: 2.4,
          amount: 12345,
          invoicedDays: 7,
          invoicedBilledDays: 3,
          invoicedAmount: 15000,
          difference: 2655, // 15 000 − 12 345
          rows: [{ sheet: "Underlag", row: 2 }, { sheet: "Underlag", row: 3 }],
          rowsWithErrors: 1,
        },
      ],
      findings: [],
      totals: { stays: 2, days: 7, liableDays: 2.4, amount: 12345, invoicedAmount: 15000, difference: 2655 , leftOut: { rows: 0, invoicedDays: null, invoicedBilledDays: null, invoicedAmount: null } },
    },
    findings,
    counts: { byCode: { DUPLICATE_STAY: 1, LONG_STAY: 1 }, bySeverity: { error: 1, warning: 0, info: 1 } },
    checks: [
      { code: "SIP_INVITATION_MISSING", ran: false, missingFields: ["sipInvitationTime"] },
      { code: "BILLED_DAYS_MISMATCH", ran: false, missingFields: [], reason: { sv: "Avtalet räknar på snittet: ingen rad har egna debiterade dagar.", en: "The agreement bills on the average." } },
    ],
    // Opaque to the pane: only the what-if path reads it.
    basis: {} as ReviewResult["basis"],
  };
}

function makeHost(over: Partial<WorkbookHost> = {}) {
  const calls = { readSheet: [] as { name: string; columns: number[] }[], selectRow: [] as [string, number][], saved: [] as Record<string, MappingOverride>[], marked: 0, cleared: 0, written: 0 };
  const host: WorkbookHost = {
    dateSystem: async () => "1900",
    previewSheets: async () => [
      preview("Underlag", [["Personnummer", "Utskrivningsklar", "Utskr"], ["19121212-1212", "45000", "45003"]]),
      preview("Anteckningar", [["fritext"]]),
    ],
    readSheet: async (name, columns, onProgress: (p: ReadProgress) => void) => {
      calls.readSheet.push({ name, columns });
      onProgress({ sheet: name, rowsRead: 3, rowsTotal: 3 });
      return { name, values: [["Personnummer", "Utskrivningsklar", ""], ["19121212-1212", 45000, ""], ["19121212-1212", 45001, ""]] };
    },
    markFindings: async () => void calls.marked++,
    clearMarks: async () => void calls.cleared++,
    writeResultSheet: async () => void calls.written++,
    writeSpecSheet: async () => undefined,
    selectRow: async (sheet, row) => void calls.selectRow.push([sheet, row]),
    loadMappingOverrides: async () => ({}),
    saveMappingOverrides: async (o) => void calls.saved.push(o),
    loadScenarios: async () => null,
    saveScenarios: async () => undefined,
    ...over,
  };
  return { host, calls };
}

function makeEngine(review?: PaneEngine["review"], recompute?: PaneEngine["recompute"]): PaneEngine {
  return {
    presets: PRESETS,
    detect,
    review: review ?? (async (_g, o) => resultFor(o.profile)),
    recompute: recompute ?? (async (_b, profile) => resultFor(profile).figures),
  };
}

function renderApp(host: WorkbookHost, engine = makeEngine(), lang: "sv" | "en" = "sv") {
  const onReady = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} engine={engine} lang={lang} onReady={onReady} now={() => new Date(2024, 3, 10)} />
    </FluentProvider>,
  );
  return { onReady };
}

jest.setTimeout(20_000);

// The result's tabs load with the review's code (React.lazy): load them once before the tests.
beforeAll(async () => {
  await import("../../src/taskpane/ResultTabs");
});

describe("task pane", () => {
  it("lists the invoice-basis sheet with its mapping and leaves the other sheet aside", async () => {
    const { host } = makeHost();
    const { onReady } = renderApp(host);
    const card = await screen.findByTestId("sheet-card");
    expect(card.getAttribute("data-sheet")).toBe("Underlag");
    expect(within(screen.getByTestId("mapping-list")).getByText(/A: Personnummer/)).toBeTruthy();
    expect(screen.getByText(/Övriga blad.*Anteckningar/)).toBeTruthy();
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it("shows the preset's source and assumptions", async () => {
    const { host } = makeHost();
    renderApp(host);
    const details = await screen.findByTestId("agreement-details");
    expect(details.textContent).toContain(PRESETS[0].source);
    const withAssumptions = PRESETS.find((p) => p.assumptions.length > 0)!;
    fireEvent.change(screen.getByLabelText("Avtal att granska mot"), { target: { value: withAssumptions.id } });
    expect(screen.getByTestId("agreement-assumptions").textContent).toContain(withAssumptions.assumptions[0].sv);
  });

  it("shows the rule the figures follow, e.g. the excess formula of an average agreement", async () => {
    const { host } = makeHost();
    renderApp(host);
    await screen.findByTestId("agreement-details");
    fireEvent.change(screen.getByLabelText("Avtal att granska mot"), { target: { value: "halland-2022" } });
    const rules = screen.getByTestId("agreement-rules").textContent ?? "";
    expect(rules).toContain("Somatik: snitt, riktmärke 2,3, över riktmärket betalas (snitt − riktmärke) × vistelser, 0-dagar ingår, period månad");
    expect(rules).toContain("Psykiatri: snitt");
  });

  it("passes a typed benchmark and invoice month to the review", async () => {
    const { host } = makeHost();
    let options: Parameters<PaneEngine["review"]>[1] | null = null;
    renderApp(host, makeEngine(async (_g, o) => ((options = o), resultFor(o.profile))));
    await screen.findByTestId("sheet-card");
    const stockholm = PRESETS.find((p) => p.somatic.kind !== "individual" && p.somatic.benchmark === null)!;
    fireEvent.change(screen.getByLabelText("Avtal att granska mot"), { target: { value: stockholm.id } });
    expect(screen.getByText(/Avtalet anger inget riktmärke/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Riktmärke (genomsnittligt antal dagar)"), { target: { value: "abc" } });
    expect(screen.getByText(/Skriv ett tal/)).toBeTruthy();
    expect((screen.getByTestId("review") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Riktmärke (genomsnittligt antal dagar)"), { target: { value: "2,5" } });
    fireEvent.change(screen.getByLabelText("Faktureringsperiod (månad)"), { target: { value: "2024-02" } });
    fireEvent.click(screen.getByTestId("review"));
    await screen.findByTestId("figures-table", {}, { timeout: 8000 });
    expect(options!.profile.id).toBe(stockholm.id);
    expect(options!.profile.somatic.benchmark).toBe(2.5);
    expect(options!.profile.psychiatric.benchmark).toBe(2.5);
    // February 2024: epoch days 19754..19782.
    expect(options!.invoicePeriod).toEqual({ fromDay: 19754, toDay: 19782 });
    // The preset itself is untouched.
    expect(stockholm.somatic.benchmark).toBeNull();
  });

  it("saves a corrected mapping in the workbook and re-detects the sheet", async () => {
    const { host, calls } = makeHost();
    renderApp(host);
    await screen.findByTestId("sheet-card");
    fireEvent.change(screen.getByLabelText("Utskrivningsdatum"), { target: { value: "2" } });
    await waitFor(() => expect(calls.saved).toEqual([{ Underlag: { dischargeDate: 2 } }]));
    expect(within(screen.getByTestId("mapping-list")).getByText(/C: Utskr/)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("Kopplingen sparades i arbetsboken."));
  });

  it("reviews only the mapped columns and renders the result's figures, findings and actions", async () => {
    const { host, calls } = makeHost();
    let options: Parameters<PaneEngine["review"]>[1] | null = null;
    renderApp(host, makeEngine(async (_g, o) => ((options = o), resultFor(o.profile))));
    fireEvent.click(await screen.findByTestId("review"));
    const table = await screen.findByTestId("figures-table", {}, { timeout: 8000 });
    expect(calls.readSheet).toEqual([{ name: "Underlag", columns: [0, 1] }]);
    // 2024-04-10 → epoch day 19823 (19783 for 2024-03-01, + 31 + 9).
    expect(options!.referenceDay).toBe(19823);
    expect(options!.sheets).toEqual(["Underlag"]);
    // The controller's line: computed, invoiced, difference 15 000 − 12 345 = +2 655, exactly as the result gives them.
    const row = within(table).getByText("Halmstad").closest("tr")!;
    expect(row.textContent!.replace(/\s/g, " ")).toBe("▸Halmstad12 34515 000+2 655");
    expect(screen.getByTestId("total-difference").textContent!.replace(/\s/g, " ")).toBe("+2 655 kr");
    expect(screen.getByTestId("severity-counts").textContent).toBe("1 fel · 0 varningar");
    // The focus moved to the answer.
    await waitFor(() => expect(document.activeElement?.id).toBe("overview-heading"));
    // Care type and period open below it, days with the profile's decimals (average 2, liable days 2).
    fireEvent.click(within(row).getByRole("button"));
    const detail = screen.getByTestId("group-detail").textContent!.replace(/\s/g, " ");
    expect(detail).toMatch(/^Somatik · 2024-03/);
    // The labels are the core's, the same in every host.
    expect(detail).toContain(`${figureLabel("average", "sv")}3,50`);
    expect(detail).toContain(`${figureLabel("benchmark", "sv")}2,30`);
    expect(detail).toContain(`${figureLabel("liableDays", "sv")}2,40`);
    // A check that could not run: the missing column, or the core's reason when it gives one.
    expect(screen.getByText(/Kallelse till SIP saknas/).closest("li")!.textContent).toBe("Kallelse till SIP saknas: kolumn saknas: Kallelse SIP");
    expect(screen.getByText(/Debiterade dagar stämmer inte/).closest("li")!.textContent).toBe(
      "Debiterade dagar stämmer inte med avtalsmodellen: Avtalet räknar på snittet: ingen rad har egna debiterade dagar.",
    );
    expect(screen.getByTestId("sheet-summary").textContent).toBe("Underlag: 2 rader granskade. Överhoppade rader: 4 (summarad).");
    expect(screen.getByTestId("result-assumptions").textContent).toContain("ANTAGET: testantagande");
    fireEvent.click(screen.getByTestId("write"));
    await waitFor(() => expect(calls.written).toBe(1));

    fireEvent.click(screen.getByTestId("tab-findings"));
    const items = await screen.findAllByTestId("finding");
    expect(items).toHaveLength(2);
    // Masked until revealed.
    expect(items[0].textContent).toContain("19121212-****");
    fireEvent.click(screen.getByRole("switch", { name: "Visa personnummer" }));
    expect(screen.getAllByTestId("finding")[0].textContent).toContain("19121212-1212");

    fireEvent.click(screen.getAllByTestId("finding")[0]);
    await waitFor(() => expect(calls.selectRow).toEqual([["Underlag", 3]]));
    // "Dubblett av rad 2": the related row is a link that selects it.
    fireEvent.click(screen.getByTestId("related-row"));
    await waitFor(() => expect(calls.selectRow).toEqual([["Underlag", 3], ["Underlag", 2]]));

    expect(screen.getByTestId("marked-count").textContent).toBe("2 rader har avvikelser.");
    fireEvent.click(screen.getByTestId("mark"));
    await waitFor(() => expect(calls.marked).toBe(1));
    expect(screen.getByTestId("marked-count").textContent).toBe("2 rader markerade.");
    fireEvent.click(screen.getByTestId("clear"));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("Markeringarna är borttagna."));
    expect(calls.cleared).toBe(1);
  });

  it("filters findings by severity", async () => {
    const { host } = makeHost();
    renderApp(host);
    fireEvent.click(await screen.findByTestId("review"));
    fireEvent.click(await screen.findByTestId("tab-findings"));
    await screen.findByTestId("findings");
    fireEvent.change(screen.getByLabelText("Allvarlighet"), { target: { value: "info" } });
    const items = screen.getAllByTestId("finding");
    expect(items).toHaveLength(1);
    expect(items[0].getAttribute("data-row")).toBe("2");
  });

  it("cancels a running review", async () => {
    let release: () => void = () => undefined;
    const { host } = makeHost({
      readSheet: (name) => new Promise<SheetGrid>((resolve) => (release = () => resolve({ name, values: [] }))),
    });
    const review = jest.fn(async (_g, o) => resultFor(o.profile));
    renderApp(host, makeEngine(review));
    fireEvent.click(await screen.findByTestId("review"));
    fireEvent.click(await screen.findByTestId("cancel"));
    await act(async () => release());
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("Granskningen avbröts."));
    expect(review).not.toHaveBeenCalled();
    expect(screen.queryByTestId("results")).toBeNull();
  });

  it("shows an error bar when the workbook cannot be read, never a blank pane", async () => {
    const { host } = makeHost({ previewSheets: async () => Promise.reject(Object.assign(new Error("denied"), { code: "AccessDenied" })) });
    const { onReady } = renderApp(host);
    const bar = await screen.findByTestId("pane-error");
    expect(bar.textContent).toContain("Bladet är skyddat");
    expect(onReady).toHaveBeenCalled();
  });

  it("shows the engine's own message when the review fails", async () => {
    const { host } = makeHost();
    renderApp(
      host,
      makeEngine(async () => {
        throw Object.assign(new Error("x"), { bilingual: { sv: "Hittade inget fakturaunderlag", en: "No invoice basis" } });
      }),
      "en",
    );
    fireEvent.click(await screen.findByTestId("review"));
    expect((await screen.findByTestId("pane-error")).textContent).toContain("No invoice basis");
  });

  it("says so when no sheet is an invoice basis", async () => {
    const { host } = makeHost({ previewSheets: async () => [preview("Anteckningar", [["fritext"]])] });
    renderApp(host);
    expect((await screen.findByTestId("no-invoice-sheet")).textContent).toContain("Hittade inget blad");
  });
});
