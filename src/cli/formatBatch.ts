/**
 * The output of a batch review (several files, or a folder): the text summary and the --json
 * object. One table of figures across all files; every finding names its file, sheet and row.
 */
import { findingTitle, type BatchFinding, type BatchResult, type FindingCode } from "../core";
import type { Lang } from "./args";
import type { BatchInputs } from "./batchInputs";
import type { DisputeSummary } from "./disputes";
import { disputesJson, jsonFinding, jsonGroup, jsonSheet, privateStrings, sideFields, type JsonFinding, type JsonGroup, type JsonReport, type JsonSheet } from "./formatJson";
import { figureTable, formatAgreement, formatDisputes } from "./formatSummary";

export interface BatchOutputContext {
  lang: Lang;
  privacy: (text: string) => string;
  revealed: boolean;
  today: string;
  period: string | null;
  benchmarkOverride: number | null;
  limit: number;
  inputs: BatchInputs;
  /** Per reviewed file, its marked copy when --out wrote one. */
  markedCopies: Map<string, string>;
  summaryWorkbook: string | null;
  /** Disputes saved in the workbooks, applied to the combined figures. */
  disputes: DisputeSummary;
}

const T = {
  sv: {
    title: (n: number, failed: number) => `Granskning av ${n} fakturaunderlag tillsammans${failed ? ` (${failed} till kunde inte granskas)` : ""}`,
    today: "Granskningsdag",
    assumptions: "Antaganden och tolkningar",
    files: "Filer",
    file: (rows: number, counted: number, elsewhere: number) =>
      `${rows} datarader, ${counted} ${counted === 1 ? "vistelse räknad" : "vistelser räknade"}${elsewhere ? `, ${elsewhere} ${elsewhere === 1 ? "räknad" : "räknade"} i en annan fil` : ""}`,
    skipped: "Överhoppade",
    failed: "Kunde inte granskas",
    figures: "Siffror per kommun, vårdform och period, alla filer",
    cross: (stays: number, dup: number, again: number, left: number) => `Samma vistelse i flera filer: ${stays} ${stays === 1 ? "vistelse" : "vistelser"}; ${dup} ${dup === 1 ? "dubbelfakturerad rad" : "dubbelfakturerade rader"}, ${again} ${again === 1 ? "omfakturerad" : "omfakturerade"} med andra uppgifter; ${left} ${left === 1 ? "rad" : "rader"} räknas i en annan fil`,
    findings: "Avvikelser",
    none: "Inga avvikelser.",
    first: "Första",
    of: "av",
    reveal: "personnummer maskerade; visa med --reveal",
    copies: "Markerade kopior",
    summary: "Sammanställning skriven till",
    severity: { error: "fel", warning: "varning", info: "info" },
  },
  en: {
    title: (n: number, failed: number) => `Review of ${n} invoice bases together${failed ? ` (${failed} more could not be reviewed)` : ""}`,
    today: "Review date",
    assumptions: "Assumptions and readings",
    files: "Files",
    file: (rows: number, counted: number, elsewhere: number) => `${rows} data rows, ${counted} ${counted === 1 ? "stay" : "stays"} counted${elsewhere ? `, ${elsewhere} counted in another file` : ""}`,
    skipped: "Skipped",
    failed: "Could not be reviewed",
    figures: "Figures per municipality, care type and period, all files",
    cross: (stays: number, dup: number, again: number, left: number) => `The same stay in several files: ${stays} ${stays === 1 ? "stay" : "stays"}; ${dup} ${dup === 1 ? "row" : "rows"} invoiced twice, ${again} re-invoiced with other details; ${left} ${left === 1 ? "row" : "rows"} counted in another file`,
    findings: "Findings",
    none: "No findings.",
    first: "First",
    of: "of",
    reveal: "identity numbers masked; show them with --reveal",
    copies: "Marked copies",
    summary: "Summary written to",
    severity: { error: "error", warning: "warning", info: "info" },
  },
} as const;


/** "file: sheet!row B": where a finding is, its file first. */
export function findingPlace(f: BatchFinding): string {
  if (f.file === "") return "–";
  return `${f.file}: ${f.sheet}!${f.row ?? "–"}${f.columns.length ? ` ${f.columns.join(",")}` : ""}`;
}

