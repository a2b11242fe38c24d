import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DIST, OFFICE_JS_URL, OUTPUT, ensureProductionBuild, firstLoadScripts } from "./distFiles";

/** First-load budget for the pane's own JavaScript, gzip-compressed (the review chunk loads later). */
const BUDGET_KB = 200;

beforeAll(() => ensureProductionBuild(), 300_000);

describe("production bundle", () => {
  it(`loads under ${BUDGET_KB} KB of gzip-compressed JavaScript at first`, () => {
    const scripts = firstLoadScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((src) => {
      const bytes = readFileSync(path.join(DIST, src.replace(/^\.?\//, "")));
      return { src, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    const totalKb = sizes.reduce((n, s) => n + s.gzip, 0) / 1024;
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(path.join(OUTPUT, "bundle-size.json"), JSON.stringify({ scripts: sizes, firstLoadGzipKb: Number(totalKb.toFixed(1)) }, null, 2));
    expect(totalKb).toBeLessThan(BUDGET_KB);
  });

  it("ships the CDN office.js tag, a Content-Security-Policy and content-hashed file names", () => {
    const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    // The HTML is minified: attribute quotes may be dropped.
    expect(html).toMatch(new RegExp(`<script src="?${OFFICE_JS_URL.replace(/[./]/g, "\\$&")}"?></script>`));
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    for (const src of firstLoadScripts()) expect(src).toMatch(/\.[0-9a-f]{8}\.js$/);
  });
});
