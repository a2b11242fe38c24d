/**
 * Command-line arguments of `npm run review`, parsed without side effects so that tests can
 * drive every branch. Usage errors come back as values; main prints them and exits 2.
 */
import { epochDay, isValidCivil } from "../core";
import { isScenarioOption, scenarioDefaults, SCENARIO_USAGE, takeScenarioOption, type ScenarioArgs } from "./scenarioArgs";
import { isReportId, REPORT_IDS, type CareType, type ReportId } from "../core";

export const DEFAULT_SAMPLE = "samples/fakturaunderlag-exempel.xlsx";
/** The statutory default applies wherever no regional agreement is chosen. */
export const DEFAULT_AGREEMENT = "lag-2017-612";
export const DEFAULT_LIMIT = 25;
/** The summary workbook that --out DIR writes beside the marked copies of a batch review. */
export const BATCH_SUMMARY_FILE = "granskning-sammanstallning.xlsx";

export type Lang = "sv" | "en";

export interface CliArgs extends ScenarioArgs {
  /** The first input (or the sample): the file of a single-file review. */
  file: string;
  /** Every input as given: files and folders. Several, or a folder, make a batch review. */
  inputs: string[];
  /** Progress per file on stderr even when it is not a terminal (--progress). */
  progress: boolean;
  /** True when no file was given and the bundled sample is reviewed. */
  usingSample: boolean;
  agreement: string;
  sheets: string[];
  json: boolean;
  out: string | null;
  /** Let --out replace an existing file (never the input). */
  force: boolean;
  /** Invoice period as epoch days (inclusive) and its label. */
  period: { fromDay: number; toDay: number; label: string } | null;
  benchmark: number | null;
  lang: Lang;
  reveal: boolean;
  /** Today as an epoch day; null = take it from the clock. */
  today: number | null;
  limit: number;
  countOpenStays: boolean;
  /** An exported dispute list to apply (--disputes FILE.xlsx). */
  disputes: string | null;
  /** Dispute every error finding (--dispute-errors). */
  disputeErrors: boolean;
  /** --care-type SHEET=TYPE: the care type of every row of a sheet. */
  careTypes: Record<string, CareType>;
  /** --report ID|all: the follow-up reports to print (text or --json) instead of the summary. */
  reports: ReportId[];
}

export type ParseResult = { kind: "ok"; args: CliArgs } | { kind: "help" } | { kind: "usage"; message: string };

