/**
 * One benchmark measurement in its own process (run by bench.ts with node --expose-gc), so
 * that each size's peak RSS is its own. Prints ONE JSON line on stdout.
 *
 *   node --expose-gc --import tsx scripts/bench-worker.ts review 100000
 *   node --expose-gc --import tsx scripts/bench-worker.ts whatif 100000
 *   node --expose-gc --import tsx scripts/bench-worker.ts compare 100000
 *   node --expose-gc --import tsx scripts/bench-worker.ts sensitivity 100000
 *   node --expose-gc --import tsx scripts/bench-worker.ts xlsx 100000
 *   node --expose-gc --import tsx scripts/bench-worker.ts make-xlsx 200000   (prints the kept file's path)
 *   node --expose-gc --import tsx scripts/bench-worker.ts cli 200000 FILE.xlsx [OUT.xlsx]
 *   node --expose-gc --import tsx scripts/bench-worker.ts copy 200000 FILE.xlsx OUT.xlsx
 *   node --expose-gc --import tsx scripts/bench-worker.ts copy-sheets 200000 FILE.xlsx OUT.xlsx
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { readXlsxFile } from "../src/adapters/xlsx/xlsxReader";
import { copyProfile, getPreset } from "../src/core/agreements/presets";
import type { CellValue, WorkbookGrids } from "../src/core/cells/cellValue";
import { cleanStay, epochDayOf, HEADERS, prng, stayToSerialRow } from "./bench-stays";
import { benchXlsxFile, breakCheckDigit, writeBenchXlsx } from "./bench-xlsx-file";

/** The engine is loaded on demand: the xlsx measurement must not need it. */
const engine = async () => ({
  ...(await import("../src/core/review/reviewWorkbook")),
  ...(await import("../src/core/figures/computeFigures")),
  ...(await import("../src/core/scenarios")),
});

const OCT_1 = epochDayOf(2023, 10, 1);
const OCT_31 = epochDayOf(2023, 10, 31);
/** 2023-11-15: after the period, so nothing is "in the future". */
const REFERENCE_DAY = epochDayOf(2023, 11, 15);

