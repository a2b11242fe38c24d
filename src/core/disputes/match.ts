/**
 * Disputes found again in a re-read workbook, by key (rows move; keys do not):
 * - found: the key is there with the same identifying fields; the dispute applies to its row now;
 * - changed: the key is there but the stay's identifying fields (dates, person, municipality,
 *   unit) differ from when it was disputed, or a repeated stay's occurrence can no longer be
 *   told apart: shown to the reviewer, never silently applied to what may be another stay;
 * - orphaned: the key is gone (the row was deleted, or its identifying fields changed on a sheet
 *   without stay ids): shown, never silently lost.
 *
 * A repeated stay (the same key base on several rows: "h:…~1", "h:…~2") is matched by the digest
 * of all its fields first, so that when one occurrence changes or goes, a dispute does not move
 * to its twin.
 */
import { baseOfKey, type KeyedStay, type StayKeyIndex } from "../stays/stayKey";
import type { Dispute } from "./dispute";

export interface FoundDispute {
  dispute: Dispute;
  stay: KeyedStay;
}

export interface DisputeMatch {
  found: FoundDispute[];
  changed: FoundDispute[];
  orphaned: Dispute[];
}

export function matchDisputes(disputes: readonly Dispute[], index: StayKeyIndex): DisputeMatch {
  const out: DisputeMatch = { found: [], changed: [], orphaned: [] };
  const taken = new Set<string>();
  // 1. Its own key with its own content: the dispute's row is still there (the usual case).
  const rest: Dispute[] = [];
  for (const d of disputes) {
    const exact = index.find(d.key);
    if (exact && exact.content === d.content) take(out, taken, d, exact);
    else rest.push(d);
  }
  // 2. A repeated stay whose occurrence number moved (a twin left or came): the same content.
  const last: Dispute[] = [];
  for (const d of rest) {
    const same = index.withBase(baseOfKey(d.key)).find((s) => !taken.has(s.key) && s.content === d.content);
    if (same) take(out, taken, d, same);
    else last.push(d);
  }
  // 3. Its key without its content: the row was edited (a corrected amount keeps a single stay
  //    found; changed identifying fields show as changed); a repeated stay's occurrence that
  //    cannot be told apart any more is shown as changed, not applied.
  for (const d of last) {
    const exact = index.find(d.key);
    if (!exact || taken.has(exact.key)) {
      out.orphaned.push(d);
      continue;
    }
    const single = index.withBase(baseOfKey(d.key)).length === 1 && d.key === baseOfKey(d.key);
    if (single) take(out, taken, d, exact);
    else {
      taken.add(exact.key);
      out.changed.push({ dispute: d, stay: exact });
    }
  }
  return out;
}

function take(out: DisputeMatch, taken: Set<string>, d: Dispute, stay: KeyedStay): void {
  taken.add(stay.key);
  if (stay.fingerprint === d.fingerprint) out.found.push({ dispute: d, stay });
  else out.changed.push({ dispute: d, stay });
}

/** `${sheet}!${row}` of the found disputes whose reason passes `which`: what recomputeFigures leaves out. */
export function rowRefsOf(found: readonly FoundDispute[], which: (d: Dispute) => boolean): Set<string> {
  const refs = new Set<string>();
  for (const f of found) if (which(f.dispute)) refs.add(`${f.stay.sheet}!${f.stay.row}`);
  return refs;
}
