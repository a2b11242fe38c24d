/**
 * `npm run review -- FILE.xlsx [options]`: the headless review. Wires the xlsx adapter, the
 * engine and the formatters; all decisions live in args.ts and format*.ts. Several files or a
 * folder go to batch.ts.
 * Exit codes: 0 ok, 1 bad input (one line on stderr), 2 usage, 3 copy failed, 4 partial batch.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { compareScenarios, copyProfile, formatDay, getPreset, parseScenarioJson, PRESETS, REPORT_IDS, reportInputOf, reportSpecs, ReviewError, reviewWorkbook, sensitivityCurve, type AgreementProfile, type Comparison, type FigureBasis, type ReportId, type ReviewResult, type SensitivityCurve, type SheetSpec } from "../core";
import { readXlsxFile } from "../adapters/xlsx/xlsxReader";
import { checkMarkedCopyTarget, startMarkedCopy, writeMarkedCopy, type EarlyCopy } from "../adapters/xlsx/writeMarkedCopy";
import { XlsxError } from "../adapters/xlsx/xlsxError";
import { parseArgs, stockholmDay, USAGE, type CliArgs } from "./args";
import { addedSheets } from "./addedSheets";
import { EXIT_PARTIAL, runBatch } from "./batch";
import { isBatch } from "./batchInputs";
import { applyDisputes, type CliDisputes } from "./disputes";
import { toJsonReport } from "./formatJson";
import { formatReport } from "./formatReport";
import { formatComparison, formatCurve } from "./formatScenarios";
import { formatSummary } from "./formatSummary";
import { privacyFilter } from "./privacy";

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;
/** The marked copy (--out) was not written; the review, when it was done, is printed all the same. */
export const EXIT_COPY_FAILED = 3;
/** Several files: some could not be reviewed; the others were, and are printed (src/cli/batch.ts). */
export { EXIT_PARTIAL };

class UsageError extends Error {}

/** A profile file that cannot be used: one line per problem, each naming the field path. */
class ProfileFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.join("; "));
  }
}

/** A scenario or profile from a JSON file (--profile, --compare). */
function profileFromFile(file: string): AgreementProfile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const why = e instanceof Error && "code" in e && e.code === "ENOENT" ? "no such file / filen finns inte" : e instanceof Error ? e.message : String(e);
    throw new ProfileFileError(file, [`(file): ${why}`]);
  }
  const parsed = parseScenarioJson(text);
  if (!parsed.ok) throw new ProfileFileError(file, parsed.problems);
  return parsed.scenario.profile;
}

/** --compare's items: a preset id, else a file. */
function profileFromIdOrFile(item: string): AgreementProfile {
  const preset = getPreset(item);
  if (preset) return preset;
  if (existsSync(item) || /\.json$/i.test(item)) return profileFromFile(item);
  throw new UsageError(`--compare: "${item}" is neither a preset (${PRESETS.map((p) => p.id).join(", ")}) nor a file`);
}

function chooseProfile(args: CliArgs): AgreementProfile {
  const preset = args.profileFile !== null ? profileFromFile(args.profileFile) : getPreset(args.agreement);
  if (!preset) {
    throw new UsageError(`unknown agreement "${args.agreement}"; choose one of: ${PRESETS.map((p) => p.id).join(", ")}`);
  }
  if (args.benchmark === null) return preset;
  const changed = copyProfile(preset, { somatic: { benchmark: args.benchmark }, psychiatric: { benchmark: args.benchmark } });
  if (!changed.ok) throw new UsageError(`--benchmark: ${changed.problems.join("; ")}`);
  return changed.profile;
}

