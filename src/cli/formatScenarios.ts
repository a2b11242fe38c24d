/**
 * The scenario output of `npm run review`: the comparison table (--compare) and the sensitivity
 * curve with break-even (--sensitivity), as text or as one JSON object. Municipality names and
 * figures only: no row, no identity number.
 */
import type { Comparison, ComparisonLine, SensitivityCurve } from "../core";
import type { Lang } from "./args";
import { formatNumber, table } from "./formatSummary";

const T = {
  sv: {
    comparison: "Jämförelse av scenarier (det första är utgångsläget)",
    scenario: "Scenario",
    municipality: "Kommun",
    total: "Totalt",
    days: "dagar",
    amount: "kr",
    diff: "diff",
    detail: "Per vårdform och period",
    care: { somatic: "somatik", psychiatric: "psykiatri" },
    curve: { benchmark: "Belopp per riktmärke", graceDays: "Belopp per antal karensdagar" },
    point: { benchmark: "Riktmärke", graceDays: "Karensdagar" },
    breakEven: { benchmark: "Brytpunkt: riktmärket där inget mer betalas", graceDays: "Brytpunkt: karensdagarna där inget mer betalas" },
    period: "Period",
    careType: "Vårdform",
    value: "Värde",
    whatever: "betalas ändå (kr)",
    reference: "Riksgenomsnitt",
    findings: "Att åtgärda",
  },
  en: {
    comparison: "Scenarios compared (the first is the baseline)",
    scenario: "Scenario",
    municipality: "Municipality",
    total: "Total",
    days: "days",
    amount: "SEK",
    diff: "diff",
    detail: "Per care type and period",
    care: { somatic: "somatic", psychiatric: "psychiatric" },
    curve: { benchmark: "Amount by benchmark", graceDays: "Amount by grace days" },
    point: { benchmark: "Benchmark", graceDays: "Grace days" },
    breakEven: { benchmark: "Break-even: the benchmark from which nothing more is owed", graceDays: "Break-even: the grace days from which nothing more is owed" },
    period: "Period",
    careType: "Care type",
    value: "Value",
    whatever: "owed anyway (SEK)",
    reference: "National average",
    findings: "To resolve",
  },
} as const;

export function formatComparison(c: Comparison, lang: Lang): string[] {
  const t = T[lang];
  const out: string[] = [t.comparison, ""];
  c.scenarios.forEach((s, k) => out.push(`  ${k + 1}. ${s.id}: ${s.name[lang]}`));
  out.push("");
  const head: string[] = [t.municipality];
  c.scenarios.forEach((_, k) => {
    head.push(`${k + 1} ${t.days}`, `${k + 1} ${t.amount}`);
    if (k > 0) head.push(`${k + 1} ${t.diff} ${t.amount}`);
  });
  const row = (label: string, l: ComparisonLine) => {
    const cells = [label];
    l.values.forEach((v, k) => {
      cells.push(v === null ? "" : formatNumber(v.liableDays, 2, lang), v === null ? "" : formatNumber(v.amount, 0, lang));
      if (k > 0) cells.push(l.differences[k] === null ? "" : signed(formatNumber(l.differences[k]!.amount, 0, lang)));
    });
    return cells;
  };
  const rows = c.municipalities.map((l) => row(l.municipality, l));
  rows.push(row(t.total, c.totals));
  out.push(...table(head, rows, 1).map((l) => `  ${l}`), "", `${t.detail}:`);
  const detailRows = c.detail.map((l) => row(`${l.municipality} ${t.care[l.careType!]} ${l.period}`, l));
  out.push(...table(head, detailRows, 1).map((l) => `  ${l}`));
  const problems = [...new Set(c.findings.flatMap((f, k) => f.map((x) => `${k + 1}. ${x.message[lang]}`))), ...c.notes.map((n) => n[lang])];
  if (problems.length) out.push("", `${t.findings}:`, ...problems.map((p) => `  - ${p}`));
  return out;
}

export function formatCurve(c: SensitivityCurve, lang: Lang): string[] {
  const t = T[lang];
  const decimals = c.variable === "graceDays" ? 0 : Math.min(6, Math.max(1, ...c.points.map(decimalsOf)));
  const out: string[] = [`${t.curve[c.variable]} (${t.amount}):`, ""];
  const head = [t.point[c.variable], ...c.municipalities.map((m) => m.municipality), t.total];
  const rows = c.points.map((p, k) => [formatNumber(p, decimals, lang), ...c.municipalities.map((m) => formatNumber(m.amounts[k], 0, lang)), formatNumber(c.total.amounts[k], 0, lang)]);
  out.push(...table(head, rows, 0).map((l) => `  ${l}`));
  out.push("", `${t.breakEven[c.variable]}:`);
  const beRows = c.breakEven.map((b) => [b.municipality, t.care[b.careType], b.period, formatNumber(b.value, c.variable === "graceDays" ? 0 : 2, lang), formatNumber(b.owedWhatever.amount, 0, lang)]);
  out.push(...table([t.municipality, t.careType, t.period, t.value, t.whatever], beRows, 3).map((l) => `  ${l}`));
  for (const r of c.references) {
    const value = r.value === null ? "–" : formatNumber(r.value, 1, lang);
    out.push("", `${t.reference} ${t.care[r.careType]} ${r.year}: ${value}${r.fromPeriod && r.fromPeriod !== String(r.year) ? ` (${r.fromPeriod})` : ""}${r.source ? `, ${r.source}` : ""}`);
    for (const n of r.notes) out.push(`  - ${n[lang]}`);
  }
  return out;
}

function signed(text: string): string {
  return text !== "–" && !text.startsWith("-") && text !== "0" ? `+${text}` : text;
}

function decimalsOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}
