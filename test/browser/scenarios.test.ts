/**
 * The scenarios tab in the PRODUCTION pane against the strict fake host with the sample
 * workbook: a scenario made and changed without a sync, stored in the workbook's settings and
 * found again on reopening; a corrupt stored value ends in a message; axe and 320 px.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { copyProfile, getPreset } from "../../src/core/agreements/presets";
import { compareScenarios } from "../../src/core/scenarios/compare";
import { sensitivityCurve } from "../../src/core/scenarios/sensitivity";
import { formatFor } from "../../src/taskpane/shared/format";
import { OUTPUT, REPO } from "./distFiles";
import { engineFigures } from "./expectedFigures";
import { SAMPLE_SEEDED, sampleState } from "./fakeWorkbooks";
import { axeViolations, expectClean, fakeState, horizontalOverflow, review, seriousOnly, startSession, syncCount, type Session } from "./paneSession";

jest.setTimeout(300_000);
const KEY = "granskning.scenarios";
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? path.join(REPO, "docs", "screenshots") : path.join(REPO, "test-output", "screenshots");
let session: Session;

beforeAll(async () => {
  session = await startSession();
  mkdirSync(OUTPUT, { recursive: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await session?.close();
});

async function openScenarios(page: Page): Promise<void> {
  await review(page);
  await page.click("[data-testid=tab-scenarios]");
  await page.waitForSelector("[data-testid=scenarios-tab]");
}

const totalDiff = (page: Page) => page.locator("[data-testid=scenario-block-Totalt-1-diff]").innerText();
/** "−12 345,5" (Swedish, U+2212 minus, no-break spaces) as a number. */
const kronor = (text: string) => Number(text.replace(/\u2212/g, "-").replace(/[\s\u00a0+]/g, "").replace(",", "."));

