/**
 * `npm run bench`: times the engine on synthetic grids of 10k, 100k and 1,048,576 rows (each in
 * its own process, for an honest peak RSS), the what-if recompute, the comparison of three
 * scenarios and a 61-point sensitivity curve on 100k rows, and the xlsx read of a 100k-row
 * file. Prints a table against the targets.
 *
 *   npm run bench              all measurements, 5 runs of each size
 *   npm run bench -- --quick   10k and 100k only
 *   npm run bench -- --runs 3  fewer (or more) runs per size
 *   npm run bench -- --no-out  without the marked-copy measurements (200k and 1,048,576-row files)
 *   npm run bench -- --only-out  only those (~10 min on 2 cores; --out-200k: only the 200k file)
 *   npm run bench -- --only-sheets  only what the added sheets cost the marked copy (200k rows)
 *   npm run bench -- --readers the .xlsx readers side by side on generated files of 100k and
 *                              1,048,576 rows (bench-readers.ts), against the floor of inflating
 *                              the sheet's XML; the slow readers run once, the rest --runs times
 *   npm run bench -- --readers --quick   100k rows only
 *   npm run bench -- --readers --only none   the floors, the scanner and end to end only
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const TARGET = { reviewMs: 3000, rssMB: 1536, whatIfMs: 16, compareMs: 16, sensitivityMs: 5, outAddedRatio: 0.5 };

function measure(kind: string, rows: number, ...files: string[]): Record<string, number | string> {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=4096", "--import", "tsx", path.join(ROOT, "scripts/bench-worker.ts"), kind, String(rows), ...files],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) throw new Error(`${kind} ${rows} failed (exit ${r.status}): ${r.stderr.trim().split("\n").slice(0, 5).join(" | ")}`);
  const line = r.stdout.trim().split("\n").pop()!;
  return JSON.parse(line);
}

/** Runs per size (`--runs N`; default 5). */
const RUNS = Math.max(1, Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2);
}

function ratio(ms: unknown, floorMs: unknown): string {
  const f = Number(floorMs);
  return f > 0 ? (Number(ms) / f).toFixed(1) : "–";
}

function verdict(ok: boolean): string {
  return ok ? "ok" : "OVER";
}

interface ReaderRun {
  reader: string;
  rows: number;
  ms: number;
  cpuMs: number;
  maxRssMB: number;
  cells: number;
  xmlMB?: number;
  error?: string;
}

function measureReader(reader: string, rows: number): ReaderRun {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=4096", "--import", "tsx", path.join(ROOT, "scripts/bench-readers.ts"), reader, String(rows)],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 },
  );
  const line = r.stdout.trim().split("\n").pop();
  if (r.status !== 0 || !line) {
    // A reader that runs out of memory is a result, not a failed benchmark.
    return { reader, rows, ms: NaN, cpuMs: NaN, maxRssMB: NaN, cells: 0, error: `exit ${r.status}: ${r.stderr.trim().split("\n").slice(-1)[0] ?? ""}`.slice(0, 120) };
  }
  return JSON.parse(line) as ReaderRun;
}

/** The median run by wall time. */
function medianRun(runs: ReaderRun[]): ReaderRun {
  return runs.slice().sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)];
}

/**
 * Readers side by side. The target: reading into the grid at most 3× inflating the sheet's XML
 * with fflate, in the same run; zlib's inflate (native, what the reader uses) is shown as the
 * harder floor.
 */
/** `--only saxes,exceljs`: the slow readers to run (default all); the floors and the scanner always run. */
function chosen(reader: string): boolean {
  const at = process.argv.indexOf("--only");
  return at < 0 || (process.argv[at + 1] ?? "").split(",").includes(reader);
}

function readers(quick: boolean) {
  const sizes = quick ? [100_000] : [100_000, 1_048_576];
  const readerRuns = process.argv.includes("--runs") ? RUNS : 3;
  console.log(`Reader comparison: ${readerRuns} runs of the floors and the scanner (median by wall time), one of the others.`);
  console.log("");
  console.log("| rows | reader | wall ms | CPU ms | peak RSS MB | cells read | wall ÷ fflate floor | CPU ÷ fflate floor | CPU ÷ zlib floor | target |");
  console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const n of sizes) {
    const many = (reader: string) => medianRun(Array.from({ length: readerRuns }, () => measureReader(reader, n)));
    const fflate = many("inflate-fflate");
    const zlib = many("inflate-zlib");
    const rows: ReaderRun[] = [fflate, zlib, many("scanner"), ...(["saxes", "sheetjs", "exceljs"] as const).filter(chosen).map((r) => measureReader(r, n))];
    for (const r of rows) {
      const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");
      const isTarget = r.reader === "scanner";
      const target = isTarget ? `≤ 3× fflate: ${verdict(r.ms <= 3 * fflate.ms)} (wall)` : "";
      const name = r.xmlMB ? `${r.reader} (sheet XML ${r.xmlMB} MB)` : r.reader;
      if (r.error) {
        console.log(`| ${n.toLocaleString("en")} | ${name} | failed: ${r.error} | | | | | | | |`);
        continue;
      }
      console.log(
        `| ${n.toLocaleString("en")} | ${name} | ${r.ms} | ${r.cpuMs} | ${r.maxRssMB} | ${r.cells.toLocaleString("en")} | ${fmt(r.ms / fflate.ms)} | ${fmt(r.cpuMs / fflate.cpuMs)} | ${fmt(r.cpuMs / zlib.cpuMs)} | ${target} |`,
      );
    }
  }
  const e2e = medianRun(Array.from({ length: readerRuns }, () => measureReader("review", quick ? 100_000 : 1_048_576)));
  console.log("");
  console.log(
    e2e.error
      ? `End to end (npm run review -- FILE --json): failed: ${e2e.error}`
      : `End to end (npm run review -- FILE --json, ${e2e.rows.toLocaleString("en")} rows): ${e2e.ms} ms wall, ${e2e.cpuMs} ms CPU, peak RSS ${e2e.maxRssMB} MB — < 1.5 GB: ${verdict(e2e.maxRssMB < TARGET.rssMB)}`,
  );
}

