/**
 * Writes a COPY of the reviewed workbook: flagged rows are coloured by their worst severity and a
 * result sheet "Granskning" holds the figures and the findings with identity numbers masked.
 * The input file is only read, never written (copy/outputPath.ts).
 *
 * The copy is made at the level of the package's parts, without loading the workbook: every part
 * of the input is copied as stored (byte for byte, not even inflated), except the few small ones
 * that list sheets and styles, and the sheets with flagged rows. Those stream through once, their
 * bytes unchanged but for one conditional format after the rows (copy/sheetMarks.ts), whose rules
 * read a hidden helper sheet of severity codes, as the add-in's marks do. Memory stays flat: a
 * sheet of 1,048,576 rows passes in chunks.
 */
import type { FileHandle } from "node:fs/promises";
import { open } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";
import { columnLetter, MARK_COLORS, MARK_HELPER_SHEET, SEVERITY_MARK_CODE, type ReviewResult, type Severity, type SheetSpec } from "../../core";
import { checkOutputPath, openTemp, writeAtomically, type OpenTemp } from "./copy/outputPath";
import {
  addContentTypes, addRelationships, addSheetsToWorkbook, addStyles, CT_STYLES, CT_WORKSHEET, MINIMAL_STYLES, officeDocumentPart,
  REL_STYLES, REL_WORKSHEET, relationships, relsPartOf, resolveTarget, workbookSheets,
} from "./copy/packageParts";
import { helperSheetXml, resultRows, resultSheetXml } from "./copy/resultSheet";
import { deflateRowsEarly, removeEarly, type EarlyRows } from "./copy/earlySheets";
import { markedTail, withMarks, type SheetMarkPlan } from "./copy/sheetMarks";
import { inputTableNames, planSpecSheets } from "./copy/addedSpecSheets";
import { packageAllocator } from "./copy/specSheetParts";
import { assertReadableXlsx } from "./fileKind";
import { fileSystemError } from "./fsErrors";
import { XlsxError } from "./xlsxError";
import { entryExtent, readEntry, readZipDirectory, type ZipEntry } from "./zip/zipReader";
import { fileSink, ZipWriter } from "./zip/zipWriter";

/** The core's mark colours as ARGB, the form a styles part takes: the add-in's marks look the same. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: argb(MARK_COLORS.error),
  warning: argb(MARK_COLORS.warning),
  info: argb(MARK_COLORS.info),
};

function argb(hex: string): string {
  return "FF" + hex.slice(1).toUpperCase();
}

/** The helper sheet's codes and name are the add-in's (the core's), so it clears them too. */
export const SEVERITY_CODE = SEVERITY_MARK_CODE;
export const HELPER_SHEET = MARK_HELPER_SHEET;
export const RESULT_SHEET = "Granskning";

/**
 * zlib level for sheets that get marks. Level 1 deflates a 136 MB sheet part in 1.7 s here,
 * level 6 in 8.1 s (same run); its output is ~35 % larger than level 6's (22 MB against 16 MB),
 * about as large as the input's own.
 */
const MARKED_SHEET_LEVEL = 1;

export interface MarkedCopyOptions {
  lang?: "sv" | "en";
  /** Show identity numbers in the result sheet as written (--reveal); default masked. */
  reveal?: boolean;
  /** Replace an existing output file (never the input). */
  force?: boolean;
  /** For tests: opens the temporary file (to inject a failing disk). */
  openTempFile?: OpenTemp;
  /** The sheets' rows deflated while the review ran (startMarkedCopy); removed when the copy is done. */
  early?: EarlyCopy;
  /**
   * Sheets added after the result sheet (the dispute sheet, the scenario sheet), each rendered
   * from its spec (copy/specSheetParts.ts). They hold what the spec holds: masking is its builder's.
   */
  sheets?: readonly SheetSpec[];
}

/**
 * The part of the copy that needs no findings, begun before the review: the worksheets' rows
 * (of `sheets`, or of every worksheet when none are named) are deflated into temporary files
 * beside the output (copy/earlySheets.ts). `discard` stops what is still running and removes
 * them; writeMarkedCopy does so when it ends, the caller when the review fails.
 */
export interface EarlyCopy {
  /** The part's deflated rows, or null where they are not there (not started, failed: the copy then streams the part itself). */
  rowsOf(partName: string): Promise<EarlyRows | null>;
  /** Stops the parts not named (sheets without flagged rows keep their stored bytes). */
  keepOnly(partNames: Set<string>): void;
  discard(): Promise<void>;
}

