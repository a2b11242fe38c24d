/**
 * The human-readable summary of `npm run review`: agreement and assumptions, sheets and their
 * column mapping, the figures per municipality × care type × period, and the findings.
 */
import { describeRules, FIELD_LABELS, FIGURE_LABELS, cappedList, findingTitle, formatFixed, reasonRule, shortText, type AgreementProfile, type CareType, type FigureColumn, type FigureColumns, type FindingCode, type ReviewResult } from "../core";
import type { Lang } from "./args";
import type { DisputeSummary } from "./disputes";

export interface SummaryContext {
  file: string;
  usingSample: boolean;
  lang: Lang;
  privacy: (text: string) => string;
  revealed: boolean;
  today: string;
  limit: number;
  markedCopy: string | null;
  disputes?: DisputeSummary | null;
}

/** The summary table's columns; their names come from the core, as in every other host. */
const SUMMARY_COLUMNS: readonly FigureColumn[] = ["municipality", "careType", "period", "stays", "days", "average", "benchmark", "liableDays", "amount", "invoicedAmount", "difference"];

const T = {
  sv: {
    title: "Granskning av fakturaunderlag",
    sample: "(exempelfil med syntetiska personnummer)",
    today: "Granskningsdag",
    agreement: "Överenskommelse",
    source: "Källa",
    assumptions: "Antaganden och tolkningar",
    sheets: "Blad",
    headerRow: "rubrikrad",
    rows: "datarader",
    missing: "saknade fält",
    unmapped: "okända kolumner",
    skipped: "överhoppade rader",
    figures: "Siffror per kommun, vårdform och period",
    leftOut: (rows: number, amount: string) => `Utanför beräkningen: ${rows} ${rows === 1 ? "rad" : "rader"} med fakturerade uppgifter, fakturerat ${amount} kr (ingår i Fakturerat och Differens)`,
    head: SUMMARY_COLUMNS.map((c) => FIGURE_LABELS[c].sv),
    total: "Totalt",
    notRun: "Kontroller som inte kunde köras (kolumn saknas)",
    findings: "Avvikelser",
    none: "Inga avvikelser.",
    first: "Första",
    of: "av",
    reveal: "personnummer maskerade; visa med --reveal",
    markedCopy: "Markerad kopia skriven till",
    somatic: "somatik",
    psychiatric: "psykiatri",
    severity: { error: "fel", warning: "varning", info: "info" },
    blank: "tomma",
    "repeated-header": "upprepad rubrik",
    totalRow: "summarad",
    disputes: "Bestridanden",
    disputeCounts: (s: number, l: number, e: number) => `${s} sparade i arbetsboken, ${l} från lista, ${e} från fel`,
    disputeMatch: (a: number, c: number, o: number) => `${a} tillämpade, ${c} ändrade (visas, tillämpas inte), ${o} vars vistelse saknas`,
    sideBySide: "Siffror sida vid sida: fakturerat, beräknat, efter bestridanden, om alla fel godtas",
    sideHead: ["Kommun", "Vårdform", "Period", "Fakt. dagar", "Fakturerat", "Ansv.dagar", "Belopp", "Ansv.dagar efter", "Belopp efter", "Ansv.dagar om fel", "Belopp om fel", "Bestridna"],
    changed: "ändrad sedan bestridandet, tillämpas inte",
    orphaned: "vistelsen finns inte längre i bladen",
    rules: "Skälens verkan",
  },
  en: {
    title: "Review of invoice basis",
    sample: "(sample file with synthetic identity numbers)",
    today: "Review date",
    agreement: "Agreement",
    source: "Source",
    assumptions: "Assumptions and readings",
    sheets: "Sheets",
    headerRow: "header row",
    rows: "data rows",
    missing: "missing fields",
    unmapped: "unknown columns",
    skipped: "skipped rows",
    figures: "Figures per municipality, care type and period",
    leftOut: (rows: number, amount: string) => `Left out of the figures: ${rows} ${rows === 1 ? "row" : "rows"} stating invoiced figures, invoiced ${amount} SEK (in Invoiced and Difference)`,
    head: SUMMARY_COLUMNS.map((c) => FIGURE_LABELS[c].en),
    total: "Total",
    notRun: "Checks that could not run (column missing)",
    findings: "Findings",
    none: "No findings.",
    first: "First",
    of: "of",
    reveal: "identity numbers masked; show them with --reveal",
    markedCopy: "Marked copy written to",
    somatic: "somatic",
    psychiatric: "psychiatric",
    severity: { error: "error", warning: "warning", info: "info" },
    blank: "blank",
    "repeated-header": "repeated header",
    totalRow: "total",
    disputes: "Disputes",
    disputeCounts: (s: number, l: number, e: number) => `${s} stored in the workbook, ${l} from a list, ${e} from errors`,
    disputeMatch: (a: number, c: number, o: number) => `${a} applied, ${c} changed (shown, not applied), ${o} whose stay is gone`,
    sideBySide: "Figures side by side: invoiced, recomputed, after disputes, if every error were upheld",
    sideHead: ["Municipality", "Care type", "Period", "Inv. days", "Invoiced", "Liable days", "Amount", "Liable after", "Amount after", "Liable if errors", "Amount if errors", "Disputed"],
    changed: "changed since disputed, not applied",
    orphaned: "the stay is no longer in the sheets",
    rules: "What each reason does",
  },
} as const;

