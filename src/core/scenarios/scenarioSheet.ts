/**
 * The scenario sheet as data (a SheetSpec): the comparison per municipality (amounts under each
 * scenario, the difference against the baseline, liable days, a totals row), the break-even per
 * municipality under each scenario, and the baseline's sensitivity curve, with a line chart of
 * the curve and a column chart of the scenarios side by side. The notes name every scenario's
 * rules in words, the national average with its source, and the 0-day caveat where a scenario's
 * average counts 0-day stays. Both hosts render it (Excel through Office.js, the headless
 * command into its copy); municipality and scenario names pass through privateText.
 */
import { NATIONAL_AVERAGE_NOTE } from "../agreements/nationalAverages";
import { describeRules } from "../agreements/describeRules";
import type { AgreementProfile } from "../agreements/profileSchema";
import { privateText } from "../cells/mask";
import { formatFixed } from "../cells/numberText";
import type { FigureBasis } from "../figures/figureBasis";
import { CARE_TYPE_LABELS, TOTAL_LABEL } from "../figures/figureLabels";
import type { CareType } from "../model";
import type { SheetSpec, SpecCell, SpecColumn, SpecTable } from "../sheets/sheetSpec";
import { compareScenarios, type Comparison, type CompareOptions } from "./compare";
import { sensitivityCurve, type SensitivityCurve } from "./sensitivity";

type Lang = "sv" | "en";

/** One name in both languages, like the result sheet "Granskning": a language switch still replaces it. */
export const SCENARIO_SHEET_NAME = "Scenarier";
export const SCENARIO_SHEET_TITLES = {
  sv: "Scenarier – belopp per kommun under varje scenario",
  en: "Scenarios – amounts per municipality under each scenario",
} as const;
/** Excel table names: unique in a workbook, so prefixed with the sheet's purpose. */
export const SCENARIO_TABLES = { comparison: "ScenarioJamforelse", breakEven: "ScenarioBrytpunkt", detail: "ScenarioDetalj", sensitivity: "ScenarioKanslighet" } as const;

export interface ScenarioSheetInput {
  comparison: Comparison;
  /** The profiles compared, in the comparison's order (the baseline first). */
  profiles: readonly AgreementProfile[];
  /** The baseline's curve; null leaves the sensitivity table and its chart out. */
  sensitivity: SensitivityCurve | null;
  /** Per scenario (comparison order): municipality → break-even benchmark (or grace days). */
  breakEven: readonly ReadonlyMap<string, number>[];
  lang: Lang;
  /** Show identity numbers that a badly filled municipality cell holds (the user asked to). */
  reveal?: boolean;
}

