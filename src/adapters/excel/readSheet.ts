/**
 * Reads the requested columns of a sheet's used range in row chunks whose responses stay well
 * under Excel on the web's 5 MB payload limit. The size of a row is learnt from a small sample
 * at the top and from every chunk read since; several chunks share one sync while the estimate
 * stays under the per-sync budget.
 *
 * APIs: WorksheetCollection.getItemOrNullObject, Worksheet.getUsedRangeOrNullObject [ExcelApi 1.4];
 * Worksheet.getRange, Range.values/rowIndex/columnIndex/rowCount/columnCount [ExcelApi 1.1].
 */
import { columnLetter, type CancelSignal, type CellValue, type ReadProgress, type SheetGrid } from "../../core";
import { ExcelHostError, cancelled, isPayloadLimit, officeCode, sheetNotFound, translateOfficeError } from "./excelHostError";

/** Excel on the web's request/response payload limit. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Target size of one chunk's response. */
export const CHUNK_TARGET_BYTES = 2_000_000;
/** Chunks are queued into one sync while their estimated total stays under this. */
export const SYNC_BUDGET_BYTES = 4_000_000;
/** Rows of the first read, from which the size of a row is first estimated. */
export const SAMPLE_ROWS = 200;
/** Estimates are inflated by this: later rows may be longer than those seen. */
export const SAFETY_FACTOR = 1.25;

