/**
 * The port for disputes and for marks that follow the rows: the Excel adapter implements it with
 * Office.js (custom XML parts, hidden helper sheets, onRowSorted), tests with the strict fake.
 * Types only.
 */
import type { Dispute } from "../disputes/dispute";
import type { DisputeList } from "../disputes/exportList";
import type { LoadedDisputes, Writer } from "../disputes/store";
import type { KeyedMark } from "../stays/keyedMarks";
import type { StayKeyIndex } from "../stays/stayKey";

export type RemoveAllResult = { ok: true; removed: number; loaded: LoadedDisputes } | { ok: false; expected: number };

export interface DisputeSupport {
  /** Disputes kept in the workbook (ExcelApi 1.5). */
  store: boolean;
  /** Marks placed again when the user sorts, with the pane open (ExcelApi 1.10); else at the next open or refresh. */
  sortEvents: boolean;
  /** The list opened as a new workbook (ExcelApi 1.8). */
  newWorkbook: boolean;
  /** Rows marked at all (ExcelApi 1.6). */
  marks: boolean;
}

export interface DisputeHost {
  support(): DisputeSupport;
  loadDisputes(writerId: string): Promise<LoadedDisputes>;
  /** Saves this writer's records; returns every writer's, merged, as they are after the save. */
  saveDisputes(writer: Writer, own: readonly Dispute[], ownUnreadable?: readonly unknown[][]): Promise<LoadedDisputes>;
  /** Removes every dispute only when confirmedCount is the count of active disputes now. */
  removeAllDisputes(writer: Writer, at: string, confirmedCount: number): Promise<RemoveAllResult>;
  /** Stores marks by key and places them on the rows the keys have in `index`. */
  markKeyed(marks: readonly KeyedMark[], index: StayKeyIndex): Promise<void>;
  /** Places the stored marks again on the rows their keys have in `index` (after a sort); false when none are stored. */
  refreshMarks(index: StayKeyIndex): Promise<boolean>;
  /** The sheets that have marks stored by key (empty when none): the pane places them again when it opens. */
  storedMarkSheets(): Promise<string[]>;
  /** Calls onSorted after the user sorts one of the sheets; null where the host cannot tell (then refresh at open). */
  watchRowSorts(sheets: readonly string[], onSorted: (sheet: string) => void): Promise<{ stop(): Promise<void> } | null>;
  /** The dispute list as a table on a sheet of its own (replaced on each export). */
  writeDisputeSheet(list: DisputeList): Promise<void>;
  /** Opens the list as a new workbook (the .xlsx built beforehand, base64). */
  openDisputeWorkbook(xlsxBase64: string): Promise<void>;
}
