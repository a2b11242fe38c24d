/**
 * Checks across rows, over all sheets together (an invoice may come as several sheets):
 * DUPLICATE_STAY and OVERLAPPING_STAYS. O(n log n): person ids are interned to ints, rows are
 * bucketed by person with a counting sort, and only a person's own rows are compared (sorted,
 * never pairwise), so a million rows take a fraction of a second.
 */
import { Arena } from "../memory/arena";
import type { Finding, Stay } from "../model";
import type { StayTable } from "../sheet/stayTable";
import { CHECK_CATALOG } from "./catalog";
import { dateText, fillMessage, rowRef, rowRefs } from "./messages";
import { rowFinding, type SheetContext } from "./sheetContext";

const NONE = -1;
/** Row positions as one number: sheet order first, then Excel row (rows stay below 2^21). */
const ROW_SPAN = 2 ** 21;
/** Day sentinels in the Int32 day columns: no date, and a stay still open. */
const NO_DAY = -2147483648;
const OPEN_END = 2147483647;
const CAN_DUP = 1;
const CAN_OVERLAP = 2;
/** Why a row is a duplicate (kept in the same flag byte). */
const DUP_BY_ID = 4;
const DUP_BY_DATES = 8;

/**
 * The bytes the cross-row checks take for `rows` rows (their columns, the person table at load
 * factor 2/3, the grouping): reserve them in an Arena before reading.
 */
export function crossRowBytes(rows: number): number {
  return rows * (4 * 6 + 1 + 18 + 4) + 16 * 8;
}

/** The row has a stay id (kept in the same flag byte). */
const HAS_STAY_ID = 16;

/** How the cross-row checks read a row back after the chunk it came in is gone. */
export interface RowSource {
  /** The stay id of the row (table index as given to add(), Excel row). */
  stayId(tableIndex: number, excelRow: number): string | null;
  /** The whole row as a Stay of its own (for a finding's message). */
  stay(tableIndex: number, excelRow: number): Stay;
}

/** A table that is kept whole: rows are read back from it. */
export function tableSource(table: StayTable): RowSource {
  return { stayId: (i) => table.stayIdOf(i), stay: (i) => table.stay(i) };
}

/**
 * What the cross-row checks keep of every row, collected chunk by chunk as the sheets are read:
 * its place, person, days and flags, in typed columns (a row is its index in input order,
 * sheet after sheet). Compact, because a million rows must stay cheap in memory.
 */
export class CrossRows {
  readonly pos: Int32Array | Float64Array;
  readonly adm: Int32Array;
  readonly ready: Int32Array;
  readonly end: Int32Array;
  readonly flags: Uint8Array;
  private readonly personOf: Int32Array;
  /** The row's index in the table it came in (for its RowSource). */
  private readonly tix: Int32Array;
  private readonly interner: PersonInterner;
  private readonly sources: (RowSource | undefined)[] = [];
  private n = 0;

  /** `capacity`: at least the rows of every sheet to be added. */
  constructor(
    private readonly contexts: SheetContext[],
    capacity: number,
    private readonly arena: Arena = new Arena(),
  ) {
    // sheet * 2^21 + row fits an Int32 below 1024 sheets
    this.pos = contexts.length < 1024 ? arena.take(Int32Array, capacity) : arena.take(Float64Array, capacity);
    this.adm = arena.take(Int32Array, capacity);
    this.ready = arena.take(Int32Array, capacity);
    this.end = arena.take(Int32Array, capacity);
    this.flags = arena.take(Uint8Array, capacity);
    this.personOf = arena.take(Int32Array, capacity);
    this.tix = arena.take(Int32Array, capacity);
    this.interner = new PersonInterner(capacity, arena);
  }

