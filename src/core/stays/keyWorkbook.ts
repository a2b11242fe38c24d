/**
 * The keys of every stay in the invoice-basis sheets of a workbook, read from its cells: a host
 * calls it whenever it needs rows again (after a sort, on opening), because row numbers move.
 */
import type { WorkbookGrids } from "../cells/cellValue";
import type { MappingOverride, Stay } from "../model";
import { SheetReader } from "../sheet/readSheet";
import { StayKeyIndex, keyStays, type KeyedStay } from "./stayKey";

export interface KeyWorkbookOptions {
  /** The sheets to read (the reviewed ones). */
  sheets: readonly string[];
  mappingOverrides?: Record<string, MappingOverride>;
  /** Decides the century of ten-digit identity numbers, as in the review. */
  referenceYear: number;
}

/** `onStay` (optional) sees each stay as it is keyed, for a caller that keeps some of its fields. */
export function keyWorkbookStays(input: WorkbookGrids, options: KeyWorkbookOptions, onStay?: (i: number, stay: Stay) => void): StayKeyIndex {
  const tables = input.sheets
    .filter((s) => options.sheets.includes(s.name))
    .map((sheet) => {
      const reader = new SheetReader(sheet, {
        dateSystem: input.dateSystem,
        override: options.mappingOverrides?.[sheet.name],
        referenceYear: options.referenceYear,
      });
      reader.readAll();
      return reader.reading.table;
    });
  const offsets: number[] = [];
  let count = 0;
  for (const t of tables) {
    offsets.push(count);
    count += t.length;
  }
  const stayAt = (i: number) => {
    let k = tables.length - 1;
    while (offsets[k] > i) k--;
    return tables[k].stay(i - offsets[k]);
  };
  const keyed: KeyedStay[] = keyStays(
    count,
    onStay
      ? (i) => {
          const stay = stayAt(i);
          onStay(i, stay);
          return stay;
        }
      : stayAt,
  );
  return new StayKeyIndex(keyed, stayAt);
}
