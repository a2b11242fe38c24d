/**
 * The shared vocabulary of the domain core: a stay read from a row, a finding, a column
 * mapping. Every module of the core speaks these types; hosts and UI only consume them.
 */
import type { LocalDateTime } from "./cells/localDate";
import type { Field } from "./sheet/fields";

export type CareType = "somatic" | "psychiatric";

export interface Bilingual {
  sv: string;
  en: string;
}

/** A parsed Swedish personal identity number (personnummer / samordningsnummer / reservnummer). */
export interface PersonId {
  /** 12 digits YYYYMMDDNNNC for valid numbers; the cleaned raw text for reserve numbers. */
  normalized: string;
  kind: "personnummer" | "samordningsnummer" | "reservnummer";
  checkDigitValid: boolean;
  /** Birth date, epoch day, where the number gives one. */
  birthDay: number | null;
}

/** One hospital stay (one data row of an invoice basis). Missing or unreadable → null. */
export interface Stay {
  sheet: string;
  /** Excel row number, 1-based. */
  row: number;
  personId: PersonId | null;
  /** The raw text of the identity number as it stood in the cell (for messages: mask it). */
  personIdRaw: string | null;
  stayId: string | null;
  municipality: string | null;
  residenceMunicipality: string | null;
  careType: CareType | null;
  careTypeRaw: string | null;
  unit: string | null;
  dischargeCause: string | null;
  admission: LocalDateTime | null;
  ready: LocalDateTime | null;
  discharge: LocalDateTime | null;
  death: LocalDateTime | null;
  admissionNotice: LocalDateTime | null;
  planningNeeded: boolean | null;
  sipInvitation: LocalDateTime | null;
  careContact: string | null;
  readyWithdrawn: LocalDateTime | null;
  newReady: LocalDateTime | null;
  statedDays: number | null;
  billedDays: number | null;
  pricePerDay: number | null;
  amount: number | null;
}

export type Severity = "error" | "warning" | "info";

/** The review checks' codes: DOMAIN.md §4 exactly, in its order. */
export const CHECK_CODES = [
  "NOT_RESIDENT",
  "DECEASED",
  "READY_BEFORE_ADMISSION",
  "DISCHARGE_BEFORE_READY",
  "MISSING_FIELD",
  "ADMISSION_NOTICE_MISSING",
  "ADMISSION_NOTICE_LATE",
  "SIP_INVITATION_MISSING",
  "SIP_INVITATION_LATE",
  "NO_CARE_CONTACT",
  "READY_WITHDRAWN",
  "DAYS_MISMATCH",
  "BILLED_DAYS_MISMATCH",
  "AMOUNT_MISMATCH",
  "PRICE_MISMATCH",
  "DUPLICATE_STAY",
  "OVERLAPPING_STAYS",
  "OUTSIDE_PERIOD",
  "INVALID_PERSON_ID",
  "CARE_TYPE_MISMATCH",
  "LONG_STAY",
  "STILL_ADMITTED",
] as const;

/**
 * Every finding code: the checks' plus the reader's (INVALID_VALUE), the figures' (PRICE_UNKNOWN,
 * BENCHMARK_UNKNOWN) and those of a review of several files together (CROSS_FILE_*).
 */
export const FINDING_CODES = [...CHECK_CODES, "INVALID_VALUE", "PRICE_UNKNOWN", "BENCHMARK_UNKNOWN", "CROSS_FILE_DUPLICATE", "CROSS_FILE_REINVOICED"] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** Excel row number; null for a finding about a group or the whole sheet. */
  row: number | null;
  /** Column letters involved, first one the main one (e.g. ["F", "G"]). */
  columns: string[];
  fields: Field[];
  message: Bilingual;
  /** The raw cell text a reader could not read, where that is the finding. */
  value?: string;
  /** Other Excel rows involved (the twin of a duplicate, the overlapping stay). */
  relatedRows?: number[];
}

export interface ColumnMapping {
  field: Field;
  /** 0-based column index (0 = A). */
  column: number;
  letter: string;
  header: string;
  /** 1 = exact or overridden, lower for abbreviations and partial matches. */
  confidence: number;
  how: "exact" | "synonym" | "partial" | "override";
}

/** A caller's correction of the mapping: field → 0-based column index, or null to unmap. */
export type MappingOverride = Partial<Record<Field, number | null>>;

export interface SkippedRows {
  /** First and last Excel row of a run of rows skipped for the same reason. */
  fromRow: number;
  toRow: number;
  reason: "blank" | "repeated-header" | "total";
}
