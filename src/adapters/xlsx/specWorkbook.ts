/**
 * A new .xlsx holding only the given sheets (the batch review's summary, the follow-up reports),
 * each rendered from its SheetSpec as the marked copy renders its added sheets
 * (copy/specSheetParts.ts). The same safety as the marked copy: never over an existing file
 * unless `force`, never over one of the `inputs` (by device and inode), written to a temporary
 * file and named only when complete, with the inputs' permission bits (0600 when none are given:
 * the sheets may hold identity numbers).
 */
import type { SheetSpec } from "../../core";
import { checkOutputPath, openTemp, writeAtomically, type OpenTemp } from "./copy/outputPath";
import { addStyles, CT_STYLES, CT_WORKSHEET, MINIMAL_STYLES, NS_RELATIONSHIPS, REL_STYLES, REL_WORKSHEET } from "./copy/packageParts";
import { planSpecSheets } from "./copy/addedSpecSheets";
import { packageAllocator, relativePart } from "./copy/specSheetParts";
import { escapeXml } from "./copy/xml";
import { XlsxError } from "./xlsxError";
import { fileSink, ZipWriter } from "./zip/zipWriter";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
const CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export interface SpecWorkbookOptions {
  /** Replace an existing file (never one of the inputs). */
  force?: boolean;
  /** The files the sheets were made from: never written over; their permissions are the output's. */
  inputs?: readonly string[];
  /** For tests: opens the temporary file (to inject a failing disk). */
  openTempFile?: OpenTemp;
}

/** Checks, before the work that makes the sheets, that the workbook may be written there (throws XlsxError). */
export function checkSpecWorkbookTarget(outputPath: string, options: SpecWorkbookOptions = {}): void {
  checkOutputPath(options.inputs ?? [], outputPath, options.force ?? false);
}

export async function writeSpecWorkbook(specs: readonly SheetSpec[], outputPath: string, options: SpecWorkbookOptions = {}): Promise<void> {
  if (specs.length === 0) throw new Error("a workbook needs at least one sheet");
  const force = options.force ?? false;
  const inputs = options.inputs ?? [];
  checkOutputPath(inputs, outputPath, force);
  const entries = specWorkbookEntries(specs);
  try {
    await writeAtomically(
      inputs,
      outputPath,
      force,
      async (fh) => {
        const zip = new ZipWriter(fileSink(fh));
        for (const e of entries) {
          if (typeof e.content === "string") await zip.addBuffer(e.name, Buffer.from(e.content, "utf8"));
          else await zip.addStream(e.name, utf8Chunks(e.content()), 6);
        }
        await zip.finish();
      },
      options.openTempFile ?? openTemp,
    );
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    const why = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    throw new XlsxError("WRITE_FAILED", { sv: `Kunde inte skriva ${outputPath} (${why})`, en: `Could not write ${outputPath} (${why})` });
  }
}

async function* utf8Chunks(parts: Iterable<string>): AsyncGenerator<Buffer> {
  for (const p of parts) yield Buffer.from(p, "utf8");
}

export { uniqueSheetName } from "./copy/addedSpecSheets";

export interface PackageEntry {
  name: string;
  content: string | (() => Iterable<string>);
}

/** The package's parts in the order they are zipped: content types and relationships first, as Office writes them. */
export function specWorkbookEntries(specs: readonly SheetSpec[]): PackageEntry[] {
  const base = addStyles(MINIMAL_STYLES, [], [{ bold: true, size: 14 }, { bold: true }]);
  const alloc = packageAllocator(["xl/workbook.xml", "xl/styles.xml"], [], []);
  const { stylesXml, sheets } = planSpecSheets(specs, base.xml, { title: base.xfIds[0], bold: base.xfIds[1], boldFont: base.fontIds[1] }, [], alloc);
  const overrides = [
    { partName: "/xl/workbook.xml", contentType: CT_WORKBOOK },
    { partName: "/xl/styles.xml", contentType: CT_STYLES },
    ...sheets.map((s) => ({ partName: `/${s.rendered.sheetPart}`, contentType: CT_WORKSHEET })),
    ...sheets.flatMap((s) => s.rendered.parts.filter((p) => p.contentType !== null).map((p) => ({ partName: `/${p.name}`, contentType: p.contentType! }))),
  ];
  const types =
    `${XML_HEAD}<Types xmlns="${NS_CONTENT_TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    overrides.map((o) => `<Override PartName="${escapeXml(o.partName)}" ContentType="${o.contentType}"/>`).join("") +
    `</Types>`;
  const packageRels = `${XML_HEAD}<Relationships xmlns="${NS_PACKAGE_RELS}"><Relationship Id="rId1" Type="${NS_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook =
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    `</sheets></workbook>`;
  const workbookRels =
    `${XML_HEAD}<Relationships xmlns="${NS_PACKAGE_RELS}">` +
    sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_WORKSHEET}" Target="${relativePart("xl/workbook.xml", s.rendered.sheetPart)}"/>`).join("") +
    `<Relationship Id="rId${sheets.length + 1}" Type="${REL_STYLES}" Target="styles.xml"/></Relationships>`;
  return [
    { name: "[Content_Types].xml", content: types },
    { name: "_rels/.rels", content: packageRels },
    { name: "xl/workbook.xml", content: workbook },
    { name: "xl/_rels/workbook.xml.rels", content: workbookRels },
    { name: "xl/styles.xml", content: stylesXml },
    ...sheets.flatMap((s) => [{ name: s.rendered.sheetPart, content: s.rendered.sheetXml }, ...s.rendered.parts.map((p) => ({ name: p.name, content: p.xml }))]),
  ];
}