export const USAGE = `Usage: npm run review -- [FILE.xlsx] [options]
       npm run review -- FILE.xlsx FILE.xlsx... | DIR [options]

Reviews an invoice basis (fakturaunderlag) for discharge-ready patients. Without FILE the
bundled sample ${DEFAULT_SAMPLE} is reviewed.

Several files, or a folder (its .xlsx and .xlsm files, sorted by name; lock files "~$…",
other extensions and subfolders are skipped and named), are reviewed together: one summary
with the figures per municipality, care type and period across all files (a period in two
files is one group, its average computed from all its stays), every finding naming its
file, sheet and row, and the same stay in two files found: invoiced again with the same
fields (CROSS_FILE_DUPLICATE) or with other dates (CROSS_FILE_REINVOICED). Such a stay
counts once, in its latest version (files in the order reviewed); what the other rows
invoice stays in Invoiced. A file that cannot be read is reported in one line and the
others are still reviewed (exit 4). --out DIR then writes one marked copy per file into
DIR (under the file's name) and the summary workbook DIR/${BATCH_SUMMARY_FILE}.
--report builds the follow-up reports over all files' stays together (each row names its
file's sheet as [file]sheet); with --out DIR they are sheets of the summary workbook.
--period, --sheet and --care-type apply to every file that has what they name (without
--period each file's title rows give its own period).
Not with several files: --compare, --sensitivity, --disputes, --dispute-errors.

Options:
  --agreement ID     agreement profile (default ${DEFAULT_AGREEMENT}, the statutory default)
  --sheet NAME       review only this sheet (repeatable)
  --period YYYY-MM   the invoiced month (default: read from the sheet's title rows)
  --benchmark N      override the benchmark (average days) of average/hybrid agreements
  --today YYYY-MM-DD the review date (default: today in Europe/Stockholm)
  --open-stays       count still-admitted stays up to the period end
  --care-type SHEET=psychiatric|somatic
                     the care type of every row of SHEET (repeatable). Without it a row's
                     care type comes from its column, else the sheet's name or title
                     ("Psykiatri"), else the unit's name, else somatic; the summary's
                     assumptions say how each sheet was decided
  --json             print one JSON object on stdout, nothing else
  --out FILE.xlsx    write a marked copy: flagged rows coloured by their worst finding (through
                     conditional formats and a hidden sheet "_granskning_marks"; the cells and
                     the other parts of the file stay as they were) and a result sheet
                     "Granskning". The input is never written; FILE must not be the input
                     (nor a link to it) and must not exist unless --force is given. The copy
                     gets the input's file permissions and appears only when complete.
                     Added sheets: "Bestridanden" (the dispute list) whenever disputes were
                     applied (stored, --disputes, --dispute-errors), and "Scenarier" (the
                     comparison and its charts) with --compare or --sensitivity; identity
                     numbers in them masked unless --reveal
  --force            let --out replace an existing file
  --progress         progress per file on stderr also when it is not a terminal
  --disputes FILE    apply a dispute list exported from the add-in (an .xlsx with the
                     sheet "Bestridanden") to this copy of the basis, found again by stay key
  --dispute-errors   dispute every error finding (its code as reason), for orientation
  --report ID|all    print a follow-up report instead of the summary (repeatable; with
                     --json as data): ${REPORT_IDS.join(", ")}
                     (averages per month, half-year and quarter; stays of 3 days or more;
                     cost per month; against the national average; notice within 24 h
                     and care contact). Disputes are applied as in the summary; with
                     --out the reports are also sheets of the marked copy (of the
                     summary workbook when several files are reviewed)
  --limit N          list the first N findings (default ${DEFAULT_LIMIT}; 0 = all)
  --lang sv|en       language of the summary (default sv)
  --reveal           show personal identity numbers unmasked (summary, JSON and the
                     copy's result and added sheets); without it every form is masked
  -h, --help         this text

Disputes saved in the workbook by the add-in are always read and applied. The summary and
--json then give per group the figures as invoiced (invoicedAmount), recomputed (amount),
after disputes (amountAfterDisputes) and if every error finding were upheld
(amountIfErrorsUpheld), each with its days. A dispute on a ground that voids liability
leaves the stay out (under an average model the average changes); one about the region's
arithmetic (DAYS_, BILLED_DAYS_, PRICE_, AMOUNT_MISMATCH) keeps it at its recomputed figure.

Scenarios:
${SCENARIO_USAGE}

Exit codes: 0 ok, 1 bad input, 2 usage, 3 the marked copy could not be written (the review
is still printed when it was done), 4 partial: of several files some could not be reviewed
(the others were, and are printed; a failed copy then also counts as partial; when none
could be reviewed the code is 1).`;

const WITH_VALUE = new Set(["--agreement", "--sheet", "--out", "--period", "--benchmark", "--lang", "--today", "--limit", "--disputes", "--care-type", "--report"]);

const CARE_TYPE_WORDS: Record<string, CareType> = {
  psychiatric: "psychiatric",
  psykiatri: "psychiatric",
  psykiatrisk: "psychiatric",
  somatic: "somatic",
  somatik: "somatic",
  somatisk: "somatic",
};

