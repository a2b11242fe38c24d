/**
 * The pane's single door to the domain core: sheet detection, the agreement presets and the
 * review. The App takes a PaneEngine so that component tests can hand in a small one; the
 * review and the recompute are loaded on demand to keep the first-load bundle small.
 */
import type { AgreementProfile, ColumnMapping, Field, FigureBasis, FiguresResult, MappingOverride, ReviewOptions, ReviewResult, SheetGrid, WorkbookGrids } from "../core";

/** What the pane shows about a sheet before the review (a subset of the reader's SheetReading). */
export interface SheetDetection {
  headerRow: number | null;
  mapping: ColumnMapping[];
  unmappedHeaders: { column: number; letter: string; header: string }[];
  missingFields: Field[];
  /** How sure the reader is that this is an invoice basis (0..1). */
  confidence: number;
}

export interface PaneEngine {
  presets: readonly AgreementProfile[];
  detect(sheet: SheetGrid, override: MappingOverride | undefined): SheetDetection;
  review(grids: WorkbookGrids, options: ReviewOptions): Promise<ReviewResult>;
  /** The what-if path: the figures for another profile from a result's basis (no re-read, no re-check). */
  recompute(basis: FigureBasis, profile: AgreementProfile): Promise<FiguresResult>;
}

/** Below this the reader does not believe a sheet is an invoice basis (as reviewWorkbook). */
export const MIN_CONFIDENCE = 0.5;
