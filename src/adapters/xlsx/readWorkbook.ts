/**
 * Reads an .xlsx into the grids the core reviews, with exceljs's STREAMING reader: the
 * in-memory reader needs ~2 GB for 100k rows, streaming a tenth of that.
 *
 * The headless command no longer uses it: it reads with xlsxReader.ts, ~7× faster
 * (docs/BENCHMARKS.md). It is kept as the reference the tests hold the new reader to.
 */
import ExcelJS from "exceljs";
import { FORMULA_WITHOUT_VALUE, type CellValue, type DateSystem, type SheetGrid, type WorkbookGrids } from "../../core";
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
interface StreamCell {
  col: number;
  type: number;
  value: unknown;
  result: unknown;
}
interface StreamRow {
  number: number;
  values: unknown[];
  /** exceljs 4's cells of the row, sparse, index col − 1. */
  _cells?: (StreamCell | undefined)[];
}
interface StreamWorksheet extends AsyncIterable<StreamRow> {
  name: string;
  /** The part number N of xl/worksheets/sheetN.xml when exceljs found no name for it. */
  id: number | string;
}
interface StreamWorkbook extends AsyncIterable<StreamWorksheet> {
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: { name: string; rId?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

export async function readXlsxWorkbook(filePath: string, options: ReadXlsxOptions = {}): Promise<WorkbookGrids> {
  // exceljs's streaming reader now and then meets a worksheet before its own parse of
  // workbook.xml has set `model` and fails inside itself ("reading 'sheets'"): a race in the
  // library, not a property of the file, so the same file is read again (at most three times).
  for (let attempt = 1; ; attempt++) {
    try {
      return await readOnce(filePath, options);
    } catch (e) {
      const race = e instanceof XlsxError && e.code === "CORRUPT" && /reading 'sheets'/.test(e.message);
      if (!race || attempt === 3) throw e;
    }
  }
}

async function readOnce(filePath: string, options: ReadXlsxOptions): Promise<WorkbookGrids> {
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
      const name = sheetName(reader, ws);
      const values: CellValue[][] = [];
      let rowsRead = 0;
      for await (const row of ws) {
        // Rows absent from the XML are blank: keep the index equal to Excel row − 1.
        while (values.length < row.number - 1) values.push([]);
        values.push(convertRow(row, dateSystem));
        rowsRead++;
        if (options.onProgress && rowsRead % every === 0) options.onProgress({ sheet: name, rowsRead });
      }
      options.onProgress?.({ sheet: name, rowsRead });
      sheets.push({ name, values, originRow: 1, originColumn: 0 });
    }
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw corrupt(filePath, e);
  }
  if (!reader.model) {
    throw new XlsxError("NOT_XLSX", {
      sv: `${filePath} är en zip-fil men ingen läsbar Excel-arbetsbok (xl/workbook.xml saknas eller gick inte att läsa)`,
      en: `${filePath} is a zip file but no readable Excel workbook (xl/workbook.xml missing or unreadable)`,
    });
  }
  dateSystem = reader.properties?.model?.date1904 ? "1904" : "1900";
  const unread = worksheetTabs(reader).filter((t) => !sheets.some((s) => s.name === t));
  if (unread.length) {
    // The zip stream ended early (seen with stored entries that carry data descriptors): never
    // review half a workbook silently.
    throw corrupt(filePath, `sheets not read: ${unread.join(", ")}`);
  }
  return { sheets: inWorkbookOrder(sheets, reader.model.sheets ?? []), dateSystem };
}

/**
 * exceljs matches a sheet part to its tab name only when the relationship target is written
 * relative ("worksheets/sheet1.xml"); some writers use "/xl/worksheets/sheet1.xml", and the
 * sheet would then be called "Sheet1". Match on the file name instead.
 */
function sheetName(reader: StreamWorkbook, ws: StreamWorksheet): string {
  const tabs = reader.model?.sheets ?? [];
  if (tabs.some((t) => t.name === ws.name)) return ws.name;
  const rel = (reader.workbookRels ?? []).find((r) => r.Target.replace(/^\/?(xl\/)?/, "") === `worksheets/sheet${ws.id}.xml`);
  const tab = rel && tabs.find((t) => t.rId === rel.Id);
  return tab ? tab.name : ws.name;
}

/** Tab names of worksheets (not chart sheets), from workbook.xml and its relationships. */
function worksheetTabs(reader: StreamWorkbook): string[] {
  const rels = reader.workbookRels ?? [];
  return (reader.model?.sheets ?? [])
    .filter((t) => {
      const rel = rels.find((r) => r.Id === t.rId);
      return !rel || /worksheets\/sheet\d+\.xml$/.test(rel.Target);
    })
    .map((t) => t.name);
}

/**
 * One row → Office.js-like values; "" for gaps. Formula cells are read through `cell.result`:
 * exceljs's `cell.value` of a formula drops a falsy result, so a formula giving 0 would read
 * as empty.
 */
function convertRow(row: StreamRow, dateSystem: DateSystem): CellValue[] {
  const cells = row._cells;
  if (!cells) {
    const raw = row.values; // 1-based sparse: raw[1] is column A
    const out: CellValue[] = new Array(Math.max(0, raw.length - 1));
    for (let c = 1; c < raw.length; c++) out[c - 1] = toCellValue(raw[c], dateSystem);
    return out;
  }
  let width = cells.length;
  while (width > 0 && (cells[width - 1] === undefined || cells[width - 1]!.type === NULL_TYPE)) width--;
  const out: CellValue[] = new Array(width);
  for (let i = 0; i < width; i++) {
    const cell = cells[i];
    if (!cell || cell.type === NULL_TYPE) out[i] = "";
    else if (cell.type === FORMULA_TYPE) out[i] = formulaResult(cell.result, dateSystem);
    else out[i] = toCellValue(cell.value, dateSystem);
  }
  return out;
}

const NULL_TYPE = ExcelJS.ValueType.Null as number;
const FORMULA_TYPE = ExcelJS.ValueType.Formula as number;

function formulaResult(result: unknown, dateSystem: DateSystem): CellValue {
  // No cached result: an uncalculated formula; Office would compute it, we cannot.
  if (result === undefined || result === null) return FORMULA_WITHOUT_VALUE;
  return toCellValue(result, dateSystem);
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
