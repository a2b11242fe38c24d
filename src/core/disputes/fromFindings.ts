/**
 * Disputes made from findings: one row with the finding's code as reason, or in bulk (every
 * finding of one code, or every error), after the user confirmed the count.
 * A finding names a row as the review saw it; the stay key index of the same read turns it into
 * a key, and from then on only the key counts.
 */
import type { Finding } from "../model";
import type { StayKeyIndex } from "../stays/stayKey";
import { activeDisputes, makeDispute, type Dispute } from "./dispute";
import { DISPUTE_REASONS, isDisputeReason, voidsLiability, type DisputeReason } from "./reasons";

export interface Author {
  by: string;
  /** ISO time in UTC, from the host's clock. */
  at: string;
}

export function disputeFinding(finding: Finding, index: StayKeyIndex, author: Author, comment = ""): { ok: true; dispute: Dispute } | { ok: false; problems: string[] } {
  if (finding.row === null) return { ok: false, problems: ["the finding is about a sheet or a group, not a stay"] };
  const keyed = index.at(finding.sheet, finding.row);
  const stay = keyed ? index.stay(keyed.key) : undefined;
  if (!keyed || !stay) return { ok: false, problems: [`no stay on ${finding.sheet} row ${finding.row} in the sheet as read now: review again`] };
  const reason: DisputeReason = isDisputeReason(finding.code) ? finding.code : "OTHER";
  return makeDispute({ keyed, stay, reason, comment, ...author });
}

export type BulkSelection = { code: DisputeReason } | { allErrors: true };

const RANK = new Map<string, number>(DISPUTE_REASONS.map((r, i) => [r, i]));

/**
 * One finding per row to dispute: the rows with a finding of the code (or an error finding),
 * not already disputed. For a row with several errors the reason is the first ground that voids
 * liability in catalog order, else the first.
 */
export function bulkCandidates(findings: readonly Finding[], selection: BulkSelection, current: readonly Dispute[], index: StayKeyIndex): Finding[] {
  const disputed = new Set(activeDisputes(current).map((d) => d.key));
  const byRow = new Map<string, Finding>();
  for (const f of findings) {
    if (f.row === null || !isDisputeReason(f.code)) continue;
    if ("code" in selection ? f.code !== selection.code : f.severity !== "error") continue;
    const keyed = index.at(f.sheet, f.row);
    if (!keyed || disputed.has(keyed.key)) continue;
    const ref = `${f.sheet}!${f.row}`;
    const held = byRow.get(ref);
    if (!held || better(f, held)) byRow.set(ref, f);
  }
  return [...byRow.values()];
}

function better(a: Finding, b: Finding): boolean {
  const va = voidsLiability(a.code as DisputeReason);
  const vb = voidsLiability(b.code as DisputeReason);
  if (va !== vb) return va;
  return (RANK.get(a.code) ?? 99) < (RANK.get(b.code) ?? 99);
}

export type BulkResult = { ok: true; disputes: Dispute[]; problems: string[] } | { ok: false; expected: number };

/** Disputes the candidates only when `confirmedCount` is the count the user was shown. */
export function disputeInBulk(
  findings: readonly Finding[],
  selection: BulkSelection,
  current: readonly Dispute[],
  index: StayKeyIndex,
  author: Author,
  confirmedCount: number,
  comment = "",
): BulkResult {
  const candidates = bulkCandidates(findings, selection, current, index);
  if (confirmedCount !== candidates.length) return { ok: false, expected: candidates.length };
  const disputes: Dispute[] = [];
  const problems: string[] = [];
  for (const f of candidates) {
    const r = disputeFinding(f, index, author, comment);
    if (r.ok) disputes.push(r.dispute);
    else problems.push(...r.problems);
  }
  return { ok: true, disputes, problems };
}

/** A writer's own records with one more (an edit or withdrawal replaces the record of its key). */
export function putRecord(records: readonly Dispute[], record: Dispute): Dispute[] {
  return [...records.filter((d) => d.key !== record.key), record];
}
