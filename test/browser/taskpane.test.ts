/**
 * Drives the PRODUCTION task pane (dist/) in headless Chromium. The CDN's office.js is routed to
 * the strict fake Office/Excel host holding the sample workbook; every other request outside
 * the local server fails the test (the pane must send nothing anywhere).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import { DIST, OFFICE_JS_URL, OUTPUT, REPO, ensureProductionBuild } from "./distFiles";
import { largeState, noInvoiceState, sampleState, SAMPLE_SEEDED } from "./fakeWorkbooks";
import { serveDirectory, type StaticServer } from "./staticServer";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];

jest.setTimeout(180_000);

let server: StaticServer;
let fakeOffice: string;
let profileDir: string;
let context: BrowserContext;

function bundleFake(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(REPO, "webpack.fake.config.js"));
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err || !stats || stats.hasErrors()) return reject(err ?? new Error(stats?.toString({ all: false, errors: true })));
      resolve(readFileSync(path.join(config.output.path, "fake-office.js"), "utf8"));
    }),
  );
}

interface Visit {
  page: Page;
  unexpected: string[];
  cspViolations: string[];
  pageErrors: string[];
}

/** Opens the pane with the given workbook state; office.js is the fake, nothing else leaves the machine. */
async function openPane(state: unknown, options: Record<string, unknown> = {}): Promise<Visit> {
  const page = await context.newPage();
  const visit: Visit = { page, unexpected: [], cspViolations: [], pageErrors: [] };
  page.on("pageerror", (e) => visit.pageErrors.push(e.message));
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) visit.cspViolations.push(m.text());
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      return route.fulfill({
        contentType: "text/javascript",
        body: `window.__FAKE_WORKBOOK__ = ${JSON.stringify(state)};\nwindow.__FAKE_OPTIONS__ = ${JSON.stringify(options)};\n${fakeOffice}`,
      });
    }
    if (url.startsWith(server.origin + "/") || url.startsWith("data:")) return route.continue();
    visit.unexpected.push(url);
    return route.abort();
  });
  await page.goto(`${server.origin}/taskpane.html`);
  await page.waitForSelector("html[data-pane-ready='true']", { timeout: 60_000 });
  return visit;
}

/** Nothing left the machine, the CSP blocked nothing, no script failed. */
function expectClean(visit: Visit): void {
  expect(visit.unexpected).toEqual([]);
  expect(visit.cspViolations).toEqual([]);
  expect(visit.pageErrors).toEqual([]);
}

async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  // Evaluated through the DevTools protocol, so the page's CSP (scripts only from self) allows it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}

