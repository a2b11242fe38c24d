/**
 * Reads an .xlsx into the grids the core reviews, with exceljs's STREAMING reader: the
 * in-memory reader needs ~2 GB for 100k rows, streaming a tenth of that.
 */
import ExcelJS from "exceljs";
import type { CellValue, DateSystem, SheetGrid, WorkbookGrids } from "../../core/cells/cellValue";
import { toCellValue } from "./cellConversion";
import { assertReadableXlsx } from "./fileKind";
import { XlsxError } from "./xlsxError";

export interface ReadProgress {
  sheet: string;
  rowsRead: number;
}

export interface ReadXlsxOptions {
  /** Called every `progressEvery` rows and at the end of each sheet. */
  onProgress?: (p: ReadProgress) => void;
  progressEvery?: number;
}

/** The parts of exceljs's streaming classes we use (its typings do not declare them). */
interface StreamRow {
  number: number;
  values: unknown[];
}
interface StreamWorksheet extends AsyncIterable<StreamRow> {
  name: string;
}
interface StreamWorkbook extends AsyncIterable<StreamWorksheet> {
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: { name: string }[] };
}

export async function readXlsxWorkbook(filePath: string, options: ReadXlsxOptions = {}): Promise<WorkbookGrids> {
  assertReadableXlsx(filePath);
  const every = options.progressEvery ?? 10_000;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // Styles ignored: date cells stay serial numbers, as Office.js range.values gives them.
    styles: "ignore",
    entries: "ignore",
  }) as unknown as StreamWorkbook;

  const sheets: SheetGrid[] = [];
  let dateSystem: DateSystem = "1900";
  try {
    for await (const ws of reader) {
      // workbook.xml precedes the sheets in the package, so the date system is known here.
      dateSystem = reader.properties?.model?.date1904 ? "1904" : "1900";
      const values: CellValue[][] = [];
      let rowsRead = 0;
      for await (const row of ws) {
        // Rows absent from the XML are blank: keep the index equal to Excel row − 1.
        while (values.length < row.number - 1) values.push([]);
        values.push(convertRow(row.values, dateSystem));
        rowsRead++;
        if (options.onProgress && rowsRead % every === 0) options.onProgress({ sheet: ws.name, rowsRead });
      }
      options.onProgress?.({ sheet: ws.name, rowsRead });
      sheets.push({ name: ws.name, values, originRow: 1, originColumn: 0 });
    }
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw corrupt(filePath, e);
  }
  if (!reader.model) {
    throw new XlsxError("NOT_XLSX", {
      sv: `${filePath} är en zip-fil men ingen Excel-arbetsbok (xl/workbook.xml saknas)`,
      en: `${filePath} is a zip file but not an Excel workbook (no xl/workbook.xml)`,
    });
  }
  dateSystem = reader.properties?.model?.date1904 ? "1904" : "1900";
  return { sheets: inWorkbookOrder(sheets, reader.model.sheets ?? []), dateSystem };
}

/** exceljs rows are 1-based sparse arrays (values[1] is column A); Office gives "" for gaps. */
function convertRow(raw: unknown[], dateSystem: DateSystem): CellValue[] {
  const out: CellValue[] = new Array(Math.max(0, raw.length - 1));
  for (let c = 1; c < raw.length; c++) out[c - 1] = toCellValue(raw[c], dateSystem);
  return out;
}

/** The package may store sheets in any order; users expect the tab order. */
function inWorkbookOrder(sheets: SheetGrid[], tabs: { name: string }[]): SheetGrid[] {
  const rank = new Map(tabs.map((t, i) => [t.name, i]));
  return [...sheets].sort((a, b) => (rank.get(a.name) ?? 1e9) - (rank.get(b.name) ?? 1e9));
}

function corrupt(filePath: string, cause: unknown): XlsxError {
  const detail = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
  return new XlsxError("CORRUPT", {
    sv: `${filePath} kunde inte läsas; filen verkar skadad (${detail})`,
    en: `${filePath} could not be read; the file looks corrupt (${detail})`,
  });
}
