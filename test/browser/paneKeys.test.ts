/**
 * The PRODUCTION pane in headless Chromium over the strict fake host: marks that follow the rows
 * through a sort, the disputed colour, the findings filtered by disputed or not (by keyboard), and
 * the per-sheet care type whose figures equal the engine's with careTypeBySheet. 320 px wide.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { getPreset } from "../../src/core/agreements/presets";
import type { CellValue } from "../../src/core/cells/cellValue";
import { reviewWorkbook } from "../../src/core/review/reviewWorkbook";
import { todayEpochDay } from "../../src/taskpane/paneModel";
import { formatFor } from "../../src/taskpane/shared/format";
import { makeSheet, makeWorkbook, type FakeWorkbookState } from "../fakes/excel/state";
import { careTypeSheetValues } from "../taskpane/basis/careTypeSheets";
import { expectedByKey, keysNow, sampleWithUserFormats, SHEET, sortOfSample, wrongRows } from "../taskpane/marks/sampleMarks";
import { shownCode } from "../taskpane/marks/shownMarks";
import { OUTPUT, REPO } from "./distFiles";
import { axeViolations, expectClean, fakeState, horizontalOverflow, review, seriousOnly, startSession, type Session } from "./paneSession";

jest.setTimeout(300_000);

// A test run leaves the committed screenshots alone; UPDATE_SCREENSHOTS=1 writes them anew.
const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.join(REPO, "docs", "screenshots") : path.join(OUTPUT, "screenshots");
let session: Session;
beforeAll(async () => {
  session = await startSession();
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await session?.close();
});

const state = (page: Page) => fakeState(page) as unknown as Promise<FakeWorkbookState>;

/** The user sorts the data rows in the (fake) workbook, as Excel's sort does. */
async function sortInWorkbook(page: Page): Promise<void> {
  const spec = { sheet: SHEET, ...sortOfSample() };
  await page.evaluate(async (s) => {
    type Ctx = { workbook: { worksheets: { getItem(n: string): { getRange(a: string): { sort: { apply(f: unknown, m: boolean, h: boolean): void } } } } }; sync(): Promise<void> };
    const excel = (window as unknown as { Excel: { run(b: (c: Ctx) => Promise<void>): Promise<void> } }).Excel;
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(s.sheet).getRange(s.address).sort.apply(s.fields, false, false);
      await ctx.sync();
    });
  }, spec);
}

/** Waits until every data row shows its stay's mark. */
async function marksRight(page: Page, want: Map<string, number>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (wrongRows(await state(page), want).length === 0) return;
    await page.waitForTimeout(100);
  }
  expect(wrongRows(await state(page), want)).toEqual([]);
}

