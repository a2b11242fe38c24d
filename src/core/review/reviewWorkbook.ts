/**
 * The engine's entry point: grids in, review result out. Reads every invoice-basis sheet,
 * runs the checks, computes the figures. Pure: no clock (today is passed in), no I/O.
 */
import type { AgreementProfile } from "../agreements/profileSchema";
import type { WorkbookGrids } from "../cells/cellValue";
import type { MappingOverride } from "../model";
import type { ReviewResult } from "./result";

export interface ReviewOptions {
  profile: AgreementProfile;
  /** Today as an epoch day: dates after it are OUTSIDE_PERIOD. Injected so the core reads no clock. */
  referenceDay: number;
  /** The invoiced period (epoch days, inclusive); else taken from the title rows; else only future dates are checked. */
  invoicePeriod?: { fromDay: number; toDay: number } | null;
  /** Per sheet name: the user's corrections of the column mapping. */
  mappingOverrides?: Record<string, MappingOverride>;
  /** Count still-admitted stays' days up to the period end (DOMAIN.md §2). Default false. */
  countOpenStays?: boolean;
  /** Review only these sheets; default every sheet that looks like an invoice basis. */
  sheets?: string[];
}

export function reviewWorkbook(input: WorkbookGrids, options: ReviewOptions): ReviewResult {
  void input;
  void options;
  throw new Error("not yet implemented");
}
