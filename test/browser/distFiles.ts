/** Locating the production build the browser tests drive (npm test builds it first). */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const REPO = path.resolve(__dirname, "..", "..");
/** PANE_DIST lets a run point at another build (e.g. a development build) without touching dist/. */
export const DIST = process.env.PANE_DIST ?? path.join(REPO, "dist");
export const OUTPUT = path.join(REPO, "test-output");
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Builds dist/ in production mode when it is absent (running this test file on its own). */
export function ensureProductionBuild(): void {
  if (existsSync(path.join(DIST, "taskpane.html"))) return;
  execFileSync(process.execPath, [path.join(REPO, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], {
    cwd: REPO,
    stdio: "inherit",
  });
}

/** The scripts taskpane.html loads itself (the CDN's office.js excluded). */
export function firstLoadScripts(): string[] {
  const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}
