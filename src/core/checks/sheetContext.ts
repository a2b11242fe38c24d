/**
 * Per sheet: which fields have a column (and its letter), which checks can run, and which cells
 * the reader already reported as unreadable (so an unreadable cell is not also called empty).
 */
import type { Finding, Stay } from "../model";
import { FIELDS, type Field } from "../sheet/fields";
import type { SheetReading } from "../sheet/sheetReading";
import { CHECK_CATALOG, CHECK_CODES, severityOf, type CheckCode } from "./catalog";

export interface SheetContext {
  reading: SheetReading;
  /** Position of the sheet in the input: the tie-break for "which row came first". */
  index: number;
  letters: Partial<Record<Field, string>>;
  runs: Record<CheckCode, boolean>;
  /** Fields missing for each check that cannot run on this sheet. */
  missing: Partial<Record<CheckCode, Field[]>>;
  unreadable: Set<number>;
}

const FIELD_INDEX = new Map<Field, number>(FIELDS.map((f, i) => [f, i]));
const cellKey = (row: number, field: Field) => row * 64 + (FIELD_INDEX.get(field) ?? 0);

export function buildSheetContext(reading: SheetReading, index: number): SheetContext {
  const letters: Partial<Record<Field, string>> = {};
  for (const m of reading.mapping) letters[m.field] = m.letter;
  const has = (f: Field) => letters[f] !== undefined;

  const runs = {} as Record<CheckCode, boolean>;
  const missing: Partial<Record<CheckCode, Field[]>> = {};
  for (const code of CHECK_CODES) {
    const spec = CHECK_CATALOG[code];
    const lacking = spec.needs.filter((f) => !has(f));
    if (spec.needsOneOf) {
      // Report the alternative closest to complete.
      let best: Field[] | null = null;
      for (const alt of spec.needsOneOf) {
        const l = alt.filter((f) => !has(f));
        if (best === null || l.length < best.length) best = l;
      }
      if (best && best.length > 0) lacking.push(...best.filter((f) => !lacking.includes(f)));
    }
    runs[code] = lacking.length === 0;
    if (lacking.length > 0) missing[code] = lacking;
  }

  const context = { reading, index, letters, runs, missing, unreadable: new Set<number>() };
  noteUnreadable(context, reading.findings, 0);
  return context;
}

/** Adds the cells of the reader's findings from `from` on (a sheet read in chunks adds each chunk's). */
export function noteUnreadable(ctx: SheetContext, findings: readonly Finding[], from: number): void {
  for (let i = from; i < findings.length; i++) {
    const f = findings[i];
    if (f.code !== "INVALID_VALUE" || f.row === null) continue;
    for (const field of f.fields) ctx.unreadable.add(cellKey(f.row, field));
  }
}

export function isUnreadable(ctx: SheetContext, row: number, field: Field): boolean {
  return ctx.unreadable.size > 0 && ctx.unreadable.has(cellKey(row, field));
}

/**
 * A finding on a row of this sheet; columns are the letters of the mapped fields, main first.
 * Its severity is the catalog's for `variant` (catalog.ts severityOf).
 */
export function rowFinding(
  ctx: SheetContext,
  stay: Stay,
  code: Finding["code"],
  variant: string,
  fields: Field[],
  message: Finding["message"],
  extra?: { value?: string; relatedRows?: number[] },
): Finding {
  const columns: string[] = [];
  for (const f of fields) {
    const l = ctx.letters[f];
    if (l !== undefined) columns.push(l);
  }
  // fields may be a shared constant of the caller: the finding gets its own copy.
  const finding: Finding = { code, severity: severityOf(code, variant), sheet: ctx.reading.sheet, row: stay.row, columns, fields: fields.slice(), message };
  if (extra?.value !== undefined) finding.value = extra.value;
  if (extra?.relatedRows !== undefined) finding.relatedRows = extra.relatedRows;
  return finding;
}
