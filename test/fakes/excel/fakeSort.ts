/**
 * Sorting for the strict fake, the way Excel sorts a range (Range.sort.apply [ExcelApi 1.2]):
 * the rows' values and their direct formats (fills, number formats) move with the rows;
 * conditional-format rules stay where they are, and so does everything outside the range.
 * Excel's order: numbers, then text (case-insensitive unless matchCase; collated as in a Swedish
 * locale, where å, ä, ö follow z), then FALSE, TRUE;
 * blanks last whether ascending or descending; ties keep their order.
 *
 * Worksheet.onRowSorted [ExcelApi 1.10]: handlers added on a sheet are called after a sort of
 * its rows, with the sorted range's address (source "Local"), once the sync has run.
 */
import type { FakeRequestContext } from "./fakeOffice";
import { FakeRichApiError } from "./fakeOffice";
import { formatAddress, intersects, isEmptyCell, parseAddress, readRect, writeRect, type FakeCell, type FakeSheet, type Rect } from "./state";

export interface FakeSortField {
  /** Column offset from the range's first column. */
  key: number;
  ascending?: boolean;
}

interface Target {
  sheet: FakeSheet;
  rect: Rect;
}

const UNCASED = new Intl.Collator("sv", { sensitivity: "base" });
const CASED = new Intl.Collator("sv", { sensitivity: "case", caseFirst: "lower" });

function rank(v: FakeCell): number {
  if (isEmptyCell(v)) return 4;
  if (typeof v === "number") return 0;
  if (typeof v === "string") return 1;
  return v ? 3 : 2;
}

function compareCells(a: FakeCell, b: FakeCell, ascending: boolean, matchCase: boolean): number {
  const ra = rank(a);
  const rb = rank(b);
  // Blanks go last in both directions.
  if (ra === 4 || rb === 4) return ra === rb ? 0 : ra === 4 ? 1 : -1;
  let c: number;
  if (ra !== rb) c = ra - rb;
  else if (ra === 0) c = (a as number) - (b as number);
  else if (ra === 1) c = (matchCase ? CASED : UNCASED).compare(a as string, b as string);
  else c = ra - rb;
  return ascending ? c : -c;
}

type Placed = { address: string };

/**
 * Moves rect-addressed entries (fills, number formats) with the rows: the part of an entry inside
 * the sorted rows and columns is cut into one piece per row, which goes where its row went.
 */
function moveWithRows<T extends Placed>(entries: T[], s: Rect, newRowOf: (r: number) => number, piece: (e: T, at: Rect, from: Rect) => T): T[] {
  const out: T[] = [];
  for (const e of entries) {
    const r = parseRect(e.address);
    if (!r || !intersects(r, s)) {
      out.push(e);
      continue;
    }
    const keep = (rect: Rect) => {
      if (rect.r0 <= rect.r1 && rect.c0 <= rect.c1) out.push(piece(e, rect, rect));
    };
    keep({ r0: r.r0, r1: Math.min(r.r1, s.r0 - 1), c0: r.c0, c1: r.c1 });
    keep({ r0: Math.max(r.r0, s.r1 + 1), r1: r.r1, c0: r.c0, c1: r.c1 });
    const m0 = Math.max(r.r0, s.r0);
    const m1 = Math.min(r.r1, s.r1);
    keep({ r0: m0, r1: m1, c0: r.c0, c1: Math.min(r.c1, s.c0 - 1) });
    keep({ r0: m0, r1: m1, c0: Math.max(r.c0, s.c1 + 1), c1: r.c1 });
    const c0 = Math.max(r.c0, s.c0);
    const c1 = Math.min(r.c1, s.c1);
    for (let row = m0; row <= m1; row++) {
      const to = newRowOf(row);
      out.push(piece(e, { r0: to, r1: to, c0, c1 }, { r0: row, r1: row, c0, c1 }));
    }
  }
  return out;
}

const parseRect = (a: string) => parseAddress(a);

