/**
 * One reader measurement in its own process (run by bench.ts --readers), so that each reader's
 * peak RSS is its own. Every reader reads the same generated file (bench-xlsx-file.ts) into a
 * grid of Office.js-like rows and reports how many cells it filled, so none can win by doing
 * less. Prints ONE JSON line on stdout.
 *
 *   node --expose-gc --import tsx scripts/bench-readers.ts READER ROWS
 *
 * READER: inflate-fflate, inflate-zlib (the floors: the sheet's XML inflated and thrown away),
 * exceljs (the streaming reader the headless command used), sheetjs (@e965/xlsx, dense mode),
 * saxes (zip entries + fflate + the saxes XML parser), scanner (the reader in src/adapters/xlsx),
 * review (the headless command end to end on the file).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Inflate } from "fflate";
import { SaxesParser } from "saxes";
import type { CellValue } from "../src/core/cells/cellValue";
import { readXlsxWorkbook } from "../src/adapters/xlsx/readWorkbook";
import { readXlsxFile } from "../src/adapters/xlsx/xlsxReader";
import { ZipArchive, type ZipEntry } from "../src/adapters/xlsx/zipArchive";
import { benchXlsxFile } from "./bench-xlsx-file";

type Grid = CellValue[][];

const SHEET = "xl/worksheets/sheet1.xml";
const STRINGS = "xl/sharedStrings.xml";

function sheetEntry(zip: ZipArchive, name = SHEET): ZipEntry {
  const e = zip.entry(name);
  if (!e) throw new Error(`${name} missing`);
  return e;
}

/** The compressed bytes of an entry in 1 MB pieces, read synchronously (fflate inflates in this thread). */
function* compressedPieces(file: string, zip: ZipArchive, entry: ZipEntry): Generator<Uint8Array> {
  const buf = readFileSync(file);
  const start = zip.dataOffset(entry);
  for (let at = 0; at < entry.compressedSize; at += 1 << 20) {
    yield buf.subarray(start + at, start + Math.min(entry.compressedSize, at + (1 << 20)));
  }
}

function inflateWithFflate(file: string, zip: ZipArchive, entry: ZipEntry, onData: (chunk: Uint8Array) => void): void {
  const inflate = new Inflate((chunk) => onData(chunk));
  const pieces = [...compressedPieces(file, zip, entry)];
  pieces.forEach((p, i) => inflate.push(p, i === pieces.length - 1));
}

async function floorFflate(file: string) {
  const zip = ZipArchive.open(file);
  let bytes = 0;
  inflateWithFflate(file, zip, sheetEntry(zip), (c) => (bytes += c.length));
  zip.close();
  return { cells: 0, xmlMB: Math.round(bytes / 2 ** 20) };
}

async function floorZlib(file: string) {
  const zip = ZipArchive.open(file);
  let bytes = 0;
  for await (const c of zip.chunks(sheetEntry(zip))) bytes += c.length;
  zip.close();
  return { cells: 0, xmlMB: Math.round(bytes / 2 ** 20) };
}

function countCells(grid: Grid): number {
  let n = 0;
  for (const row of grid) for (const v of row) if (v !== "" && v !== null && v !== undefined) n++;
  return n;
}

async function withExceljs(file: string) {
  const g = await readXlsxWorkbook(file);
  return { cells: countCells(g.sheets[0].values as Grid) };
}

async function withSheetjs(file: string) {
  const XLSX = await import("@e965/xlsx");
  const wb = XLSX.read(readFileSync(file), { dense: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false, cellStyles: false });
  const ws = wb.Sheets[wb.SheetNames[0]] as unknown as { "!data": ({ v?: CellValue; t?: string }[] | undefined)[] };
  const grid: Grid = ws["!data"].map((row) => (row ? Array.from(row, (c) => (c && c.v !== undefined ? c.v : "")) : []));
  return { cells: countCells(grid) };
}

