/**
 * The pane's pure helpers: which columns to read, how to find a finding's identity number in
 * the grid already read, filtering and paging. Display only: every figure comes from the
 * ReviewResult, never from here.
 */
import { epochDay, privateText, type CellValue, type ColumnMapping, type Finding, type FindingCode, type Severity, type SheetGrid, type SheetSummary } from "../core";

/** A header cell the user can map a field to. */
export interface HeaderOption {
  column: number;
  letter: string;
  header: string;
}

/** Every header cell of a sheet, mapped or not, in column order (the mapping dropdown's options). */
export function headerOptions(
  mapping: readonly ColumnMapping[],
  unmapped: readonly { column: number; letter: string; header: string }[],
): HeaderOption[] {
  const byColumn = new Map<number, HeaderOption>();
  for (const m of mapping) byColumn.set(m.column, { column: m.column, letter: m.letter, header: m.header });
  for (const u of unmapped) if (!byColumn.has(u.column)) byColumn.set(u.column, { ...u });
  return [...byColumn.values()].sort((a, b) => a.column - b.column);
}

/**
 * The columns to read for a review: the mapped ones, plus the first used column because the
 * title rows ("Fakturaunderlag oktober 2023") usually sit there and state the invoiced period.
 */
export function columnsToRead(mapping: readonly ColumnMapping[], originColumn: number): number[] {
  const set = new Set<number>([originColumn]);
  for (const m of mapping) set.add(m.column);
  return [...set].sort((a, b) => a - b);
}

function cellAt(grid: SheetGrid, row: number, column: number): CellValue {
  const r = row - (grid.originRow ?? 1);
  const c = column - (grid.originColumn ?? 0);
  if (r < 0 || c < 0) return undefined;
  return grid.values[r]?.[c];
}

/** The raw identity-number text on a finding's row, from the grid the review read; null if none. */
export function personIdOnRow(
  finding: Pick<Finding, "sheet" | "row">,
  grids: ReadonlyMap<string, SheetGrid>,
  sheets: readonly SheetSummary[],
): string | null {
  if (finding.row === null) return null;
  const grid = grids.get(finding.sheet);
  const column = sheets.find((s) => s.name === finding.sheet)?.mapping.find((m) => m.field === "personId")?.column;
  if (!grid || column === undefined) return null;
  const value = cellAt(grid, finding.row, column);
  if (value === null || value === undefined || value === "") return null;
  return String(value).trim();
}

/** The core's masking: birth date kept, the last four characters hidden ("19121212-****"). */
export { maskPersonId, privateText } from "../core";

/** A finding's message as the pane shows it: identity numbers masked unless the user reveals them. */
export function findingText(finding: Pick<Finding, "message">, lang: "sv" | "en", reveal: boolean): string {
  return privateText(finding.message[lang], reveal);
}

export interface FindingFilter {
  code: FindingCode | "all";
  severity: Severity | "all";
}

export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return findings.filter(
    (f) => (filter.code === "all" || f.code === filter.code) && (filter.severity === "all" || f.severity === filter.severity),
  );
}

export const PAGE_SIZE = 50;

/** One page of a long list (a 20,000-row sheet can give thousands of findings). Pages are 1-based. */
export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages };
}

/** Codes present in the result with their counts, most frequent first (the filter's options). */
export function codeCounts(byCode: Partial<Record<FindingCode, number>>): { code: FindingCode; count: number }[] {
  return (Object.entries(byCode) as [FindingCode, number][])
    .filter(([, n]) => n > 0)
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
}

export function cellRef(finding: Pick<Finding, "row" | "columns">): string {
  if (finding.row === null) return "";
  return `${finding.columns[0] ?? ""}${finding.row}`;
}

/** Today as an epoch day in the user's local calendar (the pane may read the clock; the core may not). */
export function todayEpochDay(now: Date): number {
  return epochDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A benchmark typed by the user ("2,3" or "2.3"); null when empty, NaN when not a number ≥ 0. */
export function parseBenchmark(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (t === "") return null;
  const n = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  return n;
}

/** An `<input type="month">` value ("2023-10") as the invoiced period in epoch days; null when empty or invalid. */
export function monthPeriod(value: string): { fromDay: number; toDay: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const fromDay = epochDay(year, month, 1);
  const next = month === 12 ? epochDay(year + 1, 1, 1) : epochDay(year, month + 1, 1);
  return { fromDay, toDay: next - 1 };
}

/** Whether a profile has a rule that uses a benchmark (average or hybrid billing). */
export function usesBenchmark(profile: { somatic: { kind: string }; psychiatric: { kind: string } }): boolean {
  return profile.somatic.kind !== "individual" || profile.psychiatric.kind !== "individual";
}

/** Distinct sheet rows that carry a finding (what marking colours). */
export function rowsWithFindings(findings: readonly Pick<Finding, "sheet" | "row">[]): number {
  const rows = new Set<string>();
  for (const f of findings) if (f.row !== null) rows.add(`${f.sheet}\u0000${f.row}`);
  return rows.size;
}