export function startMarkedCopy(inputPath: string, outputPath: string, sheets: readonly string[] = []): EarlyCopy {
  const tasks = new Map<string, { abort: AbortController; done: Promise<EarlyRows | null> }>();
  let discarded = false;
  const started = (async () => {
    const input = await open(inputPath, "r");
    try {
      const { entries } = await readZipDirectory(input);
      const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
      const part = async (name: string) => {
        const e = byName.get(name.toLowerCase());
        return e ? decode(await readEntry(input, e)) : null;
      };
      const workbookPart = officeDocumentPart((await part("_rels/.rels")) ?? "");
      const [workbookXml, relsXml] = await Promise.all([part(workbookPart), part(relsPartOf(workbookPart))]);
      if (!workbookXml || !relsXml || discarded) return input;
      const rels = new Map(relationships(relsXml).filter((r) => r.type === REL_WORKSHEET).map((r) => [r.id, resolveTarget(workbookPart, r.target)]));
      const wanted = new Set(sheets.map((n) => n.toLowerCase()));
      for (const sheet of workbookSheets(workbookXml)) {
        if (wanted.size && !wanted.has(sheet.name.toLowerCase())) continue;
        const partName = rels.get(sheet.relId)?.toLowerCase();
        const entry = partName && byName.get(partName);
        if (!partName || !entry || tasks.has(partName)) continue;
        const abort = new AbortController();
        tasks.set(partName, { abort, done: deflateRowsEarly(inflated(input, entry), outputPath, MARKED_SHEET_LEVEL, abort.signal).catch(() => null) });
      }
    } catch {
      // Not readable here: writeMarkedCopy reads it again and says what is wrong.
    }
    return input;
  })().catch(() => null);
  const settle = async () => {
    const input = await started;
    const results = await Promise.all([...tasks.values()].map((t) => t.done));
    return { input, results };
  };
  return {
    async rowsOf(partName) {
      await started;
      return (await tasks.get(partName.toLowerCase())?.done) ?? null;
    },
    keepOnly(partNames) {
      for (const [name, t] of tasks) if (!partNames.has(name)) t.abort.abort();
    },
    async discard() {
      discarded = true;
      for (const t of tasks.values()) t.abort.abort();
      const { input, results } = await settle();
      for (const r of results) if (r) await removeEarly(r);
      await input?.close().catch(() => undefined);
    },
  };
}

/** Worst severity per sheet and Excel row. */
export function worstSeverityByRow(result: ReviewResult): Map<string, Map<number, Severity>> {
  const out = new Map<string, Map<number, Severity>>();
  for (const f of result.findings) {
    if (f.row === null || !Number.isInteger(f.row) || f.row < 1) continue;
    let rows = out.get(f.sheet);
    if (!rows) out.set(f.sheet, (rows = new Map()));
    const prev = rows.get(f.row);
    if (!prev || SEVERITY_CODE[f.severity] > SEVERITY_CODE[prev]) rows.set(f.row, f.severity);
  }
  return out;
}

/** Checks, before the review, that the copy may be written where asked (throws XlsxError). */
export function checkMarkedCopyTarget(inputPath: string, outputPath: string, force: boolean): void {
  checkOutputPath(inputPath, outputPath, force);
}

