/**
 * The disputes tab in the PRODUCTION pane in headless Chromium over the strict fake host: the
 * name asked once, a dispute from a finding, a bulk dispute with its count confirmed, the
 * disputes kept in the workbook's custom XML parts; axe and no sideways scrolling at 320 px.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { OUTPUT } from "./distFiles";
import { sampleState } from "./fakeWorkbooks";
import { axeViolations, expectClean, horizontalOverflow, review, seriousOnly, startSession, type Session } from "./paneSession";

jest.setTimeout(300_000);

let session: Session;
beforeAll(async () => {
  session = await startSession();
  mkdirSync(OUTPUT, { recursive: true });
}, 300_000);
afterAll(async () => {
  await session?.close();
});

const items = (page: Page) => page.locator("[data-testid=dispute-item]").count();

describe("the disputes tab in Chromium", () => {
  it("disputes from a finding and in bulk, is accessible and fits at 320 px", async () => {
    const visit = await session.open(await sampleState(), { hostInfo: { displayLanguage: "en-US" } });
    const { page } = visit;
    await review(page);
    await page.click("[data-testid=tab-disputes]");
    await page.fill("[data-testid=reviewer-name]", "Anna Granskare");
    await page.click("[data-testid=reviewer-save]");
    await page.waitForSelector("[data-testid=dispute-figures]");

    await page.click("[data-testid=tab-findings]");
    // The first finding's item: once disputed it shows "Disputed" in place of the action.
    const first = page.locator("[data-testid=finding-item]").first();
    await first.locator("[data-testid=finding-dispute]").click();
    await first.locator("[data-testid=finding-disputed]").waitFor();

    await page.click("[data-testid=tab-disputes]");
    await page.waitForSelector("[data-testid=dispute-item]");
    await expect(items(page)).resolves.toBe(1);

    await page.click("[data-testid=bulk-start]");
    const question = await page.locator("[data-testid=bulk-confirm]").innerText();
    const asked = Number(/Dispute (\d+) rows/.exec(question)?.[1]);
    expect(asked).toBeGreaterThan(0);
    await page.click("[data-testid=bulk-confirm-yes]");
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=dispute-item]").length === n, 1 + asked);

    // Kept in the workbook: the fake holds the disputes in custom XML parts, the reviewer named there.
    const xml = await page.evaluate(() =>
      ((window as unknown as { __FAKE_HOST__: { state: { customXmlParts?: { xml: string }[] } } }).__FAKE_HOST__.state.customXmlParts ?? []).map((p) => p.xml).join("\n"),
    );
    expect(xml).toContain("Anna Granskare");

    await page.click("[data-testid=export-text]");
    await page.locator("details[data-testid=reason-rules] summary").click();
    const violations = await axeViolations(page);
    expect(seriousOnly(violations)).toEqual([]);
    await expect(horizontalOverflow(page)).resolves.toEqual({ page: 0, elements: [] });
    await page.screenshot({ path: path.join(OUTPUT, "disputes-320.png"), fullPage: true });
    await page.locator("[data-testid=dispute-figures]").screenshot({ path: path.join(OUTPUT, "disputes-figures-320.png") });
    const totalAfter = () => page.locator("[data-testid=figures-total] [data-testid=figure-after] [data-testid=amount]").innerText();
    const afterInTab = await totalAfter();

    // The overview shows the same four figures (same agreement), and the result sheet gets them.
    await page.click("[data-testid=tab-overview]");
    await page.waitForSelector("[data-testid=results] [data-testid=dispute-figures]");
    await expect(totalAfter()).resolves.toBe(afterInTab);
    expect(seriousOnly(await axeViolations(page))).toEqual([]);
    await expect(horizontalOverflow(page)).resolves.toEqual({ page: 0, elements: [] });
    await page.screenshot({ path: path.join(OUTPUT, "overview-disputes-320.png"), fullPage: true });
    await page.click("[data-testid=write]");
    await page.waitForFunction(() =>
      (window as unknown as { __FAKE_HOST__: { state: { sheets: { name: string }[] } } }).__FAKE_HOST__.state.sheets.some((s) => s.name === "Granskning"),
    );
    const rows = await page.evaluate(
      () => (window as unknown as { __FAKE_HOST__: { state: { sheets: { name: string; values: unknown[][] }[] } } }).__FAKE_HOST__.state.sheets.find((s) => s.name === "Granskning")!.values,
    );
    const at = rows.findIndex((r) => r[0] === "Before and after disputes, per municipality");
    expect(at).toBeGreaterThan(0);
    const total = rows.slice(at).find((r) => r[0] === "Total")!;
    // The sheet's after-disputes total (column D) is the amount the pane shows, in whole kronor.
    expect(Number(afterInTab.replace(/[^\d-]/g, ""))).toBe(total[3]);
    expectClean(visit);
    await page.close();
  });
});
