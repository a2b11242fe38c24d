/**
 * Reading the parts of a written package in tests: unzip, parse each XML part (saxes, with
 * namespaces: a malformed or undeclared-prefix part throws), and check that an element's
 * children come in the order ECMA-376 Part 1's schema gives them (the order Excel insists on).
 */
import { unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { SaxesParser } from "saxes";

export interface XmlElement {
  /** Local name; `ns` its namespace URI. */
  name: string;
  ns: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.prefix ? `${a.prefix}:${a.local}` : a.local] = a.value;
    const el: XmlElement = { name: tag.local, ns: tag.uri, attrs, children: [], text: "" };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("text", (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

export function unzipParts(file: string): Map<string, Buffer> {
  const files = unzipSync(readFileSync(file));
  return new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));
}

export function text(parts: Map<string, Buffer>, name: string): string {
  const b = parts.get(name);
  if (!b) throw new Error(`no part ${name}; parts: ${[...parts.keys()].join(", ")}`);
  return b.toString("utf8");
}

/** Depth-first: every element named `name` under `el` (itself included). */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

export function first(el: XmlElement, name: string): XmlElement {
  const f = findAll(el, name)[0];
  if (!f) throw new Error(`no <${name}> in <${el.name}>`);
  return f;
}

/**
 * The children of `el` follow `order` (a schema sequence; a name may repeat, e.g. ser, axId):
 * returns the names out of order or unknown to the sequence, so a test can expect [].
 */
export function orderProblems(el: XmlElement, order: readonly string[]): string[] {
  const problems: string[] = [];
  let at = 0;
  for (const c of el.children) {
    const i = order.indexOf(c.name, at);
    if (i < 0) problems.push(`<${c.name}> in <${el.name}> ${order.includes(c.name) ? "out of order" : "not in its sequence"}`);
    else at = i;
  }
  return problems;
}

/** Child sequences from ECMA-376 Part 1 (4th ed.), the elements the renderers may write. */
export const SCHEMA_ORDER = {
  worksheet: ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"],
  table: ["autoFilter", "sortState", "tableColumns", "tableStyleInfo", "extLst"],
  styleSheet: ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"],
  workbook: ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"],
  twoCellAnchor: ["from", "to", "sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart", "clientData"],
  graphicFrame: ["nvGraphicFramePr", "xfrm", "graphic"],
  chartSpace: ["date1904", "lang", "roundedCorners", "AlternateContent", "style", "clrMapOvr", "pivotSource", "protection", "chart", "spPr", "txPr", "externalData", "printSettings", "userShapes", "extLst"],
  chart: ["title", "autoTitleDeleted", "pivotFmts", "view3D", "floor", "sideWall", "backWall", "plotArea", "legend", "plotVisOnly", "dispBlanksAs", "showDLblsOverMax", "extLst"],
  title: ["tx", "layout", "overlay", "spPr", "txPr", "extLst"],
  plotArea: ["layout", "lineChart", "barChart", "catAx", "valAx", "dTable", "spPr", "extLst"],
  lineChart: ["grouping", "varyColors", "ser", "dLbls", "dropLines", "hiLowLines", "upDownBars", "marker", "smooth", "axId", "extLst"],
  barChart: ["barDir", "grouping", "varyColors", "ser", "dLbls", "gapWidth", "overlap", "serLines", "axId", "extLst"],
  lineSer: ["idx", "order", "tx", "spPr", "marker", "dPt", "dLbls", "trendline", "errBars", "cat", "val", "smooth", "extLst"],
  barSer: ["idx", "order", "tx", "spPr", "invertIfNegative", "pictureOptions", "dPt", "dLbls", "trendline", "errBars", "cat", "val", "shape", "extLst"],
  catAx: ["axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines", "title", "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "spPr", "txPr", "crossAx", "crosses", "crossesAt", "auto", "lblAlgn", "lblOffset", "tickLblSkip", "tickMarkSkip", "noMultiLvlLbl", "extLst"],
  valAx: ["axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines", "title", "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "spPr", "txPr", "crossAx", "crosses", "crossesAt", "crossBetween", "majorUnit", "minorUnit", "dispUnits", "extLst"],
  legend: ["legendPos", "legendEntry", "layout", "overlay", "spPr", "txPr", "extLst"],
  numRef: ["f", "numCache", "extLst"],
  strRef: ["f", "strCache", "extLst"],
  numCache: ["formatCode", "ptCount", "pt", "extLst"],
  strCache: ["ptCount", "pt", "extLst"],
} as const;

/** Every element under `root` whose name has a sequence in SCHEMA_ORDER, checked; series by their chart kind. */
export function schemaOrderProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  const walk = (e: XmlElement, parent: XmlElement | null) => {
    let key: string | null = e.name in SCHEMA_ORDER ? e.name : null;
    if (e.name === "ser") key = parent?.name === "barChart" ? "barSer" : "lineSer";
    // <c:chart> inside a drawing's graphicData is a reference, not the chart element.
    if (e.name === "chart" && e.children.length === 0) key = null;
    if (key) problems.push(...orderProblems(e, SCHEMA_ORDER[key as keyof typeof SCHEMA_ORDER]));
    for (const c of e.children) walk(c, e);
  };
  walk(root, null);
  return problems;
}

/** Relationship targets of a .rels part, resolved to part names. */
export function relTargets(parts: Map<string, Buffer>, relsPart: string): { id: string; type: string; part: string }[] {
  // "xl/worksheets/_rels/sheet1.xml.rels" is about a part in "xl/worksheets"; "_rels/.rels" about the package.
  const dir = relsPart.split("/").slice(0, -2);
  return findAll(parseXml(text(parts, relsPart)), "Relationship").map((r) => {
    const target = r.attrs.Target;
    const segs = target.startsWith("/") ? [] : [...dir];
    for (const s of target.replace(/^\//, "").split("/")) {
      if (s === "..") segs.pop();
      else if (s !== ".") segs.push(s);
    }
    return { id: r.attrs.Id, type: r.attrs.Type.split("/").pop()!, part: segs.join("/") };
  });
}
