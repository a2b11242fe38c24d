/**
 * `npm run review -- FILE... | DIR`: several invoice bases reviewed together. Each file is read
 * and reviewed on its own (a file that cannot be is one line, and the others go on); the core
 * combines them (combineReviews): one table of figures, cross-file findings. With --out DIR, a
 * marked copy per file (its cross-file findings marked too) and the summary workbook.
 */
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { batchReportInputOf, batchSideBySide, CompactStays, REPORT_IDS, reportSpecs, type ReportId, type SheetSpec, combineReviews, formatDay, qualifiedMatches, type BatchResult, ReviewError, reviewWorkbook, type AgreementProfile, type BatchFileFailure, type BatchFileReview, type Bilingual, type ReviewResult } from "../core";
import { readXlsxFile } from "../adapters/xlsx/xlsxReader";
import { checkMarkedCopyTarget, writeMarkedCopy } from "../adapters/xlsx/writeMarkedCopy";
import { XlsxError } from "../adapters/xlsx/xlsxError";
import { BATCH_SUMMARY_FILE, type CliArgs } from "./args";
import { batchInputs, errnoCode } from "./batchInputs";
import { addedSheets } from "./addedSheets";
import { checkBatchSummaryTarget, writeBatchSummary } from "./batchSummary";
import { applyDisputes, type CliDisputes, type DisputeSummary } from "./disputes";
import { formatBatchSummary, toBatchJson } from "./formatBatch";
import { formatReport } from "./formatReport";
import { privacyFilter } from "./privacy";

/** Exit code of a batch review of which some files could not be reviewed (the others were, and are printed). */
export const EXIT_PARTIAL = 4;

export interface BatchRun {
  args: CliArgs;
  profile: AgreementProfile;
  referenceDay: number;
}

/** Options a batch review does not take: they are about one file's figures or disputes. */
export function batchUsageProblem(args: CliArgs): string | null {
  const not: string[] = [];
  if (args.compare.length) not.push("--compare");
  if (args.sensitivity) not.push("--sensitivity");
  if (args.disputes !== null) not.push("--disputes");
  if (args.disputeErrors) not.push("--dispute-errors");
  return not.length ? `${not.join(", ")}: not with several files; review one file for that` : null;
}

