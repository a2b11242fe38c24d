/**
 * Finds the header row of a sheet and maps its columns to fields. The header is the row among
 * the first rows that names the most fields; title rows and blank rows above it are fine.
 * A header of two rows (a merged group title such as "Datum" above "Inskrivning",
 * "Utskrivningsklar", and field names merged down over both rows) is read as one header.
 */
import { columnLetter, type CellValue, type SheetGrid } from "../cells/cellValue";
import type { ColumnMapping, MappingOverride } from "../model";
import { FIELDS, type Field } from "./fields";
import { headerKey, matchHeader, type HeaderMatch } from "./headerSynonyms";
import { findStatedPeriod, type StatedPeriod } from "./statedPeriod";

export interface Detection {
  /** Excel row number of the header row, or null when no row looks like one. */
  headerRow: number | null;
  /** Index of the header row in `sheet.values`, or null: the last header row, data follow it. */
  headerIndex: number | null;
  /** How many rows the header takes (2: a group row above the field names), 0 without a header. */
  headerRows: number;
  /** Per mapped or unmapped column, the texts of every header row it has (a repeated header is spotted by them). */
  headerTexts: Map<number, string[]>;
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
  /** The column's text in each header row (one row, or the group row and the field row). */
  texts: string[];
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
      headerRows: 0,
      headerTexts: new Map(),
      mapping,
      unmappedHeaders: [],
      missingFields: FIELDS.filter((f) => !mapping.some((m) => m.field === f)),
      confidence: 0,
      statedPeriod: null,
    };
  }

  const single = candidates(values[best.index] ?? [], originColumn);
  const two = twoRowHeader(values, best.index, best.score, originColumn, limit);
  const header = two ?? { upper: best.index, lower: best.index, cells: single };
  const { mapping, unmapped } = mapCandidates(header.cells, override);
  const headerTexts = new Map<number, string[]>();
  for (const c of header.cells) headerTexts.set(c.column, c.texts);
  return {
    headerRow: originRow + header.lower,
    headerIndex: header.lower,
    headerRows: header.lower - header.upper + 1,
    headerTexts,
    mapping,
    unmappedHeaders: unmapped,
    missingFields: FIELDS.filter((f) => !mapping.some((m) => m.field === f)),
    confidence: sheetConfidence(mapping),
    statedPeriod: findStatedPeriod(values.slice(0, header.upper)),
  };
}

/**
 * The best single row `best` together with the row above or below it, where both look like
 * header rows (texts only, none starting with a digit, the upper holding at least two and no
 * invoice period) and together they name more than the single row, or as much but other
 * fields ("Debiterade" over "Dagar") or with the upper row grouping columns (a title merged
 * across two or more): a group row above the field names.
 */
function twoRowHeader(
  values: SheetGrid["values"],
  best: number,
  bestScore: number,
  originColumn: number,
  limit: number,
): { upper: number; lower: number; cells: Candidate[] } | null {
  const single = mapRow(values[best] ?? [], originColumn, undefined).mapping;
  let found: { upper: number; lower: number; cells: Candidate[] } | null = null;
  let foundScore = bestScore;
  for (const upper of [best - 1, best]) {
    const lower = upper + 1;
    if (upper < 0 || lower >= limit) continue;
    const up = values[upper] ?? [];
    const low = values[lower] ?? [];
    if (!headerLike(up, 2) || !headerLike(low, 1) || findStatedPeriod([up]) !== null) continue;
    const cells = combinedCandidates(up, low, originColumn);
    const mapping = mapCandidates(cells, undefined).mapping;
    let score = 0;
    for (const m of mapping) score += m.confidence;
    const differs = mapping.length !== single.length || mapping.some((m, i) => m.field !== single[i].field || m.column !== single[i].column);
    // Right under the best row, words that only continue its names ("Utskrivningsklar" over
    // "Datum") are the header's second row, though they name nothing new.
    const below = upper === best && continuesNames(up, low);
    if (score > foundScore || (score === foundScore && found === null && (differs || below || groupsColumns(up, low)))) {
      found = { upper, lower, cells };
      foundScore = score;
    }
  }
  return found;
}

