/**
 * Driving the PRODUCTION task pane (dist/) in headless Chromium. The CDN's office.js is routed to
 * the strict fake Office/Excel host holding a workbook state; every other request outside the
 * local server is recorded and refused (the pane must send nothing anywhere).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import { DIST, OFFICE_JS_URL, OUTPUT, REPO, ensureProductionBuild } from "./distFiles";
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

export interface Visit {
  page: Page;
  unexpected: string[];
  cspViolations: string[];
  pageErrors: string[];
}

export interface Session {
  server: StaticServer;
  open(state: unknown, options?: Record<string, unknown>, viewport?: { width: number; height: number }): Promise<Visit>;
  close(): Promise<void>;
}

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

export async function startSession(): Promise<Session> {
  ensureProductionBuild();
  const fakeOffice = await bundleFake();
  const server = await serveDirectory(DIST);
  const profileDir = mkdtempSync(path.join(os.tmpdir(), "pane-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport: { width: 320, height: 900 },
  });
  mkdirSync(OUTPUT, { recursive: true });

  async function open(state: unknown, options: Record<string, unknown> = {}, viewport = { width: 320, height: 900 }): Promise<Visit> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
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

  return {
    server,
    open,
    async close() {
      await context.close();
      await server.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Nothing left the machine, the CSP blocked nothing, no script failed. */
export function expectClean(visit: Visit): void {
  expect(visit.unexpected).toEqual([]);
  expect(visit.cspViolations).toEqual([]);
  expect(visit.pageErrors).toEqual([]);
}

export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: number; targets: string[] }[]> {
  const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  // Evaluated through the DevTools protocol, so the page's CSP (scripts only from self) allows it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Fluent's TabList (tabster) adds focus sentinels: 1 px <i tabindex=0 aria-hidden role=none>
    // that hand the focus on the moment they get it (data-tabster-dummy). axe counts them as
    // focusable hidden content; they are left out of the run, and nothing else is.
    const r = await axe.run({ exclude: [["[data-tabster-dummy]"]] } as unknown as Document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
}

export const seriousOnly = (v: { impact: string }[]) => v.filter((x) => x.impact === "serious" || x.impact === "critical");

/** How many times the pane synced with the (fake) workbook so far. */
export function syncCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __FAKE_HOST__: { counters: { syncs: number } } }).__FAKE_HOST__.counters.syncs);
}

type FakeState = { sheets: { name: string; conditionalFormats: unknown[] }[]; settings: Record<string, unknown>; selection: { sheet: string; address: string } | null };
export function fakeState(page: Page): Promise<FakeState> {
  return page.evaluate(() => (window as unknown as { __FAKE_HOST__: { state: FakeState } }).__FAKE_HOST__.state);
}

/** The row the fake workbook's selection starts on ("A130:XFD130" → 130). */
export async function selectedRow(page: Page): Promise<{ sheet: string; row: number } | null> {
  const sel = (await fakeState(page)).selection;
  return sel ? { sheet: sel.sheet, row: Number(/^[A-Z]*(\d+)/.exec(sel.address)?.[1] ?? NaN) } : null;
}

/** Clicks "Granska" and waits for the overview's figures. */
export async function review(page: Page): Promise<number> {
  const started = Date.now();
  await page.click("[data-testid=review]");
  await page.waitForSelector("[data-testid=figures-table]", { timeout: 170_000 });
  return Date.now() - started;
}

/** The page's own horizontal overflow, and that of every element inside it. */
export function horizontalOverflow(page: Page): Promise<{ page: number; elements: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const elements: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-testid=pane] *"))) {
      // Visually hidden text (1 px, clipped) is meant to overflow.
      if (el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible") elements.push(`${el.tagName}.${el.className}`.slice(0, 80));
    }
    return { page: root.scrollWidth - root.clientWidth, elements };
  });
}