const WORDS = {
  sv: {
    municipality: "Kommun",
    amount: (name: string) => `${name}, belopp`,
    difference: (name: string) => `${name}, skillnad`,
    days: (name: string) => `${name}, ansvarsdagar`,
    comparison: "Jämförelse per kommun: belopp (kr) och ansvarsdagar under varje scenario; skillnad = scenariot − utgångsläget",
    detail: "Per kommun, vårdform och period: belopp (kr) under varje scenario; tomt där perioden inte finns under scenariots regler",
    careType: "Vårdform",
    period: "Period",
    breakEven: "Brytpunkt per kommun: riktmärket (eller karensdagarna vid regel per vistelse) från vilket kommunen inte betalar något mer",
    breakEvenColumn: (name: string, grace: boolean) => `${name} (${grace ? "karensdagar" : "riktmärke"})`,
    sensitivity: (name: string, grace: boolean) => `Känslighet: belopp (kr) per kommun mot ${grace ? "karensdagarna" : "riktmärket"}, under utgångsläget ${name}`,
    benchmark: "Riktmärke",
    graceDays: "Karensdagar",
    lineChart: (grace: boolean) => `Belopp mot ${grace ? "karensdagarna" : "riktmärket"}`,
    columnChart: "Belopp per kommun och scenario",
    baseline: (name: string) => `Utgångsläge: ${name}. Skillnad = scenariot − utgångsläget.`,
    rules: (name: string, text: string) => `${name}: ${text}`,
    care: (care: CareType, text: string) => `${CARE_TYPE_LABELS[care].sv.toLowerCase()}: ${text}`,
    reference: (care: CareType, year: number, value: string, from: string, source: string) =>
      `Riksgenomsnitt ${CARE_TYPE_LABELS[care].sv.toLowerCase()} ${year}: ${value} dagar (siffran för ${from}; källa: ${source}).`,
    zeroDays: (names: string) => `Räknar 0-dagsvistelser i snittet: ${names}.`,
    unknown: (name: string, message: string) => `Belopp saknas under ${name}: ${message}`,
    noTotal: "Kolumner där något belopp saknas har ingen summa.",
  },
  en: {
    municipality: "Municipality",
    amount: (name: string) => `${name}, amount`,
    difference: (name: string) => `${name}, difference`,
    days: (name: string) => `${name}, liable days`,
    comparison: "Comparison per municipality: amount (SEK) and liable days under each scenario; difference = the scenario − the baseline",
    detail: "Per municipality, care type and period: amount (SEK) under each scenario; blank where the period does not exist under the scenario's rules",
    careType: "Care type",
    period: "Period",
    breakEven: "Break-even per municipality: the benchmark (or the grace days, under a per-stay rule) from which the municipality owes nothing more",
    breakEvenColumn: (name: string, grace: boolean) => `${name} (${grace ? "grace days" : "benchmark"})`,
    sensitivity: (name: string, grace: boolean) => `Sensitivity: amount (SEK) per municipality against the ${grace ? "grace days" : "benchmark"}, under the baseline ${name}`,
    benchmark: "Benchmark",
    graceDays: "Grace days",
    lineChart: (grace: boolean) => `Amount against the ${grace ? "grace days" : "benchmark"}`,
    columnChart: "Amount per municipality and scenario",
    baseline: (name: string) => `Baseline: ${name}. Difference = the scenario − the baseline.`,
    rules: (name: string, text: string) => `${name}: ${text}`,
    care: (care: CareType, text: string) => `${CARE_TYPE_LABELS[care].en.toLowerCase()}: ${text}`,
    reference: (care: CareType, year: number, value: string, from: string, source: string) =>
      `National average, ${CARE_TYPE_LABELS[care].en.toLowerCase()} ${year}: ${value} days (the figure for ${from}; source: ${source}).`,
    zeroDays: (names: string) => `Counts 0-day stays in the average: ${names}.`,
    unknown: (name: string, message: string) => `Amounts missing under ${name}: ${message}`,
    noTotal: "Columns where an amount is missing have no total.",
  },
} as const;

/** The rule a scenario's break-even and curve move: the benchmark where any care type averages, else the grace days. */
export function movesGraceDays(profile: AgreementProfile): boolean {
  return profile.somatic.kind === "individual" && profile.psychiatric.kind === "individual";
}

export function scenarioSheetSpec(input: ScenarioSheetInput): SheetSpec {
  const { comparison, sensitivity, lang } = input;
  const w = WORDS[lang];
  const shown = (text: string) => privateText(text, input.reveal === true);
  const names = uniqueNames(comparison.scenarios.map((s) => shown(s.name[lang])));
  const tables: SpecTable[] = [comparisonTable(input, names, shown), breakEvenTable(input, names, shown)];
  // The detail only where it says more than the lines per municipality.
  if (comparison.detail.length > comparison.municipalities.length) tables.push(detailTable(input, names, shown));
  const charts: SheetSpec["charts"] = [];
  const curveTable = sensitivity ? sensitivityTable(sensitivity, names[0], lang, shown) : null;
  if (curveTable) tables.push(curveTable);
  // Each amount column (1..k) a series: the scenarios side by side per municipality.
  if (comparison.municipalities.length) {
    charts.push({ kind: "column", title: w.columnChart, table: SCENARIO_TABLES.comparison, category: 0, series: names.map((_, i) => 1 + i) });
  }
  if (sensitivity && curveTable && sensitivity.points.length) {
    const columns = curveTable.columns.length;
    charts.push({ kind: "line", title: w.lineChart(sensitivity.variable === "graceDays"), table: SCENARIO_TABLES.sensitivity, category: 0, series: range(1, columns) });
  }
  return {
    name: SCENARIO_SHEET_NAME,
    title: SCENARIO_SHEET_TITLES[lang],
    ownTitles: Object.values(SCENARIO_SHEET_TITLES),
    notes: notes(input, names),
    tables,
    charts,
  };
}