export function parseArgs(argv: readonly string[]): ParseResult {
  const args: CliArgs = {
    file: DEFAULT_SAMPLE,
    inputs: [],
    progress: false,
    usingSample: true,
    agreement: DEFAULT_AGREEMENT,
    sheets: [],
    json: false,
    out: null,
    force: false,
    period: null,
    benchmark: null,
    lang: "sv",
    reveal: false,
    today: null,
    limit: DEFAULT_LIMIT,
    countOpenStays: false,
    disputes: null,
    disputeErrors: false,
    careTypes: {},
    reports: [],
    ...scenarioDefaults(),
  };
  let fileSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    // --name=value is accepted as well as --name value.
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    let value: string | undefined = eq > 0 ? raw.slice(eq + 1) : undefined;
    if (isScenarioOption(name)) {
      const last = takeScenarioOption(args, name, value, argv, i); // scenarioArgs.ts
      if (typeof last === "string") return usage(last);
      i = last;
      continue;
    }
    if (WITH_VALUE.has(name) && value === undefined) {
      value = argv[++i];
      if (value === undefined) return usage(`${name} needs a value`);
    }
    switch (name) {
      case "-h":
      case "--help":
        return { kind: "help" };
      case "--json":
        args.json = true;
        break;
      case "--reveal":
        args.reveal = true;
        break;
      case "--progress":
        args.progress = true;
        break;
      case "--open-stays":
        args.countOpenStays = true;
        break;
      case "--dispute-errors":
        args.disputeErrors = true;
        break;
      case "--disputes":
        args.disputes = value!;
        break;
      case "--agreement":
        args.agreement = value!;
        break;
      case "--sheet":
        args.sheets.push(value!);
        break;
      case "--out":
        if (value!.trim() === "") return usage("--out needs a file name (a folder when several files are reviewed)");
        // "--out --json": the name was forgotten, not a file called "--json" (write ./-x for that).
        if (value!.startsWith("-") && eq < 0) return usage(`--out needs a file name (a folder when several files are reviewed), not the option ${value}`);
        args.out = value!;
        break;
      case "--force":
        args.force = true;
        break;
      case "--care-type": {
        // The last "=": a sheet's name may hold one.
        const at = value!.lastIndexOf("=");
        const sheet = at > 0 ? value!.slice(0, at) : "";
        const type = CARE_TYPE_WORDS[value!.slice(at + 1).trim().toLowerCase()];
        if (sheet === "" || type === undefined) return usage(`--care-type must be SHEET=psychiatric or SHEET=somatic, not "${value}"`);
        args.careTypes[sheet] = type;
        break;
      }
      case "--report": {
        const id = value!.trim();
        if (id === "all") args.reports = [...REPORT_IDS];
        else if (isReportId(id)) {
          if (!args.reports.includes(id)) args.reports.push(id);
        } else return usage(`--report must be all or one of ${REPORT_IDS.join(", ")}, not "${value}"`);
        break;
      }
      case "--lang":
        if (value !== "sv" && value !== "en") return usage(`--lang must be sv or en, not "${value}"`);
        args.lang = value;
        break;
      case "--benchmark": {
        const n = Number(value!.replace(",", "."));
        if (!Number.isFinite(n) || n < 0 || value!.trim() === "") return usage(`--benchmark must be a number ≥ 0, not "${value}"`);
        args.benchmark = n;
        break;
      }
      case "--limit": {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0) return usage(`--limit must be a whole number ≥ 0, not "${value}"`);
        args.limit = n;
        break;
      }
      case "--period": {
        const p = parsePeriod(value!);
        if (!p) return usage(`--period must be YYYY-MM, not "${value}"`);
        args.period = p;
        break;
      }
      case "--today": {
        const d = parseIsoDay(value!);
        if (d === null) return usage(`--today must be a date YYYY-MM-DD, not "${value}"`);
        args.today = d;
        break;
      }
      default:
        if (name.startsWith("-")) return usage(`unknown option ${name}`);
        if (!fileSeen) args.file = raw;
        args.inputs.push(raw);
        args.usingSample = false;
        fileSeen = true;
    }
  }
  return { kind: "ok", args };
}

function usage(message: string): ParseResult {
  return { kind: "usage", message };
}

export function parsePeriod(text: string): { fromDay: number; toDay: number; label: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const fromDay = epochDay(year, month, 1);
  const toDay = (month === 12 ? epochDay(year + 1, 1, 1) : epochDay(year, month + 1, 1)) - 1;
  return { fromDay, toDay, label: m[0] };
}

export function parseIsoDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCivil(y, mo, d) ? epochDay(y, mo, d) : null;
}

/** Today's civil date in Europe/Stockholm from a clock reading (the core reads no clock). */
export function stockholmDay(now: Date): number {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ((acc[p.type] = p.value), acc), {});
  return epochDay(Number(parts.year), Number(parts.month), Number(parts.day));
}
