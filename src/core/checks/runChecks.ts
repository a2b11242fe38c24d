/**
 * Runs every check of DOMAIN.md §4 that the mapped columns allow. Stub signature: implemented with tests.
 */
import type { AgreementProfile } from "../agreements/profileSchema";
import type { Finding } from "../model";
import type { CheckStatus } from "../review/result";
import type { SheetReading } from "../sheet/sheetReading";

export interface CheckContext {
  profile: AgreementProfile;
  /** Today, epoch day. */
  referenceDay: number;
  /** Invoiced period (epoch days, inclusive) or null when unknown. */
  invoicePeriod: { fromDay: number; toDay: number } | null;
}

export function runChecks(readings: SheetReading[], ctx: CheckContext): { findings: Finding[]; statuses: CheckStatus[] } {
  void readings;
  void ctx;
  throw new Error("not yet implemented");
}
