/**
 * The scenario options of `npm run review`, kept apart from args.ts so that its other options
 * can change without touching these:
 *
 *   --profile FILE.json         review under a profile (or scenario) read from a file
 *   --compare ID|FILE ...       compare presets and scenario files, the first the baseline
 *   --sensitivity FROM:TO:STEP  the amount owed over a range of benchmarks (or grace days)
 */
export interface ScenarioArgs {
  /** A profile or scenario JSON file to review under, instead of --agreement. */
  profileFile: string | null;
  /** Preset ids or scenario files, the first being the baseline. */
  compare: string[];
  sensitivity: { from: number; to: number; step: number } | null;
}

export function scenarioDefaults(): ScenarioArgs {
  return { profileFile: null, compare: [], sensitivity: null };
}

export const SCENARIO_USAGE = `  --profile FILE.json          review under the agreement profile or scenario in FILE.json
                               (what the add-in copies out), instead of --agreement
  --compare ID|FILE ...        print the comparison of these presets and scenario files
                               (the first is the baseline) instead of the review summary;
                               values run to the next option or .xlsx file, or give ID,ID
  --sensitivity FROM:TO:STEP   print the amount owed per municipality from FROM to TO by STEP:
                               over the benchmark (average, hybrid) or the grace days
                               (individual) of the agreement reviewed under, with break-even`;

const OPTIONS = new Set(["--profile", "--compare", "--sensitivity"]);

export function isScenarioOption(name: string): boolean {
  return OPTIONS.has(name);
}

/**
 * Reads one scenario option at argv[i] into `args`; returns the index of the last argument it
 * used, or a usage message. `inline`: the value given as --name=value.
 */
export function takeScenarioOption(args: ScenarioArgs, name: string, inline: string | undefined, argv: readonly string[], i: number): number | string {
  if (name === "--compare") {
    const values = inline !== undefined ? [inline] : [];
    let j = i;
    while (inline === undefined && j + 1 < argv.length && !argv[j + 1].startsWith("-") && !/\.xls[xm]$/i.test(argv[j + 1])) values.push(argv[++j]);
    const items = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
    if (items.length === 0) return "--compare needs at least one preset id or scenario file";
    args.compare.push(...items);
    return j;
  }
  const value = inline ?? argv[i + 1];
  const next = inline !== undefined ? i : i + 1;
  if (value === undefined) return `${name} needs a value`;
  if (name === "--profile") {
    args.profileFile = value;
    return next;
  }
  const range = parseRange(value);
  if (!range) return `--sensitivity must be FROM:TO:STEP with numbers, FROM ≤ TO and STEP > 0 (e.g. 2:3.5:0.1), not "${value}"`;
  args.sensitivity = range;
  return next;
}

/** "2:3.5:0.1" (decimal comma accepted) → the range; null when malformed. */
export function parseRange(text: string): { from: number; to: number; step: number } | null {
  const parts = text.split(":").map((p) => p.trim().replace(",", "."));
  if (parts.length !== 3 || parts.some((p) => p === "")) return null;
  const [from, to, step] = parts.map(Number);
  if (![from, to, step].every(Number.isFinite) || from < 0 || to < from || step <= 0) return null;
  return { from, to, step };
}