function main() {
  if (process.argv.includes("--readers")) {
    console.log(`Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, ${new Date().toISOString().slice(0, 10)}`);
    console.log("");
    readers(process.argv.includes("--quick"));
    return;
  }
  const quick = process.argv.includes("--quick");
  if (process.argv.includes("--only-sheets")) {
    console.log(`Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${new Date().toISOString().slice(0, 10)}`);
    benchAddedSheets();
    return;
  }
  if (process.argv.includes("--only-out")) {
    console.log(`Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${new Date().toISOString().slice(0, 10)}`);
    benchMarkedCopy();
    return;
  }
  const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_048_576];
  console.log(`Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${new Date().toISOString().slice(0, 10)}`);
  console.log("");
  console.log(`Each size runs ${RUNS} times in its own process; the median run is shown (by wall time), with the range.`);
  console.log("");
  console.log("| rows | build grid ms | review ms (wall), median [min–max] | review ms (CPU), median [min–max] | peak RSS MB (max) | stays | findings | target |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const n of sizes) {
    // The machine is shared: one run can be slowed by others' work, so several runs and their median.
    const runs = Array.from({ length: RUNS }, () => measure("review", n));
    const wall = runs.map((r) => Number(r.reviewMs));
    const cpu = runs.map((r) => Number(r.reviewCpuMs));
    const m = runs.slice().sort((a, b) => Number(a.reviewMs) - Number(b.reviewMs))[Math.floor(RUNS / 2)];
    const rss = Math.max(...runs.map((r) => Number(r.maxRssMB)));
    const target =
      n === 1_048_576
        ? `< ${TARGET.reviewMs} ms: ${verdict(median(wall) < TARGET.reviewMs)} (median wall); < 1.5 GB: ${verdict(rss < TARGET.rssMB)}`
        : "";
    console.log(
      `| ${n.toLocaleString("en")} | ${m.buildMs} | ${median(wall)} [${Math.min(...wall)}–${Math.max(...wall)}] | ${median(cpu)} [${Math.min(...cpu)}–${Math.max(...cpu)}] | ${rss} | ${m.stays} | ${m.findings} | ${target} |`,
    );
  }
  console.log("");
  const w = measure("whatif", 100_000);
  console.log(`What-if recompute (100k rows, ${w.runs} runs, changed benchmark): median ${w.medianMs} ms wall (${w.medianCpuMs ?? "–"} ms CPU), max ${w.maxMs} ms — target < ${TARGET.whatIfMs} ms: ${verdict(Number(w.medianMs) < TARGET.whatIfMs)}`);
  console.log(`  floor (one pass adding each stay's days to its cell, same process): ${w.floorMs} ms wall, ${w.floorCpuMs} ms CPU; recompute = ${ratio(w.medianMs, w.floorMs)} × floor (wall), ${ratio(w.medianCpuMs, w.floorCpuMs)} × (CPU)`);
  const c = measure("compare", 100_000);
  console.log(`Comparison of ${c.scenarios} scenarios (100k rows, ${c.runs} runs, compareScenarios): median ${c.medianMs} ms wall (${c.medianCpuMs} ms CPU), max ${c.maxMs} ms — target < ${TARGET.compareMs} ms: ${verdict(Number(c.medianMs) < TARGET.compareMs)}; floor ${c.floorMs} ms wall, ${c.floorCpuMs} ms CPU: ${ratio(c.medianMs, c.floorMs)} × floor (wall), ${ratio(c.medianCpuMs, c.floorCpuMs)} × (CPU)`);
  const s = measure("sensitivity", 100_000);
  console.log(`Sensitivity curve (100k rows, ${s.points} points × ${s.municipalities} municipalities, ${s.runs} runs): median ${s.medianMs} ms wall (${s.medianCpuMs} ms CPU), max ${s.maxMs} ms — target < ${TARGET.sensitivityMs} ms: ${verdict(Number(s.medianMs) < TARGET.sensitivityMs)}; floor ${s.floorMs} ms wall, ${s.floorCpuMs} ms CPU: ${ratio(s.medianMs, s.floorMs)} × floor (wall), ${ratio(s.medianCpuMs, s.floorCpuMs)} × (CPU); the same by one recompute per point: ${s.perPointRecomputeMs} ms`);
  const x = measure("xlsx", 100_000);
  console.log(`xlsx read (readXlsxFile, 100k rows, ${x.fileMB} MB file): ${x.readMs} ms wall (${x.readCpuMs ?? "–"} ms CPU), peak RSS ${x.maxRssMB} MB (writing it took ${x.writeMs} ms)`);
  if (!quick && !process.argv.includes("--no-out")) {
    benchMarkedCopy();
    benchAddedSheets();
  }
}

