/**
 * The figure basis: a compact, columnar copy of the stays whose day count is computable, built
 * once per review. The what-if path (recomputeFigures) runs a tight loop over these typed arrays,
 * so everything a profile cannot change (calendar and weekday days, year boundaries, month cells)
 * is computed here, and what it can change (cut-off shift, grace, benchmark, period, price) is not.
 *
 * Stays are held in (sheet name, row) order whatever the input order, so figures do not depend
 * on it. A stay enters when ready and discharge are present and discharge >= ready; an open stay
 * (no discharge) only when openStaysUntilDay is given.
 */
import { effectiveReadyOf } from "../calendar/dayCount";
import { countSwedishWorkdays, isSwedishWorkday } from "../calendar/holidays";
import { civilDate, epochDay } from "../cells/localDate";
import { municipalityKey } from "../cells/text";
import { Arena, type TypedColumnType } from "../memory/arena";
import { CARE_CODE, EMPTY, NUMBER_BIT, type StayTable } from "../sheet/stayTable";

// Module-local copies for the row loop (an imported binding may be read through an accessor).
const NONE = EMPTY;
const STATED_DAYS = NUMBER_BIT.statedDays;
const BILLED_DAYS = NUMBER_BIT.billedDays;
const AMOUNT = NUMBER_BIT.amount;
const PSYCHIATRIC = CARE_CODE.psychiatric;

/** The group name of stays without a municipality (shown, never dropped). */
export const UNKNOWN_MUNICIPALITY = "(kommun saknas)";

export interface FigureBasisOptions {
  /**
   * Count stays without a discharge date up to this day (inclusive: ASSUMED, an open stay counts
   * as if discharged the next day, and belongs to this day's month). null: open stays stay out.
   */
  openStaysUntilDay: number | null;
  /** `${sheet}!${row}` of rows with at least one error finding. */
  errorRows: ReadonlySet<string>;
  /**
   * Memory reserved before the stays were read (figureBasisBytes): a large
   * typed-array allocation makes the engine collect the whole heap, cheapest while it holds
   * little more than the grid (memory/arena.ts).
   */
  arena?: Arena;
}

export interface FigureBasis {
  readonly count: number;
  /** Municipality display names (the first spelling in sheet/row order), sorted by Swedish collation. */
  readonly municipalities: readonly string[];
  /** Sheet names, sorted. */
  readonly sheets: readonly string[];

  // Per stay, in (sheet, row) order:
  readonly sheetIndex: Uint16Array;
  readonly row: Int32Array;
  readonly municipality: Int32Array;
  /** 0 somatic, 1 psychiatric (missing care type counts as somatic: see careTypeMissing). */
  readonly careType: Uint8Array;
  readonly careTypeMissing: Uint8Array;
  /** The ready date as stated. */
  readonly readyDay: Int32Array;
  /** The day counting starts from: the new ready date when the status was withdrawn and set again. */
  readonly startDay: Int32Array;
  /** Minute of the start notice, -1 when the date had no time. */
  readonly startMinute: Int16Array;
  readonly newReadyUsed: Uint8Array;
  /** The discharge day, or openStaysUntilDay + 1 for an open stay. */
  readonly dischargeDay: Int32Array;
  readonly open: Uint8Array;
  /** year*12 + month-1 of the discharge (of openStaysUntilDay for an open stay). */
  readonly dischargeMonth: Int32Array;
  /** (municipality, care type, discharge month) cell, numbered in that sort order. */
  readonly cell: Int32Array;
  /** dischargeDay − startDay. */
  readonly calendarDays: Int32Array;
  /** Swedish workdays in [startDay, dischargeDay). */
  readonly weekdayDays: Int32Array;
  readonly startIsWorkday: Uint8Array;
  readonly startYear: Int32Array;
  /** Calendar days and workdays from startDay up to the next 1 January: where billed days change year. */
  readonly calendarToYearEnd: Int16Array;
  readonly weekdaysToYearEnd: Int16Array;
  /** The sheet's stated days, billed days and amount; NaN when absent. */
  readonly statedDays: Float64Array;
  readonly statedBilledDays: Float64Array;
  readonly statedAmount: Float64Array;
  readonly hasError: Uint8Array;
  /** Made on first use (rowRefs): {sheet, row} per stay, shared by every recompute's group rows. */
  readonly cache: { refs: { sheet: string; row: number }[] | null };