  /** The rows of `table` (a sheet's, or a chunk of it); rows without a readable id take no part. */
  add(c: SheetContext, table: StayTable, source: RowSource): void {
    if (!c.runs.DUPLICATE_STAY && !c.runs.OVERLAPPING_STAYS) return;
    this.sources[c.index] = source;
    const dup = c.runs.DUPLICATE_STAY ? CAN_DUP : 0;
    const overlap = c.runs.OVERLAPPING_STAYS;
    const base = c.index * ROW_SPAN;
    const { pos, adm, ready, end, flags, personOf, tix, interner } = this;
    // The table's columns read directly: this runs once for every row of every sheet.
    const { row, admission, discharge, dateDay, personFlags, personNumber, texts } = table;
    const readyAt = table.ready;
    for (let k = 0; k < table.length; k++) {
      const i = this.n++;
      pos[i] = base + row[k];
      const a = admission[k] === 0 ? NO_DAY : dateDay[admission[k]];
      const e = discharge[k] === 0 ? OPEN_END : dateDay[discharge[k]];
      adm[i] = a;
      ready[i] = readyAt[k] === 0 ? NO_DAY : dateDay[readyAt[k]];
      end[i] = e;
      flags[i] = dup | (overlap && a !== NO_DAY && e >= a ? CAN_OVERLAP : 0) | (table.hasStayId(k) ? HAS_STAY_ID : 0);
      tix[i] = k;
      if (personFlags[k] === 0) personOf[i] = NONE;
      else {
        const n = personNumber[k];
        personOf[i] = n >= 0 ? interner.ofNumber(n) : interner.ofText(texts[-n]);
      }
    }
  }

  get size(): number {
    return this.n;
  }

  ctxOf(i: number): SheetContext {
    return this.contexts[Math.floor(this.pos[i] / ROW_SPAN)];
  }

  rowOf(i: number): number {
    return this.pos[i] % ROW_SPAN;
  }

  /** Row i as a Stay of its own (for a finding's message). */
  stay(i: number): Stay {
    return this.sources[Math.floor(this.pos[i] / ROW_SPAN)]!.stay(this.tix[i], this.rowOf(i));
  }

  /** The stay id where the sheet maps a stay-id column (an unmapped column contributes nothing). */
  stayId(i: number): string | null {
    if ((this.flags[i] & HAS_STAY_ID) === 0) return null;
    const c = this.ctxOf(i);
    if (c.letters.stayId === undefined) return null;
    const id = this.sources[c.index]!.stayId(this.tix[i], this.rowOf(i));
    return id === null || id.length === 0 ? null : id;
  }

  /** DUPLICATE_STAY and OVERLAPPING_STAYS over every row added. */
  check(out: Finding[]): void {
    const n = this.n;
    const { pos, flags, personOf, interner, arena } = this;
    // Only a person with several rows can have a duplicate or an overlap: those persons are
    // numbered densely, and a counting sort makes each one's rows a contiguous segment of `order`.
    const persons = interner.count;
    const groupOf = arena.take(Int32Array, persons); // first the row count per person
    for (let i = 0; i < n; i++) if (personOf[i] !== NONE) groupOf[personOf[i]]++;
    let groups = 0;
    let inGroups = 0;
    let longest = 0;
    for (let p = 0; p < persons; p++) {
      const c = groupOf[p];
      if (c < 2) continue;
      groups++;
      inGroups += c;
      if (c > longest) longest = c;
    }
    const start = arena.take(Int32Array, groups + 1);
    for (let p = 0, g = 0; p < persons; p++) {
      const c = groupOf[p];
      if (c < 2) groupOf[p] = NONE;
      else {
        start[g + 1] = start[g] + c;
        groupOf[p] = g++;
      }
    }
    const fill = arena.take(Int32Array, groups);
    fill.set(start.subarray(0, groups));
    const order = arena.take(Int32Array, inGroups);
    for (let i = 0; i < n; i++) {
      const p = personOf[i];
      if (p === NONE) continue;
      const g = groupOf[p];
      if (g !== NONE) order[fill[g]++] = i;
    }

    const dupOf = personOf.fill(NONE, 0, n); // personOf is spent: reuse its memory
    const overlaps = new Map<number, number[]>();
    const person = new PersonPass(this, longest, dupOf, overlaps);
    for (let g = 0; g < groups; g++) person.check(order, start[g], start[g + 1]);

    const m = CHECK_CATALOG.DUPLICATE_STAY.messages;
    for (let i = 0; i < n; i++) {
      if (dupOf[i] === NONE) continue;
      const s = this.stay(i);
      const ctx = this.ctxOf(i);
      const first = dupOf[i];
      const firstRef = rowRef(this.ctxOf(first).reading.sheet, this.rowOf(first), ctx.reading.sheet);
      const byId = (flags[i] & DUP_BY_ID) !== 0;
      out.push(
        rowFinding(
          ctx,
          s,
          "DUPLICATE_STAY",
          "error",
          byId ? ["personId", "stayId"] : ["personId", "admissionDate", "readyDate"],
          byId
            ? fillMessage(m.main, { stayId: this.stayId(i) as string, first: firstRef })
            : fillMessage(m.dates, { admission: dateText(s.admission), ready: dateText(s.ready), first: firstRef }),
          { relatedRows: [this.rowOf(first)] },
        ),
      );
    }
    for (const [i, related] of overlaps) {
      const s = this.stay(i);
      const ctx = this.ctxOf(i);
      const others = [...new Set(related)].sort((x, y) => pos[x] - pos[y]);
      const refs = others.map((j) => ({ sheet: this.ctxOf(j).reading.sheet, row: this.rowOf(j) }));
      out.push(
        rowFinding(
          ctx,
          s,
          "OVERLAPPING_STAYS",
          "warning",
          ["admissionDate", "dischargeDate", "personId"],
          fillMessage(CHECK_CATALOG.OVERLAPPING_STAYS.messages.main, { from: dateText(s.admission), to: dateText(s.discharge), others: rowRefs(refs, ctx.reading.sheet) }),
          { relatedRows: refs.map((r) => r.row) },
        ),
      );
    }
  }
}