export function formatNumber(n: number | null, decimals: number, lang: Lang): string {
  return n === null ? "–" : formatFixed(n, decimals, lang);
}

/** Left-aligns text columns and right-aligns numeric ones. */
export function table(head: readonly string[], rows: string[][], numericFrom: number): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i >= numericFrom ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

/** The figures per group and their total as indented table lines, and the rows left out of them. */
export function figureTable(fig: Pick<ReviewResult["figures"], "groups" | "totals">, lang: Lang): string[] {
  const t = T[lang];
  const rows = fig.groups.map((g) => [
    g.municipality,
    careLabel(g.careType, lang),
    g.period,
    String(g.stays),
    String(g.days),
    formatNumber(g.average, 2, lang),
    formatNumber(g.benchmark, 2, lang),
    formatNumber(g.liableDays, 2, lang),
    formatNumber(g.amount, 0, lang),
    formatNumber(g.invoicedAmount, 0, lang),
    formatNumber(g.difference, 0, lang),
  ]);
  rows.push([
    t.total, "", "", String(fig.totals.stays), String(fig.totals.days), "", "",
    formatNumber(fig.totals.liableDays, 2, lang),
    formatNumber(fig.totals.amount, 0, lang),
    formatNumber(fig.totals.invoicedAmount, 0, lang),
    formatNumber(fig.totals.difference, 0, lang),
  ]);
  const out = table(t.head, rows, 3).map((l) => `  ${l}`);
  const left = fig.totals.leftOut;
  if (left.rows > 0) out.push(`  ${t.leftOut(left.rows, formatNumber(left.invoicedAmount, 0, lang))}`);
  return out;
}

function careLabel(c: CareType, lang: Lang): string {
  return c === "somatic" ? T[lang].somatic : T[lang].psychiatric;
}

export function formatAgreement(profile: AgreementProfile, lang: Lang): string[] {
  const t = T[lang];
  return [
    `${t.agreement}: ${profile.name[lang]} (${profile.id})`,
    `  ${t.source}: ${profile.source}`,
    `  ${t.somatic}: ${describeRules(profile.somatic)[lang]}`,
    `  ${t.psychiatric}: ${describeRules(profile.psychiatric)[lang]}`,
  ];
}

