/**
 * The stay keys of the reviewed sheets as they are now, read again through the WorkbookHost:
 * the pane calls it when it opens, after the user sorts, and before it applies disputes, because
 * row numbers move and keys do not. It reads the same columns as the review, so that repeated
 * stays are told apart by the same content.
 */
import { keyWorkbookStays, type CancelSignal, type DateSystem, type MappingOverride, type SheetGrid, type StayKeyIndex, type WorkbookHost } from "../../core";

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

/** What a review read, as the sheets to key again: the same sheets, columns and mapping. */
export function keyedSheetsOf(
  input: { sheets: readonly string[]; overrides: Record<string, MappingOverride>; dateSystem: DateSystem; columns?: Record<string, number[]>; grids: readonly SheetGrid[] },
  referenceYear: number,
): KeyedSheets {
  return {
    sheets: input.sheets.map((name) => ({ name, columns: input.columns?.[name] ?? allColumnsOf(input.grids.find((g) => g.name === name)) })),
    mappingOverrides: input.overrides,
    referenceYear,
    dateSystem: input.dateSystem,
  };
}

/** Without a record of the columns read (an older caller), every column the grid holds. */
function allColumnsOf(grid: SheetGrid | undefined): number[] {
  if (!grid) return [];
  const origin = grid.originColumn ?? 0;
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  return Array.from({ length: width }, (_, i) => origin + i);
}

type ReviewRead = { grids: readonly SheetGrid[]; dateSystem: DateSystem; sheets: readonly string[]; overrides: Record<string, MappingOverride> };

/** One index per review's read (and year): the follower and the tabs share it. */
const reviewKeys = new WeakMap<object, { year: number; index: StayKeyIndex }>();

/** The keys of the rows a review read, from its grids in memory (no read); made once per read. */
export function keysOfReview(input: ReviewRead, referenceYear: number): StayKeyIndex {
  const known = reviewKeys.get(input);
  if (known && known.year === referenceYear) return known.index;
  const index = keyWorkbookStays({ sheets: [...input.grids], dateSystem: input.dateSystem }, { sheets: input.sheets, mappingOverrides: input.overrides, referenceYear });
  reviewKeys.set(input, { year: referenceYear, index });
  return index;
}