export interface UsedDims {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Contiguous runs of requested columns inside the used range: one range per run per chunk. */
export function columnRuns(columns: number[], dims: UsedDims): { from: number; to: number }[] {
  const last = dims.columnIndex + dims.columnCount - 1;
  const wanted = [...new Set(columns)].filter((c) => Number.isInteger(c) && c >= dims.columnIndex && c <= last).sort((a, b) => a - b);
  const runs: { from: number; to: number }[] = [];
  for (const c of wanted) {
    const run = runs[runs.length - 1];
    if (run && run.to === c - 1) run.to = c;
    else runs.push({ from: c, to: c });
  }
  return runs;
}

/** Rows per chunk for a given bytes-per-row estimate. */
export function rowsPerChunk(bytesPerRow: number): number {
  return Math.max(1, Math.floor(CHUNK_TARGET_BYTES / (bytesPerRow * SAFETY_FACTOR)));
}

interface PlannedChunk {
  start: number;
  end: number;
  ranges: { run: { from: number; to: number }; range: Excel.Range }[];
}

function sameDims(a: UsedDims, b: UsedDims): boolean {
  return a.rowIndex === b.rowIndex && a.rowCount === b.rowCount && a.columnIndex === b.columnIndex && a.columnCount === b.columnCount;
}

function changedError(name: string, before: UsedDims, after: UsedDims | null): ExcelHostError {
  const rows = (d: UsedDims | null) => (d ? `${d.rowIndex + 1}–${d.rowIndex + d.rowCount}` : "–");
  return new ExcelHostError(
    "SHEET_CHANGED_DURING_REVIEW",
    {
      sv: `Bladet "${name}" ändrades medan det lästes (rader ${rows(before)} blev ${rows(after)}). Vänta tills ingen redigerar bladet och granska igen.`,
      en: `The sheet "${name}" changed while it was being read (rows ${rows(before)} became ${rows(after)}). Wait until nobody is editing it and review again.`,
    },
    "SheetChangedDuringReview",
  );
}

export async function readSheetChunked(
  context: Excel.RequestContext,
  name: string,
  columns: number[],
  onProgress: (p: ReadProgress) => void,
  signal: { readonly aborted: boolean } & CancelSignal,
): Promise<SheetGrid> {
  const action = { sv: `läsa bladet "${name}"`, en: `read the sheet "${name}"` };
  try {
    if (signal.aborted) throw cancelled();
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    try {
      await context.sync();
    } catch (e) {
      // A host may fail the used range of a missing sheet instead of returning a null object.
      if (officeCode(e) === "ItemNotFound" || officeCode(e) === "InvalidObjectPath") throw sheetNotFound(name);
      throw e;
    }
    if (sheet.isNullObject) throw sheetNotFound(name);
    if (used.isNullObject) {
      onProgress({ sheet: name, rowsRead: 0, rowsTotal: 0 });
      return { name, values: [], originRow: 1, originColumn: 0 };
    }
    const dims: UsedDims = { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount };
    const runs = columnRuns(columns, dims);
    const width = runs.length ? runs[runs.length - 1].to - dims.columnIndex + 1 : 0;
    const grid: CellValue[][] = [];
    for (let r = 0; r < dims.rowCount; r++) grid.push(new Array<CellValue>(width).fill(""));
    if (runs.length === 0) {
      onProgress({ sheet: name, rowsRead: dims.rowCount, rowsTotal: dims.rowCount });
      return { name, values: grid, originRow: dims.rowIndex + 1, originColumn: dims.columnIndex };
    }

    let bytesPerRow = 0; // unknown until the sample is read
    let next = 0;
    // The loop syncs once per batch of chunks by design: each sync must stay under 5 MB.
    while (next < dims.rowCount) {
      if (signal.aborted) throw cancelled();
      const chunks = planChunks(sheet, dims, runs, next, bytesPerRow);
      const end = chunks[chunks.length - 1].end;
      const isLast = end === dims.rowCount;
      // The last sync also re-reads the used range: a sheet edited meanwhile must not pass.
      const after = isLast ? sheet.getUsedRangeOrNullObject(true) : null;
      after?.load("rowIndex,columnIndex,rowCount,columnCount");
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized batch, by design
        await context.sync();
      } catch (e) {
        const planned = end - next;
        if (isPayloadLimit(e) && planned > 1) {
          // The rows were longer than estimated: at least limit/planned bytes each.
          bytesPerRow = Math.max(bytesPerRow * 2, PAYLOAD_LIMIT_BYTES / planned);
          continue;
        }
        throw e;
      }
      for (const chunk of chunks) {
        let bytes = 0;
        for (const { run, range } of chunk.ranges) {
          const values = range.values;
          bytes += JSON.stringify(values).length;
          for (let i = 0; i < values.length; i++) {
            const row = grid[chunk.start + i];
            const line = values[i];
            for (let j = 0; j < line.length; j++) row[run.from - dims.columnIndex + j] = line[j] as CellValue;
          }
        }
        bytesPerRow = Math.max(bytesPerRow, bytes / (chunk.end - chunk.start));
      }
      next = end;
      if (after) {
        const now = after.isNullObject
          ? null
          : { rowIndex: after.rowIndex, columnIndex: after.columnIndex, rowCount: after.rowCount, columnCount: after.columnCount };
        if (!now || !sameDims(dims, now)) throw changedError(name, dims, now);
      }
      onProgress({ sheet: name, rowsRead: next, rowsTotal: dims.rowCount });
    }
    return { name, values: grid, originRow: dims.rowIndex + 1, originColumn: dims.columnIndex };
  } catch (e) {
    throw translateOfficeError(e, action);
  }
}

function planChunks(sheet: Excel.Worksheet, dims: UsedDims, runs: { from: number; to: number }[], start: number, bytesPerRow: number): PlannedChunk[] {
  const chunks: PlannedChunk[] = [];
  const total = dims.rowCount;
  const size = bytesPerRow > 0 ? rowsPerChunk(bytesPerRow) : SAMPLE_ROWS;
  const chunkBytes = bytesPerRow > 0 ? size * bytesPerRow * SAFETY_FACTOR : 0;
  let at = start;
  let budget = 0;
  do {
    const end = Math.min(total, at + size);
    const r0 = dims.rowIndex + at + 1;
    const r1 = dims.rowIndex + end;
    chunks.push({
      start: at,
      end,
      ranges: runs.map((run) => {
        const range = sheet.getRange(`${columnLetter(run.from)}${r0}:${columnLetter(run.to)}${r1}`);
        range.load("values");
        return { run, range };
      }),
    });
    budget += chunkBytes;
    at = end;
  } while (at < total && bytesPerRow > 0 && budget + chunkBytes <= SYNC_BUDGET_BYTES);
  return chunks;
}
