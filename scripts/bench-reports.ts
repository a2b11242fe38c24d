/**
 * The follow-up reports on a synthetic grid (the benchmark's stays), against the what-if
 * recompute of the same basis measured in the same run (the floor: one pass over the basis).
 * Prints ONE JSON line.
 *
 *   node --expose-gc --import tsx scripts/bench-reports.ts 100000
 */
import { performance } from "node:perf_hooks";
import { getPreset } from "../src/core/agreements/presets";
import { recomputeFigures } from "../src/core/figures/computeFigures";
import { REPORT_IDS, reportInputOf, reportSpec } from "../src/core/reports";
import { reviewWorkbook } from "../src/core/review/reviewWorkbook";
import { keyWorkbookStays } from "../src/core/stays/keyWorkbook";
import { epochDayOf } from "./bench-stays";
import { syntheticGrid } from "./bench-worker";

const rows = Number(process.argv[2] ?? 100_000);
const profile = getPreset("halland-2022")!;
const grids = syntheticGrid(rows);
const result = reviewWorkbook(grids, { profile, referenceDay: epochDayOf(2023, 11, 15) });

const time = (f: () => unknown, runs = 5): number => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  return Math.round(ms.sort((a, b) => a - b)[runs >> 1] * 10) / 10;
};

const floorMs = time(() => recomputeFigures(result.basis, profile));
const keysMs = time(() => keyWorkbookStays(grids, { sheets: result.sheets.map((s) => s.name), referenceYear: 2023 }), 3);
const keys = keyWorkbookStays(grids, { sheets: result.sheets.map((s) => s.name), referenceYear: 2023 });
const input = reportInputOf(result, keys);
const reports: Record<string, number> = {};
for (const id of REPORT_IDS) reports[id] = time(() => reportSpec(id, input, { lang: "sv", reveal: false }), 3);
process.stdout.write(JSON.stringify({ rows, stays: result.basis.count, floorMs, keysMs, reports }) + "\n");