function comparisonTable(input: ScenarioSheetInput, names: string[], shown: (t: string) => string): SpecTable {
  const { comparison, lang } = input;
  const w = WORDS[lang];
  const k = names.length;
  const t = comparison.totals;
  // A column's total is Excel's sum of its cells: where an amount is unknown that sum would hide it.
  const amountKnown = (s: number) => t.values[s]?.amount != null;
  const differenceKnown = (s: number) => t.differences[s]?.amount != null;
  const columns: SpecColumn[] = [
    { title: w.municipality, format: "text" },
    ...names.map((n, s) => ({ title: w.amount(n), format: "kronor" as const, ...(amountKnown(s) ? { total: "sum" as const } : {}) })),
    ...names.slice(1).map((n, i) => ({ title: w.difference(n), format: "kronor" as const, ...(differenceKnown(i + 1) ? { total: "sum" as const } : {}) })),
    ...names.map((n) => ({ title: w.days(n), format: "decimal" as const, total: "sum" as const })),
  ];
  const rows = comparison.municipalities.map((line): SpecCell[] => [
    shown(line.municipality),
    ...range(0, k).map((s) => line.values[s]?.amount ?? null),
    ...range(1, k).map((s) => line.differences[s]?.amount ?? null),
    ...range(0, k).map((s) => line.values[s]?.liableDays ?? null),
  ]);
  return { name: SCENARIO_TABLES.comparison, caption: w.comparison, columns, rows, totalsLabel: TOTAL_LABEL[lang] };
}

function detailTable(input: ScenarioSheetInput, names: string[], shown: (t: string) => string): SpecTable {
  const { comparison, lang } = input;
  const w = WORDS[lang];
  const k = names.length;
  const t = comparison.totals;
  const columns: SpecColumn[] = [
    { title: w.municipality, format: "text" },
    { title: w.careType, format: "text" },
    { title: w.period, format: "text" },
    ...names.map((n, s) => ({ title: w.amount(n), format: "kronor" as const, ...(t.values[s]?.amount != null ? { total: "sum" as const } : {}) })),
    ...names.slice(1).map((n, i) => ({ title: w.difference(n), format: "kronor" as const, ...(t.differences[i + 1]?.amount != null ? { total: "sum" as const } : {}) })),
  ];
  const rows = comparison.detail.map((line): SpecCell[] => [
    shown(line.municipality),
    line.careType ? CARE_TYPE_LABELS[line.careType][lang] : "",
    shown(line.period ?? ""),
    ...range(0, k).map((s) => line.values[s]?.amount ?? null),
    ...range(1, k).map((s) => line.differences[s]?.amount ?? null),
  ]);
  return { name: SCENARIO_TABLES.detail, caption: w.detail, columns, rows, totalsLabel: TOTAL_LABEL[lang] };
}

function breakEvenTable(input: ScenarioSheetInput, names: string[], shown: (t: string) => string): SpecTable {
  const w = WORDS[input.lang];
  const columns: SpecColumn[] = [
    { title: w.municipality, format: "text" },
    ...names.map((n, s) => ({ title: w.breakEvenColumn(n, movesGraceDays(input.profiles[s])), format: "decimal" as const })),
  ];
  const rows = input.comparison.municipalities.map((line): SpecCell[] => [shown(line.municipality), ...names.map((_, s) => input.breakEven[s]?.get(line.municipality) ?? null)]);
  return { name: SCENARIO_TABLES.breakEven, caption: w.breakEven, columns, rows };
}

function sensitivityTable(curve: SensitivityCurve, baselineName: string, lang: Lang, shown: (t: string) => string): SpecTable {
  const w = WORDS[lang];
  const grace = curve.variable === "graceDays";
  const titles = uniqueNames([grace ? w.graceDays : w.benchmark, ...curve.municipalities.map((m) => shown(m.municipality)), TOTAL_LABEL[lang]]);
  const columns: SpecColumn[] = titles.map((title, i) => ({ title, format: i === 0 ? (grace ? "integer" : "decimal") : "kronor" }));
  const rows = curve.points.map((point, p): SpecCell[] => [point, ...curve.municipalities.map((m) => m.amounts[p]), curve.total.amounts[p]]);
  return { name: SCENARIO_TABLES.sensitivity, caption: w.sensitivity(baselineName, grace), columns, rows };
}