/** Sorts the rows of `rect` on `sheet` in place; returns the sorted rows' rect. */
export function sortRows(sheet: FakeSheet, rect: Rect, fields: readonly FakeSortField[], matchCase: boolean): Rect {
  const width = rect.c1 - rect.c0 + 1;
  for (const f of fields) {
    if (!Number.isInteger(f.key) || f.key < 0 || f.key >= width) {
      throw new FakeRichApiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", "RangeSort.apply (key)");
    }
  }
  const rows = readRect(sheet, rect);
  const order = rows.map((_, i) => i);
  order.sort((x, y) => {
    for (const f of fields) {
      const c = compareCells(rows[x][f.key], rows[y][f.key], f.ascending !== false, matchCase);
      if (c !== 0) return c;
    }
    return x - y;
  });
  writeRect(sheet, rect, order.map((i) => rows[i]));
  const newIndex = new Array<number>(order.length);
  order.forEach((old, now) => (newIndex[old] = now));
  const newRowOf = (r: number) => rect.r0 + newIndex[r - rect.r0];
  sheet.fills = moveWithRows(sheet.fills, rect, newRowOf, (e, at) => ({ ...e, address: formatAddress(at) }));
  sheet.numberFormats = moveWithRows(sheet.numberFormats, rect, newRowOf, (e, at, from) => {
    const whole = parseRect(e.address)!;
    const format = e.format.slice(from.r0 - whole.r0, from.r1 - whole.r0 + 1).map((line) => line.slice(from.c0 - whole.c0, from.c1 - whole.c0 + 1));
    return { address: formatAddress(at), format };
  });
  return rect;
}

type SortedHandler = (args: { address: string; source: string; type: string; worksheetId: string }) => Promise<unknown> | void;

/** Handlers per sheet object: a reopened workbook (a copied state) has none, as in Excel. */
const handlers = new WeakMap<FakeSheet, Set<SortedHandler>>();

function fireSorted(sheet: FakeSheet, rect: Rect): void {
  const list = handlers.get(sheet);
  if (!list?.size) return;
  const args = { address: formatAddress(rect), source: "Local", type: "RowSorted", worksheetId: sheet.name };
  // After the sync that sorted, as Excel raises events.
  setTimeout(() => {
    for (const h of list) void h(args);
  }, 0);
}

export class FakeRangeSort {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly locate: () => Target,
  ) {
    ctx.requireSet("1.2", "Range.sort");
  }

  apply(fields: FakeSortField[], matchCase = false, hasHeaders = false, orientation = "Rows"): void {
    this.ctx.enqueue({
      request: { sort: fields, matchCase, hasHeaders, orientation },
      responseSize: () => 0,
      run: () => {
        const { sheet, rect } = this.locate();
        if (sheet.protected) throw new FakeRichApiError("AccessDenied", "You cannot perform the requested operation.", "RangeSort.apply");
        if (orientation !== "Rows") throw new FakeRichApiError("InvalidArgument", "The fake sorts rows only.", "RangeSort.apply");
        const body = hasHeaders ? { ...rect, r0: rect.r0 + 1 } : rect;
        if (body.r0 > body.r1) return;
        fireSorted(sheet, sortRows(sheet, body, fields, matchCase));
      },
    });
  }
}

/** Worksheet.onRowSorted. */
export class FakeRowSortedEvent {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly locate: () => FakeSheet,
  ) {
    ctx.requireSet("1.10", "Worksheet.onRowSorted");
  }

  add(handler: SortedHandler): { context: FakeRequestContext; remove(): void } {
    let sheet: FakeSheet | null = null;
    this.ctx.enqueue({
      request: { addHandler: "onRowSorted" },
      responseSize: () => 0,
      run: () => {
        sheet = this.locate();
        const set = handlers.get(sheet) ?? new Set<SortedHandler>();
        set.add(handler);
        handlers.set(sheet, set);
      },
    });
    const ctx = this.ctx;
    return {
      context: ctx,
      remove() {
        ctx.enqueue({ request: { removeHandler: "onRowSorted" }, responseSize: () => 0, run: () => void (sheet && handlers.get(sheet)?.delete(handler)) });
      },
    };
  }
}