/** The cross-row checks over whole sheets (every row of each reading's table). */
export function checkCrossRows(contexts: SheetContext[], out: Finding[], arena: Arena = new Arena()): void {
  const active = contexts.filter((c) => c.runs.DUPLICATE_STAY || c.runs.OVERLAPPING_STAYS);
  if (active.length === 0) return;
  let rows = 0;
  for (const c of active) rows += c.reading.table.length;
  const cross = new CrossRows(contexts, rows, arena);
  for (const c of active) cross.add(c, c.reading.table, tableSource(c.reading.table));
  cross.check(out);
}

type Compare = (x: number, y: number) => number;

/**
 * One person's rows, in preallocated buffers (no allocation for the usual 2–5 stays):
 * duplicates by stay id, then by admission + ready day, then overlaps among the rest.
 */
class PersonPass {
  private readonly buf: Int32Array;
  private readonly byStayId: Compare;
  private readonly byDates: Compare;
  private readonly bySpan: Compare;

  constructor(
    private readonly t: CrossRows,
    longest: number,
    private readonly dupOf: Int32Array,
    private readonly overlaps: Map<number, number[]>,
  ) {
    this.buf = new Int32Array(Math.max(2, longest));
    const { pos, adm, ready, end } = t;
    this.byStayId = (x, y) => {
      const a = t.stayId(x) as string;
      const b = t.stayId(y) as string;
      return a < b ? -1 : a > b ? 1 : pos[x] - pos[y];
    };
    this.byDates = (x, y) => adm[x] - adm[y] || ready[x] - ready[y] || pos[x] - pos[y];
    this.bySpan = (x, y) => adm[x] - adm[y] || end[x] - end[y] || pos[x] - pos[y];
  }