function notes(input: ScenarioSheetInput, names: string[]): string[] {
  const { comparison, profiles, sensitivity, lang } = input;
  const w = WORDS[lang];
  const lines = [w.baseline(names[0])];
  profiles.forEach((p, s) => {
    const somatic = describeRules(p.somatic)[lang];
    const psychiatric = describeRules(p.psychiatric)[lang];
    lines.push(w.rules(names[s], somatic === psychiatric ? somatic : `${w.care("somatic", somatic)}; ${w.care("psychiatric", psychiatric)}`));
  });
  for (const r of sensitivity?.references ?? []) {
    if (r.value !== null && r.fromPeriod !== null) lines.push(w.reference(r.careType, r.year, formatFixed(r.value, 1, lang), r.fromPeriod, r.source ?? ""));
    for (const n of r.notes) if (n !== NATIONAL_AVERAGE_NOTE) lines.push(n[lang]);
  }
  // The caveat wherever a scenario's average counts 0-day stays, naming those scenarios.
  const zeroDays = profiles.map((p, s) => ([p.somatic, p.psychiatric].some((r) => r.kind !== "individual" && r.zeroDays) ? names[s] : null)).filter((n): n is string => n !== null);
  if (zeroDays.length) lines.push(`${w.zeroDays(zeroDays.join(", "))} ${NATIONAL_AVERAGE_NOTE[lang]}`);
  for (const n of comparison.notes) lines.push(n[lang]);
  let unknown = false;
  comparison.findings.forEach((found, s) => {
    const messages = [...new Set(found.map((f) => f.message[lang]))];
    if (messages.length) unknown = true;
    if (messages.length) lines.push(w.unknown(names[s], messages.slice(0, 3).join(" ") + (messages.length > 3 ? " …" : "")));
  });
  if (unknown) lines.push(w.noTotal);
  return lines;
}

/** Names as column titles: a repeated one gets " (2)", " (3)" … (Excel table columns must differ). */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let n = name.trim() === "" ? "–" : name;
    for (let i = 2; seen.has(n.toLowerCase()); i++) n = `${name} (${i})`;
    seen.add(n.toLowerCase());
    return n;
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

// ---------------------------------------------------------------------------------------------
// From the basis: what a host calls to get the whole sheet

/** The benchmark (or grace days) from which each municipality owes nothing more under a profile. */
export function municipalityBreakEvens(basis: FigureBasis, profile: AgreementProfile, options: CompareOptions = {}): Map<string, number> {
  const averaged = [profile.somatic, profile.psychiatric].find((r) => r.kind !== "individual");
  const at = averaged ? (averaged.benchmark ?? 0) : profile.somatic.graceDays;
  const curve = sensitivityCurve(basis, profile, { from: at, to: at, step: 1, excludeRows: options.excludeRows });
  return new Map(curve.ok ? curve.curve.municipalityBreakEven.map((b) => [b.municipality, b.value]) : []);
}

/**
 * The curve's range on the sheet: benchmarks 0.0 to past the baseline's benchmark and 3.0 (at
 * least twice the benchmark, in steps of 0.1), or grace days 0 to 10.
 */
export function scenarioSheetRange(profile: AgreementProfile): { from: number; to: number; step: number } {
  if (movesGraceDays(profile)) return { from: 0, to: Math.max(10, profile.somatic.graceDays * 2), step: 1 };
  const benchmark = Math.max(profile.somatic.benchmark ?? 0, profile.psychiatric.benchmark ?? 0);
  return { from: 0, to: Math.max(3, Math.ceil(benchmark * 2)), step: 0.1 };
}

/** The scenario sheet straight from the basis: comparison, break-evens and the baseline's curve. */
export function scenarioSheetFromBasis(
  basis: FigureBasis,
  profiles: readonly AgreementProfile[],
  lang: Lang,
  options: CompareOptions & { reveal?: boolean; range?: { from: number; to: number; step: number } } = {},
): SheetSpec {
  const comparison = compareScenarios(basis, profiles, options);
  const breakEven = profiles.map((p) => municipalityBreakEvens(basis, p, options));
  const curve = sensitivityCurve(basis, profiles[0], { ...(options.range ?? scenarioSheetRange(profiles[0])), excludeRows: options.excludeRows });
  return scenarioSheetSpec({ comparison, profiles, sensitivity: curve.ok ? curve.curve : null, breakEven, lang, reveal: options.reveal });
}
