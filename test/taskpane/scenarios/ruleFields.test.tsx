/** @jest-environment jsdom */
/**
 * The rest of DOMAIN.md §3 in the scenario editor: period, long-stay limit (hybrid), counting,
 * price, rounding, conditions. Each field valid (the profile changes, and the comparison where
 * the figures depend on it) and invalid (a message at the field, nothing changed).
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { getPreset, reviewWorkbook, type AgreementProfile, type WorkbookHost } from "../../../src/core";
import { PaneProvider } from "../../../src/taskpane/context/PaneContext";
import { ScenariosTab } from "../../../src/taskpane/scenarios/ScenariosTab";
import { formatFor } from "../../../src/taskpane/shared/format";

jest.setTimeout(20_000);
const halland = getPreset("halland-2022")!;
const sv = formatFor("sv");

// Two somatic stays in Hylte, October 2023 (serial 45201 = Monday 2023-10-02): ready 2 Oct, out
// 12 Oct (10 days) and 6 Oct (4 days). Halland: average 7.00, (7.00 − 2.3) × 2 = 9.40 days ×
// 10 500 kr = 98 700 kr under the baseline.
const values = [
  ["Personnummer", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Verksamhetsområde"],
  ["19121212-1212", 45201, 45211, "Hylte", "Somatik"],
  ["19400101-0003", 45201, 45205, "Hylte", "Somatik"],
];
const result = reviewWorkbook({ dateSystem: "1900", sheets: [{ name: "Underlag", values }] }, { profile: halland, sheets: ["Underlag"], referenceDay: 19_800 });

function host(): WorkbookHost {
  const never = async () => {
    throw new Error("not used here");
  };
  return {
    dateSystem: never,
    previewSheets: never,
    readSheet: never,
    markFindings: never,
    clearMarks: never,
    writeResultSheet: never,
    selectRow: never,
    loadMappingOverrides: never,
    saveMappingOverrides: never,
    writeSpecSheet: never,
    loadScenarios: async () => null,
    saveScenarios: async () => undefined,
  };
}

async function withScenario() {
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider lang="sv">
        <ScenariosTab host={host()} basis={result.basis} baseline={halland} />
      </PaneProvider>
    </FluentProvider>,
  );
  await act(async () => undefined);
  type("scenario-new-name", "Prövning");
  fireEvent.click(screen.getByTestId("scenario-add"));
  fireEvent.click(screen.getByTestId("scenario-copy"));
}

const type = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });
/** The scenario's profile as the pane copies it out (its current rules). */
const profile = (): AgreementProfile => JSON.parse((screen.getByTestId("scenario-json-out") as HTMLTextAreaElement).value).profile;
const somatic = () => profile().somatic;
/** The scenario's total difference against the baseline. */
const diff = () => screen.getByTestId("scenario-block-Totalt-1-diff").textContent;
/** The message shown at the field holding the control `id`. */
const messageAt = (id: string) => screen.getByTestId(id).closest(".fui-Field")?.querySelector(".fui-Field__validationMessage")?.textContent ?? null;