beforeAll(async () => {
  ensureProductionBuild();
  fakeOffice = await bundleFake();
  server = await serveDirectory(DIST);
  profileDir = mkdtempSync(path.join(os.tmpdir(), "pane-chromium-"));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport: { width: 320, height: 900 },
  });
  mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe("task pane in Chromium (fake Excel host, sample workbook)", () => {
  it("lists the sheet, reviews it, shows figures, selects a finding's row; accessible at 320 px", async () => {
    const state = await sampleState();
    const started = Date.now();
    const visit = await openPane(state, { hostInfo: { displayLanguage: "sv-SE" } });
    const { page } = visit;
    const readyMs = await page.evaluate(() => performance.getEntriesByName("pane-ready")[0]?.startTime ?? -1);
    const officeReadyMs = await page.evaluate(() => performance.getEntriesByName("office-ready")[0]?.startTime ?? -1);
    const domContentLoadedMs = await page.evaluate(
      () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? -1,
    );
    const wallMs = Date.now() - started;

    // The sheet is listed with its mapping.
    const card = page.locator("[data-testid=sheet-card]");
    await expect(card.count()).resolves.toBe(1);
    await expect(card.getAttribute("data-sheet")).resolves.toBe(SAMPLE_SEEDED.sheet);
    await expect(page.locator("[data-testid=mapping-list]").innerText()).resolves.toMatch(/Personnummer ←/);
    await expect(page.locator("[data-testid=agreement-details]").innerText()).resolves.toMatch(/Källa/);

    // Review: figures per municipality and period, totals, findings.
    const reviewStarted = Date.now();
    await page.click("[data-testid=review]");
    await page.waitForSelector("[data-testid=figures-table]", { timeout: 120_000 });
    const reviewMs = Date.now() - reviewStarted;
    const rows = await page.locator("[data-testid=figures-row]").count();
    expect(rows).toBeGreaterThan(0);
    await expect(page.locator("[data-testid=figures-totals]").innerText()).resolves.toMatch(/Summa/);
    const findingsText = await page.locator("[data-testid=findings]").innerText();
    expect(findingsText).toMatch(/Avvikelser \(\d+\)/);

    // A seeded duplicate: filter on its code, choose it, the fake's selection moves to its row.
    const duplicate = SAMPLE_SEEDED.seeded.find((s) => s.code === "DUPLICATE_STAY")!;
    await page.selectOption("#filter-code", "DUPLICATE_STAY");
    const item = page.locator(`[data-testid=finding][data-row='${duplicate.row}']`).first();
    await item.focus();
    await page.keyboard.press("Enter");
    // The fake records the selection as an A1 address ("A130:XFD130" or "A130:R130").
    const selectedRow = () =>
      page.evaluate(() => {
        const sel = (window as unknown as { __FAKE_HOST__: { state: { selection: { sheet: string; address: string } | null } } }).__FAKE_HOST__.state.selection;
        return sel ? { sheet: sel.sheet, row: Number(/^[A-Z]*(\d+)/.exec(sel.address)?.[1] ?? NaN) } : null;
      });
    await page.waitForFunction(
      () => (window as unknown as { __FAKE_HOST__: { state: { selection: unknown } } }).__FAKE_HOST__.state.selection !== null,
      undefined,
      { timeout: 10_000 },
    );
    const selection = await selectedRow();
    expect(selection).toEqual({ sheet: SAMPLE_SEEDED.sheet, row: duplicate.row });
    // Identity numbers are masked until revealed.
    await expect(page.locator("[data-testid=person-id]").first().innerText()).resolves.toMatch(/\*\*\*\*/);

    // The workbook actions go through the real adapter into the fake workbook.
    type FakeState = { sheets: { name: string; conditionalFormats: unknown[] }[]; settings: Record<string, unknown> };
    const fakeState = () => page.evaluate(() => (window as unknown as { __FAKE_HOST__: { state: FakeState } }).__FAKE_HOST__.state);
    await page.click("[data-testid=mark]");
    await page.waitForFunction(() => /markerade|marked/.test(document.querySelector("[data-testid=status]")?.textContent ?? ""));
    const marked = (await fakeState()).sheets.find((x) => x.name === SAMPLE_SEEDED.sheet)!;
    expect(marked.conditionalFormats.length).toBeGreaterThan(0);
    await page.click("[data-testid=write]");
    await page.waitForFunction(() => /skrivet|written/.test(document.querySelector("[data-testid=status]")?.textContent ?? ""));
    expect((await fakeState()).sheets.map((x) => x.name)).toContain("Granskning");
    await page.click("[data-testid=clear]");
    await page.waitForFunction(() => /borttagna|removed/.test(document.querySelector("[data-testid=status]")?.textContent ?? ""));
    expect((await fakeState()).sheets.find((x) => x.name === SAMPLE_SEEDED.sheet)!.conditionalFormats).toEqual([]);

    await page.screenshot({ path: path.join(OUTPUT, "taskpane-320-light.png"), fullPage: true });
    const violations = await axeViolations(page);
    writeFileSync(path.join(OUTPUT, "axe-320-light.json"), JSON.stringify(violations, null, 2));
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    // No horizontal overflow of the page itself at 320 px (wide tables scroll inside their region).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    expectClean(visit);
    expect(server.requests.every((p) => p === "/taskpane.html" || /^\/(taskpane|review)\.[0-9a-f]{8}\.js$|^\/[\w.-]+\.js$|^\/assets\//.test(p))).toBe(true);

    writeFileSync(
      path.join(OUTPUT, "taskpane-timing.json"),
      JSON.stringify(
        { paneReadyMsFromNavigationStart: Math.round(readyMs), domContentLoadedMs: Math.round(domContentLoadedMs), officeReadyMs: Math.round(officeReadyMs), wallClockOpenMs: wallMs, reviewMs, groups: rows },
        null,
        2,
      ),
    );
    expect(readyMs).toBeGreaterThan(0);
    await page.close();
  });

  it("follows a dark Office theme and English display language", async () => {
    const visit = await openPane(await sampleState(), { hostInfo: { displayLanguage: "en-US", bodyBackgroundColor: "#1f1f1f" } });
    const { page } = visit;
    await expect(page.locator("h1").innerText()).resolves.toBe("Review invoice basis");
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en");
    const background = await page.locator("[data-testid=pane]").evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? ["255", "255", "255"]).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-320-dark-en.png"), fullPage: true });
    const violations = await axeViolations(page);
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    expectClean(visit);
    await page.close();
  });

  it("reviews a 20,000-row sheet and pages thousands of findings", async () => {
    const visit = await openPane(await largeState(20_000));
    const { page } = visit;
    const started = Date.now();
    await page.click("[data-testid=review]");
    await page.waitForSelector("[data-testid=figures-table]", { timeout: 170_000 });
    const reviewMs = Date.now() - started;
    const heading = await page.locator("#findings-heading").innerText();
    const total = Number(/\((\d+)\)/.exec(heading)?.[1]);
    expect(total).toBeGreaterThan(1000);
    // One page of 50 is rendered, not thousands of elements.
    await expect(page.locator("[data-testid=finding]").count()).resolves.toBe(50);
    await page.getByRole("button", { name: "Nästa" }).click();
    await expect(page.locator("[data-testid=finding]").count()).resolves.toBe(50);
    await expect(page.locator("[data-testid=findings] nav span").innerText()).resolves.toBe(`Sida 2 av ${Math.ceil(total / 50)}`);
    writeFileSync(path.join(OUTPUT, "taskpane-20000-rows.json"), JSON.stringify({ rows: 20_000, findings: total, reviewMs }, null, 2));
    expectClean(visit);
    await page.close();
  });

  it("remembers a corrected mapping in the workbook", async () => {
    const visit = await openPane(await sampleState());
    const { page } = visit;
    await page.click("[data-testid=sheet-card] details summary");
    const select = page.locator("select[data-field=unit]");
    const before = await select.inputValue();
    await select.selectOption("");
    await page.waitForFunction(() => /sparades|saved/.test(document.querySelector("[data-testid=status]")?.textContent ?? ""));
    const settings = await page.evaluate(() => (window as unknown as { __FAKE_HOST__: { state: { settings: Record<string, unknown> } } }).__FAKE_HOST__.state.settings);
    expect(before).not.toBe("");
    expect(JSON.stringify(settings)).toContain("unit");
    await expect(page.locator("[data-testid=mapping-list]").innerText()).resolves.not.toMatch(/Avdelning ←/);
    expectClean(visit);
    await page.close();
  });

  it("reviews a protected sheet but explains why its rows cannot be marked", async () => {
    const state = await sampleState();
    state.sheets.find((x) => x.name === SAMPLE_SEEDED.sheet)!.protected = true;
    const visit = await openPane(state);
    const { page } = visit;
    await expect(page.locator("[data-testid=sheet-card]").innerText()).resolves.toMatch(/skyddat/);
    await page.click("[data-testid=review]");
    await page.waitForSelector("[data-testid=figures-table]", { timeout: 120_000 });
    await page.click("[data-testid=mark]");
    await expect(page.locator("[data-testid=pane-error]").innerText()).resolves.toMatch(/skyddat/);
    expectClean(visit);
    await page.close();
  });

  it("explains a missing Excel API set instead of starting", async () => {
    const visit = await openPane(await sampleState(), { requirementSets: "1.3" });
    await expect(visit.page.locator("[data-testid=pane-error]").innerText()).resolves.toMatch(/ExcelApi 1\.6/);
    expectClean(visit);
    await visit.page.close();
  });

  it("says plainly when no sheet is an invoice basis", async () => {
    const visit = await openPane(noInvoiceState());
    await expect(visit.page.locator("[data-testid=no-invoice-sheet]").innerText()).resolves.toMatch(/Hittade inget blad/);
    expectClean(visit);
    await visit.page.close();
  });
});
