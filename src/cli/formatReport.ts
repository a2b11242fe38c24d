/**
 * A follow-up report (a SheetSpec from the core) as text for the terminal: the title, the
 * notes, each table with its caption, aligned columns and its totals row, and the charts the
 * sheet would carry. Numbers are written as the sheet's formats show them, in the user's language.
 */
import { formatFixed, type SheetSpec, type SpecCell, type SpecFormat, type SpecTable } from "../core";
import type { Lang } from "./args";

function cellText(value: SpecCell, format: SpecFormat, lang: Lang): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  switch (format) {
    case "integer":
      return formatFixed(value, 0, lang);
    case "decimal":
      return formatFixed(value, 2, lang);
    case "kronor":
      return `${formatFixed(value, 0, lang)} kr`;
    case "percent":
      return `${formatFixed(value * 100, 1, lang)} %`;
    default:
      return String(value);
  }
}

/** The totals row as the sheet computes it: the sum of each "sum" column's numbers. */
function totalsRow(t: SpecTable): SpecCell[] | null {
  if (t.totalsLabel === undefined) return null;
  return t.columns.map((c, k) => {
    if (k === 0) return t.totalsLabel!;
    if (c.total !== "sum") return null;
    let sum = 0;
    for (const r of t.rows) if (typeof r[k] === "number") sum += r[k];
    return Math.round(sum * 100) / 100;
  });
}

function tableLines(t: SpecTable, lang: Lang): string[] {
  const body = t.rows.map((r) => r.map((v, k) => cellText(v, t.columns[k].format, lang)));
  const totals = totalsRow(t);
  const all = [t.columns.map((c) => c.title), ...body, ...(totals ? [totals.map((v, k) => cellText(v, t.columns[k].format, lang))] : [])];
  const widths = t.columns.map((_, k) => Math.max(...all.map((r) => r[k].length)));
  const right = t.columns.map((c) => c.format !== "text");
  const line = (r: string[]) => r.map((v, k) => (right[k] ? v.padStart(widths[k]) : v.padEnd(widths[k]))).join("  ").trimEnd();
  const out = [t.caption, line(all[0]), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const r of body) out.push(line(r));
  if (totals) out.push(line(all[all.length - 1]));
  if (body.length === 0) out.push(lang === "sv" ? "(inga rader)" : "(no rows)");
  return out;
}

export function formatReport(spec: SheetSpec, lang: Lang): string[] {
  const lines = [spec.title, "=".repeat(spec.title.length), ...spec.notes.map((n) => `- ${n}`), ""];
  for (const t of spec.tables) lines.push(...tableLines(t, lang), "");
  for (const c of spec.charts) {
    const kind = c.kind === "line" ? (lang === "sv" ? "linjediagram" : "line chart") : lang === "sv" ? "stapeldiagram" : "column chart";
    lines.push(`${lang === "sv" ? "På bladet" : "On the sheet"}: ${kind} "${c.title}"`);
  }
  if (spec.charts.length) lines.push("");
  return lines;
}
