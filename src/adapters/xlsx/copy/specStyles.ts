/**
 * The cell formats an added sheet needs, appended to a styles part: one per SPEC_NUMBER_FORMATS
 * entry for data cells and a bold one for the totals row. The package's own formats keep their
 * indices, so the input's cells look as they did.
 */
import { SPEC_NUMBER_FORMATS, type SpecFormat } from "../../../core";
import { addCellFormats } from "./packageParts";
import type { SpecStyles } from "./specSheetParts";

const FORMATS = Object.keys(SPEC_NUMBER_FORMATS) as SpecFormat[];

export function addSpecStyles(stylesXml: string, heading: { title: number; bold: number; boldFont: number }): { xml: string; styles: SpecStyles } {
  const plain = FORMATS.map((f) => ({ numFmt: SPEC_NUMBER_FORMATS[f] }));
  const bold = FORMATS.map((f) => ({ numFmt: SPEC_NUMBER_FORMATS[f], fontId: heading.boldFont }));
  const added = addCellFormats(stylesXml, [...plain, ...bold]);
  const format = {} as Record<SpecFormat, number>;
  const totals = {} as Record<SpecFormat, number>;
  FORMATS.forEach((f, i) => {
    format[f] = added.xfIds[i];
    totals[f] = added.xfIds[FORMATS.length + i];
  });
  return { xml: added.xml, styles: { title: heading.title, bold: heading.bold, format, totals } };
}