/** Progress on stderr: a rewritten line on a terminal, a line per 100k rows otherwise. */
function progressReporter(privacy: (text: string) => string): (p: { sheet: string; rowsRead: number }) => void {
  const tty = process.stderr.isTTY;
  let last = "";
  return ({ sheet: name, rowsRead }) => {
    const sheet = privacy(name);
    const key = `${sheet}:${rowsRead}`;
    if (key === last) return; // the end-of-sheet report may repeat the last count
    last = key;
    if (tty) process.stderr.write(`\r${sheet}: ${rowsRead.toLocaleString("sv-SE")} rader / rows`);
    else if (rowsRead % 100_000 === 0) process.stderr.write(`${sheet}: ${rowsRead} rader / rows\n`);
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    process.stdout.write(USAGE + "\n");
    return EXIT_OK;
  }
  if (parsed.kind === "usage") {
    process.stderr.write(`review: ${parsed.message} (--help)\n`);
    return EXIT_USAGE;
  }
  const args = parsed.args;
  let early: EarlyCopy | null = null;
  try {
    const profile = chooseProfile(args);
    if (args.benchmark !== null && profile.somatic.kind === "individual" && profile.psychiatric.kind === "individual") {
      // stderr, so that --json output stays one object.
      process.stderr.write(`review: --benchmark har ingen verkan på ${profile.id} (per vistelse) / has no effect on ${profile.id} (per stay)\n`);
    }
    const referenceDay = args.today ?? stockholmDay(new Date());
    if (isBatch(args.inputs)) {
      return await runBatch({ args, profile, referenceDay }, { ok: EXIT_OK, badInput: EXIT_BAD_INPUT, usage: EXIT_USAGE, copyFailed: EXIT_COPY_FAILED });
    }
    const compared = args.compare.map(profileFromIdOrFile); // before the (slow) read: bad files fail fast
    const file = args.usingSample ? path.resolve(__dirname, "..", "..", args.file) : args.file;
    if (args.out !== null) {
      // Before the review: a refused --out costs nothing when found first.
      try {
        checkMarkedCopyTarget(file, args.out, args.force);
      } catch (e) {
        if (e instanceof XlsxError) return copyFailed(e, args);
        throw e;
      }
      // The copy's costly part needs no findings: it runs beside the review (removed if the review fails).
      early = startMarkedCopy(file, args.out, args.sheets);
    }
    const report = progressReporter(privacyFilter(args.reveal));
    let sawProgress = false;
    const grids = await readXlsxFile(file, {
      onProgress: (p) => {
        if (p.rowsRead >= 10_000) {
          sawProgress = true;
          report(p);
        }
      },
    });
    if (sawProgress && process.stderr.isTTY) process.stderr.write("\n");
    const missing = [...args.sheets, ...Object.keys(args.careTypes)].filter((s) => !grids.sheets.some((g) => g.name === s));
    if (missing.length) {
      throw new UsageError(`no sheet named ${missing.map((m) => `"${m}"`).join(", ")}; sheets: ${grids.sheets.map((g) => g.name).join(", ")}`);
    }
    const result = reviewWorkbook(grids, {
      profile,
      referenceDay,
      invoicePeriod: args.period ? { fromDay: args.period.fromDay, toDay: args.period.toDay } : null,
      sheets: args.sheets.length ? args.sheets : undefined,
      countOpenStays: args.countOpenStays,
      careTypeBySheet: args.careTypes,
    });
    const disputes = await applyDisputes(grids, result, {
      file,
      listFile: args.disputes,
      disputeErrors: args.disputeErrors,
      now: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
      referenceYear: Number(formatDay(referenceDay).slice(0, 4)),
    });

    // From the review's figure basis alone: no re-read, no re-check. Before the copy, which holds them too.
    const scenarios = compared.length > 0 || args.sensitivity ? scenarioFigures(result.basis, profile, compared, args) : null;

    // The follow-up reports, from the review and its disputes: the sheets the pane writes; --out adds them to the copy.
    const reports = args.reports.length > 0 ? followUpReports(result, disputes, args) : null;

    let copyError: XlsxError | null = null;
    if (args.out !== null) {
      try {
        await writeMarkedCopy(file, args.out, result, {
          lang: args.lang,
          force: args.force,
          reveal: args.reveal,
          early: early ?? undefined,
          sheets: [...addedSheets(args, disputes, scenarios && { basis: result.basis, profiles: compared.length > 0 ? compared : [profile] }), ...(reports?.specs ?? [])],
        });
      } catch (e) {
        // The review is done: it is printed whatever became of the copy.
        copyError = e instanceof XlsxError ? e : new XlsxError("WRITE_FAILED", { sv: `Kunde inte skriva ${args.out} (${oneLine(e)})`, en: `Could not write ${args.out} (${oneLine(e)})` });
      }
    }
    const markedCopy = args.out !== null && copyError === null ? args.out : null;
    const privacy = privacyFilter(args.reveal);
    const today = formatDay(referenceDay);
    const shownFile = args.usingSample ? args.file : file;
    if (reports) {
      if (args.json) {
        const report = { file: shownFile, today, agreement: profile.id, reports: reports.specs.map((sheet, i) => ({ id: reports.ids[i], sheet })) };
        process.stdout.write(JSON.stringify(report, (_, v: unknown) => (typeof v === "string" ? privacy(v) : v)) + "\n");
      } else {
        const lines = [`${shownFile} (${today})`, ""];
        for (const spec of reports.specs) lines.push(...formatReport(spec, args.lang));
        process.stdout.write(privacy(lines.join("\n")));
      }
      return copyError ? copyFailed(copyError, args) : EXIT_OK;
    }
    if (scenarios) {
      const { comparison, curve } = scenarios;
      // Every string through the mask: a municipality cell may hold an identity number.
      if (args.json) {
        const report = { file: shownFile, today, agreement: profile.id, comparison, sensitivity: curve };
        process.stdout.write(JSON.stringify(report, (_, v: unknown) => (typeof v === "string" ? privacy(v) : v)) + "\n");
      } else {
        const lines = [`${shownFile} (${today})`, ""];
        if (comparison) lines.push(...formatComparison(comparison, args.lang), "");
        if (curve) lines.push(`${profile.id}: ${profile.name[args.lang]}`, ...formatCurve(curve, args.lang), "");
        process.stdout.write(privacy(lines.join("\n")));
      }
      return copyError ? copyFailed(copyError, args) : EXIT_OK;
    }
    if (args.json) {
      const json = toJsonReport(result, {
        file: shownFile,
        lang: args.lang,
        privacy,
        today,
        period: args.period?.label ?? null,
        benchmarkOverride: args.benchmark,
        markedCopy,
        disputes,
      });
      process.stdout.write(JSON.stringify(json) + "\n");
    } else {
      process.stdout.write(
        formatSummary(result, {
          file: shownFile,
          usingSample: args.usingSample,
          lang: args.lang,
          privacy,
          revealed: args.reveal,
          today,
          limit: args.limit,
          markedCopy,
          disputes,
        }),
      );
    }
    if (copyError) return copyFailed(copyError, args);
    return EXIT_OK;
  } catch (e) {
    // Messages may name sheets, files or cells: through the mask like everything else.
    const privacy = privacyFilter(args.reveal);
    if (e instanceof ProfileFileError) {
      for (const problem of e.problems) process.stderr.write(privacy(`review: ${e.file}: ${problem}\n`));
      return EXIT_BAD_INPUT;
    }
    if (e instanceof UsageError) {
      process.stderr.write(privacy(`review: ${e.message}\n`));
      return EXIT_USAGE;
    }
    // File-system errors (no permission, no such folder, …) in the user's language only.
    if (e instanceof XlsxError && e.code.startsWith("FS_")) {
      process.stderr.write(privacy(`review: ${e.bilingual[args.lang]}\n`));
      return EXIT_BAD_INPUT;
    }
    if (e instanceof XlsxError || e instanceof ReviewError) {
      process.stderr.write(privacy(`review: ${e.bilingual.sv} / ${e.bilingual.en}\n`));
      return EXIT_BAD_INPUT;
    }
    // Anything else is still bad input from the user's point of view: one line, no stack.
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    process.stderr.write(privacy(`review: ${msg}\n`));
    return EXIT_BAD_INPUT;
  } finally {
    // Done already when the copy was written; here for a review that failed before it.
    await early?.discard();
  }
}