/** `rows` grid rows in all: the header plus rows − 1 stays (1,048,576 = Excel's last row). */
export function syntheticGrid(rows: number, flagEvery = 0): WorkbookGrids {
  const rand = prng(rows);
  const values: CellValue[][] = new Array(rows);
  values[0] = [...HEADERS];
  if (flagEvery > 0) {
    // The grid of the file writeBenchXlsx writes with the same rows and flags (same seed and order).
    for (let i = 1; i < rows; i++) {
      const s = cleanStay(rand, i, OCT_1, OCT_31);
      if (i % flagEvery === 0) s.personId = breakCheckDigit(s.personId);
      values[i] = JSON.parse(JSON.stringify(stayToSerialRow(s)));
    }
    return { sheets: [{ name: "Fakturaunderlag", values, originRow: 1 }], dateSystem: "1900" };
  }
  // Each row goes through JSON as Office.js range.values arrives (a JSON response): strings come
  // out flat. Built from template literals they would be V8 rope strings, and the first read
  // would pay ~0.9 s at 1M rows to flatten them, a cost real input does not have.
  for (let i = 1; i < rows; i++) values[i] = JSON.parse(JSON.stringify(stayToSerialRow(cleanStay(rand, i, OCT_1, OCT_31))));
  return { sheets: [{ name: "Fakturaunderlag", values, originRow: 1 }], dateSystem: "1900" };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function memory() {
  const maxRssMB = process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
  const heapUsedMB = process.memoryUsage().heapUsed / 1024 / 1024;
  return { maxRssMB: Math.round(maxRssMB), heapUsedMB: Math.round(heapUsedMB) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function benchReview(rows: number) {
  const { reviewWorkbook } = await engine();
  const t0 = performance.now();
  const grids = syntheticGrid(rows);
  const buildMs = performance.now() - t0;
  gc();
  const rssBefore = memory().maxRssMB;
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const result = reviewWorkbook(grids, { profile: getPreset("lag-2017-612")!, referenceDay: REFERENCE_DAY });
  const reviewMs = performance.now() - t1;
  // CPU time next to wall time: on a shared machine the wall clock also counts other processes' turns.
  const cpu = process.cpuUsage(c1);
  const reviewCpuMs = (cpu.user + cpu.system) / 1000;
  const mem = memory();
  return {
    kind: "review", rows, buildMs: Math.round(buildMs), reviewMs: Math.round(reviewMs), reviewCpuMs: Math.round(reviewCpuMs), rssAfterGridMB: rssBefore, ...mem,
    stays: result.figures.totals.stays, findings: result.findings.length, groups: result.figures.groups.length,
  };
}

/**
 * The floor: the least any recompute must do, one pass over the basis adding each stay's days to
 * its cell. Measured in the same process as the figures it is compared with, so that a shared
 * machine's load slows both alike; targets are stated against it.
 */
function floorPass(basis: { count: number; cell: Int32Array; calendarDays: Int32Array; cells: { count: number } }): number {
  const sums = new Float64Array(basis.cells.count);
  const { cell, calendarDays } = basis;
  for (let i = 0; i < basis.count; i++) sums[cell[i]] += calendarDays[i];
  return sums[0];
}

/** Median wall and CPU ms of `runs` calls of fn(i). */
function timeRuns(runs: number, fn: (i: number) => unknown): { medianMs: number; medianCpuMs: number; maxMs: number } {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpuTimes.push((u.user + u.system) / 1000);
  }
  return { medianMs: Number(median(times).toFixed(3)), medianCpuMs: Number(median(cpuTimes).toFixed(3)), maxMs: Number(Math.max(...times).toFixed(2)) };
}

async function benchWhatIf(rows: number, runs = 50) {
  const { reviewWorkbook, recomputeFigures } = await engine();
  const grids = syntheticGrid(rows);
  const base = getPreset("halland-2022")!;
  const result = reviewWorkbook(grids, { profile: base, referenceDay: REFERENCE_DAY });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A different benchmark each run, as an economist dragging a slider would.
    const changed = copyProfile(base, { somatic: { benchmark: 2 + i / 100 }, psychiatric: { benchmark: 3 + i / 100 } });
    if (!changed.ok) throw new Error(changed.problems.join("; "));
    const c = process.cpuUsage();
    const t = performance.now();
    recomputeFigures(result.basis, changed.profile);
    times.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpuTimes.push((u.user + u.system) / 1000);
  }
  const floor = timeRuns(runs, () => floorPass(result.basis));
  return {
    kind: "whatif", rows, runs, medianMs: Number(median(times).toFixed(2)), medianCpuMs: Number(median(cpuTimes).toFixed(2)), maxMs: Number(Math.max(...times).toFixed(2)),
    floorMs: floor.medianMs, floorCpuMs: floor.medianCpuMs, ...memory(),
  };
}

/** Three scenarios side by side (compareScenarios): the baseline, a lower benchmark with another formula, a hybrid preset. */
async function benchCompare(rows: number, runs = 50) {
  const { reviewWorkbook, compareScenarios, createScenario } = await engine();
  const base = getPreset("halland-2022")!;
  const result = reviewWorkbook(syntheticGrid(rows), { profile: base, referenceDay: REFERENCE_DAY });
  const lower = createScenario(base, "lower", { sv: "lägre", en: "lower" }, { both: { benchmark: 2.0, excessFormula: "individualExcess" } });
  if (!lower.ok) throw new Error(lower.problems.join("; "));
  const vgr = getPreset("vgr-2020")!;
  // A new benchmark each run, as while typing, so nothing is reused between runs; the profiles
  // are made beforehand (validating an edit is the pane's cost, not the comparison's).
  const baselines = Array.from({ length: runs }, (_, i) => {
    const p = copyProfile(base, { somatic: { benchmark: 2.3 + i / 1000 } });
    if (!p.ok) throw new Error(p.problems.join("; "));
    return p.profile;
  });
  let lines = 0;
  const t = timeRuns(runs, (i) => {
    lines = compareScenarios(result.basis, [baselines[i], lower.scenario.profile, vgr]).detail.length;
  });
  const floor = timeRuns(runs, () => floorPass(result.basis));
  return { kind: "compare", rows, runs, scenarios: 3, detailLines: lines, ...t, floorMs: floor.medianMs, floorCpuMs: floor.medianCpuMs, ...memory() };
}

/** A 61-point benchmark curve (2.0 to 5.0 by 0.05) for every municipality, and the same by 61 recomputes for reference. */
async function benchSensitivity(rows: number, runs = 50) {
  const { reviewWorkbook, recomputeFigures, sensitivityCurve } = await engine();
  const base = getPreset("halland-2022")!;
  const result = reviewWorkbook(syntheticGrid(rows), { profile: base, referenceDay: REFERENCE_DAY });
  let municipalities = 0;
  let points = 0;
  const t = timeRuns(runs, (i) => {
    const r = sensitivityCurve(result.basis, base, { from: 2 + i / 1000, to: 5 + i / 1000, step: 0.05 });
    if (!r.ok) throw new Error(r.problem.en);
    municipalities = r.curve.municipalities.length;
    points = r.curve.points.length;
  });
  const floor = timeRuns(runs, () => floorPass(result.basis));
  // What the curve replaces: the figures once per point (with a profile copied and validated per point, as a caller would).
  const naive = timeRuns(3, () => {
    for (let k = 0; k <= 60; k++) {
      const p = copyProfile(base, { somatic: { benchmark: 2 + k * 0.05 }, psychiatric: { benchmark: 2 + k * 0.05 } });
      if (!p.ok) throw new Error(p.problems.join("; "));
      recomputeFigures(result.basis, p.profile);
    }
  });
  return { kind: "sensitivity", rows, runs, points, municipalities, ...t, floorMs: floor.medianMs, floorCpuMs: floor.medianCpuMs, perPointRecomputeMs: naive.medianMs, ...memory() };
}

/** Writes a `rows`-row xlsx with the streaming writer (dates as real date cells), then times the headless command's read. */
async function benchXlsx(rows: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-xlsx-"));
  const file = path.join(dir, "bench.xlsx");
  try {
    const tw = performance.now();
    await writeBenchXlsx(file, rows);
    const writeMs = performance.now() - tw;
    gc();
    const tr = performance.now();
    const cr = process.cpuUsage();
    const grids = await readXlsxFile(file);
    const readMs = performance.now() - tr;
    const cu = process.cpuUsage(cr);
    const readCpuMs = (cu.user + cu.system) / 1000;
    const first = grids.sheets[0].values[1];
    if (typeof first[3] !== "number") throw new Error(`dates did not arrive as serials: ${JSON.stringify(first)}`);
    return {
      kind: "xlsx", rows, fileMB: Number((statSync(file).size / 1024 / 1024).toFixed(1)),
      writeMs: Math.round(writeMs), readMs: Math.round(readMs), readCpuMs: Math.round(readCpuMs), rowsRead: grids.sheets[0].values.length, ...memory(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows with a finding in the --out measurements: every 50th stay (2 %), an invalid check digit. */
export const FLAG_EVERY = 50;

/** The kept flagged file of `rows` rows (written on first use): its path, size and writing time. */
async function makeXlsx(rows: number) {
  const t = performance.now();
  const file = await benchXlsxFile(rows, FLAG_EVERY);
  return { kind: "make-xlsx", rows, file, writeMs: Math.round(performance.now() - t), fileMB: Number((statSync(file).size / 1024 / 1024).toFixed(1)) };
}

/** The headless command end to end (read, review, JSON report; with OUT also the marked copy). */
async function benchCli(rows: number, file: string, out: string | undefined) {
  const { main: review } = await import("../src/cli/review");
  let printed = 0;
  const write = process.stdout.write.bind(process.stdout);
  // The report is counted, not printed: this process's stdout carries the measurement.
  process.stdout.write = ((chunk: string | Uint8Array) => ((printed += chunk.length), true)) as typeof process.stdout.write;
  const t = performance.now();
  const c = process.cpuUsage();
  let code: number;
  try {
    code = await review([file, "--json", "--today", "2023-11-15", ...(out ? ["--out", out, "--force"] : [])]);
  } finally {
    process.stdout.write = write;
  }
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(c);
  if (code !== 0) throw new Error(`review exited ${code}`);
  return { kind: "cli", rows, out: Boolean(out), ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), reportBytes: printed, outMB: out ? Number((statSync(out).size / 1024 / 1024).toFixed(1)) : null, ...memory() };
}

/**
 * The marked copy alone: the review (untimed) of the grid the file holds, built directly so that
 * this measures the copy whatever the reader can do, then the copy of the file, timed.
 */
async function benchCopy(rows: number, file: string, out: string) {
  const { reviewWorkbook } = await engine();
  const { writeMarkedCopy } = await import("../src/adapters/xlsx/writeMarkedCopy");
  const result = reviewWorkbook(syntheticGrid(rows, FLAG_EVERY), { profile: getPreset("lag-2017-612")!, referenceDay: REFERENCE_DAY });
  gc();
  const rssBefore = memory().maxRssMB;
  const t = performance.now();
  const c = process.cpuUsage();
  await writeMarkedCopy(file, out, result, { force: true });
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(c);
  return { kind: "copy", rows, findings: result.findings.length, outMB: Number((statSync(out).size / 1024 / 1024).toFixed(1)), copyMs: Math.round(ms), copyCpuMs: Math.round((cpu.user + cpu.system) / 1000), rssBeforeCopyMB: rssBefore, ...memory() };
}

/**
 * What the added sheets cost the marked copy: the review (untimed) and every error disputed, as
 * --dispute-errors does, then the copy without and with the added sheets, alternated three times
 * each in this process; the copy without them is the floor. Also the sheets alone in a new
 * workbook (writeSpecWorkbook).
 */
async function benchCopySheets(rows: number, file: string, out: string) {
  const { reviewWorkbook } = await engine();
  const { writeMarkedCopy } = await import("../src/adapters/xlsx/writeMarkedCopy");
  const { writeSpecWorkbook } = await import("../src/adapters/xlsx/specWorkbook");
  const { applyDisputes } = await import("../src/cli/disputes");
  const { addedSheets } = await import("../src/cli/addedSheets");
  const { parseArgs } = await import("../src/cli/args");
  const grids = syntheticGrid(rows, FLAG_EVERY);
  const result = reviewWorkbook(grids, { profile: getPreset("lag-2017-612")!, referenceDay: REFERENCE_DAY });
  const disputes = await applyDisputes(grids, result, { file, listFile: null, disputeErrors: true, now: "2023-11-15T08:00:00Z", referenceYear: 2023 });
  const parsed = parseArgs([file, "--dispute-errors", "--compare", "lag-2017-612", "halland-2022", "kalmar-2019", "--out", out]);
  if (parsed.kind !== "ok") throw new Error("arguments");
  const profiles = ["lag-2017-612", "halland-2022", "kalmar-2019"].map((id) => getPreset(id)!);
  const sheets = addedSheets(parsed.args, disputes, { basis: result.basis, profiles });
  const tableRows = sheets.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
  const timed = async (run: () => Promise<void>) => {
    gc();
    const t = performance.now();
    const c = process.cpuUsage();
    await run();
    const cpu = process.cpuUsage(c);
    return { ms: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const plain: { ms: number; cpuMs: number }[] = [];
  const withSheets: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < 3; i++) {
    plain.push(await timed(() => writeMarkedCopy(file, out, result, { force: true })));
    withSheets.push(await timed(() => writeMarkedCopy(file, out, result, { force: true, sheets })));
  }
  const alone = await timed(() => writeSpecWorkbook(sheets, out, { force: true }));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
  return {
    kind: "copy-sheets",
    rows,
    sheets: sheets.map((s) => s.name).join(", "),
    disputes: disputes.match.found.length,
    tableRows,
    copyMs: Math.round(med(plain.map((x) => x.ms))),
    copyCpuMs: Math.round(med(plain.map((x) => x.cpuMs))),
    copySheetsMs: Math.round(med(withSheets.map((x) => x.ms))),
    copySheetsCpuMs: Math.round(med(withSheets.map((x) => x.cpuMs))),
    aloneMs: Math.round(alone.ms),
    aloneCpuMs: Math.round(alone.cpuMs),
    ...memory(),
  };
}

async function main() {
  const [kind, n, file, out] = process.argv.slice(2);
  const rows = Number(n);
  if (!Number.isInteger(rows) || rows < 2) throw new Error(`rows must be an integer ≥ 2, not ${n}`);
  const kinds: Record<string, (rows: number) => Promise<object>> = {
    review: benchReview,
    whatif: (r) => benchWhatIf(r),
    compare: (r) => benchCompare(r),
    sensitivity: (r) => benchSensitivity(r),
    xlsx: benchXlsx,
    "make-xlsx": makeXlsx,
    cli: (r) => benchCli(r, file, out),
    copy: (r) => benchCopy(r, file, out),
    "copy-sheets": (r) => benchCopySheets(r, file, out),
  };
  const result = kinds[kind] ? await kinds[kind](rows) : null;
  if (!result) throw new Error(`unknown measurement ${kind}`);
  process.stdout.write(JSON.stringify(result) + "\n");
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  });
}