  readonly cells: {
    readonly count: number;
    readonly municipality: Int32Array;
    readonly careType: Uint8Array;
    readonly month: Int32Array;
  };
  /** Smallest start year and largest discharge year: the price years a recompute may need. */
  readonly minYear: number;
  readonly maxYear: number;
  /** Stays that did not enter, by reason (reported, never silently dropped). */
  readonly left: { missingDates: number; dischargeBeforeReady: number; open: number; unreadableDates: number };
  /**
   * The rows that did not enter but state days, billed days or an amount: what they invoice
   * stays in the invoiced totals, so the difference shows what is at stake. In (sheet, row) order
   * of arrival; NaN where a number is absent.
   */
  readonly leftOut: {
    readonly count: number;
    readonly sheetIndex: readonly number[];
    readonly row: readonly number[];
    readonly statedDays: readonly number[];
    readonly statedBilledDays: readonly number[];
    readonly statedAmount: readonly number[];
  };
}

export const ROW_KEY_SHEET = 2 ** 21;

/** Per-day lookup over the basis's date range: workday prefix sums, year and month index. */
interface DayTables {
  first: number;
  prefix: Int32Array;
  year: Int32Array;
  month: Int32Array;
  /** Offset (from first) of the 1 January after each day. */
  nextJan1: Int32Array;
}

/** Beyond this range (garbage years) the per-stay functions are used instead of tables. */
const MAX_TABLE_DAYS = 200 * 366;