describe("keys in the pane, in Chromium", () => {
  it("marks follow the stays through a sort; a disputed stay in its colour; findings filtered by disputed, by keyboard", async () => {
    const start = await sampleWithUserFormats();
    const want = expectedByKey(start);
    const visit = await session.open(start, { hostInfo: { displayLanguage: "en-US" } });
    const { page } = visit;
    await review(page);
    await page.click("[data-testid=tab-disputes]");
    await page.fill("[data-testid=reviewer-name]", "Anna Granskare");
    await page.click("[data-testid=reviewer-save]");
    await page.waitForSelector("[data-testid=dispute-figures]");

    await page.click("[data-testid=tab-findings]");
    await page.click("[data-testid=mark]");
    await page.waitForFunction(() => /rows marked/.test(document.querySelector("[data-testid=marked-count]")?.textContent ?? ""));
    await marksRight(page, want);

    // The data moves, the row numbers do not; the pane hears of the sort and places the marks again
    // (that they are wrong in between is shown in test/taskpane/marks/paneMarks.test.tsx).
    await sortInWorkbook(page);
    await marksRight(page, want);
    await expect(page.locator("[data-testid=marks-follow]").innerText()).resolves.toMatch(/follow the rows when you sort/);

    // Dispute the first finding; its stay turns lavender where it is now.
    const first = page.locator("[data-testid=finding-item]").first();
    await first.locator("[data-testid=finding-dispute]").click();
    await first.locator("[data-testid=finding-disputed]").waitFor();
    let disputedRows: number[] = [];
    for (let i = 0; i < 100 && disputedRows.length === 0; i++) {
      const s = await state(page);
      disputedRows = Array.from({ length: 500 }, (_, r) => r + 1).filter((r) => shownCode(s, SHEET, r) === 4);
      if (disputedRows.length === 0) await page.waitForTimeout(100);
    }
    expect(disputedRows).toHaveLength(1);
    const now = await state(page);
    want.set(keysNow(now).at(SHEET, disputedRows[0])!.key, 4);
    expect(wrongRows(now, want)).toEqual([]);
    await page.locator("[data-testid=marks]").screenshot({ path: path.join(SHOTS, "marks-after-sort-320.png") });

    // The disputed filter, by keyboard: focus it, arrow down to "Disputed".
    const filter = page.locator("[data-testid=filter-disputed]");
    const options = await filter.locator("option").allInnerTexts();
    const disputedCount = Number(/\((\d+)\)/.exec(options[1])?.[1]);
    expect(disputedCount).toBeGreaterThan(0);
    await filter.focus();
    await page.keyboard.press("ArrowDown");
    await expect(filter.inputValue()).resolves.toBe("disputed");
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=finding-item]").length === n, disputedCount);
    await expect(page.locator("[data-testid=finding-disputed]").count()).resolves.toBe(disputedCount);

    await expect(horizontalOverflow(page)).resolves.toEqual({ page: 0, elements: [] });
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "findings-disputed-filter-320.png"), fullPage: true });
    expectClean(visit);
    await page.close();
  });

  it("a psychiatric care type for the sheet: the figures on screen equal the engine's with careTypeBySheet", async () => {
    const law = getPreset("lag-2017-612")!;
    const values = careTypeSheetValues();
    const visit = await session.open(makeWorkbook([makeSheet("Underlag", values)]), { hostInfo: { displayLanguage: "en-US" } });
    const { page } = visit;
    await page.selectOption("#agreement-select", law.id);
    await review(page);
    const f = formatFor("en");
    const expected = (care?: "psychiatric") =>
      reviewWorkbook(
        { sheets: [{ name: "Underlag", values: values as CellValue[][], originRow: 1, originColumn: 0 }], dateSystem: "1900" },
        { profile: law, referenceDay: todayEpochDay(new Date()), sheets: ["Underlag"], careTypeBySheet: care ? { Underlag: care } : undefined },
      ).figures.groups.map((g) => `${g.careType === "somatic" ? "Somatic" : "Psychiatric"} · ${g.period} ${f.fixed(g.liableDays, 2)}`);
    const shown = async () => {
      if ((await page.locator("[data-testid=group-detail]").count()) === 0) await page.click("[data-testid=municipality-toggle]");
      return page.locator("[data-testid=group-detail]").evaluateAll((ds) =>
        ds.map((d) => {
          const terms = Array.from(d.querySelectorAll("dt")).map((x) => x.textContent);
          return `${d.querySelector("strong")!.textContent} ${d.querySelectorAll("dd")[terms.indexOf("Liable days")].textContent}`;
        }),
      );
    };
    await expect(shown()).resolves.toEqual(expected());

    if (!(await page.locator("[data-testid=basis]").evaluate((d) => (d as HTMLDetailsElement).open))) await page.click("[data-testid=basis-summary]");
    await page.selectOption("[data-testid=care-type-select]", "psychiatric");
    await page.waitForFunction(() => /Underlag: psychiatric care \(your choice\)/.test(document.querySelector("[data-testid=result-for]")?.textContent ?? ""));
    const want = expected("psychiatric");
    expect(want).not.toEqual(expected());
    for (let i = 0; i < 50 && JSON.stringify(await shown()) !== JSON.stringify(want); i++) await page.waitForTimeout(100);
    await expect(shown()).resolves.toEqual(want);
    await expect(horizontalOverflow(page)).resolves.toEqual({ page: 0, elements: [] });
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "care-type-psychiatric-320.png"), fullPage: true });
    expectClean(visit);
    await page.close();
  });
});
