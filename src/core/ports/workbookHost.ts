/**
 * The port between the task pane and a workbook host. The Excel adapter implements it with
 * Office.js; tests implement it with a fake. Types only: the core stays free of host code.
 */
import type { SheetGrid, DateSystem } from "../cells/cellValue";
import type { Bilingual, CareType, Finding, MappingOverride } from "../model";
import type { ReviewResult } from "../review/result";
import type { SheetSpec } from "../sheets/sheetSpec";
import type { SideBySide } from "../disputes/figures";

export interface SheetPreview {
  name: string;
  /** The first rows (enough to find the header), as a grid. */
  head: SheetGrid;
  /** Rows and columns of the used range. */
  rowCount: number;
  columnCount: number;
  originRow: number;
  originColumn: number;
  isProtected: boolean;
}

export interface ReadProgress {
  sheet: string;
  rowsRead: number;
  rowsTotal: number;
}

/** A cancel flag the UI sets (an AbortSignal satisfies it; the core knows no DOM types). */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** What the result sheet states besides the result: the core reads no clock and keeps no UI state. */
export interface ResultSheetContext {
  lang: "sv" | "en";
  /** The review date, YYYY-MM-DD. */
  reviewDate: string;
  /** The agreement the figures were computed with, when it differs from the result's profile. */
  agreement?: Bilingual;
  /** What the user overrode: a benchmark per care type, the invoice period. */
  overrides?: { benchmarks?: Partial<Record<CareType, number>>; period?: string | null };
  /** With disputes: the four figures per municipality, under the same agreement as the figures. */
  disputes?: SideBySide;
}

export interface WorkbookHost {
  dateSystem(): Promise<DateSystem>;
  /** Every worksheet with a preview of its top rows. */
  previewSheets(): Promise<SheetPreview[]>;
  /**
   * Reads the given columns (0-based, absolute) of a sheet's used range in chunks under the
   * host's request limit. Unread columns come back as empty cells.
   */
  readSheet(
    name: string,
    columns: number[],
    onProgress: (p: ReadProgress) => void,
    signal: CancelSignal,
  ): Promise<SheetGrid>;
  /** Marks flagged rows by severity; never writes the user's cell values. */
  markFindings(findings: Finding[]): Promise<void>;
  /** Removes every mark this add-in made, restoring what was there. */
  clearMarks(): Promise<void>;
  /** Writes (replacing) the result sheet: figures with totals, chart, findings, in the pane's language. */
  writeResultSheet(result: ReviewResult, context?: ResultSheetContext): Promise<void>;
  /**
   * Writes (replacing an earlier one the add-in wrote) a sheet described as data: the scenario
   * sheet, the follow-up reports. Rejects with a message when a user's sheet has that name.
   */
  writeSpecSheet(spec: SheetSpec): Promise<void>;
  selectRow(sheet: string, row: number): Promise<void>;
  loadMappingOverrides(): Promise<Record<string, MappingOverride>>;
  saveMappingOverrides(overrides: Record<string, MappingOverride>): Promise<void>;
  /** The scenarios stored in the workbook, as the JSON text they were saved as; null when none. */
  loadScenarios(): Promise<string | null>;
  /** Stores (replacing) the scenarios' JSON text; rejects text over SCENARIO_STORAGE_LIMIT. */
  saveScenarios(text: string): Promise<void>;
}

/**
 * Document settings are one JSON blob of every key; hosts fail somewhere around 1–2 MB in
 * practice, so the scenarios stay under 1 MB (characters of their JSON). A scenario is ~2 KB.
 */
export const SCENARIO_STORAGE_LIMIT = 1_000_000;
