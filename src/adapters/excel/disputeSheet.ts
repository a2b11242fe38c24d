/**
 * The dispute list as an Excel table on a sheet of its own ("Bestridanden"), for the region:
 * the stay id and the identity number in full (the pane says the export holds personal data).
 * A second export replaces the sheet, but only one this add-in wrote (its A1 title says so).
 * Text that Excel would read as a formula is written with a leading apostrophe (safeText).
 *
 * APIs: getItemOrNullObject [ExcelApi 1.4]; worksheets.add, Worksheet.delete/activate/getRange,
 * Range.values, TableCollection.add, Table.name/style [ExcelApi 1.1]; autofitColumns [1.2].
 */
import { columnLetter, safeText, type DisputeList } from "../../core";
import { ExcelHostError, translateOfficeError } from "./excelHostError";
import { SYNC_BUDGET_BYTES } from "./readSheet";

export const DISPUTE_SHEET = "Bestridanden";
export const DISPUTE_TABLE = "Bestridanden";
export const DISPUTE_TITLE = "Bestridanden – lista till regionen (innehåller personnummer)";
const HEADER_ROW = 3;

const ACTION = { sv: "skriva bestridandelistan", en: "write the dispute list" };

export async function writeDisputeSheetIn(context: Excel.RequestContext, list: DisputeList): Promise<void> {
  try {
    const existing = context.workbook.worksheets.getItemOrNullObject(DISPUTE_SHEET);
    await context.sync();
    if (!existing.isNullObject) {
      const a1 = existing.getRange("A1");
      a1.load("values");
      await context.sync();
      if (a1.values[0][0] !== DISPUTE_TITLE) {
        throw new ExcelHostError("RESULT_SHEET_NOT_OURS", {
          sv: `Det finns redan ett blad "${DISPUTE_SHEET}" som tillägget inte har skrivit. Byt namn på det och försök igen.`,
          en: `There is already a sheet "${DISPUTE_SHEET}" that the add-in did not write. Rename it and try again.`,
        });
      }
      existing.delete();
    }
    const sheet = context.workbook.worksheets.add(DISPUTE_SHEET);
    sheet.getRange("A1").values = [[DISPUTE_TITLE]];
    const width = list.header.length;
    const last = columnLetter(width - 1);
    const cells = [list.header, ...list.rows].map((r) => r.map((v) => (v === null ? "" : typeof v === "string" ? safeText(v) : v)));
    // Rows in syncs under the budget; the table is added once all are written.
    let from = 0;
    while (from < cells.length) {
      let bytes = 0;
      let to = from;
      while (to < cells.length && (to === from || bytes + JSON.stringify(cells[to]).length < SYNC_BUDGET_BYTES)) bytes += JSON.stringify(cells[to++]).length;
      sheet.getRange(`A${HEADER_ROW + from}:${last}${HEADER_ROW + to - 1}`).values = cells.slice(from, to);
      from = to;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch, by design
      if (from < cells.length) await context.sync();
    }
    const table = sheet.tables.add(`A${HEADER_ROW}:${last}${HEADER_ROW + cells.length - 1}`, true);
    table.name = DISPUTE_TABLE;
    table.style = "TableStyleLight9";
    sheet.getRange(`A${HEADER_ROW}:${last}${HEADER_ROW + cells.length - 1}`).format.autofitColumns();
    sheet.activate();
    await context.sync();
  } catch (e) {
    throw translateOfficeError(e, ACTION);
  }
}
