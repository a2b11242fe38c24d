import { createExcelHost } from "../../../src/adapters/excel";
import {
  CHUNK_TARGET_BYTES,
  PAYLOAD_LIMIT_BYTES,
  SAFETY_FACTOR,
  SAMPLE_ROWS,
  columnRuns,
  rowsPerChunk,
} from "../../../src/adapters/excel/readSheet";
import type { ReadProgress } from "../../../src/core/ports/workbookHost";
import { installFakeOffice, uninstallFakeOffice, DEFAULT_PAYLOAD_LIMIT } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook, type FakeCell } from "../../fakes/excel/state";
import { ALL_COLUMNS, clone, invoiceValues } from "./fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

const never = { aborted: false };

function install(values: FakeCell[][], options = {}) {
  return installFakeOffice(g, makeWorkbook([makeSheet("Underlag", values), makeSheet("Annat", [["x"]])]), options);
}

/** JSON bytes of all cells of the given rows (what range.values sends), per row. */
function bytesPerRow(values: FakeCell[][]): number {
  return JSON.stringify(values.slice(1)).length / (values.length - 1);
}

describe("readSheet", () => {
  test("reads exactly the requested columns of the used range; others come back empty; source untouched", async () => {
    // Used range B3:E5 (origin row 3, column 1).
    const values: FakeCell[][] = [[], [], ["", "h1", "h2", "h3", "h4"], ["", 1, "a", true, 4], ["", 2, "b", false, 5]];
    const handle = install(values);
    const before = clone(handle.state);
    const grid = await createExcelHost().readSheet("Underlag", [1, 3, 4, 99], () => {}, never);
    expect(grid.originRow).toBe(3);
    expect(grid.originColumn).toBe(1);
    // Column C (index 2) was not requested: empty cells.
    expect(grid.values).toEqual([
      ["h1", "", "h3", "h4"],
      [1, "", true, 4],
      [2, "", false, 5],
    ]);
    expect(handle.state).toEqual(before);
  });

  test("columnRuns groups contiguous columns and drops those outside the used range", () => {
    expect(columnRuns([5, 1, 2, 3, 9, 2, -1, 40], { rowIndex: 0, columnIndex: 1, rowCount: 9, columnCount: 10 })).toEqual([
      { from: 1, to: 3 },
      { from: 5, to: 5 },
      { from: 9, to: 9 },
    ]);
  });

  test("an empty sheet gives an empty grid; a missing sheet a clear error", async () => {
    install([]);
    const host = createExcelHost();
    await expect(host.readSheet("Underlag", [0], () => {}, never)).resolves.toEqual({ name: "Underlag", values: [], originRow: 1, originColumn: 0 });
    await expect(host.readSheet("Saknas", [0], () => {}, never)).rejects.toMatchObject({
      code: "SHEET_NOT_FOUND",
      bilingual: { sv: expect.stringContaining("Saknas") },
    });
  });

  test("100,000 rows × 18 columns: every sync under 5 MB, syncs close to the minimum, values identical", async () => {
    const rows = 100_000;
    const values = invoiceValues(rows);
    const handle = install(values);
    const progress: ReadProgress[] = [];
    const grid = await createExcelHost().readSheet("Underlag", ALL_COLUMNS, (p) => progress.push(p), never);

    // JSON comparison: a deep-equal of 1.9 million cells takes jest many seconds.
    expect(JSON.stringify(grid.values)).toBe(JSON.stringify(values));
    expect(JSON.stringify(handle.state.sheets[0].values)).toBe(JSON.stringify(invoiceValues(rows)));
    expect(handle.counters.maxBytes).toBeLessThanOrEqual(DEFAULT_PAYLOAD_LIMIT);
    expect(handle.counters.bytesPerSync.every((b) => b <= PAYLOAD_LIMIT_BYTES)).toBe(true);

    // Bound: 1 sync for the used range, 1 for the sample, then chunks of rowsPerChunk(B) rows,
    // two per sync; counted generously as one chunk per sync.
    const B = bytesPerRow(values);
    const chunkRows = Math.floor(CHUNK_TARGET_BYTES / (B * SAFETY_FACTOR));
    expect(rowsPerChunk(B)).toBe(chunkRows);
    const bound = 2 + Math.ceil((rows + 1 - SAMPLE_ROWS) / chunkRows);
    expect(handle.counters.syncs).toBeLessThanOrEqual(bound);
    // No method can do better than total bytes / 5 MB.
    const total = handle.counters.bytesPerSync.reduce((a, b) => a + b, 0);
    expect(handle.counters.syncs).toBeGreaterThanOrEqual(Math.ceil(total / DEFAULT_PAYLOAD_LIMIT));
    expect(progress[progress.length - 1]).toEqual({ sheet: "Underlag", rowsRead: rows + 1, rowsTotal: rows + 1 });
    expect(progress.map((p) => p.rowsRead)).toEqual([...progress.map((p) => p.rowsRead)].sort((a, b) => a - b));
  });

  test("syncs grow with rows, not faster: 1,000 rows take 3 syncs, 100,000 about rows/chunkRows more", async () => {
    const counts: Record<number, number> = {};
    for (const rows of [1_000, 10_000, 100_000]) {
      const values = invoiceValues(rows);
      const handle = install(values);
      await createExcelHost().readSheet("Underlag", ALL_COLUMNS, () => {}, never);
      counts[rows] = handle.counters.syncs;
      uninstallFakeOffice(g);
    }
    // 1,000 rows: used range, sample (200 rows), the other 801 rows in one chunk.
    expect(counts[1_000]).toBe(3);
    expect(counts[10_000]).toBe(3);
    expect(counts[100_000]).toBeGreaterThan(counts[10_000]);
    expect(counts[100_000]).toBeLessThanOrEqual(2 + Math.ceil(100_000 / rowsPerChunk(bytesPerRow(invoiceValues(1_000)))));
  });

  test("reading fewer columns moves fewer bytes", async () => {
    const values = invoiceValues(5_000);
    let handle = install(values);
    await createExcelHost().readSheet("Underlag", ALL_COLUMNS, () => {}, never);
    const all = handle.counters.bytesPerSync.reduce((a, b) => a + b, 0);
    uninstallFakeOffice(g);
    handle = install(values);
    await createExcelHost().readSheet("Underlag", [2, 3, 4], () => {}, never);
    const three = handle.counters.bytesPerSync.reduce((a, b) => a + b, 0);
    expect(three).toBeLessThan(all / 3);
  });

  test("rows much longer than the sample: the chunk shrinks and the read completes", async () => {
    const long = "x".repeat(3_000);
    const values: FakeCell[][] = [["h"]];
    for (let i = 0; i < 4_000; i++) values.push([i < SAMPLE_ROWS ? `r${i}` : `${long}${i}`]);
    const handle = install(values);
    const grid = await createExcelHost().readSheet("Underlag", [0], () => {}, never);
    expect(grid.values).toEqual(values);
    // At most a couple of syncs hit the limit and were retried smaller.
    const over = handle.counters.bytesPerSync.filter((b) => b > DEFAULT_PAYLOAD_LIMIT).length;
    expect(over).toBeLessThanOrEqual(2);
  });

  test("cancel stops between chunks", async () => {
    const handle = install(invoiceValues(50_000));
    const signal = { aborted: false };
    const progress: number[] = [];
    const read = createExcelHost().readSheet(
      "Underlag",
      ALL_COLUMNS,
      (p) => {
        progress.push(p.rowsRead);
        signal.aborted = true; // the user presses Cancel after the first chunk
      },
      signal,
    );
    await expect(read).rejects.toMatchObject({ code: "CANCELLED", name: "AbortError" });
    // Used range + the first chunk; nothing after.
    expect(handle.counters.syncs).toBe(2);
    expect(progress).toEqual([SAMPLE_ROWS]);
  });

  test("a sheet changed during the read (rows added between syncs) is a clear error", async () => {
    const handle = install(invoiceValues(20_000));
    handle.beforeSync = (n) => {
      if (n === 3) handle.state.sheets[0].values.push(["19121212-1212", "new row"]);
    };
    await expect(createExcelHost().readSheet("Underlag", ALL_COLUMNS, () => {}, never)).rejects.toMatchObject({
      code: "SHEET_CHANGED_DURING_REVIEW",
      bilingual: { en: expect.stringContaining("changed while it was being read") },
    });
  });

  test("rows deleted during the read are caught too", async () => {
    const handle = install(invoiceValues(2_000));
    handle.beforeSync = (n) => {
      if (n === 2) handle.state.sheets[0].values.pop();
    };
    await expect(createExcelHost().readSheet("Underlag", ALL_COLUMNS, () => {}, never)).rejects.toMatchObject({
      code: "SHEET_CHANGED_DURING_REVIEW",
    });
  });
});
