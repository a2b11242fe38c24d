/**
 * The small parts of the package that the copy changes: the workbook's sheet list, its
 * relationships, the content types and the styles. Edited as text where their elements are
 * appended, so everything else in them stays byte for byte as the input had it.
 */
import { attributes, escapeXml, unescapeXml } from "./xml";

export const NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_WORKSHEET = `${NS_RELATIONSHIPS}/worksheet`;
export const REL_STYLES = `${NS_RELATIONSHIPS}/styles`;
const REL_OFFICE_DOCUMENT = `${NS_RELATIONSHIPS}/officeDocument`;
export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>]`).exec(xml);
  if (!m) throw new Error(`no <${local}> element`);
  return m[1] ?? "";
}

/** Inserts `text` before the closing tag of `element` (creating the element if absent, before `beforeAbsent`). */
function appendToElement(xml: string, prefix: string, element: string, text: string, create: { before: string[]; attrs?: string; orBeforeEnd?: string }): string {
  const open = new RegExp(`<${prefix}${element}(\\s[^>]*?)?(/?)>`).exec(xml);
  if (open && open[2] === "/") {
    return xml.slice(0, open.index) + `<${prefix}${element}${open[1] ?? ""}>${text}</${prefix}${element}>` + xml.slice(open.index + open[0].length);
  }
  if (open) {
    const close = xml.indexOf(`</${prefix}${element}>`, open.index);
    if (close < 0) throw new Error(`<${element}> is not closed`);
    return xml.slice(0, close) + text + xml.slice(close);
  }
  let at = -1;
  for (const name of create.before) {
    const m = new RegExp(`<${prefix}${name}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0 && create.orBeforeEnd) at = xml.lastIndexOf(`</${prefix}${create.orBeforeEnd}>`);
  if (at < 0) throw new Error(`nowhere to put <${element}>`);
  return xml.slice(0, at) + `<${prefix}${element}${create.attrs ?? ""}>${text}</${prefix}${element}>` + xml.slice(at);
}

/** Counts the children `child` inside `element` and sets its count attribute to match. */
function recount(xml: string, prefix: string, element: string, child: string): { xml: string; count: number } {
  const open = new RegExp(`<${prefix}${element}(\\s[^>]*?)?(/?)>`).exec(xml);
  if (!open || open[2] === "/") return { xml, count: 0 };
  const close = xml.indexOf(`</${prefix}${element}>`, open.index);
  const inner = xml.slice(open.index + open[0].length, close);
  const count = (inner.match(new RegExp(`<${prefix}${child}[\\s/>]`, "g")) ?? []).length;
  const tag = /\scount="\d*"/.test(open[0]) ? open[0].replace(/\scount="\d*"/, ` count="${count}"`) : open[0].replace(/^(<[^\s>/]+)/, `$1 count="${count}"`);
  return { xml: xml.slice(0, open.index) + tag + xml.slice(open.index + open[0].length), count };
}

function childCount(xml: string, prefix: string, element: string, child: string): number {
  return recount(xml, prefix, element, child).count;
}

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relId: string;
}

export function workbookSheets(workbookXml: string): WorkbookSheet[] {
  const out: WorkbookSheet[] = [];
  const p = rootPrefix(workbookXml, "workbook");
  for (const m of workbookXml.matchAll(new RegExp(`<${p}sheet\\s[^>]*>`, "g"))) {
    const a = attributes(m[0]);
    const relId = [...a.entries()].find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1] ?? "";
    out.push({ name: a.get("name") ?? "", sheetId: Number(a.get("sheetId") ?? 0), relId });
  }
  return out;
}

export function addSheetsToWorkbook(workbookXml: string, sheets: { name: string; sheetId: number; relId: string; hidden: boolean }[]): string {
  const p = rootPrefix(workbookXml, "workbook");
  // The input's own prefix for the relationships namespace (readers such as exceljs look for
  // "r:id" literally); declared on the element itself where the root does not declare it.
  const declared = new RegExp(`xmlns:([\\w.-]+)="${NS_RELATIONSHIPS}"`).exec(workbookXml.slice(0, workbookXml.indexOf(">", workbookXml.search(/<([\w.-]+:)?workbook[\s>]/)) + 1));
  const r = declared?.[1] ?? "r";
  const decl = declared ? "" : ` xmlns:r="${NS_RELATIONSHIPS}"`;
  const text = sheets
    .map((s) => `<${p}sheet${decl} name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${s.hidden ? ' state="hidden"' : ""} ${r}:id="${s.relId}"/>`)
    .join("");
  return appendToElement(workbookXml, p, "sheets", text, { before: [] });
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relationships(relsXml: string): Relationship[] {
  return [...relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "" };
  });
}

