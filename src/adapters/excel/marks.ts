/**
 * Marks flagged rows without touching the user's cells or their own formatting: the severity of
 * each row goes into a hidden helper sheet (one column per reviewed sheet, 0 none, 1 info,
 * 2 warning, 3 error, row r of the helper = row r of the sheet) and three custom conditional
 * formats on each reviewed sheet read it. Clearing deletes exactly the formats whose formula
 * reads the helper sheet, then the helper sheet.
 *
 * The number of syncs does not depend on how many rows are flagged: the helper column is
 * written whole, in chunks sized by bytes.
 *
 * APIs: Range.conditionalFormats, ConditionalFormatCollection.add/items, ConditionalFormat.type/
 * custom/delete, CustomConditionalFormat.rule.formula/format.fill.color [ExcelApi 1.6];
 * Worksheet.visibility (set) and Worksheet.protection [ExcelApi 1.2];
 * getItemOrNullObject, getUsedRangeOrNullObject [ExcelApi 1.4]; worksheets.add/delete,
 * Worksheet.getRange, Range.values [ExcelApi 1.1].
 */
import {
  columnLetter,
  DISPUTED_MARK_COLOR,
  MARK_CODE,
  MARK_COLORS,
  MARK_HELPER_SHEET,
  SEVERITY_MARK_CODE,
  rowCodesFromKeys,
  type Finding,
  type KeyedMark,
  type StayKeyIndex,
} from "../../core";
import { ExcelHostError, sheetProtected, translateOfficeError } from "./excelHostError";
import { SYNC_BUDGET_BYTES, type UsedDims } from "./readSheet";

export const HELPER_SHEET = MARK_HELPER_SHEET;
/**
 * Marks by stay key (sheet, key, code per row), hidden: the helper's row positions are derived
 * from it again after a sort (refreshMarksIn), because a sort moves the data but not the helper.
 */
export const KEYS_SHEET = "_granskning_markkeys";

export const SEVERITY_CODE = SEVERITY_MARK_CODE;

/** Fill per code, from the core's table (the pane's legend reads the same): a disputed row, then the severities. */
export const MARK_FILLS: { code: number; color: string }[] = [
  { code: MARK_CODE.disputed, color: DISPUTED_MARK_COLOR },
  ...(["error", "warning", "info"] as const).map((severity) => ({ code: SEVERITY_CODE[severity], color: MARK_COLORS[severity] })),
];

/** Rows of the helper column written per range (~4 bytes a row as JSON). */
export const MARK_ROWS_PER_CHUNK = 250_000;

/** In `rule.formula`, which takes English function names and commas whatever the UI language. */
export function markFormula(helperColumn: number, code: number): string {
  const col = columnLetter(helperColumn);
  return `=INDEX('${HELPER_SHEET}'!$${col}:$${col},ROW())=${code}`;
}

/**
 * Our formats read the helper sheet. Excel may hand the formula back without the quotes, and
 * turns the reference into #REF! if the user deleted the helper sheet: both are still ours.
 */
