/**
 * The review result: everything a UI renders and filters without recomputing, and the basis
 * for the what-if path (recomputeFigures) that neither re-reads nor re-checks the rows.
 */
import type { AgreementProfile } from "../agreements/profileSchema";
import type { Bilingual, CareType, ColumnMapping, Finding, FindingCode, Severity, SkippedRows } from "../model";
import type { CareTypeDecision } from "../sheet/careTypeHints";
import type { Field } from "../sheet/fields";
import type { FigureBasis } from "../figures/figureBasis";

export interface SheetSummary {
  name: string;
  headerRow: number | null;
  rows: number;
  mapping: ColumnMapping[];
  unmappedHeaders: { column: number; letter: string; header: string }[];
  missingFields: Field[];
  skipped: SkippedRows[];
  /**
   * How the rows' care type was decided: the sheet-wide decision (the user's, or read from the
   * sheet's name or title) and the rows decided each way. A host shows it and lets the user
   * choose the sheet's care type (ReviewOptions.careTypeBySheet).
   */
  careType: CareTypeDecision;
}

export interface GroupFigures {
  municipality: string;
  careType: CareType;
  /** YYYY-MM, YYYY-Qn or YYYY-Hn (rolling periods are labelled by their last month). */
  period: string;
  /** Stays entering the figures (computable day count). */
  stays: number;
  zeroDayStays: number;
  /** Discharge-ready days of those stays, under the profile's counting. */
  days: number;
  /** Average days (rounded per profile); null when no stay enters the average. */
  average: number | null;
  benchmark: number | null;
  /** Stays that left the average and were billed individually (hybrid). */
  longStays: number;
  liableDays: number;
  /** SEK, rounded per profile; null when a price or the benchmark is unknown. */
  amount: number | null;
  /** What the sheet states, summed over the same rows; null when the column is absent. */
  invoicedDays: number | null;
  invoicedBilledDays: number | null;
  invoicedAmount: number | null;
  /** invoicedAmount − amount (SEK, 2 decimals): positive when more was invoiced than the model gives; null when either is unknown. */
  difference: number | null;
  /** Excel rows (with sheet) of the stays in this group. */
  rows: { sheet: string; row: number }[];
  /** Stays in the group with at least one error finding. */
  rowsWithErrors: number;
}

export interface FiguresResult {
  groups: GroupFigures[];
  /** Group-level findings (PRICE_UNKNOWN, BENCHMARK_UNKNOWN). */
  findings: Finding[];
  totals: {
    stays: number;
    days: number;
    liableDays: number;
    amount: number | null;
    /** What the sheets invoice: the groups' invoiced amounts and those of the rows left out. */
    invoicedAmount: number | null;
    /** invoicedAmount − amount: what was invoiced above what the model gives, left-out rows included. */
    difference: number | null;
    /**
     * Rows the figures leave out (a date missing, unreadable or in the wrong order; an open stay)
     * that state days or an amount: their invoiced figures, which are in `invoicedAmount`.
     */
    leftOut: { rows: number; invoicedDays: number | null; invoicedBilledDays: number | null; invoicedAmount: number | null };
  };
}

export interface CheckStatus {
  code: FindingCode;
  ran: boolean;
  /** The fields whose columns were absent, when it did not run. */
  missingFields: Field[];
  /** Why it did not run (or ran on some sheets only), when missing columns alone do not say it. */
  reason?: Bilingual;
}

export interface ReviewResult {
  profile: AgreementProfile;
  /** The profile's assumptions and the engine's own, always shown to the user. */
  assumptions: Bilingual[];
  sheets: SheetSummary[];
  figures: FiguresResult;
  /** All findings: reader, row checks, cross-row checks, figures; sorted by sheet and row. */
  findings: Finding[];
  counts: { byCode: Partial<Record<FindingCode, number>>; bySeverity: Record<Severity, number> };
  checks: CheckStatus[];
  /** Opaque input of recomputeFigures (the what-if path). */
  basis: FigureBasis;
}

export type { FigureBasis };
