/** Test builders for disputes: a basis, its key index and disputes made on rows of it. */
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import { makeDispute, type Dispute } from "../../../src/core/disputes/dispute";
import { matchDisputes } from "../../../src/core/disputes/match";
import { sideBySide } from "../../../src/core/disputes/figures";
import type { DisputeReason } from "../../../src/core/disputes/reasons";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import type { Finding, Stay } from "../../../src/core/model";
import { StayKeyIndex } from "../../../src/core/stays/stayKey";
import { tablesOf } from "../figures/stays";

export const AT = "2023-04-03T09:30:00Z";

export function disputeOn(index: StayKeyIndex, sheet: string, row: number, reason: DisputeReason, extra: Partial<{ by: string; at: string; comment: string }> = {}): Dispute {
  const keyed = index.at(sheet, row);
  if (!keyed) throw new Error(`no stay on ${sheet}!${row}`);
  const r = makeDispute({ keyed, stay: index.stay(keyed.key)!, reason, comment: extra.comment ?? "", by: extra.by ?? "Anna", at: extra.at ?? AT });
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.dispute;
}

export function figuresWith(stays: Stay[], profile: AgreementProfile, disputes: (index: StayKeyIndex) => Dispute[], findings: Finding[] = []) {
  const basis = buildFigureBasis(tablesOf(stays), { openStaysUntilDay: null, errorRows: new Set() });
  const index = StayKeyIndex.of(stays);
  const match = matchDisputes(disputes(index), index);
  return { ...sideBySide({ basis, profile, found: match.found, findings }), match };
}

export function errorFinding(sheet: string, row: number, code: Finding["code"]): Finding {
  return { code, severity: "error", sheet, row, columns: [], fields: [], message: { sv: code, en: code } };
}