export function formatBatchSummary(batch: BatchResult, ctx: BatchOutputContext): string {
  const t = T[ctx.lang];
  const lang = ctx.lang;
  const out: string[] = [];
  out.push(t.title(batch.files.length, batch.failed.length));
  out.push(`${t.today}: ${ctx.today}`);
  out.push("");
  out.push(...formatAgreement(batch.profile, lang));
  out.push("");
  out.push(`${t.assumptions}:`);
  for (const a of batch.assumptions) out.push(`  - ${a[lang]}`);
  out.push("");

  out.push(`${t.files}:`);
  for (const f of batch.files) {
    const rows = f.sheets.reduce((n, s) => n + s.rows, 0);
    const sev = f.counts.bySeverity;
    out.push(`  ${f.file}: ${f.sheets.map((s) => s.name).join(", ")}; ${t.file(rows, f.staysCounted, f.staysCountedElsewhere)}; ${t.severity.error} ${sev.error}, ${t.severity.warning} ${sev.warning}, ${t.severity.info} ${sev.info}`);
  }
  if (ctx.inputs.skipped.length) {
    out.push(`${t.skipped}:`);
    for (const s of ctx.inputs.skipped) out.push(`  ${s.file}: ${s.why[lang]}`);
  }
  if (batch.failed.length) {
    out.push(`${t.failed}:`);
    for (const f of batch.failed) out.push(`  ${f.file}: ${f.message[lang]}`);
  }
  out.push("");

  out.push(`${t.figures}:`, ...figureTable(batch.figures, lang));
  out.push("");
  const c = batch.crossFile;
  out.push(t.cross(c.stays, c.duplicates, c.reinvoiced, c.rowsLeftOut));
  out.push("");
  // As for one file: the figures after the disputes saved in the workbooks, when there are any.
  if (ctx.disputes.counts.stored > 0 || ctx.disputes.problems.length > 0) out.push(...formatDisputes(ctx.disputes, ctx), "");

  const sev = batch.counts.bySeverity;
  out.push(`${t.findings}: ${batch.findings.length} (${t.severity.error} ${sev.error}, ${t.severity.warning} ${sev.warning}, ${t.severity.info} ${sev.info})`);
  if (batch.findings.length === 0) out.push(`  ${t.none}`);
  const byCode = Object.entries(batch.counts.byCode).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0) || (a[0] < b[0] ? -1 : 1));
  for (const [code, n] of byCode) out.push(`  ${code.padEnd(24)} ${String(n).padStart(6)}  ${findingTitle(code as FindingCode)[lang]}`);
  // The cross-file findings first: they are what only a batch review finds.
  const ordered = [...batch.findings.filter(isCrossFile), ...batch.findings.filter((f) => !isCrossFile(f))];
  const shown = ctx.limit === 0 ? ordered : ordered.slice(0, ctx.limit);
  if (shown.length) {
    out.push("");
    out.push(`${t.first} ${shown.length} ${t.of} ${batch.findings.length}${ctx.revealed ? "" : ` (${t.reveal})`}:`);
    for (const f of shown) out.push(`  ${findingPlace(f)}  [${t.severity[f.severity]}] ${f.code}: ${f.message[lang]}`);
  }
  if (ctx.markedCopies.size) {
    out.push("");
    out.push(`${t.copies}:`);
    for (const [file, copy] of ctx.markedCopies) out.push(`  ${file} → ${copy}`);
  }
  if (ctx.summaryWorkbook) out.push(`${t.summary} ${ctx.summaryWorkbook}`);
  return ctx.privacy(out.join("\n") + "\n");
}

function isCrossFile(f: BatchFinding): boolean {
  return f.code === "CROSS_FILE_DUPLICATE" || f.code === "CROSS_FILE_REINVOICED";
}

export interface JsonBatchFinding extends JsonFinding {
  /** The file of the row; "" for a finding about the combined figures. */
  file: string;
  /** The same stay's rows in the other files (cross-file findings). */
  related?: { file: string; sheet: string; row: number }[];
}

export interface JsonBatchReport {
  /** Always true: tells this shape from a single file's. */
  batch: true;
  today: string;
  period: string | null;
  agreement: JsonReport["agreement"];
  benchmarkOverride: number | null;
  assumptions: string[];
  files: {
    file: string;
    sheets: JsonSheet[];
    staysCounted: number;
    staysCountedElsewhere: number;
    counts: BatchResult["counts"];
    markedCopy: string | null;
  }[];
  skipped: { file: string; reason: string }[];
  /** Files that could not be reviewed, each with one line saying why. */
  failed: { file: string; message: string }[];
  /** Across all files: a municipality × care type × period is one group. */
  /** With the figures after disputes (the single file's side-by-side fields); rows are in the findings, as for one file. */
  groups: JsonGroup[];
  totals: BatchResult["figures"]["totals"];
  counts: BatchResult["counts"];
  crossFile: BatchResult["crossFile"];
  findings: JsonBatchFinding[];
  summaryWorkbook: string | null;
  /** As for one file; a dispute's sheet is `[file]sheet`. */
  disputes: NonNullable<JsonReport["disputes"]>;
}

export function toBatchJson(batch: BatchResult, ctx: BatchOutputContext): JsonBatchReport {
  const lang = ctx.lang;
  const report: JsonBatchReport = {
    batch: true,
    today: ctx.today,
    period: ctx.period,
    agreement: batch.profile,
    benchmarkOverride: ctx.benchmarkOverride,
    assumptions: batch.assumptions.map((a) => a[lang]),
    files: batch.files.map((f) => ({
      file: f.file,
      sheets: f.sheets.map(jsonSheet),
      staysCounted: f.staysCounted,
      staysCountedElsewhere: f.staysCountedElsewhere,
      counts: f.counts,
      markedCopy: ctx.markedCopies.get(f.file) ?? null,
    })),
    skipped: ctx.inputs.skipped.map((s) => ({ file: s.file, reason: s.why[lang] })),
    failed: batch.failed.map((f) => ({ file: f.file, message: f.message[lang] })),
    groups: batch.figures.groups.map((g, i) => ({ ...jsonGroup(g), ...sideFields(ctx.disputes.figures.groups[i]) })),
    totals: batch.figures.totals,
    counts: batch.counts,
    crossFile: batch.crossFile,
    findings: batch.findings.map((f) => ({
      file: f.file,
      ...jsonFinding(f, lang),
      ...(f.related?.length ? { related: f.related.map((p) => ({ ...p })) } : {}),
    })),
    summaryWorkbook: ctx.summaryWorkbook,
    disputes: disputesJson(ctx.disputes, ctx),
  };
  return privateStrings(report, ctx.privacy);
}