/**
 * Whether every text of the lower row stands under a name of the upper row and, read with
 * it, names the same field at least as surely: a note in a data row does neither.
 */
function continuesNames(up: readonly CellValue[], low: readonly CellValue[]): boolean {
  for (let i = 0; i < low.length; i++) {
    const l = headerText(low[i]);
    if (l === "") continue;
    const u = headerText(up[i]);
    // The word must add to the name as the matching reads it (not only signs it drops).
    if (u === "" || headerKey(`${u} ${l}`) === headerKey(u)) return false;
    const alone = matchHeader(u);
    const joined = matchHeader(`${u} ${l}`);
    if (alone === null || joined === null || joined.field !== alone.field || joined.confidence < alone.confidence) return false;
  }
  return true;
}

/** Whether a text of the upper row stands over two or more field names (blank cells to its right). */
function groupsColumns(up: readonly CellValue[], low: readonly CellValue[]): boolean {
  for (let i = 0; i + 1 < low.length; i++) {
    if (headerText(up[i]) !== "" && headerText(low[i]) !== "" && headerText(up[i + 1]) === "" && headerText(low[i + 1]) !== "") return true;
  }
  return false;
}

/** Texts only (a data row holds numbers, dates, identity numbers), at least `min` of them. */
function headerLike(row: readonly CellValue[], min: number): boolean {
  let texts = 0;
  for (const v of row) {
    if (v === null || v === undefined || v === "") continue;
    if (typeof v !== "string") return false;
    const t = v.trim();
    if (t === "") continue;
    const c = t.charCodeAt(0);
    if (c >= 48 && c <= 57) return false;
    texts++;
  }
  return texts >= min;
}

/**
 * One header out of two rows, column by column: a name alone in the upper row is a field name
 * merged down over both; a name alone in the lower row belongs to the group title to its left
 * (a merged cell keeps its text in its first column); with both, the lower name is read alone
 * and with the group's ("Utskrivningsklar" over "Datum"), whichever names a field more surely.
 */
function combinedCandidates(up: readonly CellValue[], low: readonly CellValue[], originColumn: number): Candidate[] {
  const out: Candidate[] = [];
  let group = "";
  const n = Math.max(up.length, low.length);
  for (let i = 0; i < n; i++) {
    const u = headerText(up[i]);
    const l = headerText(low[i]);
    if (u !== "") group = l === "" ? "" : u;
    if (u === "" && l === "") continue;
    const column = originColumn + i;
    if (l === "") {
      if (u.length <= 120) out.push({ column, header: u, texts: [u], match: matchHeader(u) ?? NO_MATCH });
      continue;
    }
    if (l.length > 120) continue;
    let header = l;
    let match = matchHeader(l) ?? NO_MATCH;
    if (group !== "") {
      for (const joined of [`${group} ${l}`, `${l} ${group}`]) {
        const m = matchHeader(joined);
        // A sure name made with the group ("Debiterade" over "Dagar") is more specific than the word alone.
        if (m && (m.confidence > match.confidence || (m.how !== "partial" && m.confidence >= match.confidence))) {
          match = m;
          header = `${group} ${l}`;
        }
      }
    }
    out.push({ column, header, texts: u === "" ? [l] : [u, l], match });
  }
  return out;
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
    out.push({ column: originColumn + i, header, texts: [header], match: match ?? NO_MATCH });
  }
  return out;
}

const NO_MATCH: HeaderMatch = { field: "personId", confidence: 0, how: "partial" };

function mapRow(
  row: readonly CellValue[],
  originColumn: number,
  override: MappingOverride | undefined,
): { mapping: ColumnMapping[]; unmapped: Detection["unmappedHeaders"] } {
  return mapCandidates(candidates(row, originColumn), override);
}

function mapCandidates(
  cells: Candidate[],
  override: MappingOverride | undefined,
): { mapping: ColumnMapping[]; unmapped: Detection["unmappedHeaders"] } {
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
