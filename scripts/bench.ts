/**
 * `npm run bench`: times the engine on synthetic grids of 10k, 100k and 1,048,576 rows (each in
 * its own process, for an honest peak RSS), the what-if recompute on 100k rows, and the xlsx
 * read of a 100k-row file. Prints a table against the targets.
 *
 *   npm run bench              all measurements, 5 runs of each size
 *   npm run bench -- --quick   10k and 100k only
 *   npm run bench -- --runs 3  fewer (or more) runs per size
 *   npm run bench -- --readers the .xlsx readers side by side on generated files of 100k and
 *                              1,048,576 rows (bench-readers.ts), against the floor of inflating
 *                              the sheet's XML; the slow readers run once, the rest --runs times
 *   npm run bench -- --readers --quick   100k rows only
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const TARGET = { reviewMs: 3000, rssMB: 1536, whatIfMs: 16 };

function measure(kind: string, rows: number): Record<string, number | string> {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=4096", "--import", "tsx", path.join(ROOT, "scripts/bench-worker.ts"), kind, String(rows)],
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
    const rows: ReaderRun[] = [fflate, zlib, many("scanner"), measureReader("saxes", n), measureReader("sheetjs", n), measureReader("exceljs", n)];
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
  console.log(`  floor (one pass adding each stay's days to its cell, same process): ${w.floorMs} ms; recompute = ${ratio(w.medianMs, w.floorMs)} × floor`);
  const x = measure("xlsx", 100_000);
  console.log(`xlsx read (readXlsxFile, 100k rows, ${x.fileMB} MB file): ${x.readMs} ms wall (${x.readCpuMs ?? "–"} ms CPU), peak RSS ${x.maxRssMB} MB (writing it took ${x.writeMs} ms)`);
}

main();
