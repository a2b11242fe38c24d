/**
 * The --json output: exactly one object, stable key names for scripts that consume it.
 */
import { reasonRule, type AgreementProfile, type FigureColumns, type Finding, type GroupFigures, type ReviewResult, type Severity, type SheetSummary } from "../core";
import type { Lang } from "./args";
import type { DisputeSummary } from "./disputes";

export interface JsonContext {
  file: string;
  lang: Lang;
  /** Text filter applied to every string that may carry a person id (masking). */
  privacy: (text: string) => string;
  today: string;
  period: string | null;
  benchmarkOverride: number | null;
  markedCopy: string | null;
  /** Disputes applied (stored in the workbook, --disputes, --dispute-errors); null: none looked for. */
  disputes?: DisputeSummary | null;
}

/** The four figures side by side: as invoiced, recomputed, after disputes, if every error finding were upheld. */
export type SideBySideFields = Pick<
  FigureColumns,
  | "staysAfterDisputes"
  | "daysAfterDisputes"
  | "liableDaysAfterDisputes"
  | "amountAfterDisputes"
  | "staysIfErrorsUpheld"
  | "daysIfErrorsUpheld"
  | "liableDaysIfErrorsUpheld"
  | "amountIfErrorsUpheld"
  | "disputes"
>;

/** A group as printed: the core's figures without the row list (rows are in the findings), with the figures after disputes. */
export type JsonGroup = Omit<GroupFigures, "rows"> & Partial<SideBySideFields>;

export interface JsonDispute {
  key: string;
  sheet: string;
  /** The row the stay has now (found, changed), or where it was last seen (orphaned). */
  row: number;
  reason: string;
  reasonText: string;
  effect: "void" | "arithmetic";
  comment: string;
  by: string;
  at: string;
  stayId: string | null;
  personId: string | null;
}

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
  /** Present when disputes were looked for (always, unless none could be). */
  disputes?: {
    stored: number;
    fromList: number;
    fromErrors: number;
    applied: JsonDispute[];
    /** Key found but the stay's identifying fields changed: shown, not applied. */
    changed: JsonDispute[];
    /** Key no longer in the sheets: shown, never dropped. */
    orphaned: JsonDispute[];
    problems: string[];
    totals: FigureColumns;
  };
}


export function toJsonReport(result: ReviewResult, ctx: JsonContext): JsonReport {
  // Every string of the report goes through the mask at the end (privateStrings).
  const report: JsonReport = {
    file: ctx.file,
    today: ctx.today,
    period: ctx.period,
    agreement: result.profile,
    benchmarkOverride: ctx.benchmarkOverride,
    assumptions: result.assumptions.map((a) => a[ctx.lang]),
    sheets: result.sheets.map(jsonSheet),
    groups: result.figures.groups.map((g, i) => ({ ...jsonGroup(g), ...sideFields(ctx.disputes?.figures.groups[i]) })),
    totals: result.figures.totals,
    counts: result.counts,
    checksNotRun: result.checks.filter((c) => !c.ran).map((c) => ({ code: c.code, missingFields: [...c.missingFields] })),
    findings: result.findings.map((f) => jsonFinding(f, ctx.lang)),
    markedCopy: ctx.markedCopy,
    ...(ctx.disputes ? { disputes: disputesJson(ctx.disputes, ctx) } : {}),
  };
  return privateStrings(report, ctx.privacy);
}

export type JsonSheet = JsonReport["sheets"][number];

export function jsonSheet(s: SheetSummary): JsonSheet {
  return {
    name: s.name,
    headerRow: s.headerRow,
    rows: s.rows,
    mapping: s.mapping.map((m) => ({ field: m.field, column: m.letter, header: m.header, confidence: m.confidence, how: m.how })),
    missingFields: [...s.missingFields],
    unmappedHeaders: s.unmappedHeaders.map((u) => ({ column: u.letter, header: u.header })),
    skipped: s.skipped.map((k) => ({ ...k })),
    careType: s.careType,
  };
}

export function jsonGroup(g: GroupFigures): JsonGroup {
  return {
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
  };
}

export function jsonFinding(f: Finding, lang: Lang): JsonFinding {
  return {
    sheet: f.sheet,
    row: f.row,
    code: f.code,
    severity: f.severity,
    column: f.columns[0] ?? null,
    columns: f.columns,
    message: f.message[lang],
    ...(f.relatedRows?.length ? { relatedRows: f.relatedRows } : {}),
    ...(f.value !== undefined ? { value: f.value } : {}),
  };
}

export function sideFields(g: FigureColumns | undefined): Partial<SideBySideFields> {
  if (!g) return {};
  return {
    staysAfterDisputes: g.staysAfterDisputes,
    daysAfterDisputes: g.daysAfterDisputes,
    liableDaysAfterDisputes: g.liableDaysAfterDisputes,
    amountAfterDisputes: g.amountAfterDisputes,
    staysIfErrorsUpheld: g.staysIfErrorsUpheld,
    daysIfErrorsUpheld: g.daysIfErrorsUpheld,
    liableDaysIfErrorsUpheld: g.liableDaysIfErrorsUpheld,
    amountIfErrorsUpheld: g.amountIfErrorsUpheld,
    disputes: g.disputes,
  };
}

export function disputesJson(d: DisputeSummary, ctx: Pick<JsonContext, "lang" | "privacy">): NonNullable<JsonReport["disputes"]> {
  const one = (x: { key: string; sheet: string; row: number; reason: string; comment: string; by: string; at: string; stay: { stayId: string | null; personId: string | null } }, row: number): JsonDispute => {
    const rule = reasonRule(x.reason as Parameters<typeof reasonRule>[0]);
    return {
      key: ctx.privacy(x.key),
      sheet: x.sheet,
      row,
      reason: x.reason,
      reasonText: rule.label[ctx.lang],
      effect: rule.effect,
      comment: ctx.privacy(x.comment),
      by: x.by,
      at: x.at,
      stayId: x.stay.stayId === null ? null : ctx.privacy(x.stay.stayId),
      personId: x.stay.personId === null ? null : ctx.privacy(x.stay.personId),
    };
  };
  return {
    stored: d.counts.stored,
    fromList: d.counts.fromList,
    fromErrors: d.counts.fromErrors,
    applied: d.match.found.map((f) => one(f.dispute, f.stay.row)),
    changed: d.match.changed.map((f) => one(f.dispute, f.stay.row)),
    orphaned: d.match.orphaned.map((x) => one(x, x.row)),
    problems: d.problems.map((p) => ctx.privacy(p[ctx.lang])),
    totals: d.figures.totals,
  };
}

/** A copy of a JSON value with every string passed through `filter`: no field can slip past the mask. */
export function privateStrings<T>(value: T, filter: (text: string) => string): T {
  if (typeof value === "string") return filter(value) as T;
  if (Array.isArray(value)) return value.map((v) => privateStrings(v, filter)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = privateStrings(v, filter);
    return out as T;
  }
  return value;
}
