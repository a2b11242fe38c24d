/**
 * The marked copy's added sheets from SheetSpecs (the dispute sheet, the scenario sheet): what
 * the input already holds decides their names, table names and ids and part names, so that
 * nothing of the input is renamed or replaced; the styles get the sheets' cell formats appended.
 */
import { SPEC_NUMBER_FORMATS, type SheetSpec } from "../../../core";
import { attributes } from "./xml";
import { type PackageAllocator, renderSpecSheet, type RenderedSheet, CT_TABLE } from "./specSheetParts";
import { addSpecStyles } from "./specStyles";

/** Table ids and names (and defined names, which share their namespace) the input's workbook uses. */
export async function inputTableNames(typesXml: string, workbookXml: string, readPart: (name: string) => Promise<string | null>): Promise<{ ids: number[]; names: string[] }> {
  const ids: number[] = [];
  const names: string[] = [];
  for (const m of typesXml.matchAll(/<(?:[\w.-]+:)?Override\s[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.get("ContentType") !== CT_TABLE) continue;
    const xml = await readPart((a.get("PartName") ?? "").replace(/^\//, ""));
    const root = xml && /<(?:[\w.-]+:)?table\s[^>]*>/.exec(xml);
    if (!root) continue;
    const t = attributes(root[0]);
    ids.push(Number(t.get("id") ?? 0));
    for (const k of ["name", "displayName"]) if (t.has(k)) names.push(t.get(k)!);
  }
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?definedName\s[^>]*>/g)) {
    const n = attributes(m[0]).get("name");
    if (n) names.push(n);
  }
  return { ids, names };
}

export interface SpecSheetsPlan {
  stylesXml: string;
  sheets: { name: string; rendered: RenderedSheet }[];
}

/** A sheet name unique among `taken` (case-insensitive), within Excel's 31 characters. */
export function uniqueSheetName(taken: readonly string[], wanted: string): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  let name = wanted.slice(0, 31);
  for (let i = 2; lower.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = wanted.slice(0, 31 - suffix.length) + suffix;
  }
  return name;
}

/**
 * Renders the specs as new sheets beside `takenSheetNames` (a spec whose name the workbook
 * already uses gets " (2)"), with the cell formats they need appended to `stylesXml`.
 */
export function planSpecSheets(
  specs: readonly SheetSpec[],
  stylesXml: string,
  heading: { title: number; bold: number; boldFont: number },
  takenSheetNames: readonly string[],
  alloc: PackageAllocator,
): SpecSheetsPlan {
  if (specs.length === 0) return { stylesXml, sheets: [] };
  const { xml, styles } = addSpecStyles(stylesXml, heading);
  const taken = [...takenSheetNames];
  const sheets = specs.map((spec) => {
    const name = uniqueSheetName(taken, spec.name);
    taken.push(name);
    return { name, rendered: renderSpecSheet(spec, name, styles, alloc, SPEC_NUMBER_FORMATS) };
  });
  return { stylesXml: xml, sheets };
}
