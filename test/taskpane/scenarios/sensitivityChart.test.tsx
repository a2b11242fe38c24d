/** @jest-environment jsdom */
/**
 * The sensitivity chart in the scenarios tab, on a basis small enough to work out by hand: the
 * plotted points, the dot at the scenario's setting, the marks and their words, the range's
 * fields (valid and invalid), and a scenario's change redrawing the curve.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { getPreset, reviewWorkbook, type WorkbookHost } from "../../../src/core";
import { PaneProvider } from "../../../src/taskpane/context/PaneContext";
import { ScenariosTab } from "../../../src/taskpane/scenarios/ScenariosTab";
import { formatFor } from "../../../src/taskpane/shared/format";

jest.setTimeout(20_000);
const halland = getPreset("halland-2022")!;
const sv = formatFor("sv");

// Two somatic stays in Hylte, October 2023 (serial 45201 = 2023-10-02): 10 and 4 days, average
// 7.00. Halland (excessAverage, 0-days counted, 2023 price 10 500 kr) owes at benchmark b < 7:
// (7 − b) × 2 stays × 10 500 kr; nothing from 7.00.
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

async function show() {
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider lang="sv">
        <ScenariosTab host={host()} basis={result.basis} baseline={halland} />
      </PaneProvider>
    </FluentProvider>,
  );
  await act(async () => undefined);
}

/** The screen reader's table of points: [value, Hylte, total] per row. */
const tablePoints = () => screen.getAllByTestId("chart-point").map((tr) => Array.from(tr.children).map((c) => c.textContent));
const totalPath = () => screen.getByTestId("chart-line-total").getAttribute("d")!;
const type = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