/** A minimal cell reader on saxes: enough to count what a full one would pay (no rich text, no errors). */
async function withSaxes(file: string) {
  const zip = ZipArchive.open(file);
  const strings: string[] = [];
  {
    const p = new SaxesParser();
    let text = "";
    let inT = false;
    p.on("opentag", (t) => {
      if (t.name === "si") text = "";
      else if (t.name === "t") inT = true;
    });
    p.on("text", (s) => {
      if (inT) text += s;
    });
    p.on("closetag", (t) => {
      if (t.name === "t") inT = false;
      else if (t.name === "si") strings.push(text);
    });
    const dec = new TextDecoder();
    inflateWithFflate(file, zip, sheetEntry(zip, STRINGS), (c) => p.write(dec.decode(c, { stream: true })));
    p.close();
  }
  const grid: Grid = [];
  const p = new SaxesParser();
  let row: CellValue[] = [];
  let type = "";
  let col = 0;
  let inV = false;
  let v = "";
  p.on("opentag", (t) => {
    switch (t.name) {
      case "row":
        row = [];
        break;
      case "c": {
        const r = t.attributes.r as string;
        let c = 0;
        for (let i = 0; i < r.length && r.charCodeAt(i) >= 65; i++) c = c * 26 + r.charCodeAt(i) - 64;
        col = c - 1;
        type = (t.attributes.t as string) ?? "";
        v = "";
        break;
      }
      case "v":
        inV = true;
    }
  });
  p.on("text", (s) => {
    if (inV) v += s;
  });
  p.on("closetag", (t) => {
    switch (t.name) {
      case "v":
        inV = false;
        while (row.length < col) row.push("");
        row.push(type === "s" ? strings[Number(v)] : type === "str" ? v : type === "b" ? v === "1" : parseFloat(v));
        break;
      case "row":
        grid.push(row);
    }
  });
  const dec = new TextDecoder();
  inflateWithFflate(file, zip, sheetEntry(zip), (c) => p.write(dec.decode(c, { stream: true })));
  p.close();
  zip.close();
  return { cells: countCells(grid) };
}

async function withScanner(file: string) {
  const g = await readXlsxFile(file);
  return { cells: countCells(g.sheets[0].values as Grid) };
}

/** The headless command end to end (read, review, summary), as `npm run review -- FILE --json` runs it. */
async function endToEnd(file: string) {
  const { main } = await import("../src/cli/review");
  const write = process.stdout.write.bind(process.stdout);
  let printed = 0;
  // The report goes nowhere: this process prints only its one JSON line.
  process.stdout.write = ((chunk: string | Uint8Array) => {
    printed += chunk.length;
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await main([file, "--json", "--today", "2023-11-15"]);
    if (code !== 0) throw new Error(`review exited ${code}`);
  } finally {
    process.stdout.write = write;
  }
  return { cells: 0, reportKB: Math.round(printed / 1024) };
}

const READERS: Record<string, (file: string) => Promise<{ cells: number; xmlMB?: number; reportKB?: number }>> = {
  "inflate-fflate": floorFflate,
  "inflate-zlib": floorZlib,
  exceljs: withExceljs,
  sheetjs: withSheetjs,
  saxes: withSaxes,
  scanner: withScanner,
  review: endToEnd,
};

async function main() {
  const [reader, n] = process.argv.slice(2);
  const rows = Number(n);
  const run = READERS[reader];
  if (!run) throw new Error(`unknown reader ${reader}; one of ${Object.keys(READERS).join(", ")}`);
  const file = await benchXlsxFile(rows);
  (globalThis as { gc?: () => void }).gc?.();
  const t = performance.now();
  const c = process.cpuUsage();
  let out: { cells: number; xmlMB?: number; reportKB?: number } | { error: string };
  try {
    out = await run(file);
  } catch (e) {
    out = { error: (e instanceof Error ? e.message : String(e)).split("\n")[0] };
  }
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(c);
  process.stdout.write(
    JSON.stringify({ reader, rows, ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), ...out }) + "\n",
  );
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