/** The exit codes of main(): 0 ok, 1 nothing could be reviewed, 3 a copy failed, 4 partial. */
export async function runBatch({ args, profile, referenceDay }: BatchRun, codes: { ok: number; badInput: number; usage: number; copyFailed: number }): Promise<number> {
  const privacy = privacyFilter(args.reveal);
  const say = (b: Bilingual) => b[args.lang];
  const problem = batchUsageProblem(args);
  if (problem) {
    process.stderr.write(`review: ${problem} (--help)\n`);
    return codes.usage;
  }
  const inputs = batchInputs(args.inputs);
  const failed: BatchFileFailure[] = inputs.missing.map((m) => ({ file: m.file, message: m.why }));
  if (inputs.files.length === 0) {
    for (const f of failed) process.stderr.write(privacy(`review: ${f.file}: ${say(f.message)}\n`));
    const none = { sv: "inga .xlsx- eller .xlsm-filer att granska", en: "no .xlsx or .xlsm files to review" };
    process.stderr.write(privacy(`review: ${args.inputs.join(", ")}: ${say(none)}\n`));
    return codes.badInput;
  }

  // --out DIR: every target decided and checked before the (slow) reviews.
  const targets = new Map<string, string>();
  if (args.out !== null) {
    const refused = planCopies(inputs.files, args.out, args.force, targets);
    if (refused.length) {
      for (const r of refused) process.stderr.write(privacy(`review: ${say(r)}\n`));
      return codes.copyFailed;
    }
  }

  const progress = args.progress || process.stderr.isTTY === true;
  const tty = process.stderr.isTTY === true;
  const reviews: BatchFileReview[] = [];
  const fileDisputes: { file: string; disputes: CliDisputes }[] = [];
  const sheetsSeen = new Set<string>();
  const referenceYear = Number(formatDay(referenceDay).slice(0, 4));
  for (const [k, file] of inputs.files.entries()) {
    const head = `[${k + 1}/${inputs.files.length}] ${file}`;
    if (progress) process.stderr.write(privacy(tty ? `\r${head}\u001b[K` : `${head}\n`));
    try {
      const grids = await readXlsxFile(file, {
        onProgress: (p) => {
          if (progress && tty && p.rowsRead >= 10_000) process.stderr.write(privacy(`\r${head}: ${p.rowsRead.toLocaleString("sv-SE")} rader / rows\u001b[K`));
        },
      });
      const names = grids.sheets.map((g) => g.name);
      for (const n of names) sheetsSeen.add(n);
      const sheets = args.sheets.filter((s) => names.includes(s));
      if (args.sheets.length && sheets.length === 0) {
        throw new ReviewError("NO_INVOICE_SHEET", {
          sv: `inget blad som heter ${args.sheets.map((s) => `"${s}"`).join(", ")}; bladen är ${names.join(", ")}`,
          en: `no sheet named ${args.sheets.map((s) => `"${s}"`).join(", ")}; the sheets are ${names.join(", ")}`,
        });
      }
      const result = reviewWorkbook(grids, {
        profile,
        referenceDay,
        invoicePeriod: args.period ? { fromDay: args.period.fromDay, toDay: args.period.toDay } : null,
        sheets: sheets.length ? sheets : undefined,
        countOpenStays: args.countOpenStays,
        careTypeBySheet: args.careTypes,
      });
      const { index: stays, compact } = CompactStays.ofWorkbook(grids, { sheets: result.sheets.map((s) => s.name), referenceYear });
      // Disputes saved in the workbook by the add-in, found again in this file.
      const disputes = await applyDisputes(grids, result, { file, listFile: null, disputeErrors: false, now: new Date().toISOString(), referenceYear, index: stays });
      // Only the keys and the fields a cross-file message names are kept: the grid can go.
      reviews.push({ file, result, stays: compact });
      fileDisputes.push({ file, disputes });
    } catch (e) {
      const message = failureMessage(e);
      failed.push({ file, message });
      // One line each, as it happens: the summary lists them again.
      process.stderr.write(privacy(`${tty && progress ? "\r\u001b[K" : ""}review: ${file}: ${say(message)}\n`));
    }
  }
  if (progress && tty) process.stderr.write("\r\u001b[K");
  // A --care-type for a sheet no file has would otherwise change nothing without a word.
  for (const sheet of Object.keys(args.careTypes)) {
    if (!sheetsSeen.has(sheet)) process.stderr.write(privacy(`review: --care-type ${sheet}: ${say({ sv: "inget av underlagen har ett blad med det namnet", en: "none of the bases has a sheet of that name" })}\n`));
  }
  if (reviews.length === 0) return codes.badInput;

  const batch = combineReviews(reviews, profile, failed);
  const disputes = combinedDisputes(batch, fileDisputes);
  const today = formatDay(referenceDay);
  // The follow-up reports over all files' stays together, the disputes applied as in the summary.
  const reports = args.reports.length > 0 ? batchReports(batch, reviews, disputes, args) : null;

  const markedCopies = new Map<string, string>();
  let copyFailed = false;
  let summaryWorkbook: string | null = null;
  if (args.out !== null) {
    for (const review of reviews) {
      const target = targets.get(review.file)!;
      // The copy marks the cross-file findings of its rows too.
      const cross = batch.findings.filter((f) => f.file === review.file && f.code.startsWith("CROSS_FILE"));
      const marked: ReviewResult = cross.length ? { ...review.result, findings: [...review.result.findings, ...cross] } : review.result;
      try {
        const own = fileDisputes.find((d) => d.file === review.file)!.disputes;
        await writeMarkedCopy(review.file, target, marked, { lang: args.lang, force: args.force, reveal: args.reveal, sheets: addedSheets(args, own) });
        markedCopies.set(review.file, target);
      } catch (e) {
        copyFailed = true;
        process.stderr.write(privacy(`review: ${say(copyFailure(e, target))}\n`));
      }
    }
    const summaryPath = path.join(args.out, BATCH_SUMMARY_FILE);
    try {
      await writeBatchSummary(batch, summaryPath, { lang: args.lang, reveal: args.reveal, today, force: args.force, inputs: inputs.files, sheets: reports?.specs });
      summaryWorkbook = summaryPath;
    } catch (e) {
      copyFailed = true;
      process.stderr.write(privacy(`review: ${say(copyFailure(e, summaryPath))}\n`));
    }
  }

  const ctx = {
    lang: args.lang,
    privacy,
    revealed: args.reveal,
    today,
    period: args.period?.label ?? null,
    benchmarkOverride: args.benchmark,
    limit: args.limit,
    inputs,
    markedCopies,
    summaryWorkbook,
    disputes,
  };
  if (reports) {
    // As one file's reports are printed; the files named as the reports' sheets name them.
    const files = reviews.map((r) => r.file);
    if (args.json) {
      const report = { files, failed: failed.map((f) => ({ file: f.file, message: f.message })), today, agreement: profile.id, summaryWorkbook, reports: reports.specs.map((sheet, i) => ({ id: reports.ids[i], sheet })) };
      process.stdout.write(JSON.stringify(report, (_, v: unknown) => (typeof v === "string" ? privacy(v) : v)) + "\n");
    } else {
      const lines = [`${files.join(", ")} (${today})`, ""];
      for (const spec of reports.specs) lines.push(...formatReport(spec, args.lang));
      process.stdout.write(privacy(lines.join("\n")));
    }
  } else if (args.json) process.stdout.write(JSON.stringify(toBatchJson(batch, ctx)) + "\n");
  else process.stdout.write(formatBatchSummary(batch, ctx));
  if (failed.length) return EXIT_PARTIAL;
  return copyFailed ? codes.copyFailed : codes.ok;
}