export async function writeMarkedCopy(inputPath: string, outputPath: string, result: ReviewResult, options: MarkedCopyOptions = {}): Promise<void> {
  const force = options.force ?? false;
  checkOutputPath(inputPath, outputPath, force);
  assertReadableXlsx(inputPath);
  let input: FileHandle;
  try {
    input = await open(inputPath, "r");
  } catch (e) {
    await options.early?.discard();
    throw fileSystemError(e, inputPath, "read");
  }
  try {
    await writeAtomically(inputPath, outputPath, force, (fh) => copyPackage(input, fh, result, options), options.openTempFile ?? openTemp);
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError("WRITE_FAILED", {
      sv: `Kunde inte skriva kopian ${outputPath} (${firstLine(e)})`,
      en: `Could not write the copy ${outputPath} (${firstLine(e)})`,
    });
  } finally {
    await input.close();
    await options.early?.discard();
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

function uniqueName(taken: string[], base: string): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  let name = base;
  for (let i = 2; lower.has(name.toLowerCase()); i++) name = `${base} (${i})`;
  return name;
}

function decode(buf: Buffer): string {
  return buf.toString("utf8");
}

async function* inflated(input: FileHandle, entry: ZipEntry): AsyncGenerator<Buffer> {
  const { dataStart } = await entryExtent(input, entry);
  if (entry.compressedSize === 0) return;
  const raw = input.createReadStream({ start: dataStart, end: dataStart + entry.compressedSize - 1, autoClose: false, highWaterMark: 1 << 20 });
  const source = entry.method === 0 ? raw : raw.pipe(createInflateRaw({ chunkSize: 1 << 18 }));
  if (entry.method !== 0 && entry.method !== 8) throw new Error(`compression method ${entry.method} of ${entry.name}`);
  for await (const chunk of source) yield chunk as Buffer;
}

async function* utf8Chunks(parts: Iterable<string>): AsyncGenerator<Buffer> {
  for (const p of parts) yield Buffer.from(p, "utf8");
}

async function copyPackage(input: FileHandle, outFh: FileHandle, result: ReviewResult, options: MarkedCopyOptions): Promise<void> {
  const lang = options.lang ?? "sv";
  const reveal = options.reveal ?? false;
  const early = options.early;
  const { entries } = await readZipDirectory(input);
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const part = async (name: string): Promise<string | null> => {
    const e = byName.get(name.toLowerCase());
    return e ? decode(await readEntry(input, e)) : null;
  };
  const packageRels = await part("_rels/.rels");
  const workbookPart = officeDocumentPart(packageRels ?? "");
  const workbookRelsPart = relsPartOf(workbookPart);
  const [workbookXml, workbookRelsXml, typesXml] = await Promise.all([part(workbookPart), part(workbookRelsPart), part("[Content_Types].xml")]);
  if (!workbookXml || !workbookRelsXml || !typesXml) throw new Error("the package lacks its workbook, relationships or content types");

  const sheets = workbookSheets(workbookXml);
  const rels = relationships(workbookRelsXml);
  const partOfRel = new Map(rels.map((r) => [r.id, resolveTarget(workbookPart, r.target)]));

  // Marks: one helper column per flagged sheet, in the workbook's own spelling of its name.
  const marks = new Map<string, SheetMarkPlan>(); // part name (lower case) → plan
  const helperColumns: Map<number, number>[] = [];
  const sheetNames = sheets.map((s) => s.name);
  const helperSheet = uniqueName(sheetNames, HELPER_SHEET);
  const resultSheet = uniqueName([...sheetNames, helperSheet], RESULT_SHEET);

  const stylesRel = rels.find((r) => r.type === REL_STYLES);
  const stylesPart = stylesRel ? resolveTarget(workbookPart, stylesRel.target) : resolveTarget(workbookPart, "styles.xml");
  const stylesXml = (stylesRel && (await part(stylesPart))) || MINIMAL_STYLES;
  const styles = addStyles(stylesXml, [SEVERITY_FILL.error, SEVERITY_FILL.warning, SEVERITY_FILL.info], [{ bold: true, size: 14 }, { bold: true }]);
  const rules = [3, 2, 1].map((code, i) => ({ code, dxfId: styles.dxfIds[i] }));

  for (const [sheetName, rows] of worstSeverityByRow(result)) {
    const sheet = sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    const sheetPart = sheet && partOfRel.get(sheet.relId);
    if (!sheet || !sheetPart || !byName.has(sheetPart.toLowerCase()) || marks.has(sheetPart.toLowerCase())) continue;
    const codes = new Map<number, number>();
    let lastRow = 0;
    for (const [r, severity] of rows) {
      codes.set(r, SEVERITY_CODE[severity]);
      lastRow = Math.max(lastRow, r);
    }
    marks.set(sheetPart.toLowerCase(), {
      helperSheet,
      helperColumn: columnLetter(helperColumns.length),
      rules,
      lastColumn: columnLetter(lastColumnOf(result, sheetName)),
      lastRow,
    });
    helperColumns.push(codes);
  }

  early?.keepOnly(new Set(marks.keys()));

  // New parts: names, ids and table names that the input does not use.
  const tables = await inputTableNames(typesXml, workbookXml, part);
  const alloc = packageAllocator(byName.keys(), tables.ids, tables.names);
  const freeSheetPart = () => alloc.partName("xl/worksheets/sheet", ".xml");
  const relIds = new Set(rels.map((r) => r.id));
  const freeRelId = () => {
    let n = 1;
    while (relIds.has(`rId${n}`)) n++;
    relIds.add(`rId${n}`);
    return `rId${n}`;
  };
  let sheetId = Math.max(0, ...sheets.map((s) => s.sheetId));
  const added: { part: string; name: string; relId: string; sheetId: number; hidden: boolean; xml: () => Iterable<string> }[] = [];
  const resultPartName = freeSheetPart();
  const specSheets = planSpecSheets(options.sheets ?? [], styles.xml, { title: styles.xfIds[0], bold: styles.xfIds[1], boldFont: styles.fontIds[1] }, [...sheetNames, helperSheet, resultSheet], alloc);
  added.push({ part: resultPartName, name: resultSheet, relId: freeRelId(), sheetId: ++sheetId, hidden: false, xml: () => resultSheetXml(resultRows(result, lang, reveal), { title: styles.xfIds[0], bold: styles.xfIds[1] }) });
  for (const spec of specSheets.sheets) {
    added.push({ part: spec.rendered.sheetPart, name: spec.name, relId: freeRelId(), sheetId: ++sheetId, hidden: false, xml: spec.rendered.sheetXml });
  }
  const specParts = specSheets.sheets.flatMap((s) => s.rendered.parts);
  if (helperColumns.length) {
    added.push({ part: freeSheetPart(), name: helperSheet, relId: freeRelId(), sheetId: ++sheetId, hidden: true, xml: () => helperSheetXml(helperColumns) });
  }
  const newStylesRel = stylesRel ? [] : [{ id: freeRelId(), type: REL_STYLES, target: relativeTarget(workbookPart, stylesPart) }];

  const relTarget = (partName: string) => relativeTarget(workbookPart, partName);
  const changed = new Map<string, string>([
    [workbookPart.toLowerCase(), addSheetsToWorkbook(workbookXml, added.map((a) => ({ name: a.name, sheetId: a.sheetId, relId: a.relId, hidden: a.hidden })))],
    [workbookRelsPart.toLowerCase(), addRelationships(workbookRelsXml, [...added.map((a) => ({ id: a.relId, type: REL_WORKSHEET, target: relTarget(a.part) })), ...newStylesRel])],
    [
      "[content_types].xml",
      addContentTypes(typesXml, [
        ...added.map((a) => ({ partName: `/${a.part}`, contentType: CT_WORKSHEET })),
        ...specParts.filter((p) => p.contentType !== null).map((p) => ({ partName: `/${p.name}`, contentType: p.contentType! })),
        ...(stylesRel ? [] : [{ partName: `/${stylesPart}`, contentType: CT_STYLES }]),
      ]),
    ],
    [stylesPart.toLowerCase(), specSheets.stylesXml],
  ]);

  const zip = new ZipWriter(fileSink(outFh));
  for (const entry of entries) {
    const key = entry.name.toLowerCase();
    const text = changed.get(key);
    const plan = marks.get(key);
    if (text !== undefined) {
      await zip.addBuffer(entry.name, Buffer.from(text, "utf8"));
      changed.delete(key);
    } else if (plan) {
      const rows = await early?.rowsOf(key);
      if (rows) await zip.addDeflatedThen(entry.name, rows, Buffer.concat(markedTail(rows.split, plan)), MARKED_SHEET_LEVEL);
      else await zip.addStream(entry.name, withMarks(inflated(input, entry), plan), MARKED_SHEET_LEVEL);
    } else {
      await zip.copyEntry(input, entry);
    }
  }
  for (const [name, text] of changed) await zip.addBuffer(name === stylesPart.toLowerCase() ? stylesPart : name, Buffer.from(text, "utf8"));
  for (const a of added) await zip.addStream(a.part, utf8Chunks(a.xml()), 6);
  for (const p of specParts) await zip.addBuffer(p.name, Buffer.from(p.xml, "utf8"));
  await zip.finish();
}

/** The last column the review saw on the sheet (0-based), from its header mapping. */
function lastColumnOf(result: ReviewResult, sheetName: string): number {
  const s = result.sheets.find((x) => x.name.toLowerCase() === sheetName.toLowerCase());
  let last = 0;
  for (const m of s?.mapping ?? []) last = Math.max(last, m.column);
  for (const u of s?.unmappedHeaders ?? []) last = Math.max(last, u.column);
  for (const f of result.findings) {
    if (f.sheet !== sheetName) continue;
    for (const c of f.columns) last = Math.max(last, columnIndexOf(c));
  }
  return last;
}

function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    if (ch < "A" || ch > "Z") return 0;
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return Math.max(0, n - 1);
}

/** A part name as a relationship target relative to the workbook part's folder. */
function relativeTarget(workbookPart: string, partName: string): string {
  const dir = workbookPart.split("/").slice(0, -1).join("/");
  return dir && partName.startsWith(`${dir}/`) ? partName.slice(dir.length + 1) : `/${partName}`;
}
