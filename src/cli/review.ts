/**
 * `npm run review -- FILE.xlsx [options]`: the headless review. Wires the xlsx adapter, the
 * engine and the formatters; all decisions live in args.ts and format*.ts.
 * Exit codes: 0 ok, 1 bad input (one line on stderr), 2 usage.
 */
import path from "node:path";
import { copyProfile, getPreset, PRESETS } from "../core/agreements/presets";
import type { AgreementProfile } from "../core/agreements/profileSchema";
import { formatDay } from "../core/cells/localDate";
import { reviewWorkbook } from "../core/review/reviewWorkbook";
import { ReviewError } from "../core/review/reviewError";
import { readXlsxWorkbook } from "../adapters/xlsx/readWorkbook";
import { writeMarkedCopy } from "../adapters/xlsx/writeMarkedCopy";
import { XlsxError } from "../adapters/xlsx/xlsxError";
import { parseArgs, stockholmDay, USAGE, type CliArgs } from "./args";
import { toJsonReport } from "./formatJson";
import { formatSummary } from "./formatSummary";
import { privacyFilter } from "./privacy";

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

function chooseProfile(args: CliArgs): AgreementProfile {
  const preset = getPreset(args.agreement);
  if (!preset) {
    throw new UsageError(`unknown agreement "${args.agreement}"; choose one of: ${PRESETS.map((p) => p.id).join(", ")}`);
  }
  if (args.benchmark === null) return preset;
  const changed = copyProfile(preset, { somatic: { benchmark: args.benchmark }, psychiatric: { benchmark: args.benchmark } });
  if (!changed.ok) throw new UsageError(`--benchmark: ${changed.problems.join("; ")}`);
  return changed.profile;
}

/** Progress on stderr: a rewritten line on a terminal, a line per 100k rows otherwise. */
function progressReporter(): (p: { sheet: string; rowsRead: number }) => void {
  const tty = process.stderr.isTTY;
  let last = "";
  return ({ sheet, rowsRead }) => {
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
  try {
    const profile = chooseProfile(args);
    if (args.benchmark !== null && profile.somatic.kind === "individual" && profile.psychiatric.kind === "individual") {
      // stderr, so that --json output stays one object.
      process.stderr.write(`review: --benchmark har ingen verkan på ${profile.id} (per vistelse) / has no effect on ${profile.id} (per stay)\n`);
    }
    const referenceDay = args.today ?? stockholmDay(new Date());
    const file = args.usingSample ? path.resolve(__dirname, "..", "..", args.file) : args.file;
    const report = progressReporter();
    let sawProgress = false;
    const grids = await readXlsxWorkbook(file, {
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
    if (args.out) await writeMarkedCopy(file, args.out, result, { lang: args.lang });

    const privacy = privacyFilter(args.reveal);
    const today = formatDay(referenceDay);
    const shownFile = args.usingSample ? args.file : file;
    if (args.json) {
      const json = toJsonReport(result, {
        file: shownFile,
        lang: args.lang,
        privacy,
        today,
        period: args.period?.label ?? null,
        benchmarkOverride: args.benchmark,
        markedCopy: args.out,
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
          markedCopy: args.out,
        }),
      );
    }
    return EXIT_OK;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`review: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof XlsxError || e instanceof ReviewError) {
      process.stderr.write(`review: ${e.bilingual.sv} / ${e.bilingual.en}\n`);
      return EXIT_BAD_INPUT;
    }
    // Anything else is still bad input from the user's point of view: one line, no stack.
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    process.stderr.write(`review: ${msg}\n`);
    return EXIT_BAD_INPUT;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`review: ${e instanceof Error ? e.message : e}\n`);
      process.exitCode = EXIT_BAD_INPUT;
    },
  );
}
