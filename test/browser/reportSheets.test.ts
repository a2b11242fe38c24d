/**
 * The follow-up reports from the PRODUCTION pane against the strict fake host with the sample
 * workbook: "Skriv rapport" (all, the default) writes the five report sheets with their tables
 * and native charts, says which in the status line, leaves the user's sheets as they were, and a
 * second click replaces the sheets instead of adding to them.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { REPORT_SHEET_NAMES } from "../../src/core";
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
const REPORTS = Object.values(REPORT_SHEET_NAMES);

describe("follow-up reports in Chromium", () => {
  it("writes every report sheet with tables and charts; a second click replaces them; the user's sheets untouched", async () => {
    const initial = await sampleState();
    const visit = await session.open(initial);
    const { page } = visit;
    await review(page);
    await page.locator("[data-testid=write-report]").scrollIntoViewIfNeeded();
    await page.click("[data-testid=write-report]");
    await page.waitForFunction(() => /Skrev bladen/.test(document.querySelector("[data-testid=status]")?.textContent ?? ""));
    await page.screenshot({ path: path.join(OUTPUT, "reports-320.png") });
    expect(seriousOnly(await axeViolations(page))).toEqual([]);

    const state = await workbook(page);
    expect(state.sheets.map((s) => s.name)).toEqual([...initial.sheets.map((s) => s.name), ...REPORTS]);
    for (const before of initial.sheets) expect(state.sheets.find((s) => s.name === before.name)!.values).toEqual(before.values);
    const sheet = (name: string) => state.sheets.find((s) => s.name === name)!;
    expect(sheet(REPORT_SHEET_NAMES.averageDays).values[0][0]).toBe("Uppföljning: medelvärde utskrivningsklara dagar per kommun");
    expect(sheet(REPORT_SHEET_NAMES.averageDays).charts.map((c) => c.type)).toEqual(["Line"]);
    expect(sheet(REPORT_SHEET_NAMES.costPerMonth).charts.map((c) => c.type)).toEqual(["ColumnClustered"]);
    // The sample's six Halland municipalities, and the national average as a series of its own.
    const national = sheet(REPORT_SHEET_NAMES.nationalComparison).charts[0];
    expect(national.series!.map((s) => s.name)).toEqual(["Falkenberg", "Halmstad", "Hylte", "Kungsbacka", "Laholm", "Varberg", "Riksgenomsnitt"]);
    // Identity numbers in the list of long stays are masked by default.
    const delayed = sheet(REPORT_SHEET_NAMES.delayedStays);
    const ids = delayed.values.flat().filter((v): v is string => typeof v === "string" && /^\d{8}-/.test(v));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\d{8}-\*{4}$/);

    await page.click("[data-testid=write-report]");
    await page.waitForFunction(() => !(document.querySelector("[data-testid=write-report]") as HTMLButtonElement | null)?.disabled);
    const again = await workbook(page);
    expect(again.sheets.map((s) => s.name)).toEqual([...initial.sheets.map((s) => s.name), ...REPORTS]);
    const tables = again.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(new Set(tables).size).toBe(tables.length);
    expectClean(visit);
    await page.close();
  });
});