/** The comparison (--compare) and the curve (--sensitivity) the command prints. */
function scenarioFigures(basis: FigureBasis, profile: AgreementProfile, compared: AgreementProfile[], args: CliArgs): { comparison: Comparison | null; curve: SensitivityCurve | null } {
  const comparison = compared.length > 0 ? compareScenarios(basis, compared) : null;
  let curve: SensitivityCurve | null = null;
  if (args.sensitivity) {
    const r = sensitivityCurve(basis, profile, args.sensitivity);
    if (!r.ok) throw new UsageError(`--sensitivity: ${r.problem.en} / ${r.problem.sv}`);
    curve = r.curve;
  }
  return { comparison, curve };
}

/** The reports asked for with --report, in REPORT_IDS' order, with the disputes applied as in the summary. */
function followUpReports(result: ReviewResult, disputes: CliDisputes, args: CliArgs): { ids: ReportId[]; specs: SheetSpec[] } {
  const ids = REPORT_IDS.filter((id) => args.reports.includes(id));
  const input = reportInputOf(result, disputes.index, disputes.match.found);
  return { ids, specs: reportSpecs(ids, input, { lang: args.lang, reveal: args.reveal }) };
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

/** Errors of the copy and of the file system: one line in the user's language (paths masked too). */
function copyFailed(e: XlsxError, args: CliArgs): number {
  process.stderr.write(privacyFilter(args.reveal)(`review: ${e.bilingual[args.lang]}\n`));
  return EXIT_COPY_FAILED;
}

if (require.main === module) {
  let settled = false;
  // Node ends a process whose work stopped with a promise still pending with exit code 0 and no
  // word; a review that did not finish must not look like one that did.
  process.on("exit", () => {
    if (settled) return;
    process.stderr.write("review: granskningen avbröts innan den var klar (ett internt fel) / the review stopped before it was done (an internal error)\n");
    process.exitCode = EXIT_BAD_INPUT;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      settled = true;
      process.exitCode = code;
    },
    (e) => {
      settled = true;
      process.stderr.write(`review: ${e instanceof Error ? e.message : e}\n`);
      process.exitCode = EXIT_BAD_INPUT;
    },
  );
}