export function isMarkFormula(formula: string): boolean {
  const f = formula.replace(/\s+/g, "");
  return f.toLowerCase().includes(HELPER_SHEET) || /^=INDEX\(#REF!,ROW\(\)\)=[1-4]$/i.test(f);
}

/** Highest severity per sheet and row; findings without a row mark nothing. */
export function rowCodes(findings: Finding[]): Map<string, Map<number, number>> {
  const bySheet = new Map<string, Map<number, number>>();
  for (const f of findings) {
    if (f.row === null || !Number.isInteger(f.row) || f.row < 1) continue;
    const code = SEVERITY_CODE[f.severity] ?? 0;
    let rows = bySheet.get(f.sheet);
    if (!rows) bySheet.set(f.sheet, (rows = new Map()));
    rows.set(f.row, Math.max(rows.get(f.row) ?? 0, code));
  }
  return bySheet;
}

interface ExistingMarks {
  helperExists: boolean;
  keysExist: boolean;
  ours: { sheet: string; format: Excel.ConditionalFormat }[];
  protectedSheets: Set<string>;
  sheetNames: string[];
  dims: Map<string, UsedDims | null>;
}

/**
 * Finds our conditional formats on every sheet (three syncs, whatever the number of sheets
 * and formats), and, for the sheets to mark, their protection and used range.
 */
async function findMarks(context: Excel.RequestContext, sheetsToMark: string[]): Promise<ExistingMarks> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const helper = worksheets.getItemOrNullObject(HELPER_SHEET);
  const keys = worksheets.getItemOrNullObject(KEYS_SHEET);
  await context.sync();

  const sheets = worksheets.items.filter((s) => s.name !== HELPER_SHEET && s.name !== KEYS_SHEET);
  const names = sheets.map((s) => s.name);
  const perSheet = sheets.map((sheet) => {
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items/type");
    const protection = sheet.protection;
    protection.load("protected");
    // Excel's sheet names are case-insensitive.
    const wanted = sheetsToMark.some((n) => n.toLowerCase() === sheet.name.toLowerCase());
    const used = wanted ? sheet.getUsedRangeOrNullObject(true) : null;
    used?.load("rowIndex,columnIndex,rowCount,columnCount");
    return { name: sheet.name, formats, protection, used };
  });
  await context.sync();

  const custom: { sheet: string; format: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[] = [];
  for (const s of perSheet) {
    for (const format of s.formats.items) {
      if (format.type !== "Custom") continue;
      const rule = format.custom.rule;
      rule.load("formula");
      custom.push({ sheet: s.name, format, rule });
    }
  }
  if (custom.length) await context.sync();

  const dims = new Map<string, UsedDims | null>();
  for (const s of perSheet) {
    if (!s.used) continue;
    dims.set(
      s.name,
      s.used.isNullObject ? null : { rowIndex: s.used.rowIndex, columnIndex: s.used.columnIndex, rowCount: s.used.rowCount, columnCount: s.used.columnCount },
    );
  }
  return {
    helperExists: !helper.isNullObject,
    keysExist: !keys.isNullObject,
    ours: custom.filter((c) => isMarkFormula(c.rule.formula)).map(({ sheet, format }) => ({ sheet, format })),
    protectedSheets: new Set(perSheet.filter((s) => s.protection.protected).map((s) => s.name)),
    sheetNames: names,
    dims,
  };
}

function queueRemoval(context: Excel.RequestContext, marks: ExistingMarks, keys: "remove" | "keep"): void {
  for (const { format } of marks.ours) format.delete();
  if (marks.helperExists) context.workbook.worksheets.getItem(HELPER_SHEET).delete();
  if (keys === "remove" && marks.keysExist) context.workbook.worksheets.getItem(KEYS_SHEET).delete();
}

const CLEAR_ACTION = { sv: "ta bort markeringarna", en: "remove the marks" };
const MARK_ACTION = { sv: "markera de flaggade raderna", en: "mark the flagged rows" };

export async function clearMarksIn(context: Excel.RequestContext): Promise<void> {
  try {
    const marks = await findMarks(context, []);
    const blocked = [...new Set(marks.ours.map((m) => m.sheet))].filter((s) => marks.protectedSheets.has(s));
    if (blocked.length) throw sheetProtected(blocked, CLEAR_ACTION);
    if (!marks.ours.length && !marks.helperExists && !marks.keysExist) return;
    queueRemoval(context, marks, "remove");
    await context.sync();
  } catch (e) {
    throw translateOfficeError(e, CLEAR_ACTION);
  }
}

export async function markFindingsIn(context: Excel.RequestContext, findings: Finding[]): Promise<void> {
  // Marks by row number only: they do not follow a sort (markKeyedIn does).
  await markRowsIn(context, rowCodes(findings), null);
}

/**
 * Marks rows by key: stores the keyed marks and places them on the rows the keys have in
 * `index` (the sheet as read now). After a sort, refreshMarksIn places them again.
 */
export async function markKeyedIn(context: Excel.RequestContext, marks: readonly KeyedMark[], index: StayKeyIndex): Promise<void> {
  await markRowsIn(context, rowCodesFromKeys(marks, index), marks);
}

/** Places the stored keyed marks on the rows their keys have now; false when there are none. */
export async function refreshMarksIn(context: Excel.RequestContext, index: StayKeyIndex): Promise<boolean> {
  const stored = await readKeyedMarksIn(context);
  if (stored === null) return false;
  await markRowsIn(context, rowCodesFromKeys(stored, index), "keep");
  return true;
}

/** Rows of the keys sheet read per sync (~50 bytes a row as JSON). */
const KEY_ROWS_PER_READ = 50_000;

export async function readKeyedMarksIn(context: Excel.RequestContext): Promise<KeyedMark[] | null> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(KEYS_SHEET);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowCount");
    await context.sync();
    if (sheet.isNullObject) return null;
    if (used.isNullObject) return [];
    const out: KeyedMark[] = [];
    for (let start = 1; start <= used.rowCount; start += KEY_ROWS_PER_READ) {
      const end = Math.min(used.rowCount, start + KEY_ROWS_PER_READ - 1);
      const range = sheet.getRange(`A${start}:C${end}`);
      range.load("values");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch, by design
      await context.sync();
      for (const [name, key, code] of range.values) {
        // A row the user or another tool changed is skipped: it can only lose a mark, never misplace one.
        if (typeof name === "string" && typeof key === "string" && typeof code === "number" && key) out.push({ sheet: name, key, code });
      }
    }
    return out;
  } catch (e) {
    throw translateOfficeError(e, MARK_ACTION);
  }
}

