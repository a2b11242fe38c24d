/**
 * The stay keys of the reviewed sheets as they are now, read again through the WorkbookHost:
 * the pane calls it when it opens, after the user sorts, and before it applies disputes, because
 * row numbers move and keys do not. It reads the same columns as the review, so that repeated
 * stays are told apart by the same content.
 */
import { keyWorkbookStays, type CancelSignal, type DateSystem, type MappingOverride, type StayKeyIndex, type WorkbookHost } from "../../core";

export interface KeyedSheets {
  /** The reviewed sheets and the (0-based) columns the review read. */
  sheets: readonly { name: string; columns: readonly number[] }[];
  mappingOverrides?: Record<string, MappingOverride>;
  referenceYear: number;
  dateSystem: DateSystem;
}

const NEVER: CancelSignal = { aborted: false };

export async function readStayKeys(host: WorkbookHost, what: KeyedSheets, signal: CancelSignal = NEVER): Promise<StayKeyIndex> {
  const grids = [];
  for (const s of what.sheets) grids.push(await host.readSheet(s.name, [...s.columns], () => undefined, signal));
  return keyWorkbookStays({ sheets: grids, dateSystem: what.dateSystem }, { sheets: what.sheets.map((s) => s.name), mappingOverrides: what.mappingOverrides, referenceYear: what.referenceYear });
}
