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
import { dateText, fillMessage, rowRef, rowRefs, shortText } from "./messages";
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
 * The bytes the cross-row checks take for `rows` rows: their columns (place, three days, flags,
 * person code, table index) and the grouping (codes and rows, sorted twice over, the order,
 * the duplicate links). Reserve them in an Arena before reading.
 */
export function crossRowBytes(rows: number): number {
  return rows * (4 * 12 + 1) + 16 * 8; // + each column's alignment
}

/** The row has a stay id (kept in the same flag byte). */
const HAS_STAY_ID = 16;
/** The row's person has a 32-bit code (personCode). */
const HAS_CODE = 32;

/**
 * A 12-digit personal or coordination number YYYYMMDDNNNC as one number below 2^31, or −1:
 * years 1870–2125, months 1–12, days 1–31 or 61–91 (coordination numbers), any serial.
 * One to one, so equal codes are the same number.
 */
export function compactPerson(v: number): number {
  const serial = v % 10000;
  const ymd = (v - serial) / 10000;
  const dd = ymd % 100;
  const ym = (ymd - dd) / 100;
  const mm = ym % 100;
  const yyyy = (ym - mm) / 100;
  if (yyyy < 1870 || yyyy > 2125 || mm < 1 || mm > 12) return -1;
  const d = dd >= 1 && dd <= 31 ? dd : dd >= 61 && dd <= 91 ? dd - 29 : -1;
  if (d < 0) return -1;
  return (((yyyy - 1870) * 12 + (mm - 1)) * 64 + d) * 10000 + serial;
}

/** Sorts codes (and rows along) by code: least-significant-digit radix sort, 8 bits a pass, stable. */
function radixSort(codes: Uint32Array, rows: Int32Array, arena: Arena): [Uint32Array, Int32Array] {
  const m = codes.length;
  let fromCodes: Uint32Array = codes;
  let fromRows: Int32Array = rows;
  let toCodes: Uint32Array = arena.take(Uint32Array, m);
  let toRows: Int32Array = arena.take(Int32Array, m);
  const count = new Int32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    count.fill(0);
    for (let j = 0; j < m; j++) count[(fromCodes[j] >>> shift) & 255]++;
    if (count[(fromCodes[0] >>> shift) & 255] === m) continue; // every code shares this byte
    for (let b = 0, sum = 0; b < 256; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let j = 0; j < m; j++) {
      const at = count[(fromCodes[j] >>> shift) & 255]++;
      toCodes[at] = fromCodes[j];
      toRows[at] = fromRows[j];
    }
    const codesWritten = toCodes;
    toCodes = fromCodes;
    fromCodes = codesWritten;
    const rowsWritten = toRows;
    toRows = fromRows;
    fromRows = rowsWritten;
  }
  return [fromCodes, fromRows];
}

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
  /** The person as one 32-bit number (compactPerson), where the row's HAS_CODE flag is set. */
  private readonly personCode: Uint32Array;
  /** Rows of persons with no 32-bit code (reserve numbers, unusual years), by their id text. */
  private readonly textPersons = new Map<string, number[]>();
  /** The row's index in the table it came in (for its RowSource). */
  private readonly tix: Int32Array;
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
    this.personCode = arena.take(Uint32Array, capacity);
    this.tix = arena.take(Int32Array, capacity);
  }

  /** The rows of `table` (a sheet's, or a chunk of it); rows without a readable id take no part. */
  add(c: SheetContext, table: StayTable, source: RowSource): void {
    if (!c.runs.DUPLICATE_STAY && !c.runs.OVERLAPPING_STAYS) return;
    this.sources[c.index] = source;
    const dup = c.runs.DUPLICATE_STAY ? CAN_DUP : 0;
    const overlap = c.runs.OVERLAPPING_STAYS;
    const base = c.index * ROW_SPAN;
    const { pos, adm, ready, end, flags, personCode, tix } = this;
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
      let f = dup | (overlap && a !== NO_DAY && e >= a ? CAN_OVERLAP : 0) | (table.hasStayId(k) ? HAS_STAY_ID : 0);
      tix[i] = k;
      if (personFlags[k] !== 0) {
        const n = personNumber[k];
        const code = n >= 0 ? compactPerson(n) : -1;
        if (code >= 0) {
          personCode[i] = code;
          f |= HAS_CODE;
        } else this.addTextPerson(n >= 0 ? `#${n}` : texts[-n] as string, i);
      }
      flags[i] = f;
    }
  }

  /** Rows in groups of persons without a code that have several rows. */
  private textRows(): number {
    let rows = 0;
    for (const list of this.textPersons.values()) if (list.length > 1) rows += list.length;
    return rows;
  }

  private addTextPerson(key: string, i: number): void {
    const rows = this.textPersons.get(key);
    if (rows) rows.push(i);
    else this.textPersons.set(key, [i]);
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
    const { pos, flags, personCode, arena } = this;
    // Each person's rows side by side: the rows with a 32-bit person code sorted by it (a radix
    // sort, stable, so a person's rows stay in input order), the others grouped by their text.
    // Only a person with several rows can have a duplicate or an overlap.
    let coded = 0;
    for (let i = 0; i < n; i++) if ((flags[i] & HAS_CODE) !== 0) coded++;
    let codes: Uint32Array = arena.take(Uint32Array, coded);
    let rows: Int32Array = arena.take(Int32Array, coded);
    for (let i = 0, j = 0; i < n; i++) {
      if ((flags[i] & HAS_CODE) === 0) continue;
      codes[j] = personCode[i];
      rows[j++] = i;
    }
    [codes, rows] = radixSort(codes, rows, arena);
    const starts: number[] = [0];
    const order = arena.take(Int32Array, coded + this.textRows());
    let inGroups = 0;
    let longest = 0;
    for (let a = 0; a < coded; ) {
      let b = a + 1;
      while (b < coded && codes[b] === codes[a]) b++;
      if (b - a > 1) {
        order.set(rows.subarray(a, b), inGroups);
        inGroups += b - a;
        starts.push(inGroups);
        if (b - a > longest) longest = b - a;
      }
      a = b;
    }
    for (const list of this.textPersons.values()) {
      if (list.length < 2) continue;
      order.set(list, inGroups);
      inGroups += list.length;
      starts.push(inGroups);
      if (list.length > longest) longest = list.length;
    }

    const dupOf = arena.take(Int32Array, n).fill(NONE);
    const overlaps = new Map<number, number[]>();
    const person = new PersonPass(this, longest, dupOf, overlaps);
    for (let g = 0; g + 1 < starts.length; g++) person.check(order, starts[g], starts[g + 1]);

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
          byId ? "main" : "dates",
          byId ? ["personId", "stayId"] : ["personId", "admissionDate", "readyDate"],
          byId
            ? fillMessage(m.main, { stayId: shortText(this.stayId(i) as string), first: firstRef })
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
          "main",
          ["admissionDate", "dischargeDate", "personId"],
          fillMessage(CHECK_CATALOG.OVERLAPPING_STAYS.messages.main, { from: dateText(s.admission), to: dateText(s.discharge), others: rowRefs(refs, ctx.reading.sheet) }),
          { relatedRows: refs.map((r) => r.row) },
        ),
      );
    }
  }
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

