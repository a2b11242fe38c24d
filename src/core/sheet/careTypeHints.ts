/**
 * Where no column states a stay's care type, the care type is often in the sheet's name or title
 * ("Psykiatri", "Fakturaunderlag psykiatrisk vård") or in the unit's name ("Psyk avd 31"). The
 * reader decides, in order: the column, the user's choice for the sheet, the sheet's name or
 * title rows, the unit's name; somatic only as the last resort (DOMAIN.md §4), and the review
 * shows how each sheet's rows were decided.
 */
import type { CellValue } from "../cells/cellValue";
import { normalizeText } from "../cells/text";
import type { CareType } from "../model";

/** A care-type cell: "psyk" or "psych" anywhere (Psykiatri, Rättspsykiatri, BUP-psyk, Psychiatry), or BUP → psychiatric. */
export function careTypeOf(raw: string): CareType {
  const n = normalizeText(raw);
  if (n.includes("psyk") || n.includes("psych") || /(^| )(bup|psy)( |$)/.test(n)) return "psychiatric";
  return "somatic";
}

const PSYCHIATRIC_UNIT = /(psyk|psych|\bbup\b|beroende|atstorning)/;
const SOMATIC_UNIT =
  /(medicin|kirurg|ortoped|geriatri|kardiolog|hjart|onkolog|neurolog|infektion|stroke|lung|njur|urolog|gyn|hematolog|gastro|rehab|intensiv|\biva\b|thorax|endokrin)/;

/** What a unit's name says of its care type; null when it says nothing. */
export function unitCareType(unit: string): CareType | null {
  const t = normalizeText(unit);
  return PSYCHIATRIC_UNIT.test(t) ? "psychiatric" : SOMATIC_UNIT.test(t) ? "somatic" : null;
}

const PSYCHIATRIC_TITLE = /(psyk|psych|\bbup\b|rattspsyk)/;
const SOMATIC_TITLE = /(somati)/;

/** What a sheet name or title text says of its care type; null when nothing, or both. */
export function titleCareType(text: string): CareType | null {
  const t = normalizeText(text);
  const psychiatric = PSYCHIATRIC_TITLE.test(t);
  const somatic = SOMATIC_TITLE.test(t);
  return psychiatric === somatic ? null : psychiatric ? "psychiatric" : "somatic";
}

/** How a sheet's care type was decided for rows whose column does not state it. */
export interface SheetCareType {
  type: CareType;
  source: "user" | "sheetName" | "title";
  /** The sheet name or title text it was read from (the user's choice: null). */
  text: string | null;
}

/** The sheet's own hint: its name first, then the text of the title rows above the header. */
export function sheetCareType(name: string, titleRows: readonly (readonly CellValue[])[]): SheetCareType | null {
  const fromName = titleCareType(name);
  if (fromName) return { type: fromName, source: "sheetName", text: name };
  for (const row of titleRows) {
    for (const cell of row) {
      if (typeof cell !== "string" || cell.trim() === "") continue;
      const type = titleCareType(cell);
      if (type) return { type, source: "title", text: cell.trim() };
    }
  }
  return null;
}

/** Rows per way their care type was decided, each split by the type decided. */
export interface CareTypeCounts {
  column: Record<CareType, number>;
  /** The user's choice for the sheet (it wins over the column). */
  user: Record<CareType, number>;
  /** The sheet's name or title rows. */
  sheet: Record<CareType, number>;
  unit: Record<CareType, number>;
  /** No hint at all: counted under the somatic rule (ASSUMED). */
  fallback: number;
}

export interface CareTypeDecision {
  /** The sheet-wide decision for rows the column does not decide; null: the unit, then somatic. */
  sheet: SheetCareType | null;
  /** Whether the sheet has a care-type column. */
  column: boolean;
  counts: CareTypeCounts;
}

export function emptyCareTypeCounts(): CareTypeCounts {
  return { column: { somatic: 0, psychiatric: 0 }, user: { somatic: 0, psychiatric: 0 }, sheet: { somatic: 0, psychiatric: 0 }, unit: { somatic: 0, psychiatric: 0 }, fallback: 0 };
}

/** Whether any row's care type was decided other than by its column (then the review shows it). */
export function decidedBeyondColumn(d: CareTypeDecision): boolean {
  const c = d.counts;
  return c.user.somatic + c.user.psychiatric + c.sheet.somatic + c.sheet.psychiatric + c.unit.somatic + c.unit.psychiatric + c.fallback > 0;
}