export function addRelationships(relsXml: string, rels: Relationship[]): string {
  const p = rootPrefix(relsXml, "Relationships");
  const text = rels.map((r) => `<${p}Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join("");
  return appendToElement(relsXml, p, "Relationships", text, { before: [] });
}

export function addContentTypes(typesXml: string, overrides: { partName: string; contentType: string }[]): string {
  const p = rootPrefix(typesXml, "Types");
  const text = overrides.map((o) => `<${p}Override PartName="${escapeXml(o.partName)}" ContentType="${o.contentType}"/>`).join("");
  return appendToElement(typesXml, p, "Types", text, { before: [] });
}

/** The workbook part's name, from the package relationships (_rels/.rels). */
export function officeDocumentPart(packageRelsXml: string): string {
  const rel = relationships(packageRelsXml).find((r) => r.type === REL_OFFICE_DOCUMENT || r.type.endsWith("/officeDocument"));
  if (!rel) throw new Error("the package names no workbook");
  return rel.target.replace(/^\//, "");
}

/** A relationship target as a part name: relative to the source part's folder, or absolute. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourcePart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface AddedStyles {
  xml: string;
  /** dxf index per fill colour (ARGB), in the order given. */
  dxfIds: number[];
  /** Cell format (xf) index per font, in the order given. */
  xfIds: number[];
  /** Font index per font, in the order given. */
  fontIds: number[];
}

/** A stylesheet for a package that has none: one default font, fill, border and cell format. */
export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/></styleSheet>`;

/**
 * Appends fills for the marks (as differential formats, dxf) and fonts for the result sheet's
 * headings (as cell formats). Existing indices do not move, so the input's cells keep their look.
 */
export function addStyles(stylesXml: string, dxfFills: string[], fonts: { bold: boolean; size?: number }[]): AddedStyles {
  const p = rootPrefix(stylesXml, "styleSheet");
  let xml = stylesXml;
  const firstDxf = childCount(xml, p, "dxfs", "dxf");
  // In a dxf the solid fill's colour is bgColor (Excel's reading); fgColor is set alike for other readers.
  const dxfs = dxfFills
    .map((argb) => `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor rgb="${argb}"/></${p}patternFill></${p}fill></${p}dxf>`)
    .join("");
  xml = appendToElement(xml, p, "dxfs", dxfs, { before: ["tableStyles", "colors", "extLst"], orBeforeEnd: "styleSheet" });
  xml = recount(xml, p, "dxfs", "dxf").xml;

  const firstFont = childCount(xml, p, "fonts", "font");
  const fontXml = fonts.map((f) => `<${p}font>${f.bold ? `<${p}b/>` : ""}<${p}sz val="${f.size ?? 11}"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`).join("");
  xml = appendToElement(xml, p, "fonts", fontXml, { before: ["fills", "borders", "cellStyleXfs", "cellXfs"] });
  xml = recount(xml, p, "fonts", "font").xml;

  const firstXf = childCount(xml, p, "cellXfs", "xf");
  const hasStyleXfs = childCount(xml, p, "cellStyleXfs", "xf") > 0;
  const xfXml = fonts
    .map((_, i) => `<${p}xf numFmtId="0" fontId="${firstFont + i}" fillId="0" borderId="0"${hasStyleXfs ? ' xfId="0"' : ""} applyFont="1"/>`)
    .join("");
  if (firstXf === 0) {
    // A stylesheet without cell formats: format 0 must stay the default, so add one first.
    xml = appendToElement(xml, p, "cellXfs", `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`, {
      before: ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"],
    });
  }
  xml = appendToElement(xml, p, "cellXfs", xfXml, { before: ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"] });
  xml = recount(xml, p, "cellXfs", "xf").xml;
  const xfBase = Math.max(firstXf, 1);
  return {
    xml,
    dxfIds: dxfFills.map((_, i) => firstDxf + i),
    xfIds: fonts.map((_, i) => xfBase + i),
    fontIds: fonts.map((_, i) => firstFont + i),
  };
}

export { unescapeXml };

/** Excel's built-in number formats that the added sheets use (ECMA-376 Part 1, 18.8.30): no numFmt needed. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

export interface CellFormatStyle {
  /** An Excel number format code, e.g. '#,##0 "kr"'. */
  numFmt: string;
  /** Bold font (headers, totals) when given: the font index to use. */
  fontId?: number;
}

/**
 * Appends cell formats (xf) for number formats, adding custom numFmts with ids the stylesheet
 * does not use (164 and up, where Excel's own end). Existing ids do not move.
 * Returns the xf index per style, in the order given.
 */
export function addCellFormats(stylesXml: string, styles: CellFormatStyle[]): { xml: string; xfIds: number[] } {
  const p = rootPrefix(stylesXml, "styleSheet");
  let xml = stylesXml;
  const used = [...xml.matchAll(/<(?:[\w.-]+:)?numFmt\s[^>]*>/g)].map((m) => attributes(m[0]));
  const idOf = new Map<string, number>();
  for (const a of used) if (a.has("formatCode") && a.has("numFmtId")) idOf.set(a.get("formatCode")!, Number(a.get("numFmtId")));
  let next = Math.max(163, ...used.map((a) => Number(a.get("numFmtId") ?? 0))) + 1;
  const added: string[] = [];
  const numFmtId = (code: string): number => {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    let id = idOf.get(code);
    if (id === undefined) {
      id = next++;
      idOf.set(code, id);
      added.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  };
  const ids = styles.map((s) => numFmtId(s.numFmt));
  if (added.length) {
    xml = appendToElement(xml, p, "numFmts", added.join(""), { before: ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"] });
    xml = recount(xml, p, "numFmts", "numFmt").xml;
  }
  const firstXf = childCount(xml, p, "cellXfs", "xf");
  const hasStyleXfs = childCount(xml, p, "cellStyleXfs", "xf") > 0;
  const xfXml = styles
    .map((s, i) => {
      const font = s.fontId === undefined ? ' fontId="0"' : ` fontId="${s.fontId}" applyFont="1"`;
      return `<${p}xf numFmtId="${ids[i]}"${font} fillId="0" borderId="0"${hasStyleXfs ? ' xfId="0"' : ""} applyNumberFormat="1"/>`;
    })
    .join("");
  if (firstXf === 0) {
    xml = appendToElement(xml, p, "cellXfs", `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`, {
      before: ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"],
    });
  }
  xml = appendToElement(xml, p, "cellXfs", xfXml, { before: ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"] });
  xml = recount(xml, p, "cellXfs", "xf").xml;
  const xfBase = Math.max(firstXf, 1);
  return { xml, xfIds: styles.map((_, i) => xfBase + i) };
}