describe("the sensitivity chart", () => {
  it("plots the baseline's curve around its benchmark, with the dot, the marks and the 0-day caveat", async () => {
    await show();
    // Default range around 2.3: from round(2.3) − 1 = 1 to 4 by 0.1: 31 points.
    const points = tablePoints();
    expect(points).toHaveLength(31);
    // At 1: (7 − 1) × 2 × 10 500 = 126 000; at 4: 3 × 2 × 10 500 = 63 000; one municipality, so the total is the same.
    expect(points[0]).toEqual(["1", sv.money(126_000), sv.money(126_000)]);
    expect(points[30]).toEqual(["4", sv.money(63_000), sv.money(63_000)]);
    // At 2.5 (the 16th point): 4.5 × 2 × 10 500 = 94 500.
    expect(points[15]).toEqual(["2,5", sv.money(94_500), sv.money(94_500)]);

    // Scaled into the box (left 46, plot 232 × 136 from y 10): the top is 150 000 (126 000 / 4 =
    // 31 500 → step 50 000). At 1: y = 10 + 136 × (1 − 126 000 / 150 000) = 31.76; at 4:
    // x = 46 + 232 = 278, y = 10 + 136 × (1 − 63 000 / 150 000) = 88.88.
    expect(totalPath().startsWith("M46,31.8L")).toBe(true);
    expect(totalPath().endsWith("L278,88.9")).toBe(true);
    expect(totalPath().split("L")).toHaveLength(31);

    // The dot: the comparison's total at 2.3, 4.7 × 2 × 10 500 = 98 700, at x = 46 + 232 × 1.3 / 3 = 146.53,
    // y = 10 + 136 × (1 − 98 700 / 150 000) = 56.51.
    const dot = screen.getByTestId("chart-dot");
    expect(Number(dot.getAttribute("cx"))).toBeCloseTo(146.53, 1);
    expect(Number(dot.getAttribute("cy"))).toBeCloseTo(56.51, 1);
    expect(screen.getByTestId("chart-at-setting").textContent).toBe(`Vid riktvärde 2,3: ${sv.kr(98_700)} totalt.`);

    // The baseline's own benchmark and the national average (2021's 2.3, the latest before 2023).
    expect(screen.getByTestId("chart-marker-label-setting").textContent).toContain("2,3");
    expect(screen.getByTestId("chart-marker-label-reference").textContent).toBe("Riksgenomsnitt 2021, somatik: 2,3");
    expect(screen.getAllByTestId("chart-marker-reference")).toHaveLength(1);
    // Halland counts 0-day stays: the caveat is said in words, and so is the year.
    const notes = screen.getAllByTestId("chart-note").map((n) => n.textContent).join(" ");
    expect(notes).toMatch(/utan 0-dagsvistelser/);
    expect(notes).toMatch(/2023 saknas/);

    // In words: each line from the range's start to its end, and the break-even 7.00.
    const legend = screen.getAllByTestId("chart-legend-line").map((l) => l.textContent);
    expect(legend[0]).toBe(`Hylte: ${sv.kr(126_000)} vid 1, ${sv.kr(63_000)} vid 4; inget från 7,00`);
    expect(legend[1]).toMatch(/^Totalt: /);
    // An accessible picture: named and described.
    const svg = screen.getByTestId("sensitivity-svg");
    expect(svg.getAttribute("role")).toBe("img");
    expect(document.getElementById(svg.getAttribute("aria-labelledby")!)!.textContent).toBe(`${halland.name.sv}: belopp mot riktvärde 1–4`);
  });

  it("the range: a value the rule refuses is a message at the field it is about, and the curve stays", async () => {
    await show();
    type("sensitivity-step", "0");
    expect(within(screen.getByTestId("sensitivity")).getByText("Steget 0 måste vara större än 0.")).toBeTruthy();
    expect(tablePoints()).toHaveLength(31);
    type("sensitivity-step", "0,5");
    expect(screen.queryByText("Steget 0 måste vara större än 0.")).toBeNull();
    // 1..4 by 0.5: 7 points.
    expect(tablePoints()).toHaveLength(7);

    // An end below the start: the message is at "Till", whichever field was typed.
    type("sensitivity-from", "5");
    const to = screen.getByTestId("sensitivity-to").closest(".fui-Field")!;
    expect(within(to as HTMLElement).getByText("Slutvärdet 4 är mindre än startvärdet 5.")).toBeTruthy();
    expect(tablePoints()).toHaveLength(7);

    type("sensitivity-from", "sex");
    expect(screen.getByText('"sex" är inget tal (till exempel 2,5).')).toBeTruthy();
    type("sensitivity-from", "-1");
    expect(screen.getByText("Startvärdet -1 är negativt.")).toBeTruthy();

    // Too many points for the pane: 6..8 by 0.001 is 2 001.
    type("sensitivity-from", "6");
    type("sensitivity-to", "8");
    type("sensitivity-step", "0,001");
    expect(screen.getByText(/2001 punkter är för många \(högst 201\)/)).toBeTruthy();
    type("sensitivity-step", "0,5");
    // 6, 6.5, 7, 7.5, 8: (7 − 6) × 2 × 10 500 = 21 000, then 10 500, then nothing from 7.
    expect(tablePoints().map((p) => p[2])).toEqual([21_000, 10_500, 0, 0, 0].map(sv.money));
    // The dot's 2.3 is outside 6..8: not drawn; the marks say so in words.
    expect(screen.queryByTestId("chart-dot")).toBeNull();
    expect(screen.getByTestId("chart-marker-label-setting").textContent).toMatch(/utanför intervallet/);
  });

  it("a scenario's curve: its benchmark moves the dot and the figure, its formula redraws the points", async () => {
    await show();
    type("scenario-new-name", "Allt");
    fireEvent.click(screen.getByTestId("scenario-add"));
    type("sensitivity-for", "scenario-1");
    type("scenario-benchmark", "2,8");
    // (7 − 2.8) × 2 × 10 500 = 88 200, the comparison's own figure for the scenario.
    expect(screen.getByTestId("chart-at-setting").textContent).toBe(`Vid riktvärde 2,8: ${sv.kr(88_200)} totalt.`);
    expect(screen.getByTestId("scenario-block-Totalt-1").textContent).toContain(sv.money(88_200));
    expect(screen.getByTestId("chart-marker-label-baseline").textContent).toBe("Utgångsläget: 2,3");
    const before = totalPath();
    // All days while the average is above the benchmark: 14 days × 10 500 = 147 000 at every point below 7.
    type("scenario-formula", "allDays");
    expect(tablePoints()[0]).toEqual(["1", sv.money(147_000), sv.money(147_000)]);
    expect(totalPath()).not.toBe(before);
  });

  it("a scenario without 0-day stays: the national average is marked without the 0-day caveat", async () => {
    await show();
    type("scenario-new-name", "Utan nolldagar");
    fireEvent.click(screen.getByTestId("scenario-add"));
    fireEvent.click(screen.getByTestId("scenario-zero"));
    type("scenario-care", "psychiatric");
    fireEvent.click(screen.getByTestId("scenario-zero"));
    type("sensitivity-for", "scenario-1");
    expect(screen.getByTestId("chart-marker-label-reference").textContent).toBe("Riksgenomsnitt 2021, somatik: 2,3");
    const notes = screen.getAllByTestId("chart-note").map((n) => n.textContent).join(" ");
    expect(notes).not.toMatch(/0-dagsvistelser/);
    expect(notes).toMatch(/2023 saknas/);
  });

  it("an individual rule: amount against grace days 0–10, nothing from the longest stay's 10 days", async () => {
    await show();
    type("scenario-new-name", "Individuell");
    fireEvent.click(screen.getByTestId("scenario-add"));
    // Both care types individual: then the curve runs over grace days.
    type("scenario-kind", "individual");
    type("scenario-care", "psychiatric");
    type("scenario-kind", "individual");
    type("sensitivity-for", "scenario-1");
    const points = tablePoints();
    expect(points).toHaveLength(11);
    // Grace g: (10 − g) + max(0, 4 − g) days × 10 500: g = 0 → 14 → 147 000; g = 5 → 5 → 52 500; g = 10 → 0.
    expect(points[0]).toEqual(["0", sv.money(147_000), sv.money(147_000)]);
    expect(points[5]).toEqual(["5", sv.money(52_500), sv.money(52_500)]);
    expect(points[10]).toEqual(["10", sv.money(0), sv.money(0)]);
    expect(screen.getAllByTestId("chart-legend-line")[0]!.textContent).toMatch(/inget från 10$/);
    // A grace-day curve has no national average beside it.
    expect(screen.queryByTestId("chart-marker-label-reference")).toBeNull();
    type("sensitivity-step", "0,5");
    expect(screen.getByText(/Karensdagar är hela dagar/)).toBeTruthy();
  });
});