describe("scenarios tab in Chromium", () => {
  it("a scenario's grace days change the difference with no sync; stored, and found again on reopening", async () => {
    const visit = await session.open(await sampleState());
    const { page } = visit;
    await openScenarios(page);
    await page.fill("[data-testid=scenario-new-name]", "Fem karensdagar");
    await page.click("[data-testid=scenario-add]");
    await expect(totalDiff(page)).resolves.toBe("0");
    const syncs = await syncCount(page);
    // The sample is reviewed under the law's individual rule (3 grace days): 5 free days leave
    // fewer days to bill, so less is owed and the difference is below 0.
    await page.fill("[data-testid=scenario-grace]", "5");
    await page.waitForFunction(() => (document.querySelector("[data-testid=scenario-block-Totalt-1-diff]")?.textContent ?? "0") !== "0");
    expect(kronor(await totalDiff(page))).toBeLessThan(0);
    const shown = await totalDiff(page);
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, "scenarios-320.png"), fullPage: true });
    expect(await horizontalOverflow(page)).toEqual({ page: 0, elements: [] });
    // The comparison needed no read; the only syncs after it are the store's (settings).
    await page.waitForFunction((key) => key in (window as unknown as { __FAKE_HOST__: { state: { settings: object } } }).__FAKE_HOST__.state.settings, KEY);
    expect((await syncCount(page)) - syncs).toBeLessThanOrEqual(1);
    const settings = (await fakeState(page)).settings;
    expect(String(settings[KEY])).toContain("Fem karensdagar");
    expectClean(visit);
    await page.close();

    const state = await sampleState();
    state.settings = settings;
    const again = await session.open(state);
    await openScenarios(again.page);
    await again.page.waitForSelector("[data-testid=scenario-block-Totalt-1]");
    await expect(again.page.locator("[data-testid=scenario-block-Totalt-1]").innerText()).resolves.toContain("Fem karensdagar");
    await expect(totalDiff(again.page)).resolves.toBe(shown);
    expectClean(again);
    await again.page.close();
  });

  it("a corrupt stored value ends in a message, and is kept", async () => {
    const state = await sampleState();
    state.settings = { [KEY]: '{"format":"utskrivningsklar-scenarios","schemaVersion":1,"scenarios":[{"profile":{"id":3}}]}' };
    const visit = await session.open(state);
    const { page } = visit;
    await openScenarios(page);
    await expect(page.locator("[data-testid=scenario-storage-problem]").innerText()).resolves.toMatch(/kan inte läsas[\s\S]*scenarios\.0\.profile/);
    await page.fill("[data-testid=scenario-new-name]", "Ny");
    await page.click("[data-testid=scenario-add]");
    await page.waitForTimeout(600);
    expect((await fakeState(page)).settings[KEY]).toBe(state.settings[KEY]);
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    expectClean(visit);
    await page.close();
  });

  it("the sensitivity chart: a benchmark change moves the marked point and the comparison; the points are the engine's; light and dark at 320 px", async () => {
    const sv = formatFor("sv");
    const halland = getPreset("halland-2022")!;
    for (const background of ["#ffffff", "#1f1f1f"]) {
      const dark = background !== "#ffffff";
      const state = await sampleState();
      const visit = await session.open(state, { hostInfo: { displayLanguage: "sv-SE", bodyBackgroundColor: background } });
      const { page } = visit;
      if (!(await page.locator("[data-testid=basis]").evaluate((d) => (d as HTMLDetailsElement).open))) await page.click("[data-testid=basis-summary]");
      await page.selectOption("#agreement-select", "halland-2022");
      await openScenarios(page);
      await page.fill("[data-testid=scenario-new-name]", "Riktvärde 3");
      await page.click("[data-testid=scenario-add]");
      await page.selectOption("[data-testid=sensitivity-for]", "scenario-1");
      const dot = () => page.locator("[data-testid=chart-dot]").evaluate((c) => [Number(c.getAttribute("cx")), Number(c.getAttribute("cy"))]);
      const before = await dot();
      const diffBefore = await totalDiff(page);
      // Both care types to 3.0 (the editor edits one care type at a time).
      await page.fill("[data-testid=scenario-benchmark]", "3");
      await page.selectOption("[data-testid=scenario-care]", "psychiatric");
      await page.fill("[data-testid=scenario-benchmark]", "3");
      await page.waitForFunction(() => /riktvärde 3:/.test(document.querySelector("[data-testid=chart-at-setting]")?.textContent ?? ""));

      // What the engine gives for the same basis and profiles.
      const result = engineFigures(state, SAMPLE_SEEDED.sheet, halland);
      const changed = copyProfile(halland, { id: "scenario-1", name: { sv: "Riktvärde 3", en: "Riktvärde 3" }, somatic: { benchmark: 3 }, psychiatric: { benchmark: 3 } });
      if (!changed.ok) throw new Error(changed.problems.join("; "));
      const comparison = compareScenarios(result.basis, [halland, changed.profile]);
      // The pane's default range around the baseline's 2.3: 1 to 4 by 0.1.
      const curve = sensitivityCurve(result.basis, changed.profile, { from: 1, to: 4, step: 0.1 });
      if (!curve.ok) throw new Error(curve.problem.en);
      const total = comparison.totals.values[1]!.amount;
      expect(total).not.toBeNull();
      await expect(page.locator("[data-testid=chart-at-setting]").innerText()).resolves.toBe(`Vid riktvärde 3: ${sv.kr(total)} totalt.`);
      await expect(totalDiff(page)).resolves.toBe(sv.signed(comparison.totals.differences[1]!.amount));
      expect(await totalDiff(page)).not.toBe(diffBefore);
      // The dot moved right (a higher benchmark) and down (less is owed).
      const after = await dot();
      expect(after[0]).toBeGreaterThan(before[0]!);
      expect(after[1]).toBeGreaterThan(before[1]!);
      // Every point of the screen reader's table is the engine's curve, municipality by municipality.
      const shown = await page.locator("[data-testid=chart-point]").evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent)));
      expect(shown).toEqual(curve.curve.points.map((p, k) => [sv.fixed(p, Number.isInteger(p) ? 0 : 1), ...curve.curve.municipalities.map((m) => sv.money(m.amounts[k]!)), sv.money(curve.curve.total.amounts[k]!)]));
      // A formula that bills every day redraws the curve itself.
      const path0 = await page.locator("[data-testid=chart-line-total]").getAttribute("d");
      await page.selectOption("[data-testid=scenario-formula]", "allDays");
      await page.waitForFunction((d) => document.querySelector("[data-testid=chart-line-total]")?.getAttribute("d") !== d, path0);

      // Dark theme: the total line is drawn light on the dark pane, light theme dark on white.
      const stroke = await page.locator("[data-testid=chart-line-total]").evaluate((el) => getComputedStyle(el).stroke);
      const sum = (stroke.match(/\d+/g) ?? []).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
      if (dark) expect(sum).toBeGreaterThan(3 * 180);
      else expect(sum).toBeLessThan(3 * 80);
      expect(seriousOnly(await axeViolations(page))).toEqual([]);
      expect(await horizontalOverflow(page)).toEqual({ page: 0, elements: [] });
      await page.locator("[data-testid=sensitivity]").screenshot({ path: path.join(SCREENSHOTS, `scenarios-chart-320${dark ? "-dark" : ""}.png`) });
      expectClean(visit);
      await page.close();
    }
  });
});
