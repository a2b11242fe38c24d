/**
 * An offline structural check of manifest.xml (Office add-in manifest schema 1.1, TaskPaneApp).
 * No XSD ships in any npm package and Microsoft's validator is an online service, so we check
 * what we can here: element order, GUID id, https URLs on the dev server, icons that exist,
 * resource ids that resolve. Microsoft's validation stays the final word.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { REQUIRED_API } from "../src/adapters/excel/officeEnv";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? all;
  });
}

/**
 * A small, strict-enough XML parser for manifests: elements, attributes, text, comments,
 * CDATA, the declaration. Throws with a line number on malformed markup (unclosed or
 * mismatched tags, duplicate attributes, text outside the root).
 */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const lineAt = (pos: number) => source.slice(0, pos).split("\n").length;
  const fail = (msg: string, pos = i): never => {
    throw new Error(`XML line ${lineAt(pos)}: ${msg}`);
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  if (source.charCodeAt(0) === 0xfeff) i = 1;
  while (i < source.length) {
    if (source.startsWith("<?", i)) {
      const end = source.indexOf("?>", i);
      if (end < 0) fail("unterminated processing instruction");
      i = end + 2;
    } else if (source.startsWith("<!--", i)) {
      const end = source.indexOf("-->", i);
      if (end < 0) fail("unterminated comment");
      i = end + 3;
    } else if (source.startsWith("<![CDATA[", i)) {
      const end = source.indexOf("]]>", i);
      if (end < 0) fail("unterminated CDATA");
      if (!stack.length) fail("CDATA outside the root element");
      stack[stack.length - 1].text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith("<!", i)) {
      fail("DOCTYPE and declarations are not expected in a manifest");
    } else if (source.startsWith("</", i)) {
      const m = /^<\/([A-Za-z_][\w:.-]*)\s*>/.exec(source.slice(i));
      if (!m) fail("malformed closing tag");
      const open = stack.pop();
      if (!open || open.name !== m![1]) fail(`closing </${m![1]}> does not match <${open?.name ?? "(none)"}>`);
      i += m![0].length;
    } else if (source[i] === "<") {
      const m = /^<([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(source.slice(i));
      if (!m) fail("malformed start tag");
      const attrs: Record<string, string> = {};
      const attrRe = /([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
      for (let a = attrRe.exec(m![2]); a; a = attrRe.exec(m![2])) {
        if (a[1] in attrs) fail(`duplicate attribute ${a[1]}`);
        attrs[a[1]] = decode(a[3] ?? a[4] ?? "");
      }
      const el: XmlElement = { name: m![1], attrs, children: [], text: "", line: lineAt(i) };
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) fail("more than one root element");
      else root = el;
      if (!m![3]) stack.push(el);
      i += m![0].length;
    } else {
      const next = source.indexOf("<", i);
      const end = next < 0 ? source.length : next;
      const text = source.slice(i, end);
      if (stack.length) stack[stack.length - 1].text += decode(text);
      else if (text.trim()) fail("text outside the root element");
      i = end;
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) fail("no root element");
  return root!;
}

/** The local name (without a namespace prefix). */
const local = (name: string) => name.slice(name.indexOf(":") + 1);

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** OfficeApp's children for a TaskPaneApp, in schema order (schema 1.1). */
export const TASKPANE_SEQUENCE: { name: string; required: boolean }[] = [
  { name: "Id", required: true },
  { name: "AlternateId", required: false },
  { name: "Version", required: true },
  { name: "ProviderName", required: true },
  { name: "DefaultLocale", required: true },
  { name: "DisplayName", required: true },
  { name: "Description", required: true },
  { name: "IconUrl", required: true },
  { name: "HighResolutionIconUrl", required: true },
  { name: "SupportUrl", required: false },
  { name: "AppDomains", required: false },
  { name: "Hosts", required: true },
  { name: "Requirements", required: true },
  { name: "DefaultSettings", required: true },
  { name: "Permissions", required: true },
  { name: "AllowSnapshot", required: false },
  { name: "VersionOverrides", required: true },
];

export interface ManifestCheckOptions {
  /** Directory the /assets/ URLs are served from (the repository's assets/). */
  assetsDir: string;
  /**
   * Where every URL must point: the dev server's origin, or "any-https" for a deployment
   * (dist/manifest.xml): then every URL must start with the base the SourceLocation names
   * (its address without "taskpane.html") and AppDomain must be that base's origin.
   */
  origin: string | "any-https";
  /** The Excel API set and minimum version the adapter needs. */
  requirement: { set: string; version: string };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];

/** PNG width and height from the IHDR chunk, or null when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } | null {
  const buf = readFileSync(file);
  if (buf.length < 24 || buf.toString("latin1", 1, 4) !== "PNG") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Returns the problems found; an empty list means the structure is sound. */
export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [(e as Error).message];
  }
  if (root.name !== "OfficeApp") return [`root element is <${root.name}>, expected <OfficeApp>`];
  if (root.attrs.xmlns !== "http://schemas.microsoft.com/office/appforoffice/1.1")
    problems.push("OfficeApp must use the namespace http://schemas.microsoft.com/office/appforoffice/1.1");
  if (root.attrs["xsi:type"] !== "TaskPaneApp") problems.push('OfficeApp xsi:type must be "TaskPaneApp"');

  // Element order: walk the children against the schema sequence.
  const names = root.children.map((c) => c.name);
  let pos = 0;
  for (const name of names) {
    const at = TASKPANE_SEQUENCE.findIndex((s) => s.name === name);
    if (at < 0) {
      problems.push(`unexpected element <${name}> in OfficeApp`);
      continue;
    }
    if (at < pos) problems.push(`<${name}> is out of order: it must come before <${TASKPANE_SEQUENCE[pos - 1].name}>`);
    else pos = at + 1;
  }
  for (const s of TASKPANE_SEQUENCE) {
    const count = names.filter((n) => n === s.name).length;
    if (s.required && count === 0) problems.push(`required element <${s.name}> is missing`);
    if (count > 1) problems.push(`<${s.name}> appears ${count} times`);
  }
  const child = (name: string) => root.children.find((c) => c.name === name);

  const id = child("Id")?.text.trim() ?? "";
  if (child("Id") && !GUID.test(id)) problems.push(`<Id> "${id}" is not a GUID`);
  const version = child("Version")?.text.trim() ?? "";
  if (child("Version") && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) problems.push(`<Version> "${version}" is not n.n.n.n`);
  if (child("ProviderName") && !child("ProviderName")!.text.trim()) problems.push("<ProviderName> is empty");
  if (child("DefaultLocale") && !/^[a-z]{2}-[A-Z]{2}$/.test(child("DefaultLocale")!.text.trim()))
    problems.push("<DefaultLocale> must look like sv-SE");

  for (const [name, max] of [
    ["DisplayName", 125],
    ["Description", 250],
  ] as const) {
    const el = child(name);
    if (!el) continue;
    const value = el.attrs.DefaultValue ?? "";
    if (!value.trim()) problems.push(`<${name}> needs a DefaultValue`);
    if (value.length > max) problems.push(`<${name}> DefaultValue is longer than ${max} characters`);
    for (const o of el.children) {
      if (o.name !== "Override") problems.push(`unexpected <${o.name}> in <${name}>`);
      else if (!o.attrs.Locale || !o.attrs.Value) problems.push(`<Override> in <${name}> needs Locale and Value`);
      else if (o.attrs.Value.length > max) problems.push(`<Override Locale="${o.attrs.Locale}"> in <${name}> is too long`);
    }
  }

  const hosts = child("Hosts")?.children ?? [];
  if (child("Hosts") && !hosts.some((h) => h.name === "Host" && h.attrs.Name === "Workbook"))
    problems.push('<Hosts> must contain <Host Name="Workbook"/>');
  const sets = [...walk(child("Requirements") ?? { name: "", attrs: {}, children: [], text: "", line: 0 })].filter(
    (e) => e.name === "Set",
  );
  const excel = sets.find((s) => s.attrs.Name === options.requirement.set);
  if (child("Requirements")) {
    if (!excel) problems.push(`<Requirements> must name the ${options.requirement.set} set`);
    else if (excel.attrs.MinVersion !== options.requirement.version)
      problems.push(
        `<Set Name="${options.requirement.set}"> MinVersion is ${excel.attrs.MinVersion ?? "(none)"}, the add-in needs ${options.requirement.version}`,
      );
  }
  const source = child("DefaultSettings")?.children.find((c) => c.name === "SourceLocation");
  if (child("DefaultSettings") && !source?.attrs.DefaultValue) problems.push("<DefaultSettings> needs <SourceLocation DefaultValue>");
  const permission = child("Permissions")?.text.trim();
  if (child("Permissions") && !PERMISSIONS.includes(permission ?? "")) problems.push(`<Permissions> "${permission}" is not a permission`);
  else if (child("Permissions") && permission !== "ReadWriteDocument")
    problems.push("<Permissions> must be ReadWriteDocument (the add-in marks rows and writes a result sheet)");

  // Every URL: https on the dev server's origin; icon URLs must be files in assets/.
  const urls: { url: string; where: string; el: XmlElement }[] = [];
  for (const el of walk(root)) {
    const n = local(el.name);
    if (n === "AppDomain") urls.push({ url: el.text.trim(), where: "AppDomain", el });
    if (/Url$|^SourceLocation$|^Image$|^Url$/.test(n) && el.attrs.DefaultValue !== undefined)
      urls.push({ url: el.attrs.DefaultValue, where: `${el.name}${el.attrs.id ? ` id=${el.attrs.id}` : ""}`, el });
  }
  const base = urlBase(options.origin, source?.attrs.DefaultValue);
  if (base === null) problems.push(`<SourceLocation> "${source?.attrs.DefaultValue ?? ""}" must be an https URL ending in /taskpane.html`);
  for (const { url, where, el } of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${where} (line ${el.line}): "${url}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== "https:") problems.push(`${where} (line ${el.line}): "${url}" is not https`);
    if (base === null) continue;
    const baseOrigin = new URL(base).origin;
    const onBase = where === "AppDomain" ? parsed.origin === baseOrigin : url.startsWith(`${base}/`);
    if (!onBase) problems.push(`${where} (line ${el.line}): "${url}" is not on ${where === "AppDomain" ? baseOrigin : base}`);
    const relative = onBase && where !== "AppDomain" ? url.slice(base.length + 1) : "";
    if (relative.startsWith("assets/")) {
      const name = decodeURIComponent(relative.slice("assets/".length));
      const file = path.join(options.assetsDir, name);
      if (!existsSync(file)) {
        problems.push(`${where} (line ${el.line}): /assets/${name} does not exist in assets/`);
        continue;
      }
      const size = pngSize(file);
      if (!size) problems.push(`${where}: /assets/${name} is not a PNG`);
      const declared = local(el.name) === "Image" ? Number(/(\d+)x\d+/.exec(el.attrs.id ?? "")?.[1]) : NaN;
      const expected = el.name === "IconUrl" ? 32 : el.name === "HighResolutionIconUrl" ? 64 : declared;
      if (size && Number.isFinite(expected) && (size.width !== expected || size.height !== expected))
        problems.push(`${where}: /assets/${name} is ${size.width}×${size.height}, expected ${expected}×${expected}`);
    }
  }

  // VersionOverrides: a ribbon button that shows the task pane, and every resid defined once.
  const overrides = child("VersionOverrides");
  if (overrides) {
    if (overrides.attrs.xmlns !== "http://schemas.microsoft.com/office/taskpaneappversionoverrides")
      problems.push("<VersionOverrides> must use the taskpaneappversionoverrides namespace");
    const all = [...walk(overrides)];
    const defined = new Map<string, number>();
    const resources = all.find((e) => e.name === "Resources");
    if (!resources) problems.push("<VersionOverrides> needs <Resources>");
    for (const group of resources?.children ?? []) {
      const max = local(group.name) === "ShortStrings" ? 125 : local(group.name) === "LongStrings" ? 250 : Infinity;
      for (const e of group.children) {
        const rid = e.attrs.id;
        if (rid === undefined) {
          problems.push(`<${e.name}> in <${group.name}> has no id`);
          continue;
        }
        defined.set(rid, (defined.get(rid) ?? 0) + 1);
        if (rid.length > 32) problems.push(`resource id "${rid}" is longer than 32 characters`);
        if ((e.attrs.DefaultValue ?? "").length > max) problems.push(`string "${rid}" is longer than ${max} characters`);
      }
    }
    for (const [rid, n] of defined) if (n > 1) problems.push(`resource id "${rid}" is defined ${n} times`);
    for (const e of all) {
      const rid = e.attrs.resid;
      if (rid !== undefined && !defined.has(rid)) problems.push(`resid "${rid}" (line ${e.line}) is not defined in <Resources>`);
    }
    const workbookHost = all.find((e) => e.name === "Host" && e.attrs["xsi:type"] === "Workbook");
    if (!workbookHost) problems.push('<VersionOverrides> needs <Host xsi:type="Workbook">');
    const showPane = all.find((e) => e.name === "Action" && e.attrs["xsi:type"] === "ShowTaskpane");
    if (!showPane) problems.push("no ribbon button opens the task pane (Action ShowTaskpane)");
    else if (!showPane.children.some((c) => c.name === "SourceLocation" && c.attrs.resid))
      problems.push("the ShowTaskpane action needs <SourceLocation resid>");
  }
  return problems;
}

/** The base every URL must start with: the dev origin, or for a deployment the SourceLocation's folder. */
function urlBase(origin: ManifestCheckOptions["origin"], sourceLocation: string | undefined): string | null {
  if (origin !== "any-https") return origin;
  const m = /^(https:\/\/[^?#]+)\/taskpane\.html$/.exec(sourceLocation ?? "");
  if (!m) return null;
  try {
    return new URL(m[1]).protocol === "https:" ? m[1] : null;
  } catch {
    return null;
  }
}

export const REPO_ROOT = path.resolve(__dirname, "..");

export const DEFAULT_OPTIONS: ManifestCheckOptions = {
  assetsDir: path.join(REPO_ROOT, "assets"),
  origin: "https://localhost:3000",
  requirement: { set: REQUIRED_API.set, version: REQUIRED_API.version },
};

/** A deployment's manifest (dist/manifest.xml): any https origin, icons from the build's assets. */
export function deploymentOptions(assetsDir: string): ManifestCheckOptions {
  return { ...DEFAULT_OPTIONS, assetsDir, origin: "any-https" };
}

/** The repository's manifest.xml is the dev manifest (localhost); any other file is a deployment's. */
export function optionsForFile(file: string): ManifestCheckOptions {
  if (path.resolve(file) === path.join(REPO_ROOT, "manifest.xml")) return DEFAULT_OPTIONS;
  const besideIt = path.join(path.dirname(path.resolve(file)), "assets");
  return deploymentOptions(existsSync(besideIt) ? besideIt : DEFAULT_OPTIONS.assetsDir);
}