function dayTables(minDay: number, maxDay: number): DayTables | null {
  const firstYear = civilDate(minDay).year;
  const lastYear = civilDate(maxDay).year;
  const first = epochDay(firstYear, 1, 1);
  const end = epochDay(lastYear + 1, 1, 1); // inclusive end of the tables: every next 1 January is inside
  if (end - first > MAX_TABLE_DAYS) return null;
  const n = end - first + 1;
  const prefix = new Int32Array(n + 1);
  const year = new Int32Array(n);
  const month = new Int32Array(n);
  const nextJan1 = new Int32Array(n);
  for (let y = firstYear; y <= lastYear + 1; y++) {
    const from = epochDay(y, 1, 1) - first;
    if (from < n) nextJan1.fill(epochDay(y + 1, 1, 1) - first, from, Math.min(n, epochDay(y + 1, 1, 1) - first));
    for (let m = 1; m <= 12; m++) {
      const from = epochDay(y, m, 1) - first;
      if (from >= n) break;
      const to = Math.min(n, epochDay(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - first);
      year.fill(y, from, to);
      month.fill(y * 12 + m - 1, from, to);
    }
  }
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + (isSwedishWorkday(first + i) ? 1 : 0);
  return { first, prefix, year, month, nextJan1 };
}

const collator = new Intl.Collator("sv");

/** The per-stay columns and their element types, widest first (so every view is aligned). */
const LAYOUT = {
  statedDays: Float64Array,
  statedBilledDays: Float64Array,
  statedAmount: Float64Array,
  row: Int32Array,
  municipality: Int32Array,
  readyDay: Int32Array,
  startDay: Int32Array,
  dischargeDay: Int32Array,
  dischargeMonth: Int32Array,
  calendarDays: Int32Array,
  weekdayDays: Int32Array,
  startYear: Int32Array,
  startMinute: Int16Array,
  calendarToYearEnd: Int16Array,
  weekdaysToYearEnd: Int16Array,
  sheetIndex: Uint16Array,
  careType: Uint8Array,
  careTypeMissing: Uint8Array,
  newReadyUsed: Uint8Array,
  open: Uint8Array,
  startIsWorkday: Uint8Array,
  hasError: Uint8Array,
} as const;

export type BasisColumns = { [K in keyof typeof LAYOUT]: InstanceType<(typeof LAYOUT)[K]> };
type Columns = BasisColumns;
/** The per-stay column names, widest element type first. */
export const BASIS_COLUMN_NAMES = Object.keys(LAYOUT) as (keyof Columns)[];
const COLUMN_NAMES = BASIS_COLUMN_NAMES;
const BYTES_PER_STAY = COLUMN_NAMES.reduce((sum, name) => sum + LAYOUT[name].BYTES_PER_ELEMENT, 0);

/**
 * The per-stay columns for n stays, all views of ONE buffer: a single allocation (typed-array
 * memory counts against the engine's external-memory budget, and each allocation may start a
 * collection).
 */
export function columns(n: number, arena: Arena = n * BYTES_PER_STAY > ONE_BUFFER_FROM ? Arena.reserve(figureBasisBytes(n)) : new Arena()): Columns {
  const out: Partial<Record<keyof Columns, unknown>> = {};
  for (const name of COLUMN_NAMES) out[name] = arena.take(LAYOUT[name] as TypedColumnType<Uint8Array>, n);
  return out as Columns;
}

/** The bytes of a basis of up to `stays` stays: reserve them in an Arena before reading (FigureBasisOptions.arena). */
export function figureBasisBytes(stays: number): number {
  return stays * BYTES_PER_STAY + COLUMN_NAMES.length * 8; // + each column's alignment
}
/** Above this many bytes the columns share one buffer: each typed allocation may start a collection. */
const ONE_BUFFER_FROM = 1 << 20;

export function buildFigureBasis(stayTables: readonly StayTable[], options: FigureBasisOptions): FigureBasis {
  let rows = 0;
  for (const t of stayTables) rows += t.length;
  const builder = new FigureBasisBuilder(
    stayTables.map((t) => t.sheet),
    rows,
    options,
  );
  for (const table of stayTables) builder.add(table);
  return builder.finish();
}

/**
 * The basis built as the rows come: add() each sheet's table, or each chunk of it as a sheet
 * is read in chunks, then finish(). Rows may come in any order; the basis sorts them.
 */
export class FigureBasisBuilder {
  private readonly left = { missingDates: 0, dischargeBeforeReady: 0, open: 0, unreadableDates: 0 };
  private readonly leftOut = { count: 0, sheetIndex: [] as number[], row: [] as number[], statedDays: [] as number[], statedBilledDays: [] as number[], statedAmount: [] as number[] };
  private readonly sheets: string[];
  private readonly sheetRank: Map<string, number>;
  private col: Columns;
  private readonly rawIds = new Map<string | null, number>();
  private readonly raws: (string | null)[] = [];
  private n = 0;
  private sorted = true;
  private lastKey = -Infinity;
  private maxKey = 0;
  private minDay = Infinity;
  private maxDay = -Infinity;

  /** `sheetNames`: every sheet whose rows may come; `capacity`: at least the rows that will. */
  constructor(
    sheetNames: readonly string[],
    private readonly capacity: number,
    private readonly options: FigureBasisOptions,
  ) {
    this.sheets = [...new Set(sheetNames)].sort();
    this.sheetRank = new Map(this.sheets.map((s, i) => [s, i]));
    // One pass over the stays as they come: which enter, and everything read from the stay.
    // Typed arrays only: an object per stay costs more in garbage collection than all the work.
    this.col = columns(capacity, options.arena);
  }

  add(table: StayTable): void {
    const openUntil = this.options.openStaysUntilDay;
    const { left, col, rawIds, raws } = this;
    let { n, sorted, lastKey, maxKey, minDay, maxDay } = this;
    if (n + table.length > this.capacity) throw new Error("FigureBasisBuilder: more rows than its capacity");
    // The table's columns read directly (no cursor): this loop runs once per row of every sheet.
    const { dateDay, dateMinute, texts, ready, newReady, readyWithdrawn, discharge, row, municipality, careType, statedDays, billedDays, amount, numberSet, unreadableDate } = table;
    const rank = this.sheetRank.get(table.sheet)!;
    let lastText = NONE - 1;
    let lastMuni = 0;
    for (let k = 0; k < table.length; k++) {
      // The checks' rule (calendar/dayCount.ts), on the table's date indices.
      if (unreadableDate[k] !== 0) {
        // A date the count needs could not be read: the reader's error says the row is left out.
        left.unreadableDates++;
        this.leaveOut(table, k, rank);
        continue;
      }
      const startAt = effectiveReadyOf(ready[k], readyWithdrawn[k], newReady[k], NONE);
      // Whether it chose the new notice: the same rule on presence alone.
      const renewed = effectiveReadyOf(false, readyWithdrawn[k] !== NONE, newReady[k] !== NONE, false);
      if (startAt === NONE) {
        left.missingDates++;
        this.leaveOut(table, k, rank);
        continue;
      }
      const d0 = dateDay[startAt];
      const dischargeAt = discharge[k];
      let d1: number;
      if (dischargeAt !== NONE) {
        d1 = dateDay[dischargeAt];
        if (d1 < d0) {
          left.dischargeBeforeReady++;
          this.leaveOut(table, k, rank);
          continue;
        }
      } else if (openUntil === null || d0 > openUntil) {
        left.open++;
        this.leaveOut(table, k, rank);
        continue;
      } else {
        d1 = openUntil + 1;
      }
      const key = rank * ROW_KEY_SHEET + row[k];
      if (key < lastKey) sorted = false;
      if (key > maxKey) maxKey = key;
      lastKey = key;
      if (d0 < minDay) minDay = d0;
      if (d1 > maxDay) maxDay = d1;

      // The municipality text, numbered as it comes (grouped below, in sheet/row order).
      // Consecutive rows often share the (interned) name: no map look-up then.
      const textAt = municipality[k];
      if (textAt !== lastText) {
        const raw = texts[textAt]; // null for an empty cell (index 0)
        let id = rawIds.get(raw);
        if (id === undefined) {
          id = raws.push(raw) - 1;
          rawIds.set(raw, id);
        }
        lastText = textAt;
        lastMuni = id;
      }

      const i = n++;
      col.sheetIndex[i] = rank;
      col.row[i] = row[k];
      col.municipality[i] = lastMuni;
      const care = careType[k];
      col.careType[i] = care === PSYCHIATRIC ? 1 : 0;
      col.careTypeMissing[i] = care === 0 ? 1 : 0;
      col.readyDay[i] = ready[k] !== NONE ? dateDay[ready[k]] : d0;
      col.startDay[i] = d0;
      col.startMinute[i] = dateMinute[startAt];
      col.newReadyUsed[i] = renewed ? 1 : 0;
      col.dischargeDay[i] = d1;
      col.open[i] = dischargeAt !== NONE ? 0 : 1;
      col.calendarDays[i] = d1 - d0;
      const set = numberSet[k];
      col.statedDays[i] = (set & STATED_DAYS) !== 0 ? statedDays[k] : NaN;
      col.statedBilledDays[i] = (set & BILLED_DAYS) !== 0 ? billedDays[k] : NaN;
      col.statedAmount[i] = (set & AMOUNT) !== 0 ? amount[k] : NaN;
    }
    Object.assign(this, { n, sorted, lastKey, maxKey, minDay, maxDay });
  }

  /** A row that does not enter: what it states is kept for the invoiced totals (few rows: plain arrays). */
  private leaveOut(table: StayTable, k: number, rank: number): void {
    const set = table.numberSet[k];
    if ((set & (STATED_DAYS | BILLED_DAYS | AMOUNT)) === 0) return;
    const l = this.leftOut;
    l.count++;
    l.sheetIndex.push(rank);
    l.row.push(table.row[k]);
    l.statedDays.push((set & STATED_DAYS) !== 0 ? table.statedDays[k] : NaN);
    l.statedBilledDays.push((set & BILLED_DAYS) !== 0 ? table.billedDays[k] : NaN);
    l.statedAmount.push((set & AMOUNT) !== 0 ? table.amount[k] : NaN);
  }

  /** `errorRows`: `${sheet}!${row}` of rows with an error finding (default: the options'). */
  finish(errorRows: ReadonlySet<string> = this.options.errorRows): FigureBasis {
    const { left, sheets, raws, n, sorted, maxKey, minDay, maxDay } = this;
    let col = this.col;
    if (!sorted) {
      const keys = new Float64Array(n);
      for (let j = 0; j < n; j++) keys[j] = col.sheetIndex[j] * ROW_KEY_SHEET + col.row[j];
      col = reorder(col, sortOrder(keys, n, maxKey), n);
    } else if (n < this.capacity) {
      col = prefix(col, n); // views of the first n: no copy
    }

    // 2. Municipalities: one per sameMunicipality-compatible key (genitive s tolerated), the first
    //    spelling in sheet/row order shown.
    const byKey = new Map<string, number>();
    const names: string[] = [];
    const muniOfRaw = new Int32Array(raws.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const r = col.municipality[i];
      let id = muniOfRaw[r];
      if (id < 0) id = muniOfRaw[r] = internMunicipality(raws[r], byKey, names);
      col.municipality[i] = id;
    }
    const { rankOf, municipalities } = orderMunicipalities(names);

    // 3. What follows from the dates alone: over the typed arrays, no stay objects.
    const tables = n > 0 ? dayTables(minDay, maxDay) : null;
    const { municipality, startDay, dischargeDay, open, startYear, dischargeMonth, weekdayDays, startIsWorkday } = col;
    const { calendarToYearEnd, weekdaysToYearEnd } = col;
    let minYear = Infinity;
    let maxYear = -Infinity;
    for (let i = 0; i < n; i++) {
      municipality[i] = rankOf[municipality[i]];
      const d0 = startDay[i];
      const d1 = dischargeDay[i];
      const monthDay = open[i] ? d1 - 1 : d1; // an open stay belongs to its last counted day's month
      if (tables) {
        const o0 = d0 - tables.first;
        const nextJan1 = tables.nextJan1[o0];
        startYear[i] = tables.year[o0];
        dischargeMonth[i] = tables.month[monthDay - tables.first];
        weekdayDays[i] = tables.prefix[d1 - tables.first] - tables.prefix[o0];
        startIsWorkday[i] = tables.prefix[o0 + 1] - tables.prefix[o0];
        calendarToYearEnd[i] = nextJan1 - o0;
        weekdaysToYearEnd[i] = tables.prefix[nextJan1] - tables.prefix[o0];
      } else {
        const y0 = civilDate(d0).year;
        const cm = civilDate(monthDay);
        const nextJan1 = epochDay(y0 + 1, 1, 1);
        startYear[i] = y0;
        dischargeMonth[i] = cm.year * 12 + cm.month - 1;
        weekdayDays[i] = countSwedishWorkdays(d0, d1);
        startIsWorkday[i] = isSwedishWorkday(d0) ? 1 : 0;
        calendarToYearEnd[i] = nextJan1 - d0;
        weekdaysToYearEnd[i] = countSwedishWorkdays(d0, nextJan1);
      }
      if (startYear[i] < minYear) minYear = startYear[i];
      const dy = Math.floor(dischargeMonth[i] / 12);
      if (dy + 1 > maxYear) maxYear = dy + 1; // +1: an open stay's virtual discharge may be 1 January
    }
    const { sheetIndex, row, hasError } = col;
    const partial = { count: n, sheets, sheetIndex, row };
    for (const ref of errorRows) {
      for (let j = findRow(partial, ref); j >= 0 && j < n && sameRow(partial, j, ref); j++) hasError[j] = 1;
    }

    const cells = buildCells(n, municipality, col.careType, dischargeMonth);
    return {
      count: n,
      municipalities,
      sheets,
      sheetIndex,
      row,
      municipality,
      careType: col.careType,
      careTypeMissing: col.careTypeMissing,
      readyDay: col.readyDay,
      startDay,
      startMinute: col.startMinute,
      newReadyUsed: col.newReadyUsed,
      dischargeDay,
      open,
      dischargeMonth,
      cell: cells.cellOf,
      calendarDays: col.calendarDays,
      weekdayDays,
      startIsWorkday,
      startYear,
      calendarToYearEnd,
      weekdaysToYearEnd,
      statedDays: col.statedDays,
      statedBilledDays: col.statedBilledDays,
      statedAmount: col.statedAmount,
      hasError,
      cache: { refs: null },
      cells: cells.table,
      minYear: n > 0 ? minYear : 0,
      maxYear: n > 0 ? maxYear : -1,
      left,
      leftOut: this.leftOut,
    };
  }
}

/** The first n entries of every column, as views of the same memory. */
function prefix(col: Columns, n: number): Columns {
  const out: Partial<Record<keyof Columns, unknown>> = {};
  for (const name of COLUMN_NAMES) out[name] = (col[name] as Int32Array).subarray(0, n);
  return out as Columns;
}

/** The first n entries of every column, in `order` (or as they are); a buffer of exactly n stays. */
function reorder(col: Columns, order: Int32Array | null, n: number): Columns {
  const out = columns(n);
  for (const name of COLUMN_NAMES) {
    const from = col[name] as Int32Array; // any element type: only indexing and set are used
    const to = out[name] as Int32Array;
    if (order === null) to.set(from.subarray(0, n));
    else for (let j = 0; j < n; j++) to[j] = from[order[j]];
  }
  return out;
}

/** The permutation that sorts keys[0..n) (stable). Packs key and index into one double when they fit. */
function sortOrder(keys: Float64Array, n: number, maxKey: number): Int32Array {
  const order = new Int32Array(n);
  if ((maxKey + 1) * n < 2 ** 53) {
    const packed = new Float64Array(n);
    for (let j = 0; j < n; j++) packed[j] = keys[j] * n + j;
    packed.sort();
    for (let j = 0; j < n; j++) order[j] = packed[j] % n;
    return order;
  }
  for (let j = 0; j < n; j++) order[j] = j;
  return order.sort((a, b) => keys[a] - keys[b] || a - b);
}

/** {sheet, row} per stay, made on first use and shared by every recompute's group row lists. */
export function rowRefs(basis: FigureBasis): readonly { sheet: string; row: number }[] {
  if (basis.cache.refs) return basis.cache.refs;
  const refs = new Array<{ sheet: string; row: number }>(basis.count);
  for (let i = 0; i < basis.count; i++) refs[i] = { sheet: basis.sheets[basis.sheetIndex[i]], row: basis.row[i] };
  basis.cache.refs = refs;
  return refs;
}

/** Municipality names in display order (Swedish collation, the unknown one last) and each name's rank in it. */
export function orderMunicipalities(names: readonly string[]): { rankOf: Int32Array; municipalities: string[] } {
  const muniOrder = names.map((_, i) => i).sort((a, b) => {
    const ua = names[a] === UNKNOWN_MUNICIPALITY;
    const ub = names[b] === UNKNOWN_MUNICIPALITY;
    if (ua !== ub) return ua ? 1 : -1;
    return collator.compare(names[a], names[b]) || (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0);
  });
  const rankOf = new Int32Array(names.length);
  muniOrder.forEach((temp, rank) => (rankOf[temp] = rank));
  return { rankOf, municipalities: muniOrder.map((t) => names[t]) };
}

/** The municipality's number in `names`, one per sameMunicipality-compatible key (added when new). */
export function internMunicipality(raw: string | null, byKey: Map<string, number>, names: string[]): number {
  const text = raw?.trim() ?? "";
  const key = text ? municipalityKey(text) : "";
  if (!key) {
    let id = byKey.get("");
    if (id === undefined) {
      id = names.push(UNKNOWN_MUNICIPALITY) - 1;
      byKey.set("", id);
    }
    return id;
  }
  // sameMunicipality: "Halmstads kommun" and "Halmstad" are one municipality.
  const found = byKey.get(key) ?? byKey.get(key + "s") ?? (key.endsWith("s") ? byKey.get(key.slice(0, -1)) : undefined);
  if (found !== undefined) {
    byKey.set(key, found);
    return found;
  }
  const id = names.push(text) - 1;
  byKey.set(key, id);
  return id;
}

/** Dense numbering of (municipality, care type, month) in that order, so groups come out sorted. */
export function buildCells(n: number, municipality: Int32Array, careType: Uint8Array, month: Int32Array) {
  let minMonth = Infinity;
  let maxMonth = -Infinity;
  let maxMuni = 0;
  for (let i = 0; i < n; i++) {
    if (month[i] < minMonth) minMonth = month[i];
    if (month[i] > maxMonth) maxMonth = month[i];
    if (municipality[i] > maxMuni) maxMuni = municipality[i];
  }
  const span = n > 0 ? maxMonth - minMonth + 1 : 0;
  const size = (maxMuni + 1) * 2 * span;
  let distinct: number[];
  const cellOf = new Int32Array(n);
  if (size <= 1 << 22) {
    // The usual case: a direct table over every (municipality, care type, month).
    for (let i = 0; i < n; i++) cellOf[i] = (municipality[i] * 2 + careType[i]) * span + (month[i] - minMonth);
    const slot = new Int32Array(size).fill(-1);
    for (let i = 0; i < n; i++) slot[cellOf[i]] = 0;
    distinct = [];
    for (let k = 0; k < size; k++) if (slot[k] === 0) slot[k] = distinct.push(k) - 1;
    for (let i = 0; i < n; i++) cellOf[i] = slot[cellOf[i]];
  } else {
    // Dates spread over centuries (bad data): number the cells that occur.
    const composite = new Float64Array(n);
    for (let i = 0; i < n; i++) composite[i] = (municipality[i] * 2 + careType[i]) * span + (month[i] - minMonth);
    distinct = Array.from(new Set(composite)).sort((x, y) => x - y);
    const index = new Map<number, number>();
    distinct.forEach((k, j) => index.set(k, j));
    for (let i = 0; i < n; i++) cellOf[i] = index.get(composite[i])!;
  }
  const count = distinct.length;
  const table = {
    count,
    municipality: new Int32Array(count),
    careType: new Uint8Array(count),
    month: new Int32Array(count),
  };
  distinct.forEach((k, j) => {
    const mc = Math.floor(k / span);
    table.municipality[j] = Math.floor(mc / 2);
    table.careType[j] = mc % 2;
    table.month[j] = (k % span) + minMonth;
  });
  return { cellOf, table };
}

type RowIndex = Pick<FigureBasis, "count" | "sheets" | "sheetIndex" | "row">;

function parseRef(sheets: readonly string[], ref: string): number {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return -1;
  const sheet = sheets.indexOf(ref.slice(0, bang));
  const row = Number(ref.slice(bang + 1));
  if (sheet < 0 || !Number.isInteger(row) || row < 0) return -1;
  return sheet * ROW_KEY_SHEET + row;
}

function sameRow(basis: RowIndex, i: number, ref: string): boolean {
  return basis.sheetIndex[i] * ROW_KEY_SHEET + basis.row[i] === parseRef(basis.sheets, ref);
}

/** Index of the first stay with the `${sheet}!${row}` reference, or -1 (binary search: stays are in sheet/row order). */
export function findRow(basis: RowIndex, ref: string): number {
  const key = parseRef(basis.sheets, ref);
  if (key < 0) return -1;
  let lo = 0;
  let hi = basis.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (basis.sheetIndex[mid] * ROW_KEY_SHEET + basis.row[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < basis.count && basis.sheetIndex[lo] * ROW_KEY_SHEET + basis.row[lo] === key ? lo : -1;
}
