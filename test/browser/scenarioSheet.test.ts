/**
 * The scenario sheet from the PRODUCTION pane against the strict fake host with the sample
 * workbook: the button writes the sheet (title, the three tables with totals, two native charts
 * whose series read the tables), the user's sheets stay as they were, and a second click
 * replaces the sheet instead of adding one.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { SCENARIO_SHEET_NAME, SCENARIO_SHEET_TITLES, SCENARIO_TABLES } from "../../src/core";
import type { FakeWorkbookState } from "../fakes/excel/state";
import { OUTPUT } from "./distFiles";
import { sampleState } from "./fakeWorkbooks";
import { axeViolations, expectClean, review, seriousOnly, startSession, type Session } from "./paneSession";

jest.setTimeout(300_000);
let session: Session;

beforeAll(async () => {
  session = await startSession();
  mkdirSync(OUTPUT, { recursive: true });
}, 300_000);
afterAll(async () => {
  await session?.close();
});

const workbook = (page: Page) => page.evaluate(() => (window as unknown as { __FAKE_HOST__: { state: FakeWorkbookState } }).__FAKE_HOST__.state);

describe("scenario sheet in Chromium", () => {
  it("the button writes the scenario sheet with tables and charts; a second click replaces it; the user's sheets untouched", async () => {
    const initial = await sampleState();
    const visit = await session.open(initial);
    const { page } = visit;
    await review(page);
    await page.click("[data-testid=tab-scenarios]");
    await page.waitForSelector("[data-testid=scenarios-tab]");
    await page.fill("[data-testid=scenario-new-name]", "Fem karensdagar");
    await page.click("[data-testid=scenario-add]");
    await page.fill("[data-testid=scenario-grace]", "5");

    await page.click("[data-testid=scenario-sheet-write]");
    await page.waitForSelector("[data-testid=scenario-sheet-message]");
    await expect(page.locator("[data-testid=scenario-sheet-message]").innerText()).resolves.toMatch(/Bladet "Scenarier" är skrivet/);
    await page.locator("[data-testid=scenario-sheet-write]").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUTPUT, "scenario-sheet-320.png") });
    expect(seriousOnly(await axeViolations(page))).toEqual([]);

    const state = await workbook(page);
    const sheet = state.sheets.find((s) => s.name === SCENARIO_SHEET_NAME)!;
    expect(sheet.values[0][0]).toBe(SCENARIO_SHEET_TITLES.sv);
    // The sample has more than one care type × period in a municipality, so the detail table is there too.
    expect(sheet.tables.map((t) => t.name)).toEqual([SCENARIO_TABLES.comparison, SCENARIO_TABLES.breakEven, SCENARIO_TABLES.detail, SCENARIO_TABLES.sensitivity]);
    expect(sheet.tables[0].showTotals).toBe(true);
    // The comparison's header names the baseline and the scenario; the column chart has one series each.
    const headerRow = Number(/\d+/.exec(sheet.tables[0].address)![0]);
    expect(sheet.values[headerRow - 1].slice(0, 3)).toEqual(["Kommun", expect.stringMatching(/, belopp$/), "Fem karensdagar, belopp"]);
    expect(sheet.charts.map((c) => c.type)).toEqual(["ColumnClustered", "Line"]);
    expect(sheet.charts[0].series!.map((s) => s.name)).toEqual(sheet.values[headerRow - 1].slice(1, 3));
    // Five grace days bill fewer days than the law's three: the scenario's total is below the baseline's.
    const totalsRow = sheet.values[Number(/:[A-Z]+(\d+)$/.exec(sheet.tables[0].address)![1]) - 1];
    expect(totalsRow[0]).toBe("Summa");
    expect(totalsRow[2] as number).toBeLessThan(totalsRow[1] as number);
    expect(state.activeSheet).toBe(SCENARIO_SHEET_NAME);
    for (const before of initial.sheets) expect(state.sheets.find((s) => s.name === before.name)!.values).toEqual(before.values);

    await page.click("[data-testid=scenario-sheet-write]");
    await page.waitForFunction(() => !(document.querySelector("[data-testid=scenario-sheet-write]") as HTMLButtonElement | null)?.disabled);
    await page.waitForSelector("[data-testid=scenario-sheet-message]");
    const again = await workbook(page);
    expect(again.sheets.filter((s) => s.name === SCENARIO_SHEET_NAME)).toHaveLength(1);
    expect(again.sheets.map((s) => s.name)).toEqual([...initial.sheets.map((s) => s.name), SCENARIO_SHEET_NAME]);
    expectClean(visit);
    await page.close();
  });
});
