/**
 * Test workbooks written part by part (JSZip), for the cell forms that exceljs cannot write or
 * reads wrongly: inline rich text, cells without `r`, formula errors, strict namespaces.
 */
import JSZip from "jszip";
import { writeFileSync } from "node:fs";

export interface SheetPart {
  name: string;
  /** The content of `<sheetData>`. */
  rows: string;
  state?: "hidden" | "veryHidden";
  /** The part's file name under xl/worksheets/ (default sheetN.xml). */
  file?: string;
}

export interface PackageOptions {
  sheets: SheetPart[];
  sharedStrings?: string[];
  /** Raw `<si>` bodies instead of plain strings. */
  sharedItems?: string[];
  date1904?: "1" | "true";
  /** Strict OOXML namespaces and an `x:` prefix on every SpreadsheetML element. */
  strict?: boolean;
  /** Store the sheets before the workbook in the zip, as some writers do. */
  sheetsFirst?: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function writePackage(file: string, o: PackageOptions): Promise<void> {
  const strict = o.strict ?? false;
  const main = strict ? "http://purl.oclc.org/ooxml/spreadsheetml/main" : "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const relNs = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const p = strict ? "x:" : "";
  const xmlns = strict ? `xmlns:x="${main}"` : `xmlns="${main}"`;
  const zip = new JSZip();
  const sheetFiles = o.sheets.map((s, i) => s.file ?? `sheet${i + 1}.xml`);
  const addSheets = () =>
    o.sheets.forEach((s, i) => {
      const rows = strict ? s.rows.replace(/<(\/?)(row|c|v|f|is|r|t|rPh|rPr|b)\b/g, "<$1x:$2") : s.rows;
      zip.file(`xl/worksheets/${sheetFiles[i]}`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${xmlns} xmlns:r="${relNs}"><${p}dimension ref="A1"/><${p}sheetData>${rows}</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="A1:B1"/></${p}mergeCells></${p}worksheet>`);
    });
  if (o.sheetsFirst) addSheets();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const rels = o.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${relNs}/worksheet" Target="worksheets/${sheetFiles[i]}"/>`).join("");
  const strings = o.sharedItems ?? (o.sharedStrings ?? []).map((s) => `<t xml:space="preserve">${esc(s)}</t>`);
  const sstRel = strings.length ? `<Relationship Id="rIdS" Type="${relNs}/sharedStrings" Target="sharedStrings.xml"/>` : "";
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${sstRel}</Relationships>`);
  const tabs = o.sheets.map((s, i) => `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("");
  const pr = o.date1904 ? `<${p}workbookPr date1904="${o.date1904}"/>` : `<${p}workbookPr/>`;
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${xmlns} xmlns:r="${relNs}">${pr}<${p}sheets>${tabs}</${p}sheets></${p}workbook>`);
  if (strings.length) {
    zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${xmlns} count="${strings.length}">${strings.map((s) => `<${p}si>${strict ? s.replace(/<(\/?)(r|t|rPh|rPr|b)\b/g, "<$1x:$2") : s}</${p}si>`).join("")}</${p}sst>`);
  }
  if (!o.sheetsFirst) addSheets();
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}
