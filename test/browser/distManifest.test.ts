/** The build writes a manifest beside the files it names, and it passes the deployment check. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkManifest, deploymentOptions } from "../../scripts/manifestCheck";
import { DIST, ensureProductionBuild } from "./distFiles";

beforeAll(() => ensureProductionBuild(), 600_000);

it("dist/manifest.xml passes the offline check and every file it names is in dist/", () => {
  const xml = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
  expect(checkManifest(xml, deploymentOptions(path.join(DIST, "assets")))).toEqual([]);
  const base = /<SourceLocation DefaultValue="(https:\/\/[^"]+)\/taskpane\.html"/.exec(xml)![1];
  const files = [...xml.matchAll(/DefaultValue="([^"]+)"/g)].map((m) => m[1]).filter((u) => u.startsWith(`${base}/`));
  expect(files.length).toBeGreaterThanOrEqual(9);
  for (const url of files) expect(existsSync(path.join(DIST, url.slice(base.length + 1)))).toBe(true);
});
