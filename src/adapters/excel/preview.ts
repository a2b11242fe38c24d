/**
 * Previews of every worksheet in three syncs, whatever the number of sheets: names, then the
 * used ranges and protection, then the top rows of each.
 *
 * APIs: WorksheetCollection.load items [ExcelApi 1.1]; Worksheet.protection [ExcelApi 1.2];
 * getUsedRangeOrNullObject [ExcelApi 1.4]; Worksheet.getRange, Range.values [ExcelApi 1.1].
 */
import { columnLetter, type CellValue, type SheetPreview } from "../../core";
import { translateOfficeError } from "./excelHostError";
import { HELPER_SHEET } from "./marks";
import { RESULT_SHEET } from "./resultSheet";

export const PREVIEW_ROWS = 30;
/** A stray cell far right must not turn a preview into megabytes. */
export const PREVIEW_MAX_COLUMNS = 200;

export async function previewSheetsIn(context: Excel.RequestContext): Promise<SheetPreview[]> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();

    // The add-in's own sheets are not invoice bases.
    const sheets = worksheets.items.filter((s) => s.name !== HELPER_SHEET && s.name !== RESULT_SHEET);
    const probes = sheets.map((sheet) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      const protection = sheet.protection;
      protection.load("protected");
      return { sheet, used, protection };
    });
    await context.sync();

    const heads = probes.map(({ sheet, used }) => {
      if (used.isNullObject) return null;
      const rows = Math.min(PREVIEW_ROWS, used.rowCount);
      const cols = Math.min(PREVIEW_MAX_COLUMNS, used.columnCount);
      const address = `${columnLetter(used.columnIndex)}${used.rowIndex + 1}:${columnLetter(used.columnIndex + cols - 1)}${used.rowIndex + rows}`;
      const head = sheet.getRange(address);
      head.load("values");
      return head;
    });
    if (heads.some((h) => h !== null)) await context.sync();

    return probes.map(({ sheet, used, protection }, i): SheetPreview => {
      const head = heads[i];
      if (used.isNullObject || !head) {
        return { name: sheet.name, head: { name: sheet.name, values: [], originRow: 1, originColumn: 0 }, rowCount: 0, columnCount: 0, originRow: 1, originColumn: 0, isProtected: protection.protected };
      }
      return {
        name: sheet.name,
        head: { name: sheet.name, values: head.values as CellValue[][], originRow: used.rowIndex + 1, originColumn: used.columnIndex },
        rowCount: used.rowCount,
        columnCount: used.columnCount,
        originRow: used.rowIndex + 1,
        originColumn: used.columnIndex,
        isProtected: protection.protected,
      };
    });
  } catch (e) {
    throw translateOfficeError(e, { sv: "läsa arbetsbokens blad", en: "read the workbook's sheets" });
  }
}