/** Every file's disputes as one: counts summed, matches named `[file]sheet`, the figures side by side over all files. */
function combinedDisputes(batch: BatchResult, files: readonly { file: string; disputes: CliDisputes }[]): DisputeSummary {
  const match = qualifiedMatches(files.map((f) => ({ file: f.file, match: f.disputes.match })));
  const sum = (k: keyof CliDisputes["counts"]) => files.reduce((n, f) => n + f.disputes.counts[k], 0);
  return {
    counts: { stored: sum("stored"), fromList: sum("fromList"), fromErrors: sum("fromErrors") },
    match,
    figures: batchSideBySide(batch, match),
    problems: files.flatMap((f) => f.disputes.problems),
  };
}

/** The reports asked for with --report, in REPORT_IDS' order, over the combined basis. */
function batchReports(batch: BatchResult, reviews: readonly BatchFileReview[], disputes: DisputeSummary, args: CliArgs): { ids: ReportId[]; specs: SheetSpec[] } {
  const ids = REPORT_IDS.filter((id) => args.reports.includes(id));
  const input = batchReportInputOf(batch, reviews, disputes.match.found);
  return { ids, specs: reportSpecs(ids, input, { lang: args.lang, reveal: args.reveal }) };
}

function failureMessage(e: unknown): Bilingual {
  if (e instanceof XlsxError || e instanceof ReviewError) return e.bilingual;
  const msg = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  return { sv: `kunde inte granskas (${msg})`, en: `could not be reviewed (${msg})` };
}

function copyFailure(e: unknown, target: string): Bilingual {
  if (e instanceof XlsxError) return e.bilingual;
  const msg = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  return { sv: `Kunde inte skriva ${target} (${msg})`, en: `Could not write ${target} (${msg})` };
}

/**
 * Each input's copy in DIR under the input's name ("-2", "-3" before the extension when two
 * inputs share a name), DIR made when absent. Refusals (an existing file without --force, a
 * target that is one of the inputs, DIR a file) come back as lines; nothing is written then.
 */
function planCopies(files: readonly string[], dir: string, force: boolean, targets: Map<string, string>): Bilingual[] {
  const refused: Bilingual[] = [];
  try {
    if (!statSync(dir).isDirectory()) {
      return [{ sv: `--out ${dir} är en fil; ange en mapp när flera filer granskas`, en: `--out ${dir} is a file; give a folder when several files are reviewed` }];
    }
  } catch {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      const code = errnoCode(e);
      return [{ sv: `Kunde inte skapa mappen ${dir} (${code})`, en: `Could not make the folder ${dir} (${code})` }];
    }
  }
  const inputIds = new Set(files.map(fileId).filter((id): id is string => id !== null));
  const used = new Set<string>([BATCH_SUMMARY_FILE.toLowerCase()]);
  for (const file of files) {
    const ext = path.extname(file);
    const stem = path.basename(file, ext);
    let name = path.basename(file);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}${ext}`;
    used.add(name.toLowerCase());
    const target = path.join(dir, name);
    targets.set(file, target);
    const id = fileId(target);
    if (id !== null && inputIds.has(id)) {
      refused.push({ sv: `${target} är en av filerna som granskas; välj en annan mapp för --out`, en: `${target} is one of the files reviewed; choose another folder for --out` });
      continue;
    }
    try {
      checkMarkedCopyTarget(file, target, force);
    } catch (e) {
      if (e instanceof XlsxError) refused.push(e.bilingual);
      else throw e;
    }
  }
  try {
    checkBatchSummaryTarget(path.join(dir, BATCH_SUMMARY_FILE), { force, inputs: files });
  } catch (e) {
    if (e instanceof XlsxError) refused.push(e.bilingual);
    else throw e;
  }
  return refused;
}

/** Device and inode: the same file under another name or through a link. */
function fileId(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