/**
 * The added sheets of --out (the dispute sheet with every error disputed, the scenario sheet of
 * three presets) at 200,000 rows: the copy with them against the copy without them, the floor,
 * alternated in one process on the same file.
 */
function benchAddedSheets() {
  const n = 200_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-sheets-"));
  try {
    const made = measure("make-xlsx", n);
    const r = measure("copy-sheets", n, String(made.file), path.join(dir, "out.xlsx"));
    console.log("");
    console.log(`Added sheets of --out at ${n.toLocaleString("en")} rows (${r.sheets}; ${r.disputes} disputes, ${r.tableRows} table rows; median of 3, alternated):`);
    console.log(
      `  copy without them (floor) ${r.copyMs} ms wall / ${r.copyCpuMs} ms CPU; with them ${r.copySheetsMs} / ${r.copySheetsCpuMs}: ${ratio(r.copySheetsMs, r.copyMs)} × floor (wall), ${ratio(r.copySheetsCpuMs, r.copyCpuMs)} × (CPU); the sheets alone in a new workbook ${r.aloneMs} / ${r.aloneCpuMs} ms; peak RSS ${r.maxRssMB} MB; load avg ${os.loadavg()[0].toFixed(1)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The headless command on an .xlsx with and without --out, in the same run and on the same file
 * (2 % of rows flagged), each in its own process; and the copy alone after an untimed review.
 * The target is a ratio to the review measured here: --out adds at most half of its time.
 */
function benchMarkedCopy() {
  console.log("");
  console.log("Headless review of an .xlsx with and without --out (2 % of rows flagged; one run each, same file).");
  console.log("Times are wall / CPU ms; on a loaded machine the CPU time is the fairer ratio, and the target is judged on both.");
  console.log("");
  console.log("| rows | file MB | review ms | review --out ms | added by --out (wall / CPU) | peak RSS MB | peak RSS --out MB | copy alone ms, peak RSS MB before → after | copy MB | load avg | target |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  const sizes = process.argv.includes("--out-200k") ? [200_000] : [200_000, 1_048_576];
  for (const n of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-out-"));
    try {
      const out = path.join(dir, "out.xlsx");
      const made = measure("make-xlsx", n);
      const file = String(made.file);
      const copy = measure("copy", n, file, out);
      // The end-to-end runs depend on the reader; a failure there is shown, not fatal to the table.
      const attempt = (...files: string[]) => {
        try {
          return measure("cli", n, ...files);
        } catch (e) {
          return { failed: (e instanceof Error ? e.message : String(e)).slice(0, 120) } as Record<string, number | string>;
        }
      };
      const plain = attempt(file);
      const marked = attempt(file, out);
      const failed = plain.failed ?? marked.failed;
      const added = Number(marked.ms) - Number(plain.ms);
      const addedCpu = Number(marked.cpuMs) - Number(plain.cpuMs);
      const ratio = added / Number(plain.ms);
      const ratioCpu = addedCpu / Number(plain.cpuMs);
      const target = failed
        ? `review failed: ${failed}`
        : n === 200_000
          ? `added ≤ ${TARGET.outAddedRatio * 100} %: wall ${verdict(ratio <= TARGET.outAddedRatio)}, CPU ${verdict(ratioCpu <= TARGET.outAddedRatio)}`
          : `--out < 1.5 GB: ${verdict(Number(marked.maxRssMB) < TARGET.rssMB)}`;
      const show = (x: number | string | undefined) => (x === undefined || Number.isNaN(x) ? "–" : String(x));
      const pct = (x: number) => `${Math.round(x * 100)} %`;
      console.log(
        `| ${n.toLocaleString("en")} | ${made.fileMB} | ${show(plain.ms)} / ${show(plain.cpuMs)} | ${show(marked.ms)} / ${show(marked.cpuMs)} | ${failed ? "–" : `${added} / ${addedCpu} (${pct(ratio)} / ${pct(ratioCpu)})`} | ${show(plain.maxRssMB)} | ${show(marked.maxRssMB)} | ${copy.copyMs} / ${copy.copyCpuMs}, RSS ${copy.rssBeforeCopyMB} → ${copy.maxRssMB} | ${copy.outMB} | ${os.loadavg()[0].toFixed(1)} | ${target} |`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

main();
