/**
 * The workbook's map of the package: which part is the workbook, its tabs in order (with the
 * part of each worksheet), the shared strings and the date system. Relationship types are
 * matched by their last segment, so transitional and strict OOXML read alike.
 */
import type { DateSystem } from "../../core";
import { XmlBytes } from "./xmlBytes";

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name, resolved against the source part ("xl/worksheets/sheet1.xml"). */
  target: string;
  external: boolean;
}

export interface Tab {
  name: string;
  /** "visible", "hidden" or "veryHidden": hidden sheets are read too, as before. */
  state: string;
  /** The relationship of the tab's part; null if the workbook names none. */
  rel: Relationship | null;
}

export interface WorkbookMap {
  tabs: Tab[];
  dateSystem: DateSystem;
}

/** Relationships of a `.rels` part; `sourcePart` is the part they belong to ("" for the package). */
export function parseRelationships(xml: Buffer, sourcePart: string): Relationship[] {
  const x = new XmlBytes();
  x.reset(xml);
  const rels: Relationship[] = [];
  while (x.nextTag()) {
    if (x.closing || !x.nameIs("Relationship")) {
      if (x.closing) x.skipEndTag();
      else x.finishTag();
      continue;
    }
    let id = "";
    let type = "";
    let target = "";
    let external = false;
    while (x.nextAttr()) {
      if (x.attrLocalIs("Id")) id = x.attrValue();
      else if (x.attrLocalIs("Type")) type = x.attrValue();
      else if (x.attrLocalIs("Target")) target = x.attrValue();
      else if (x.attrLocalIs("TargetMode")) external = x.attrValue() === "External";
    }
    rels.push({ id, type, target: external ? target : resolvePart(sourcePart, target), external });
  }
  return rels;
}

/** The relationship type's last segment: ".../relationships/worksheet" → "worksheet". */
export function relKind(rel: Relationship): string {
  return rel.type.slice(rel.type.lastIndexOf("/") + 1);
}

/** A relationship target relative to its source part → the part's name in the zip. */
export function resolvePart(sourcePart: string, target: string): string {
  const decoded = safeDecodeUri(target);
  const base = decoded.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of decoded.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The `.rels` part that belongs to `part`: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** workbook.xml: its tabs in order and whether dates count from 1904. */
export function parseWorkbook(xml: Buffer, rels: Relationship[]): WorkbookMap {
  const x = new XmlBytes();
  x.reset(xml);
  const tabs: Tab[] = [];
  let dateSystem: DateSystem = "1900";
  while (x.nextTag()) {
    if (x.closing) {
      x.skipEndTag();
    } else if (x.nameIs("workbookPr")) {
      while (x.nextAttr()) {
        if (x.attrLocalIs("date1904")) {
          const v = x.attrValue().trim();
          if (v === "1" || v === "true") dateSystem = "1904";
        }
      }
    } else if (x.nameIs("sheet")) {
      let name = "";
      let state = "visible";
      let rid = "";
      while (x.nextAttr()) {
        // The tab's relationship id is the attribute "id" in the relationships namespace (r:id).
        if (x.attrLocalIs("name")) name = x.attrValue();
        else if (x.attrLocalIs("state")) state = x.attrValue();
        else if (x.attrLocalIs("id") && x.attrEnd - x.attrStart > 2) rid = x.attrValue();
      }
      tabs.push({ name, state, rel: rels.find((r) => r.id === rid) ?? null });
    } else {
      x.finishTag();
    }
  }
  return { tabs, dateSystem };
}
