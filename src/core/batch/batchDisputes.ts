/**
 * The figures side by side (as invoiced, recomputed, after disputes, if every error were upheld)
 * for a batch: each file's disputes are found again in that file (matchDisputes), then applied
 * to the combined basis, where a file's sheet is `[file]sheet`. A disputed row that another
 * file's row counts for is not in the figures: its dispute changes nothing there.
 */
import { sideBySide, type SideBySide } from "../disputes/figures";
import type { DisputeMatch, FoundDispute } from "../disputes/match";
import { qualifiedSheet } from "./combineBases";
import type { BatchResult } from "./reviewBatch";

export interface FileDisputes {
  file: string;
  match: DisputeMatch;
}

/** Every file's matches in one, their sheets named `[file]sheet` as in the combined basis. */
export function qualifiedMatches(files: readonly FileDisputes[]): DisputeMatch {
  const out: DisputeMatch = { found: [], changed: [], orphaned: [] };
  for (const { file, match } of files) {
    const qualify = (f: FoundDispute): FoundDispute => ({ dispute: { ...f.dispute, sheet: qualifiedSheet(file, f.dispute.sheet) }, stay: { ...f.stay, sheet: qualifiedSheet(file, f.stay.sheet) } });
    out.found.push(...match.found.map(qualify));
    out.changed.push(...match.changed.map(qualify));
    for (const d of match.orphaned) out.orphaned.push({ ...d, sheet: qualifiedSheet(file, d.sheet) });
  }
  return out;
}

export function batchSideBySide(batch: BatchResult, match: DisputeMatch): SideBySide {
  const findings = batch.findings.filter((f) => f.file !== "").map((f) => ({ ...f, sheet: qualifiedSheet(f.file, f.sheet) }));
  return sideBySide({ basis: batch.basis, profile: batch.profile, found: match.found, findings });
}
