import type { Bilingual, ColumnMapping, Finding, SkippedRows } from "../model";
import type { CareTypeDecision } from "./careTypeHints";
import type { Field } from "./fields";
import type { StayTable } from "./stayTable";

/** What the reader makes of one sheet: where the header is, how columns map, the stays. */
export interface SheetReading {
  sheet: string;
  /** Excel row number of the header row; null when no header row was found. */
  headerRow: number | null;
  /** Data rows read into stays (not counting skipped rows). */
  rows: number;
  mapping: ColumnMapping[];
  /** Header cells that matched no field: shown so the user can map them by hand. */
  unmappedHeaders: { column: number; letter: string; header: string }[];
  /** Fields the reader looked for and did not find. */
  missingFields: Field[];
  skipped: SkippedRows[];
  /** The stays, one per data row in row order, as columns (staysOf(table) gives objects). */
  table: StayTable;
  /** Reader findings: INVALID_VALUE (unreadable cell, Excel error value). */
  findings: Finding[];
  /** Invoice period stated in title rows above the header ("Fakturaunderlag oktober 2023"), if any. */
  statedPeriod: { fromDay: number; toDay: number; label: string } | null;
  /** How sure we are that this is an invoice-basis sheet at all (0..1). */
  confidence: number;
  /** How the rows' care type was decided where the column does not state it (careTypeHints.ts). */
  careType: CareTypeDecision;
  /** Readings of this sheet that its cells do not fix (a two-row header, the order of slash dates), shown with the assumptions. */
  notes?: Bilingual[];
}