describe("the scenario editor's remaining parameters", () => {
  it("period: quarter at once; a rolling period waits for its months, which the schema bounds", async () => {
    await withScenario();
    type("scenario-period", "quarter");
    expect(somatic().period).toEqual({ kind: "quarter" });
    type("scenario-period", "rolling");
    // Nothing applied yet, and the field says what still holds.
    expect(somatic().period).toEqual({ kind: "quarter" });
    expect(screen.getByText("Gäller när ett värde är angivet; till dess gäller: kvartal.")).toBeTruthy();
    type("scenario-rolling", "1");
    expect(messageAt("scenario-rolling")).toBe("Minst 2.");
    expect(somatic().period).toEqual({ kind: "quarter" });
    type("scenario-rolling", "tre");
    expect(messageAt("scenario-rolling")).toBe('"tre" är inget heltal (till exempel 3).');
    type("scenario-rolling", "3");
    expect(messageAt("scenario-rolling")).toBeNull();
    expect(somatic().period).toEqual({ kind: "rolling", months: 3 });
  });

  it("long stays: a hybrid rule needs the limit; with it, the long stay is billed on its own", async () => {
    await withScenario();
    type("scenario-kind", "hybrid");
    expect(messageAt("scenario-kind")).toBe("En hybridmodell behöver en gräns för långa vistelser.");
    expect(somatic().kind).toBe("average");
    type("scenario-long-stay", "7");
    type("scenario-kind", "hybrid");
    expect(messageAt("scenario-kind")).toBeNull();
    expect(somatic()).toMatchObject({ kind: "hybrid", longStayLimit: 7 });
    // The 10-day stay leaves the average and is billed from day 0: 10 × 10 500 = 105 000; the
    // 4-day stay alone averages 4.00: (4.00 − 2.3) × 1 = 1.70 days × 10 500 = 17 850.
    // 122 850 − 98 700 = +24 150.
    expect(diff()).toBe(sv.signed(24_150));
    // Two grace days for long stays: 8 × 10 500 = 84 000; 84 000 + 17 850 − 98 700 = +3 150.
    type("scenario-long-stay-grace", "2");
    expect(diff()).toBe(sv.signed(3_150));
    // Emptying the limit under a hybrid rule is refused at the field.
    type("scenario-long-stay", "");
    expect(messageAt("scenario-long-stay")).toBe("En hybridmodell behöver en gräns för långa vistelser.");
    expect(somatic().longStayLimit).toBe(7);
    type("scenario-long-stay-grace", "1,5");
    expect(messageAt("scenario-long-stay-grace")).toBe('"1,5" är inget heltal (till exempel 3).');
  });

  it("counting: weekdays, and day 0 at the notice time with a cut-off hour the schema bounds", async () => {
    await withScenario();
    type("scenario-unit", "weekdays");
    expect(somatic().counting.unit).toBe("weekdays");
    expect(screen.queryByTestId("scenario-cutoff")).toBeNull();
    type("scenario-start", "noticeTime");
    expect(somatic().counting).toEqual({ unit: "weekdays", start: "noticeTime", cutoffHour: null });
    type("scenario-cutoff", "25");
    expect(messageAt("scenario-cutoff")).toBe("Högst 24.");
    expect(somatic().counting.cutoffHour).toBeNull();
    type("scenario-cutoff", "12");
    expect(somatic().counting.cutoffHour).toBe(12);
    type("scenario-cutoff", "");
    expect(somatic().counting.cutoffHour).toBeNull();
  });

  it("price: a fixed amount waits for the amount, must be above 0, and prices the figures", async () => {
    await withScenario();
    type("scenario-price", "fixed");
    expect(somatic().price).toEqual({ source: "socialstyrelsen" });
    expect(screen.getByText("Gäller när ett värde är angivet; till dess gäller: socialstyrelsens belopp för året.")).toBeTruthy();
    type("scenario-price-amount", "0");
    expect(messageAt("scenario-price-amount")).toBe("Måste vara större än 0.");
    expect(diff()).toBe(sv.signed(0));
    type("scenario-price-amount", "1000");
    expect(somatic().price).toEqual({ source: "fixed", amount: 1000 });
    // 9.40 days × 1 000 kr = 9 400; 9 400 − 98 700 = −89 300.
    expect(diff()).toBe(sv.signed(-89_300));
    type("scenario-price", "socialstyrelsen");
    expect(somatic().price).toEqual({ source: "socialstyrelsen" });
    expect(diff()).toBe(sv.signed(0));
  });

  it("rounding: each decimals field within the schema's bounds", async () => {
    await withScenario();
    type("scenario-average-decimals", "7");
    expect(messageAt("scenario-average-decimals")).toBe("Högst 6.");
    type("scenario-amount-decimals", "3");
    expect(messageAt("scenario-amount-decimals")).toBe("Högst 2.");
    type("scenario-days-decimals", "x");
    expect(messageAt("scenario-days-decimals")).toBe('"x" är inget heltal (till exempel 3).');
    expect(somatic().rounding).toEqual({ averageDecimals: 2, liableDaysDecimals: 2, amountDecimals: 0 });
    type("scenario-average-decimals", "0");
    type("scenario-days-decimals", "1");
    type("scenario-amount-decimals", "2");
    expect(somatic().rounding).toEqual({ averageDecimals: 0, liableDaysDecimals: 1, amountDecimals: 2 });
    // Average 7 (no decimals): (7 − 2.3) × 2 = 9.4 days: the same figure here.
    expect(diff()).toBe(sv.signed(0));
  });

  it("conditions: each notice can be made a condition or not, and the comparison says it changes findings, not amounts", async () => {
    await withScenario();
    fireEvent.click(screen.getByTestId("scenario-cond-admission"));
    expect(somatic().conditions).toEqual({ admissionNotice: false, sipInvitation: true, careContact: true });
    fireEvent.click(screen.getByTestId("scenario-cond-sip"));
    fireEvent.click(screen.getByTestId("scenario-cond-contact"));
    expect(somatic().conditions).toEqual({ admissionNotice: false, sipInvitation: false, careContact: false });
    expect(screen.getByText(/skiljer sig i villkor/)).toBeTruthy();
  });

  it("per care type: a change to psychiatric care leaves the somatic rules as they were", async () => {
    await withScenario();
    type("scenario-care", "psychiatric");
    type("scenario-period", "halfYear");
    expect(profile().psychiatric.period).toEqual({ kind: "halfYear" });
    expect(somatic().period).toEqual({ kind: "month" });
  });
});

describe("the price of each year the basis covers", () => {
  it("shows the table's amount and how sure it is; an entered amount prices the figures, 0 kr is refused, empty goes back to the table", async () => {
    await withScenario();
    // The years the basis says a recompute may need: 2023 (the stays) to 2024 (its last year).
    const fields = screen.getByTestId("scenario-price-years");
    expect(Array.from(fields.querySelectorAll("input")).map((i) => i.id)).toEqual(["scenario-price-2023", "scenario-price-2024"]);
    expect(fields.textContent).toContain(`Tomt = tabellens ${sv.kr(10_500)} (andrahandskälla).`);
    expect(fields.textContent).toContain(`Tomt = tabellens ${sv.kr(11_600)} (härlett).`);
    type("scenario-price-2023", "11000");
    expect(profile().priceOverrides).toEqual({ "2023": 11_000 });
    // 9.40 days × (11 000 − 10 500) kr = +4 700.
    expect(diff()).toBe(sv.signed(4_700));
    type("scenario-price-2023", "0");
    expect(messageAt("scenario-price-2023")).toBe("Måste vara större än 0.");
    expect(profile().priceOverrides).toEqual({ "2023": 11_000 });
    type("scenario-price-2023", "");
    expect(profile().priceOverrides).toEqual({});
    expect(diff()).toBe(sv.signed(0));
  });
});