export function formatSummary(result: ReviewResult, ctx: SummaryContext): string {
  const t = T[ctx.lang];
  const lang = ctx.lang;
  const out: string[] = [];
  out.push(`${t.title}: ${ctx.file}${ctx.usingSample ? ` ${t.sample}` : ""}`);
  out.push(`${t.today}: ${ctx.today}`);
  out.push("");
  out.push(...formatAgreement(result.profile, lang));
  out.push("");
  out.push(`${t.assumptions}:`);
  for (const a of result.assumptions) out.push(`  - ${a[lang]}`);
  out.push("");

  out.push(`${t.sheets}:`);
  for (const s of result.sheets) {
    out.push(`  ${s.name}: ${t.headerRow} ${s.headerRow ?? "–"}, ${s.rows} ${t.rows}`);
    out.push(`    ${s.mapping.map((m) => `${m.letter}=${FIELD_LABELS[m.field][lang]}${m.how === "exact" || m.how === "override" ? "" : ` (${m.how})`}`).join(", ")}`);
    if (s.missingFields.length) out.push(`    ${t.missing}: ${s.missingFields.map((f) => FIELD_LABELS[f][lang]).join(", ")}`);
    if (s.unmappedHeaders.length) out.push(`    ${t.unmapped}: ${cappedList(s.unmappedHeaders.map((u) => `${u.letter} "${shortText(u.header)[lang]}"`))[lang]}`);
    if (s.skipped.length) {
      const label = (r: string) => (r === "total" ? t.totalRow : r === "blank" ? t.blank : t["repeated-header"]);
      out.push(`    ${t.skipped}: ${s.skipped.map((k) => `${k.fromRow === k.toRow ? k.fromRow : `${k.fromRow}–${k.toRow}`} (${label(k.reason)})`).join(", ")}`);
    }
  }
  out.push("");

  out.push(`${t.figures}:`, ...figureTable(result.figures, lang));
  out.push("");

  if (ctx.disputes) out.push(...formatDisputes(ctx.disputes, ctx), "");

  const notRun = result.checks.filter((c) => !c.ran);
  if (notRun.length) {
    out.push(`${t.notRun}:`);
    for (const c of notRun) out.push(`  ${c.code} (${findingTitle(c.code)[lang]}): ${c.missingFields.map((f) => FIELD_LABELS[f][lang]).join(", ")}`);
    out.push("");
  }

  const sev = result.counts.bySeverity;
  out.push(`${t.findings}: ${result.findings.length} (${t.severity.error} ${sev.error}, ${t.severity.warning} ${sev.warning}, ${t.severity.info} ${sev.info})`);
  if (result.findings.length === 0) out.push(`  ${t.none}`);
  const byCode = Object.entries(result.counts.byCode).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0) || (a[0] < b[0] ? -1 : 1));
  for (const [code, n] of byCode) out.push(`  ${code.padEnd(24)} ${String(n).padStart(6)}  ${findingTitle(code as FindingCode)[lang]}`);
  const shown = ctx.limit === 0 ? result.findings : result.findings.slice(0, ctx.limit);
  if (shown.length) {
    out.push("");
    out.push(`${t.first} ${shown.length} ${t.of} ${result.findings.length}${ctx.revealed ? "" : ` (${t.reveal})`}:`);
    for (const f of shown) {
      const where = `${f.sheet}!${f.row ?? "–"}${f.columns.length ? ` ${f.columns.join(",")}` : ""}`;
      out.push(`  ${where}  [${t.severity[f.severity]}] ${f.code}: ${f.message[lang]}`);
    }
  }
  if (ctx.markedCopy) {
    out.push("");
    out.push(`${t.markedCopy} ${ctx.markedCopy}`);
  }
  // The whole text through the mask: group names, headers and sheet names may hold an id too.
  return ctx.privacy(out.join("\n") + "\n");
}

export function formatDisputes(d: DisputeSummary, ctx: Pick<SummaryContext, "lang" | "privacy">): string[] {
  const t = T[ctx.lang];
  const lang = ctx.lang;
  const out: string[] = [];
  const m = d.match;
  out.push(`${t.disputes}: ${t.disputeCounts(d.counts.stored, d.counts.fromList, d.counts.fromErrors)}; ${t.disputeMatch(m.found.length, m.changed.length, m.orphaned.length)}`);
  for (const p of d.problems) out.push(`  ! ${ctx.privacy(p[lang])}`);
  for (const c of m.changed) out.push(`  ${c.stay.sheet}!${c.stay.row} ${c.dispute.reason} (${c.dispute.by}, ${c.dispute.at}): ${t.changed}`);
  for (const o of m.orphaned) out.push(`  ${o.sheet}!${o.row} ${o.reason} (${o.by}, ${o.at}): ${t.orphaned}`);
  out.push("");
  out.push(`${t.sideBySide}:`);
  const line = (label: string[], g: FigureColumns) => [
    ...label,
    formatNumber(g.invoicedDays, 0, lang),
    formatNumber(g.invoicedAmount, 0, lang),
    formatNumber(g.liableDays, 2, lang),
    formatNumber(g.amount, 0, lang),
    formatNumber(g.liableDaysAfterDisputes, 2, lang),
    formatNumber(g.amountAfterDisputes, 0, lang),
    formatNumber(g.liableDaysIfErrorsUpheld, 2, lang),
    formatNumber(g.amountIfErrorsUpheld, 0, lang),
    String(g.disputes),
  ];
  const rows = d.figures.groups.map((g) => line([g.municipality, careLabel(g.careType, lang), g.period], g));
  rows.push(line([t.total, "", ""], d.figures.totals));
  out.push(...table(t.sideHead, rows, 3).map((l) => `  ${l}`));
  const used = [...new Set([...m.found, ...m.changed].map((f) => f.dispute.reason))];
  if (used.length) {
    out.push(`  ${t.rules}:`);
    for (const r of used) {
      const rule = reasonRule(r);
      out.push(`    ${r}: ${rule.why[lang]}`);
    }
  }
  return out;
}
