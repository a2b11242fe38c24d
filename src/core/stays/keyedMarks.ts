/**
 * Marks kept by stay key, so that they follow the rows: a host stores key → mark code once (at
 * the review, at a dispute) and turns them into row positions again at every read, from the
 * keys of the sheet as it is now (after a sort, a filter, inserted or deleted rows).
 */
import { SEVERITY_MARK_CODE } from "../markColors";
import type { Finding } from "../model";
import type { StayKeyIndex } from "./stayKey";

/** Mark codes: the severities, and a disputed row's own colour (it wins: the row was handled). */
export const MARK_CODE = { ...SEVERITY_MARK_CODE, disputed: 4 } as const;

const SEVERITY_CODE = SEVERITY_MARK_CODE;

export interface KeyedMark {
  sheet: string;
  key: string;
  code: number;
}

/**
 * Per key, the highest severity of its findings, or "disputed" for a key with an active dispute.
 * Findings name rows as the review read them: `index` is the key index of that same read.
 */
export function keyedMarks(findings: readonly Finding[], index: StayKeyIndex, disputedKeys: ReadonlySet<string> = new Set()): KeyedMark[] {
  const byKey = new Map<string, KeyedMark>();
  for (const f of findings) {
    if (f.row === null) continue;
    const s = index.at(f.sheet, f.row);
    if (!s) continue;
    const code = SEVERITY_CODE[f.severity] ?? 0;
    const held = byKey.get(s.key);
    if (!held) byKey.set(s.key, { sheet: s.sheet, key: s.key, code });
    else held.code = Math.max(held.code, code);
  }
  for (const key of disputedKeys) {
    const s = index.find(key);
    if (s) byKey.set(key, { sheet: s.sheet, key, code: MARK_CODE.disputed });
  }
  return [...byKey.values()];
}

/** Where the marks are now: sheet → row → code, from the keys of the current read. Keys gone mark nothing. */
export function rowCodesFromKeys(marks: readonly KeyedMark[], index: StayKeyIndex): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const m of marks) {
    const s = index.find(m.key);
    if (!s) continue;
    let rows = out.get(s.sheet);
    if (!rows) out.set(s.sheet, (rows = new Map()));
    rows.set(s.row, Math.max(rows.get(s.row) ?? 0, m.code));
  }
  return out;
}
