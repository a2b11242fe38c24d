/**
 * Finds the header row of a sheet and maps its columns to fields. The header is the row among
 * the first rows that names the most fields; title rows and blank rows above it are fine.
 */
import { columnLetter, type CellValue, type SheetGrid } from "../cells/cellValue";
import type { ColumnMapping, MappingOverride } from "../model";
import { FIELDS, type Field } from "./fields";
import { matchHeader, type HeaderMatch } from "./headerSynonyms";
import { findStatedPeriod, type StatedPeriod } from "./statedPeriod";

export interface Detection {
  /** Excel row number of the header row, or null when no row looks like one. */
  headerRow: number | null;
  /** Index of the header row in `sheet.values`, or null. */
  headerIndex: number | null;
  mapping: ColumnMapping[];
  unmappedHeaders: { column: number; letter: string; header: string }[];
  missingFields: Field[];
  /** How sure we are that this is an invoice basis (0..1). */
  confidence: number;
  statedPeriod: StatedPeriod | null;
}

/** How far down a header row may sit (title blocks of exports are a handful of rows). */
export const HEADER_SEARCH_ROWS = 30;
/** A header row must name at least this much (confidence-weighted fields): e.g. Pnr + Utskrivningsklar. */
const MIN_HEADER_SCORE = 1.5;

interface Candidate {
  column: number;
  header: string;
  match: HeaderMatch;
}

const headerText = (v: CellValue): string =>
  typeof v === "string" ? v.trim() : typeof v === "number" && Number.isFinite(v) ? String(v) : "";

/** Reads the header row and maps it; an override wins and claims its column. */
export function detectSheet(sheet: SheetGrid, override?: MappingOverride): Detection {
  const originRow = sheet.originRow ?? 1;
  const originColumn = sheet.originColumn ?? 0;
  const values = sheet.values;

  let best: { index: number; score: number } | null = null;
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const score = scoreRow(values[r], originColumn);
    if (score >= MIN_HEADER_SCORE && (best === null || score > best.score)) best = { index: r, score };
  }

  if (best === null) {
    const mapping = overrideOnly(override, originColumn);
    return {
      headerRow: null,
      headerIndex: null,
      mapping,
      unmappedHeaders: [],
      missingFields: FIELDS.filter((f) => !mapping.some((m) => m.field === f)),
      confidence: 0,
      statedPeriod: null,
    };
  }

  const headerRowCells = values[best.index] ?? [];
  const { mapping, unmapped } = mapRow(headerRowCells, originColumn, override);
  return {
    headerRow: originRow + best.index,
    headerIndex: best.index,
    mapping,
    unmappedHeaders: unmapped,
    missingFields: FIELDS.filter((f) => !mapping.some((m) => m.field === f)),
    confidence: sheetConfidence(mapping),
    statedPeriod: findStatedPeriod(values.slice(0, best.index)),
  };
}

/** Sum of the confidences of the distinct fields a row names. */
function scoreRow(row: readonly CellValue[] | undefined, originColumn: number): number {
  if (!row) return 0;
  const { mapping } = mapRow(row, originColumn, undefined);
  let score = 0;
  for (const m of mapping) score += m.confidence;
  return score;
}

function candidates(row: readonly CellValue[], originColumn: number): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < row.length; i++) {
    const header = headerText(row[i]);
    if (header === "" || header.length > 120) continue;
    const match = typeof row[i] === "string" ? matchHeader(header) : null;
    out.push({ column: originColumn + i, header, match: match ?? NO_MATCH });
  }
  return out;
}

const NO_MATCH: HeaderMatch = { field: "personId", confidence: 0, how: "partial" };

function mapRow(
  row: readonly CellValue[],
  originColumn: number,
  override: MappingOverride | undefined,
): { mapping: ColumnMapping[]; unmapped: Detection["unmappedHeaders"] } {
  const cells = candidates(row, originColumn);
  const headerAt = new Map(cells.map((c) => [c.column, c.header]));
  const mapping: ColumnMapping[] = [];
  const takenFields = new Set<Field>();
  const takenColumns = new Set<number>();

  for (const field of FIELDS) {
    if (!override || !(field in override)) continue;
    const column = override[field];
    takenFields.add(field); // null unmaps: the field stays unmapped even if a header names it
    if (column === null || column === undefined || !Number.isInteger(column) || column < 0) continue;
    if (takenColumns.has(column)) continue;
    takenColumns.add(column);
    mapping.push({ field, column, letter: columnLetter(column), header: headerAt.get(column) ?? "", confidence: 1, how: "override" });
  }

  // Most confident first; on a tie the leftmost column wins (exports put the main column first).
  const ranked = cells.filter((c) => c.match.confidence > 0).sort((a, b) => b.match.confidence - a.match.confidence || a.column - b.column);
  for (const c of ranked) {
    if (takenFields.has(c.match.field) || takenColumns.has(c.column)) continue;
    takenFields.add(c.match.field);
    takenColumns.add(c.column);
    mapping.push({ field: c.match.field, column: c.column, letter: columnLetter(c.column), header: c.header, confidence: c.match.confidence, how: c.match.how });
  }

  mapping.sort((a, b) => a.column - b.column);
  const unmapped = cells
    .filter((c) => !takenColumns.has(c.column))
    .map((c) => ({ column: c.column, letter: columnLetter(c.column), header: c.header }));
  return { mapping, unmapped };
}

function overrideOnly(override: MappingOverride | undefined, originColumn: number): ColumnMapping[] {
  if (!override) return [];
  return mapRow([], originColumn, override).mapping;
}

/**
 * Whether the mapped columns make an invoice basis: the identity number and the two dates
 * that give the days weigh most; the rest (admission, municipality, days, amounts) add support.
 */
function sheetConfidence(mapping: ColumnMapping[]): number {
  const conf = new Map(mapping.map((m) => [m.field, m.confidence]));
  const core = 0.3 * (conf.get("personId") ?? 0) + 0.3 * (conf.get("readyDate") ?? 0) + 0.2 * (conf.get("dischargeDate") ?? 0);
  const supportFields: Field[] = ["admissionDate", "municipality", "statedDays", "billedDays", "amount", "stayId", "pricePerDay", "residenceMunicipality", "careType", "unit"];
  let support = 0;
  for (const f of supportFields) support += conf.get(f) ?? 0;
  return Math.round((core + 0.2 * Math.min(1, support / 3)) * 100) / 100;
}