async function markRowsIn(context: Excel.RequestContext, codes: Map<string, Map<number, number>>, keyed: readonly KeyedMark[] | "keep" | null): Promise<void> {
  try {
    const marks = await findMarks(context, [...codes.keys()]);
    const known = new Map(marks.sheetNames.map((n) => [n.toLowerCase(), n]));
    const missing = [...codes.keys()].filter((n) => !known.has(n.toLowerCase()));
    // Findings name the sheet as the reader saw it; the workbook's own spelling addresses it.
    const targets = [...codes.keys()].filter((n) => known.has(n.toLowerCase()));
    const actual = (n: string) => known.get(n.toLowerCase())!;
    const blocked = [...new Set([...targets.map(actual), ...marks.ours.map((m) => m.sheet)])].filter((s) => marks.protectedSheets.has(s));
    if (blocked.length) throw sheetProtected(blocked, MARK_ACTION);

    queueRemoval(context, marks, keyed === "keep" ? "keep" : "remove");
    if (Array.isArray(keyed) && keyed.length) queueKeys(context, keyed);
    if (targets.length) {
      const helper = context.workbook.worksheets.add(HELPER_SHEET);
      helper.visibility = "Hidden";
      targets.forEach((name, column) => {
        const sheet = context.workbook.worksheets.getItem(actual(name));
        const rows = codes.get(name)!;
        const dims = marks.dims.get(actual(name)) ?? null;
        let maxFlagged = 0;
        for (const r of rows.keys()) maxFlagged = Math.max(maxFlagged, r);
        const lastRow = Math.max(dims ? dims.rowIndex + dims.rowCount : 0, maxFlagged);
        queueHelperColumn(context, helper, column, lastRow, rows);
        // Formats cover the used range (or the flagged rows of a sheet emptied since).
        const address = dims
          ? `${columnLetter(dims.columnIndex)}${dims.rowIndex + 1}:${columnLetter(dims.columnIndex + dims.columnCount - 1)}${dims.rowIndex + dims.rowCount}`
          : `A1:A${lastRow}`;
        const target = sheet.getRange(address);
        for (const { code, color } of MARK_FILLS) {
          const format = target.conditionalFormats.add("Custom");
          format.custom.rule.formula = markFormula(column, code);
          format.custom.format.fill.color = color;
        }
      });
    }
    await flushQueued(context);
    if (missing.length) {
      throw new ExcelHostError("MARK_SHEETS_MISSING", {
        sv: `Raderna på ${missing.map((m) => `"${m}"`).join(", ")} kunde inte markeras: bladet finns inte längre. Granska igen.`,
        en: `The rows on ${missing.map((m) => `"${m}"`).join(", ")} could not be marked: the sheet no longer exists. Review again.`,
      });
    }
  } catch (e) {
    throw translateOfficeError(e, MARK_ACTION);
  }
}

/** The keyed marks as rows of a hidden sheet, written in chunks under the budget. */
function queueKeys(context: Excel.RequestContext, keyed: readonly KeyedMark[]): void {
  const sheet = context.workbook.worksheets.add(KEYS_SHEET);
  sheet.visibility = "Hidden";
  const list = pendingWrites.get(context) ?? [];
  pendingWrites.set(context, list);
  for (let start = 0; start < keyed.length; start += KEY_ROWS_PER_READ) {
    const values = keyed.slice(start, start + KEY_ROWS_PER_READ).map((m) => [m.sheet, m.key, m.code]);
    list.push({
      bytes: JSON.stringify(values).length,
      write: () => {
        sheet.getRange(`A${start + 1}:C${start + values.length}`).values = values;
      },
    });
  }
}

/** Queued helper writes, flushed by flushQueued in syncs under the budget. */
const pendingWrites = new WeakMap<Excel.RequestContext, { bytes: number; write: () => void }[]>();

function queueHelperColumn(context: Excel.RequestContext, helper: Excel.Worksheet, column: number, lastRow: number, rows: Map<number, number>): void {
  const col = columnLetter(column);
  const list = pendingWrites.get(context) ?? [];
  pendingWrites.set(context, list);
  for (let start = 1; start <= lastRow; start += MARK_ROWS_PER_CHUNK) {
    const end = Math.min(lastRow, start + MARK_ROWS_PER_CHUNK - 1);
    const values: number[][] = [];
    for (let r = start; r <= end; r++) values.push([rows.get(r) ?? 0]);
    list.push({
      bytes: JSON.stringify(values).length,
      write: () => {
        helper.getRange(`${col}${start}:${col}${end}`).values = values;
      },
    });
  }
}

/**
 * The removal, the helper sheet and the formats are already queued; the helper's columns are
 * added to that first sync and then to further ones while each stays under the budget.
 */
async function flushQueued(context: Excel.RequestContext): Promise<void> {
  const list = pendingWrites.get(context) ?? [];
  pendingWrites.delete(context);
  let budget = 0;
  for (const item of list) {
    if (budget > 0 && budget + item.bytes > SYNC_BUDGET_BYTES) {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch, by design
      await context.sync();
      budget = 0;
    }
    item.write();
    budget += item.bytes;
  }
  await context.sync();
}
