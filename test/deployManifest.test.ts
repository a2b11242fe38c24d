/**
 * The manifest for a deployment: `npm run build` moves every URL of manifest.xml to the origin
 * the add-in is served from (ADDIN_ORIGIN) and checks it with the same offline validation.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEV_ORIGIN, manifestForOrigin, parseAddinOrigin } from "../scripts/deployManifest";
import { checkManifest, DEFAULT_OPTIONS, deploymentOptions, optionsForFile, parseXml, REPO_ROOT, type XmlElement } from "../scripts/manifestCheck";

const DEV_XML = readFileSync(path.join(REPO_ROOT, "manifest.xml"), "utf8");
const DEPLOY = deploymentOptions(path.join(REPO_ROOT, "assets"));

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** Every URL in a manifest: DefaultValue attributes that are URLs, and AppDomain texts. */
function urlsOf(xml: string): string[] {
  return [...walk(parseXml(xml))].flatMap((e) => [
    ...(e.name === "AppDomain" ? [e.text.trim()] : []),
    ...(/^https?:/.test(e.attrs.DefaultValue ?? "") ? [e.attrs.DefaultValue] : []),
  ]);
}

describe("ADDIN_ORIGIN", () => {
  it("accepts an https origin, with or without a path, and drops the trailing slash", () => {
    expect(parseAddinOrigin("https://addin.example.se")).toBe("https://addin.example.se");
    expect(parseAddinOrigin(" https://addin.example.se/ ")).toBe("https://addin.example.se");
    expect(parseAddinOrigin("https://intra.region.se/tillagg/granskning/")).toBe("https://intra.region.se/tillagg/granskning");
    expect(parseAddinOrigin("https://static.example.se:8443")).toBe("https://static.example.se:8443");
  });

  it.each([
    ["http://addin.example.se", /must use https/],
    ["addin.example.se", /is not a URL/],
    ["https://addin.example.se/?v=2", /query or fragment/],
    ["https://addin.example.se/#x", /query or fragment/],
    ["https://user:pw@addin.example.se", /user name or password/],
  ])("refuses %s with a message naming the variable", (value, message) => {
    expect(() => parseAddinOrigin(value)).toThrow(message);
    expect(() => parseAddinOrigin(value)).toThrow(/ADDIN_ORIGIN/);
  });
});

describe("the deployment manifest", () => {
  const base = "https://addin.example.se";
  const xml = manifestForOrigin(DEV_XML, base);

  it("moves every URL to the origin and leaves nothing on the dev server", () => {
    const urls = urlsOf(xml);
    // 9 URLs + 1 AppDomain in manifest.xml today (icons 32/64, support, source, 3 ribbon images, 2 ribbon URLs).
    expect(urls).toHaveLength(urlsOf(DEV_XML).length);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) expect(url.startsWith(base)).toBe(true);
    expect(xml).not.toContain("localhost");
    expect(xml).toContain("<SourceLocation DefaultValue=\"https://addin.example.se/taskpane.html\"/>");
    expect(xml).toContain("<AppDomain>https://addin.example.se</AppDomain>");
  });

  it("keeps everything else as it was (same id, version, requirement set and texts)", () => {
    const strip = (s: string) => s.replace(/https:\/\/[^"<\s]+/g, "URL");
    expect(strip(xml)).toBe(strip(DEV_XML));
  });

  it("passes the offline validation for deployments, and fails the dev manifest's origin rule", () => {
    expect(checkManifest(xml, DEPLOY)).toEqual([]);
    expect(checkManifest(xml, DEFAULT_OPTIONS).join("\n")).toMatch(/is not on https:\/\/localhost:3000/);
    expect(checkManifest(DEV_XML, DEFAULT_OPTIONS)).toEqual([]);
  });

  it("without ADDIN_ORIGIN the build's manifest is the dev manifest", () => {
    expect(manifestForOrigin(DEV_XML, parseAddinOrigin(DEV_ORIGIN))).toBe(DEV_XML);
    expect(checkManifest(DEV_XML, DEPLOY)).toEqual([]);
  });

  it("works under a path, icons included", () => {
    const under = manifestForOrigin(DEV_XML, "https://intra.region.se/tillagg/granskning");
    expect(under).toContain('DefaultValue="https://intra.region.se/tillagg/granskning/assets/icon-32.png"');
    expect(under).toContain("<AppDomain>https://intra.region.se</AppDomain>");
    expect(checkManifest(under, DEPLOY)).toEqual([]);
  });

  it("fails validation when one URL points elsewhere, is http, or an icon is missing", () => {
    const elsewhere = xml.replace('"https://addin.example.se/assets/icon-64.png"', '"https://cdn.other.se/assets/icon-64.png"');
    expect(checkManifest(elsewhere, DEPLOY).join("\n")).toMatch(/icon-64.png" is not on https:\/\/addin.example.se/);
    const plain = xml.split("https://addin.example.se").join("http://addin.example.se");
    expect(checkManifest(plain, DEPLOY).join("\n")).toMatch(/SourceLocation> .* must be an https URL/);
    const missing = xml.replace("assets/icon-80.png", "assets/icon-81.png");
    expect(checkManifest(missing, DEPLOY).join("\n")).toMatch(/icon-81.png does not exist/);
  });

  it("npm run validate picks the rule by file: the repository's manifest is the dev one, any other a deployment's", () => {
    expect(optionsForFile(path.join(REPO_ROOT, "manifest.xml")).origin).toBe(DEV_ORIGIN);
    expect(optionsForFile(path.join(REPO_ROOT, "dist", "manifest.xml")).origin).toBe("any-https");
  });
});
