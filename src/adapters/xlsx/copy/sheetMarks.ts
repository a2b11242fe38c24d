/**
 * Adds the marks to a sheet part as it streams through, without parsing its rows: the bytes
 * pass unchanged, and one <conditionalFormatting> element is inserted after </sheetData>, where
 * the schema wants it. Its rules read the hidden helper sheet, as the add-in's marks do
 * (src/adapters/excel/marks.ts): the user's cells and their own formats stay as they were.
 */
import { escapeXml } from "./xml";

/** Elements that the schema (CT_Worksheet) puts after conditionalFormatting. */
const AFTER_CONDITIONAL_FORMATTING = [
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF",
  "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

export interface MarkRule {
  /** Helper cell value that selects the rule: 3 error, 2 warning, 1 info. */
  code: number;
  dxfId: number;
}

export interface SheetMarkPlan {
  helperSheet: string;
  /** The helper sheet's column letter for this sheet. */
  helperColumn: string;
  rules: MarkRule[];
  /** Last column letter to colour when the sheet states no <dimension>. */
  lastColumn: string;
  /** Last flagged row: rows after it have no marks. */
  lastRow: number;
}

/** The formula as stored in the file: no leading "=", as the Excel adapter's rule minus it. */
export function markFormulaInFile(helperSheet: string, helperColumn: string, code: number): string {
  return `INDEX('${helperSheet.replace(/'/g, "''")}'!$${helperColumn}:$${helperColumn},ROW())=${code}`;
}

export function conditionalFormattingXml(prefix: string, sqref: string, plan: SheetMarkPlan, firstPriority: number): string {
  const rules = plan.rules
    .map(
      (r, i) =>
        `<${prefix}cfRule type="expression" dxfId="${r.dxfId}" priority="${firstPriority + i}"><${prefix}formula>${escapeXml(
          markFormulaInFile(plan.helperSheet, plan.helperColumn, r.code),
        )}</${prefix}formula></${prefix}cfRule>`,
    )
    .join("");
  return `<${prefix}conditionalFormatting sqref="${sqref}">${rules}</${prefix}conditionalFormatting>`;
}

/** Where to insert and which priority to start from, given the part after </sheetData>. */
export function placeInTail(tail: string, prefix: string): { at: number; firstPriority: number } {
  let at = -1;
  for (const name of AFTER_CONDITIONAL_FORMATTING) {
    const m = new RegExp(`<${escapeRegExp(prefix)}${name}[\\s/>]`).exec(tail);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = tail.lastIndexOf(`</${prefix}worksheet`);
  if (at < 0) throw new Error("the sheet part has no end tag");
  // After the sheet's own rules (the user's formats keep precedence, as over a plain fill).
  let max = 0;
  for (const m of tail.matchAll(/\bpriority="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return { at, firstPriority: max + 1 };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const HEAD_LIMIT = 1 << 22;

/** What the rows' pass leaves for the end: the root's prefix, the stated <dimension>, the bytes from </sheetData>. */
export interface SheetSplit {
  prefix: string;
  dimension: string | null;
  tail: Buffer;
}

/**
 * Streams a sheet part with the marks inserted. Only the head (up to <sheetData>) and the tail
 * (from </sheetData>) are looked at; the rows in between pass as they came.
 */
export async function* withMarks(source: AsyncIterable<Buffer>, plan: SheetMarkPlan): AsyncGenerator<Buffer> {
  const split: Partial<SheetSplit> = {};
  yield* untilTail(source, split);
  yield* markedTail(split as SheetSplit, plan);
}

/** The tail with the marks' element where the schema wants it (after the rows, before page setup…). */
export function markedTail(split: SheetSplit, plan: SheetMarkPlan): Buffer[] {
  const rest = split.tail;
  const { at, firstPriority } = placeInTail(rest.toString("latin1"), split.prefix);
  return [rest.subarray(0, at), Buffer.from(conditionalFormattingXml(split.prefix, markRange(split.dimension, plan), plan, firstPriority), "utf8"), rest.subarray(at)];
}

/**
 * Streams a sheet part's bytes up to </sheetData> (the rows, which need nothing from the review)
 * and fills `split` with what the marks need at the end: the copy can pass the rows while the
 * review still runs and add the tail once the findings are known.
 */
export async function* untilTail(source: AsyncIterable<Buffer>, split: Partial<SheetSplit>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  // 1. The head: the root's namespace prefix and the <dimension>, read as latin1 so that
  //    string offsets are byte offsets.
  let head = Buffer.alloc(0);
  let prefix: string | null = null;
  let dimension: string | null = null;
  while (prefix === null) {
    const next = await it.next();
    if (next.done) throw new Error("the sheet part has no <sheetData>");
    head = Buffer.concat([head, next.value]);
    const text = head.toString("latin1");
    const root = /<([A-Za-z_][\w.-]*:)?worksheet[\s>]/.exec(text);
    const p = root?.[1] ?? "";
    if (root && new RegExp(`<${escapeRegExp(p)}sheetData[\\s/>]`).test(text)) {
      prefix = p;
      dimension = new RegExp(`<${escapeRegExp(p)}dimension\\s[^>]*\\bref="([^"]+)"`).exec(text)?.[1] ?? null;
    } else if (head.length > HEAD_LIMIT) throw new Error("the sheet part has no <sheetData> near its start");
  }
  const closing = Buffer.from(`</${prefix}sheetData>`, "latin1");
  const selfClosed = new RegExp(`<${escapeRegExp(prefix)}sheetData\\s*/>`).exec(head.toString("latin1"));

  // 2. The rows: passed on, held back only as many bytes as the closing tag could straddle.
  let tail: Buffer[] = [];
  let tailFound = false;
  const keep = closing.length - 1;
  let pending = Buffer.alloc(0);
  const scan = function* (chunk: Buffer): Generator<Buffer> {
    if (tailFound) {
      tail.push(chunk);
      return;
    }
    // The held-back bytes joined to the chunk's start: a tag split between chunks is found here.
    const joined = Math.min(chunk.length, keep);
    const window = Buffer.concat([pending, chunk.subarray(0, joined)]);
    const inWindow = window.indexOf(closing);
    if (inWindow >= 0) {
      if (inWindow > 0) yield window.subarray(0, inWindow);
      tail = [window.subarray(inWindow), chunk.subarray(joined)];
      tailFound = true;
      return;
    }
    if (chunk.length <= keep) {
      const cut = Math.max(0, window.length - keep);
      if (cut > 0) yield window.subarray(0, cut);
      pending = Buffer.from(window.subarray(cut));
      return;
    }
    const at = chunk.indexOf(closing);
    if (pending.length) yield pending;
    if (at >= 0) {
      if (at > 0) yield chunk.subarray(0, at);
      tail = [chunk.subarray(at)];
      tailFound = true;
      return;
    }
    const cut = Math.max(0, chunk.length - keep);
    if (cut > 0) yield chunk.subarray(0, cut);
    pending = Buffer.from(chunk.subarray(cut));
  };
  if (selfClosed) {
    const end = selfClosed.index + selfClosed[0].length;
    yield head.subarray(0, end);
    tail = [head.subarray(end)];
    tailFound = true;
  } else {
    yield* scan(head);
  }
  for (let next = await it.next(); !next.done; next = await it.next()) yield* scan(next.value);
  if (!tailFound) throw new Error("the sheet part has no </sheetData>");

  split.prefix = prefix;
  split.dimension = dimension;
  split.tail = Buffer.concat(tail);
}

/** Columns to the wider of the sheet's <dimension> and the review's, rows 1 to the last flagged. */
function markRange(dimension: string | null, plan: SheetMarkPlan): string {
  const stated = dimension ? /([A-Z]{1,3})\$?\d*$/.exec(dimension.trim().split(/\s+/).pop()!)?.[1] : undefined;
  const last = stated && columnNumber(stated) > columnNumber(plan.lastColumn) ? stated : plan.lastColumn;
  return `A1:${last}${plan.lastRow}`;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}
