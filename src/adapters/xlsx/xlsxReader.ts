/**
 * Reads an .xlsx into the grids the core reviews: the zip's directory gives the parts, each
 * worksheet's XML is inflated a piece at a time and its cells are read from the bytes
 * (sheetXml.ts) straight into rows of Office.js-like values. Only the grid and the shared
 * strings are held; the inflated XML (700 MB for Excel's full sheet) never is.
 *
 * Measured against exceljs's streaming reader, @e965/xlsx and saxes in docs/BENCHMARKS.md.
 */
import type { CellValue, SheetGrid, WorkbookGrids } from "../../core";
import { assertReadableXlsx } from "./fileKind";
import { parseRelationships, parseWorkbook, relKind, relsPartOf, type Tab } from "./packageParts";
import { SharedStringsReader } from "./sharedStringsXml";
import { SheetXmlReader } from "./sheetXml";
import { XlsxError } from "./xlsxError";
import { ZipArchive, type ZipEntry } from "./zipArchive";

export interface ReadProgress {
  sheet: string;
  rowsRead: number;
}

export interface ReadXlsxOptions {
  /** Called every `progressEvery` rows and at the end of each sheet. */
  onProgress?: (p: ReadProgress) => void;
  progressEvery?: number;
}

export async function readXlsxFile(filePath: string, options: ReadXlsxOptions = {}): Promise<WorkbookGrids> {
  assertReadableXlsx(filePath);
  let zip: ZipArchive;
  try {
    zip = ZipArchive.open(filePath);
  } catch (e) {
    throw corrupt(filePath, e);
  }
  try {
    return await readPackage(zip, filePath, options);
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw corrupt(filePath, e);
  } finally {
    zip.close();
  }
}

async function readPackage(zip: ZipArchive, filePath: string, options: ReadXlsxOptions): Promise<WorkbookGrids> {
  const workbookPart = await findWorkbookPart(zip);
  const workbookEntry = workbookPart ? zip.entry(workbookPart) : undefined;
  if (!workbookPart || !workbookEntry) {
    throw new XlsxError("NOT_XLSX", {
      sv: `${filePath} är en zip-fil men ingen läsbar Excel-arbetsbok (xl/workbook.xml saknas eller gick inte att läsa)`,
      en: `${filePath} is a zip file but no readable Excel workbook (xl/workbook.xml missing or unreadable)`,
    });
  }
  const relsEntry = zip.entry(relsPartOf(workbookPart));
  const rels = relsEntry ? parseRelationships(await zip.bytes(relsEntry), workbookPart) : [];
  const { tabs, dateSystem } = parseWorkbook(await zip.bytes(workbookEntry), rels);

  const stringsRel = rels.find((r) => relKind(r) === "sharedStrings");
  const stringsEntry = stringsRel ? zip.entry(stringsRel.target) : undefined;
  const sharedStrings = stringsEntry ? await readSharedStrings(zip, stringsEntry) : [];

  // Worksheets only: chart sheets, dialog and macro sheets hold no cells to review. A tab whose
  // part is named but absent is a damaged package: never review half a workbook silently.
  const worksheets = tabs.filter((t) => !t.rel || relKind(t.rel) === "worksheet");
  const unread = worksheets.filter((t) => !t.rel || !zip.entry(t.rel.target)).map((t) => t.name);
  if (unread.length) throw corrupt(filePath, `sheets not read: ${unread.join(", ")}`);

  const sheets: SheetGrid[] = [];
  for (const tab of worksheets) sheets.push(await readSheet(zip, zip.entry(tab.rel!.target)!, tab, sharedStrings, dateSystem, options));
  return { sheets, dateSystem };
}

/** The package's main part, from its relationships; "xl/workbook.xml" when they say nothing. */
async function findWorkbookPart(zip: ZipArchive): Promise<string | null> {
  const rootRels = zip.entry("_rels/.rels");
  if (rootRels) {
    const main = parseRelationships(await zip.bytes(rootRels), "").find((r) => relKind(r) === "officeDocument" && !r.external);
    if (main && zip.entry(main.target)) return main.target;
  }
  return zip.entry("xl/workbook.xml") ? "xl/workbook.xml" : null;
}

async function readSharedStrings(zip: ZipArchive, entry: ZipEntry): Promise<string[]> {
  const reader = new SharedStringsReader();
  for await (const piece of zip.chunks(entry)) reader.push(piece);
  return reader.finish();
}

async function readSheet(
  zip: ZipArchive,
  entry: ZipEntry,
  tab: Tab,
  sharedStrings: string[],
  dateSystem: WorkbookGrids["dateSystem"],
  options: ReadXlsxOptions,
): Promise<SheetGrid> {
  const every = options.progressEvery ?? 10_000;
  const onProgress = options.onProgress;
  const values: CellValue[][] = [];
  let rowsRead = 0;
  const reader = new SheetXmlReader(sharedStrings, dateSystem, (rowNumber, cells) => {
    const index = rowNumber - 1;
    if (index >= values.length) {
      // Rows absent from the XML are blank: keep the index equal to Excel row − 1.
      while (values.length < index) values.push([]);
      values.push(cells);
    } else {
      values[index] = cells; // rows out of order: the later one is the row
    }
    rowsRead++;
    if (onProgress && rowsRead % every === 0) onProgress({ sheet: tab.name, rowsRead });
  });
  for await (const piece of zip.chunks(entry)) {
    reader.push(piece);
    if (reader.done) break;
  }
  reader.finish();
  onProgress?.({ sheet: tab.name, rowsRead });
  return { name: tab.name, values, originRow: 1, originColumn: 0 };
}

function corrupt(filePath: string, cause: unknown): XlsxError {
  const detail = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
  return new XlsxError("CORRUPT", {
    sv: `${filePath} kunde inte läsas; filen verkar skadad (${detail})`,
    en: `${filePath} could not be read; the file looks corrupt (${detail})`,
  });
}
