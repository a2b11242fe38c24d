/**
 * The --json output: exactly one object, stable key names for scripts that consume it.
 */
import type { AgreementProfile, Bilingual, GroupFigures, ReviewResult, Severity, SheetSummary } from "../core";
import type { Lang } from "./args";

export interface JsonContext {
  file: string;
  lang: Lang;
  /** Text filter applied to every string that may carry a person id (masking). */
  privacy: (text: string) => string;
  today: string;
  period: string | null;
  benchmarkOverride: number | null;
  markedCopy: string | null;
}

/** A group as printed: the core's figures without the row list (rows are in the findings). */
export type JsonGroup = Omit<GroupFigures, "rows">;

export interface JsonFinding {
  sheet: string;
  row: number | null;
  code: string;
  severity: Severity;
  /** The main column letter, null for a group- or sheet-level finding. */
  column: string | null;
  columns: string[];
  message: string;
  relatedRows?: number[];
  value?: string;
}

export interface JsonReport {
  file: string;
  today: string;
  period: string | null;
  agreement: AgreementProfile;
  benchmarkOverride: number | null;
  assumptions: string[];
  sheets: {
    name: string;
    headerRow: number | null;
    rows: number;
    mapping: { field: string; column: string; header: string; confidence: number; how: string }[];
    missingFields: string[];
    unmappedHeaders: { column: string; header: string }[];
    skipped: { fromRow: number; toRow: number; reason: string }[];
    careType: SheetSummary["careType"];
  }[];
  groups: JsonGroup[];
  totals: ReviewResult["figures"]["totals"];
  counts: ReviewResult["counts"];
  checksNotRun: { code: string; missingFields: string[] }[];
  findings: JsonFinding[];
  markedCopy: string | null;
}


export function toJsonReport(result: ReviewResult, ctx: JsonContext): JsonReport {
  // Every string of the report goes through the mask at the end (privateStrings).
  const say = (b: Bilingual) => b[ctx.lang];
  const report: JsonReport = {
    file: ctx.file,
    today: ctx.today,
    period: ctx.period,
    agreement: result.profile,
    benchmarkOverride: ctx.benchmarkOverride,
    assumptions: result.assumptions.map((a) => a[ctx.lang]),
    sheets: result.sheets.map((s) => ({
      name: s.name,
      headerRow: s.headerRow,
      rows: s.rows,
      mapping: s.mapping.map((m) => ({ field: m.field, column: m.letter, header: m.header, confidence: m.confidence, how: m.how })),
      missingFields: [...s.missingFields],
      unmappedHeaders: s.unmappedHeaders.map((u) => ({ column: u.letter, header: u.header })),
      skipped: s.skipped.map((k) => ({ ...k })),
      careType: s.careType,
    })),
    groups: result.figures.groups.map((g) => ({
      municipality: g.municipality,
      careType: g.careType,
      period: g.period,
      stays: g.stays,
      zeroDayStays: g.zeroDayStays,
      days: g.days,
      average: g.average,
      benchmark: g.benchmark,
      longStays: g.longStays,
      liableDays: g.liableDays,
      amount: g.amount,
      invoicedDays: g.invoicedDays,
      invoicedBilledDays: g.invoicedBilledDays,
      invoicedAmount: g.invoicedAmount,
      difference: g.difference,
      rowsWithErrors: g.rowsWithErrors,
    })),
    totals: result.figures.totals,
    counts: result.counts,
    checksNotRun: result.checks.filter((c) => !c.ran).map((c) => ({ code: c.code, missingFields: [...c.missingFields] })),
    findings: result.findings.map((f) => ({
      sheet: f.sheet,
      row: f.row,
      code: f.code,
      severity: f.severity,
      column: f.columns[0] ?? null,
      columns: f.columns,
      message: say(f.message),
      ...(f.relatedRows?.length ? { relatedRows: f.relatedRows } : {}),
      ...(f.value !== undefined ? { value: f.value } : {}),
    })),
    markedCopy: ctx.markedCopy,
  };
  return privateStrings(report, ctx.privacy);
}

/** A copy of a JSON value with every string passed through `filter`: no field can slip past the mask. */
function privateStrings<T>(value: T, filter: (text: string) => string): T {
  if (typeof value === "string") return filter(value) as T;
  if (Array.isArray(value)) return value.map((v) => privateStrings(v, filter)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = privateStrings(v, filter);
    return out as T;
  }
  return value;
}
