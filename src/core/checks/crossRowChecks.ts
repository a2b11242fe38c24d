/**
 * Checks across rows, over all sheets together (an invoice may come as several sheets):
 * DUPLICATE_STAY and OVERLAPPING_STAYS. O(n log n): person ids are interned to ints, rows are
 * bucketed by person with a counting sort, and only a person's own rows are compared (sorted,
 * never pairwise), so a million rows take a fraction of a second.
 */
import type { Finding, Stay } from "../model";
import { CHECK_CATALOG } from "./catalog";
import { dateText, fillMessage, rowRef, rowRefs } from "./messages";
import { rowFinding, type SheetContext } from "./sheetContext";

const NONE = -1;
/** Row positions as one number: sheet order first, then Excel row (rows stay below 2^21). */
const ROW_SPAN = 2 ** 21;
const OPEN_END = Number.POSITIVE_INFINITY;

const enum DupReason {
  StayId = 1,
  Dates = 2,
}

interface Table {
  stays: Stay[];
  sheetOf: Int32Array;
  pos: Float64Array;
  adm: Float64Array;
  ready: Float64Array;
  end: Float64Array;
  canDup: Uint8Array;
  canOverlap: Uint8Array;
}

export function checkCrossRows(contexts: SheetContext[], out: Finding[]): void {
  const active = contexts.filter((c) => c.runs.DUPLICATE_STAY || c.runs.OVERLAPPING_STAYS);
  if (active.length === 0) return;

  let n = 0;
  for (const c of active) n += c.reading.stays.length;
  const t: Table = {
    stays: new Array<Stay>(n),
    sheetOf: new Int32Array(n),
    pos: new Float64Array(n),
    adm: new Float64Array(n),
    ready: new Float64Array(n),
    end: new Float64Array(n),
    canDup: new Uint8Array(n),
    canOverlap: new Uint8Array(n),
  };

  // Intern person ids; rows without a readable id take no part.
  const personOf = new Int32Array(n);
  const ids = new Map<string, number>();
  let k = 0;
  for (const c of active) {
    const dup = c.runs.DUPLICATE_STAY ? 1 : 0;
    const ovl = c.runs.OVERLAPPING_STAYS ? 1 : 0;
    const stays = c.reading.stays;
    for (let i = 0; i < stays.length; i++, k++) {
      const s = stays[i];
      t.stays[k] = s;
      t.sheetOf[k] = c.index;
      t.pos[k] = c.index * ROW_SPAN + s.row;
      t.adm[k] = s.admission ? s.admission.day : NaN;
      t.ready[k] = s.ready ? s.ready.day : NaN;
      t.end[k] = s.discharge ? s.discharge.day : OPEN_END;
      t.canDup[k] = dup;
      t.canOverlap[k] = ovl === 1 && s.admission !== null && t.end[k] >= t.adm[k] ? 1 : 0;
      if (s.personId === null) {
        personOf[k] = NONE;
        continue;
      }
      const key = s.personId.normalized;
      let p = ids.get(key);
      if (p === undefined) {
        p = ids.size;
        ids.set(key, p);
      }
      personOf[k] = p;
    }
  }

  // Counting sort by person: each person's rows become one contiguous segment of `order`.
  const persons = ids.size;
  const start = new Int32Array(persons + 1);
  for (let i = 0; i < n; i++) if (personOf[i] !== NONE) start[personOf[i] + 1]++;
  for (let p = 0; p < persons; p++) start[p + 1] += start[p];
  const fill = start.slice(0, persons);
  const order = new Int32Array(start[persons]);
  for (let i = 0; i < n; i++) {
    const p = personOf[i];
    if (p !== NONE) order[fill[p]++] = i;
  }

  const dupOf = new Int32Array(n).fill(NONE);
  const dupReason = new Uint8Array(n);
  const overlaps = new Map<number, number[]>();
  for (let p = 0; p < persons; p++) {
    const a = start[p];
    const b = start[p + 1];
    if (b - a < 2) continue;
    checkPerson(t, Array.from(order.subarray(a, b)), dupOf, dupReason, overlaps);
  }

  const byIndex = new Map<number, SheetContext>(contexts.map((c) => [c.index, c]));
  for (let i = 0; i < n; i++) {
    if (dupOf[i] === NONE) continue;
    const s = t.stays[i];
    const ctx = byIndex.get(t.sheetOf[i]) as SheetContext;
    const first = dupOf[i];
    const firstCtx = byIndex.get(t.sheetOf[first]) as SheetContext;
    const m = CHECK_CATALOG.DUPLICATE_STAY.messages;
    const firstRef = rowRef(firstCtx.reading.sheet, t.stays[first].row, ctx.reading.sheet);
    const byId = dupReason[i] === DupReason.StayId;
    out.push(
      rowFinding(
        ctx,
        s,
        "DUPLICATE_STAY",
        "error",
        byId ? ["personId", "stayId"] : ["personId", "admissionDate", "readyDate"],
        byId
          ? fillMessage(m.main, { stayId: s.stayId as string, first: firstRef })
          : fillMessage(m.dates, { admission: dateText(s.admission), ready: dateText(s.ready), first: firstRef }),
        { relatedRows: [t.stays[first].row] },
      ),
    );
  }
  for (const [i, related] of overlaps) {
    const s = t.stays[i];
    const ctx = byIndex.get(t.sheetOf[i]) as SheetContext;
    const others = [...new Set(related)].sort((x, y) => t.pos[x] - t.pos[y]);
    const refs = others.map((j) => ({ sheet: (byIndex.get(t.sheetOf[j]) as SheetContext).reading.sheet, row: t.stays[j].row }));
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

/** One person's rows: duplicates by stay id, then by admission + ready day; then overlaps among the rest. */
function checkPerson(t: Table, rows: number[], dupOf: Int32Array, dupReason: Uint8Array, overlaps: Map<number, number[]>): void {
  const { pos, adm, ready, end, stays } = t;

  // Same stay id: every later row (sheet order, then row) is a duplicate of the first.
  const withId = rows.filter((i) => t.canDup[i] === 1 && stays[i].stayId !== null);
  if (withId.length > 1) {
    withId.sort((x, y) => {
      const a = stays[x].stayId as string;
      const b = stays[y].stayId as string;
      return a < b ? -1 : a > b ? 1 : pos[x] - pos[y];
    });
    for (let r = 1; r < withId.length; r++) {
      const i = withId[r];
      const prev = withId[r - 1];
      if (stays[i].stayId === stays[prev].stayId) {
        dupOf[i] = dupOf[prev] === NONE ? prev : dupOf[prev];
        dupReason[i] = DupReason.StayId;
      }
    }
  }

  // Same admission and ready day. Two rows that both carry (different) stay ids are different stays.
  const dated = rows.filter((i) => t.canDup[i] === 1 && dupOf[i] === NONE && !Number.isNaN(adm[i]) && !Number.isNaN(ready[i]));
  if (dated.length > 1) {
    dated.sort((x, y) => adm[x] - adm[y] || ready[x] - ready[y] || pos[x] - pos[y]);
    let runStart = 0;
    for (let r = 1; r <= dated.length; r++) {
      if (r < dated.length && adm[dated[r]] === adm[dated[runStart]] && ready[dated[r]] === ready[dated[runStart]]) continue;
      markDateRun(t, dated, runStart, r, dupOf, dupReason);
      runStart = r;
    }
  }

  // Overlaps among the stays that are not duplicates: a sweep by admission day.
  const spans = rows.filter((i) => t.canOverlap[i] === 1 && dupOf[i] === NONE);
  if (spans.length < 2) return;
  spans.sort((x, y) => adm[x] - adm[y] || end[x] - end[y] || pos[x] - pos[y]);
  let maxEnd = end[spans[0]];
  let maxAt = spans[0];
  for (let r = 1; r < spans.length; r++) {
    const i = spans[r];
    if (adm[i] < maxEnd) {
      addOverlap(overlaps, i, maxAt);
      addOverlap(overlaps, maxAt, i);
    }
    if (end[i] > maxEnd) {
      maxEnd = end[i];
      maxAt = i;
    }
  }
}

function markDateRun(t: Table, dated: number[], from: number, to: number, dupOf: Int32Array, dupReason: Uint8Array): void {
  if (to - from < 2) return;
  const first = dated[from];
  let firstWithoutId = t.stays[first].stayId === null ? first : NONE;
  for (let r = from + 1; r < to; r++) {
    const i = dated[r];
    if (t.stays[i].stayId === null) {
      dupOf[i] = first;
      dupReason[i] = DupReason.Dates;
    } else if (firstWithoutId !== NONE) {
      dupOf[i] = firstWithoutId;
      dupReason[i] = DupReason.Dates;
    }
    if (firstWithoutId === NONE && t.stays[i].stayId === null) firstWithoutId = i;
  }
}

function addOverlap(overlaps: Map<number, number[]>, i: number, j: number): void {
  const list = overlaps.get(i);
  if (list) list.push(j);
  else overlaps.set(i, [j]);
}
