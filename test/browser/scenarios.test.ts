/**
 * The scenarios tab in the PRODUCTION pane against the strict fake host with the sample
 * workbook: a scenario made and changed without a sync, stored in the workbook's settings and
 * found again on reopening; a corrupt stored value ends in a message; axe and 320 px.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { OUTPUT } from "./distFiles";
import { sampleState } from "./fakeWorkbooks";
import { axeViolations, expectClean, fakeState, horizontalOverflow, review, seriousOnly, startSession, syncCount, type Session } from "./paneSession";

jest.setTimeout(300_000);
const KEY = "granskning.scenarios";
let session: Session;

beforeAll(async () => {
  session = await startSession();
  mkdirSync(OUTPUT, { recursive: true });
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
});