  check(order: Int32Array, from: number, to: number): void {
    const { t, buf, dupOf } = this;
    const { adm, ready, end, flags } = t;

    // Same stay id: every later row (sheet order, then row) is a duplicate of the first.
    let m = 0;
    for (let r = from; r < to; r++) {
      const i = order[r];
      if ((flags[i] & CAN_DUP) !== 0 && t.stayId(i) !== null) buf[m++] = i;
    }
    if (m > 1) {
      sortPrefix(buf, m, this.byStayId);
      for (let r = 1; r < m; r++) {
        const i = buf[r];
        const prev = buf[r - 1];
        if (t.stayId(i) === t.stayId(prev)) {
          dupOf[i] = dupOf[prev] === NONE ? prev : dupOf[prev];
          flags[i] |= DUP_BY_ID;
        }
      }
    }

    // Same admission and ready day. Two rows that both carry (different) stay ids are different stays.
    m = 0;
    for (let r = from; r < to; r++) {
      const i = order[r];
      if ((flags[i] & CAN_DUP) !== 0 && dupOf[i] === NONE && adm[i] !== NO_DAY && ready[i] !== NO_DAY) buf[m++] = i;
    }
    if (m > 1) {
      sortPrefix(buf, m, this.byDates);
      let runStart = 0;
      for (let r = 1; r <= m; r++) {
        if (r < m && adm[buf[r]] === adm[buf[runStart]] && ready[buf[r]] === ready[buf[runStart]]) continue;
        if (r - runStart > 1) this.markDateRun(runStart, r);
        runStart = r;
      }
    }

    // Overlaps among the stays that are not duplicates: a sweep by admission day. Each stay is
    // paired with the earlier stay reaching furthest, so every overlapping stay is reported.
    m = 0;
    for (let r = from; r < to; r++) {
      const i = order[r];
      if ((flags[i] & CAN_OVERLAP) !== 0 && dupOf[i] === NONE) buf[m++] = i;
    }
    if (m < 2) return;
    sortPrefix(buf, m, this.bySpan);
    let maxEnd = end[buf[0]];
    let maxAt = buf[0];
    for (let r = 1; r < m; r++) {
      const i = buf[r];
      if (adm[i] < maxEnd) {
        this.addOverlap(i, maxAt);
        this.addOverlap(maxAt, i);
      }
      if (end[i] > maxEnd) {
        maxEnd = end[i];
        maxAt = i;
      }
    }
  }

  private markDateRun(from: number, to: number): void {
    const { t, buf, dupOf } = this;
    const flags = t.flags;
    const first = buf[from];
    let firstWithoutId = t.stayId(first) === null ? first : NONE;
    for (let r = from + 1; r < to; r++) {
      const i = buf[r];
      if (t.stayId(i) === null) {
        dupOf[i] = first;
        flags[i] |= DUP_BY_DATES;
        if (firstWithoutId === NONE) firstWithoutId = i;
      } else if (firstWithoutId !== NONE) {
        dupOf[i] = firstWithoutId;
        flags[i] |= DUP_BY_DATES;
      }
    }
  }

  private addOverlap(i: number, j: number): void {
    const list = this.overlaps.get(i);
    if (list) list.push(j);
    else this.overlaps.set(i, [j]);
  }
}

/** Sorts buf[0..m): insertion sort for a person's few rows, the engine's sort for many. */
function sortPrefix(buf: Int32Array, m: number, cmp: Compare): void {
  if (m > 24) {
    buf.subarray(0, m).sort(cmp);
    return;
  }
  for (let r = 1; r < m; r++) {
    const v = buf[r];
    let q = r - 1;
    while (q >= 0 && cmp(buf[q], v) > 0) {
      buf[q + 1] = buf[q];
      q--;
    }
    buf[q + 1] = v;
  }
}

/**
 * Person ids to dense ints. A 12-digit number (personnummer, samordningsnummer) is read as a
 * number and kept in an open-addressing table, which avoids hashing a million strings; other
 * ids (reserve numbers) go through a Map.
 */
class PersonInterner {
  count = 0;
  private readonly keys: Float64Array;
  private readonly ids: Int32Array;
  private readonly cap: number;
  private readonly texts = new Map<string, number>();

  constructor(expected: number, arena: Arena) {
    // Load factor at most 2/3: short probe runs at a modest size.
    const cap = Math.max(16, Math.ceil(expected * 1.5) | 1);
    this.keys = arena.takeUnfilled(Float64Array, cap).fill(-1);
    this.ids = arena.take(Int32Array, cap);
    this.cap = cap;
  }

  /** A reserve number's text. */
  ofText(normalized: string): number {
    let p = this.texts.get(normalized);
    if (p === undefined) {
      p = this.count++;
      this.texts.set(normalized, p);
    }
    return p;
  }

  /** A 12-digit number (personnummer, samordningsnummer). */
  ofNumber(num: number): number {
    const lo = num % 4294967296;
    const hi = (num - lo) / 4294967296;
    let h = ((Math.imul(lo | 0, 0x9e3779b1) ^ Math.imul(hi | 0, 0x85ebca77)) >>> 0) % this.cap;
    const keys = this.keys;
    for (;;) {
      const key = keys[h];
      if (key === num) return this.ids[h];
      if (key === -1) {
        keys[h] = num;
        this.ids[h] = this.count;
        return this.count++;
      }
      h = h + 1 === this.cap ? 0 : h + 1;
    }
  }
}
