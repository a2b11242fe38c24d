/**
 * The stays of one sheet as typed columns: what the reader writes, and what the checks and the
 * figure basis read. A million rows must not become a million objects: each long-lived small
 * object costs the engine more in garbage collection than all the work done on it
 * (docs/BENCHMARKS.md). Row loops read a row into one reused Stay (`read(i, cursor)`);
 * `stay(i)` makes a new one for the few rows worth keeping (findings, tests).
 *
 * Dates and texts are indices into the table's `dates` and `texts`: equal dates share one
 * value, repeated texts (municipalities, units) one string.
 */
import type { LocalDateTime } from "../cells/localDate";
import type { PersonNumber } from "../cells/personId";
import type { CareType, PersonId, Stay } from "../model";
import type { Field } from "./fields";

/**
 * An empty date or text. Index 0 of `dates` and `texts` is a placeholder, so the zeroed memory
 * of a new table reads as empty everywhere: a row costs writes only for the values it has.
 */
export const EMPTY = 0;
/** An empty identity number's birth day. */
const NO_DAY = -2147483648;

/** The texts a table does not copy: which one (bit in the `lazy` column). */
export const LAZY = { personIdRaw: 1, stayId: 2, careContact: 4 } as const;
export type LazyText = keyof typeof LAZY;

/**
 * Where a table finds the texts it did not copy: stay ids, care contacts and the identity
 * numbers as written are mostly distinct, and a million copies cost more than reading the cell
 * again for the few rows that need them. The reader points into its grid.
 */
export interface LazyTextSource {
  /** The text of row i (Excel row excelRow); asked only where the row's lazy bit is set. */
  text(i: number, excelRow: number, which: LazyText): string;
  /** Every text it gives is non-blank (so a set bit alone says the text is there). */
  readonly nonBlank: boolean;
}

/** Presence bits of the number columns (an empty number cell is not 0). */
export const NUMBER_BIT = { statedDays: 1, billedDays: 2, pricePerDay: 4, amount: 8 } as const;

/** personFlags: the kind in the low two bits, and whether the check digit is valid. */
const KIND_CODE: Record<PersonId["kind"], number> = { personnummer: 1, samordningsnummer: 2, reservnummer: 3 };
const KIND_OF: (PersonId["kind"] | null)[] = [null, "personnummer", "samordningsnummer", "reservnummer"];
const CHECK_VALID = 4;

/** The dates a stay's count starts or ends with: unreadable, the row cannot enter the figures. */
export const COUNT_DATE_FIELDS: ReadonlySet<Field> = new Set<Field>(["readyDate", "dischargeDate", "readyWithdrawnDate", "newReadyDate"]);

/** careType column codes (0 = empty). */
export const CARE_CODE = { somatic: 1, psychiatric: 2 } as const;
const CARE_OF: (CareType | null)[] = [null, "somatic", "psychiatric"];
/** planningNeeded column codes. */
const PLANNING_OF: (boolean | null)[] = [null, false, true];

const DATE_COLUMNS = ["admission", "ready", "discharge", "death", "admissionNotice", "sipInvitation", "readyWithdrawn", "newReady"] as const;
const TEXT_COLUMNS = ["municipality", "residenceMunicipality", "careTypeRaw", "unit", "dischargeCause"] as const;
const NUMBER_COLUMNS = ["statedDays", "billedDays", "pricePerDay", "amount"] as const;

const NO_TEXTS: LazyTextSource = {
  text: () => "",
  nonBlank: true,
};

/** A PersonId read into a cursor: its normalized text is made only when asked for. */
class CursorPersonId implements PersonId {
  kind: PersonId["kind"] = "personnummer";
  checkDigitValid = false;
  birthDay: number | null = null;
  key: number | string = 0;
  get normalized(): string {
    return typeof this.key === "string" ? this.key : twelve(this.key);
  }
}

/** A reusable Stay that StayTable.read fills row after row. Never keep it: copy with stay(i). */
export class StayCursor implements Stay {
  sheet = "";
  row = 0;
  personId: PersonId | null = null;
  municipality: string | null = null;
  residenceMunicipality: string | null = null;
  careType: CareType | null = null;
  careTypeRaw: string | null = null;
  unit: string | null = null;
  dischargeCause: string | null = null;
  admission: LocalDateTime | null = null;
  ready: LocalDateTime | null = null;
  discharge: LocalDateTime | null = null;
  death: LocalDateTime | null = null;
  admissionNotice: LocalDateTime | null = null;
  planningNeeded: boolean | null = null;
  sipInvitation: LocalDateTime | null = null;
  readyWithdrawn: LocalDateTime | null = null;
  newReady: LocalDateTime | null = null;
  statedDays: number | null = null;
  billedDays: number | null = null;
  pricePerDay: number | null = null;
  amount: number | null = null;
  readonly person = new CursorPersonId();
  /** Where the uncopied texts of the current row come from: read only when a check asks. */
  lazyBits = 0;
  lazyIndex = 0;
  lazySource: LazyTextSource = NO_TEXTS;

  get personIdRaw(): string | null {
    return (this.lazyBits & LAZY.personIdRaw) !== 0 ? this.lazySource.text(this.lazyIndex, this.row, "personIdRaw") : null;
  }
  get stayId(): string | null {
    return (this.lazyBits & LAZY.stayId) !== 0 ? this.lazySource.text(this.lazyIndex, this.row, "stayId") : null;
  }
  get careContact(): string | null {
    return (this.lazyBits & LAZY.careContact) !== 0 ? this.lazySource.text(this.lazyIndex, this.row, "careContact") : null;
  }
}

/**
 * Whether the stay names a care contact (a non-blank text): from the row's bit where the table
 * knows its texts are non-blank, without reading the text again.
 */
export function hasCareContact(s: Stay): boolean {
  if (s instanceof StayCursor && s.lazySource.nonBlank) return (s.lazyBits & LAZY.careContact) !== 0;
  const c = s.careContact;
  return c !== null && c.trim() !== "";
}

export class StayTable {
  /** Rows written so far (the reader appends; capacity is fixed). */
  length = 0;
  readonly row: Int32Array;
  // Dates: index into `dates` (EMPTY = none).
  readonly admission: Int32Array;
  readonly ready: Int32Array;
  readonly discharge: Int32Array;
  readonly death: Int32Array;
  readonly admissionNotice: Int32Array;
  readonly sipInvitation: Int32Array;
  readonly readyWithdrawn: Int32Array;
  readonly newReady: Int32Array;
  // Shared texts: index into `texts` (EMPTY = none).
  readonly municipality: Int32Array;
  readonly residenceMunicipality: Int32Array;
  readonly careTypeRaw: Int32Array;
  readonly unit: Int32Array;
  readonly dischargeCause: Int32Array;
  /** LAZY bits: which uncopied texts the row has (read from `lazyTexts`). */
  readonly lazy: Uint8Array;
  readonly statedDays: Float64Array;
  readonly billedDays: Float64Array;
  readonly pricePerDay: Float64Array;
  readonly amount: Float64Array;
  /** NUMBER_BIT bits: which numbers the row has. */
  readonly numberSet: Uint8Array;
  /** 0 empty, CARE_CODE otherwise. */
  readonly careType: Uint8Array;
  /** 0 empty, 1 no, 2 yes. */
  readonly planningNeeded: Uint8Array;
  /** The 12-digit normalized number; a reserve number's text is texts[−value]. */
  readonly personNumber: Float64Array;
  /** 0 = no identity number; else the kind code | CHECK_VALID. */
  readonly personFlags: Uint8Array;
  /** 1 where a date the count starts or ends with could not be read (COUNT_DATE_FIELDS): the figures leave the row out. */
  readonly unreadableDate: Uint8Array;
  readonly birthDay: Int32Array;
  /** The shared date values the date columns point into (index 0, EMPTY, holds null). */
  readonly dates: (LocalDateTime | null)[] = [null];
  /** The same dates as typed columns (day; minute or −1): loops over many rows read these, not the objects. */
  dateDay = new Int32Array(1024);
  dateMinute = new Int16Array(1024);
  /** The texts the text columns point into (index 0, EMPTY, holds null). */
  readonly texts: (string | null)[] = [null];
  lazyTexts: LazyTextSource = NO_TEXTS;

  constructor(
    readonly sheet: string,
    readonly capacity: number,
  ) {
    // A reader's table holds a chunk of a few thousand rows (or a small sheet whole).
    this.statedDays = new Float64Array(capacity);
    this.billedDays = new Float64Array(capacity);
    this.pricePerDay = new Float64Array(capacity);
    this.amount = new Float64Array(capacity);
    this.personNumber = new Float64Array(capacity);
    this.row = new Int32Array(capacity);
    this.admission = new Int32Array(capacity);
    this.ready = new Int32Array(capacity);
    this.discharge = new Int32Array(capacity);
    this.death = new Int32Array(capacity);
    this.admissionNotice = new Int32Array(capacity);
    this.sipInvitation = new Int32Array(capacity);
    this.readyWithdrawn = new Int32Array(capacity);
    this.newReady = new Int32Array(capacity);
    this.municipality = new Int32Array(capacity);
    this.residenceMunicipality = new Int32Array(capacity);
    this.careTypeRaw = new Int32Array(capacity);
    this.unit = new Int32Array(capacity);
    this.dischargeCause = new Int32Array(capacity);
    this.birthDay = new Int32Array(capacity);
    this.lazy = new Uint8Array(capacity);
    this.numberSet = new Uint8Array(capacity);
    this.careType = new Uint8Array(capacity);
    this.planningNeeded = new Uint8Array(capacity);
    this.personFlags = new Uint8Array(capacity);
    this.unreadableDate = new Uint8Array(capacity);
  }

  /** Empties the table for the next chunk: written rows back to zero (empty), registries kept. */
  clear(): void {
    const n = this.length;
    if (n === 0) return;
    for (const column of [
      this.row, this.admission, this.ready, this.discharge, this.death, this.admissionNotice, this.sipInvitation,
      this.readyWithdrawn, this.newReady, this.municipality, this.residenceMunicipality, this.careTypeRaw, this.unit,
      this.dischargeCause, this.lazy, this.statedDays, this.billedDays, this.pricePerDay, this.amount, this.numberSet,
      this.careType, this.planningNeeded, this.personNumber, this.personFlags, this.birthDay, this.unreadableDate,
    ]) column.fill(0, 0, n);
    this.length = 0;
  }

  /** Appends a row with every field empty and returns its index. */
  addRow(excelRow: number): number {
    const i = this.length++;
    this.row[i] = excelRow;
    return i;
  }

  /** A new text index (no sharing: the caller interns). */
  addText(text: string): number {
    return this.texts.push(text) - 1;
  }

  addDate(value: LocalDateTime): number {
    const k = this.dates.push(value) - 1;
    if (k >= this.dateDay.length) {
      const day = new Int32Array(this.dateDay.length * 2);
      const minute = new Int16Array(this.dateDay.length * 2);
      day.set(this.dateDay);
      minute.set(this.dateMinute);
      this.dateDay = day;
      this.dateMinute = minute;
    }
    this.dateDay[k] = value.day;
    this.dateMinute[k] = value.minute ?? -1;
    return k;
  }

  setNumber(column: Float64Array, bit: number, i: number, value: number): void {
    column[i] = value;
    this.numberSet[i] |= bit;
  }

  setCareType(i: number, type: CareType | null): void {
    this.careType[i] = type === null ? 0 : CARE_CODE[type];
  }

  setPlanningNeeded(i: number, value: boolean | null): void {
    this.planningNeeded[i] = value === null ? 0 : value ? 2 : 1;
  }

  /** An identity number in a common form (fastPersonNumber), stored without a PersonId object. */
  setPersonNumber(i: number, p: PersonNumber): void {
    this.personNumber[i] = p.value;
    this.personFlags[i] = (p.kind === "personnummer" ? 1 : 2) | (p.checkDigitValid ? CHECK_VALID : 0);
    this.birthDay[i] = p.birthDay;
  }

  setPerson(i: number, id: PersonId): void {
    const n = twelveDigits(id.normalized);
    this.personNumber[i] = n >= 0 ? n : -this.addText(id.normalized);
    this.personFlags[i] = KIND_CODE[id.kind] | (id.checkDigitValid ? CHECK_VALID : 0);
    this.birthDay[i] = id.birthDay === null ? NO_DAY : id.birthDay;
  }

  /** Row i into `into`, which is returned: the allocation-free path of the row loops. */
  read(i: number, into: StayCursor): Stay {
    const dates = this.dates;
    const texts = this.texts;
    const row = this.row[i];
    into.sheet = this.sheet;
    into.row = row;
    const flags = this.personFlags[i];
    if (flags === 0) into.personId = null;
    else {
      const p = into.person;
      const n = this.personNumber[i];
      p.key = n >= 0 ? n : (texts[-n] as string);
      p.kind = KIND_OF[flags & 3] as PersonId["kind"];
      p.checkDigitValid = (flags & CHECK_VALID) !== 0;
      const b = this.birthDay[i];
      p.birthDay = b === NO_DAY ? null : b;
      into.personId = p;
    }
    into.lazyBits = this.lazy[i];
    into.lazyIndex = i;
    into.lazySource = this.lazyTexts;
    // Index 0 of both registries is null: an empty cell reads as null without a test.
    into.municipality = texts[this.municipality[i]];
    into.residenceMunicipality = texts[this.residenceMunicipality[i]];
    into.careType = CARE_OF[this.careType[i]];
    into.careTypeRaw = texts[this.careTypeRaw[i]];
    into.unit = texts[this.unit[i]];
    into.dischargeCause = texts[this.dischargeCause[i]];
    into.admission = dates[this.admission[i]];
    into.ready = dates[this.ready[i]];
    into.discharge = dates[this.discharge[i]];
    into.death = dates[this.death[i]];
    into.admissionNotice = dates[this.admissionNotice[i]];
    into.sipInvitation = dates[this.sipInvitation[i]];
    into.readyWithdrawn = dates[this.readyWithdrawn[i]];
    into.newReady = dates[this.newReady[i]];
    into.planningNeeded = PLANNING_OF[this.planningNeeded[i]];
    const set = this.numberSet[i];
    into.statedDays = (set & NUMBER_BIT.statedDays) !== 0 ? this.statedDays[i] : null;
    into.billedDays = (set & NUMBER_BIT.billedDays) !== 0 ? this.billedDays[i] : null;
    into.pricePerDay = (set & NUMBER_BIT.pricePerDay) !== 0 ? this.pricePerDay[i] : null;
    into.amount = (set & NUMBER_BIT.amount) !== 0 ? this.amount[i] : null;
    return into;
  }

  /** Row i as a new Stay of its own. */
  stay(i: number): Stay {
    const s = this.read(i, new StayCursor());
    const id = s.personId;
    return {
      sheet: s.sheet,
      row: s.row,
      personId: id === null ? null : { normalized: id.normalized, kind: id.kind, checkDigitValid: id.checkDigitValid, birthDay: id.birthDay },
      personIdRaw: s.personIdRaw,
      stayId: s.stayId,
      municipality: s.municipality,
      residenceMunicipality: s.residenceMunicipality,
      careType: s.careType,
      careTypeRaw: s.careTypeRaw,
      unit: s.unit,
      dischargeCause: s.dischargeCause,
      admission: s.admission,
      ready: s.ready,
      discharge: s.discharge,
      death: s.death,
      admissionNotice: s.admissionNotice,
      planningNeeded: s.planningNeeded,
      sipInvitation: s.sipInvitation,
      careContact: s.careContact,
      readyWithdrawn: s.readyWithdrawn,
      newReady: s.newReady,
      statedDays: s.statedDays,
      billedDays: s.billedDays,
      pricePerDay: s.pricePerDay,
      amount: s.amount,
    };
  }

  /** Whether the row has a stay id, without reading it. */
  hasStayId(i: number): boolean {
    return (this.lazy[i] & LAZY.stayId) !== 0;
  }

  stayIdOf(i: number): string | null {
    return (this.lazy[i] & LAZY.stayId) !== 0 ? this.lazyTexts.text(i, this.row[i], "stayId") : null;
  }

  /** The identity number as a key: the 12-digit number, a reserve number's text, or null. */
  personKey(i: number): number | string | null {
    if (this.personFlags[i] === 0) return null;
    const n = this.personNumber[i];
    return n >= 0 ? n : (this.texts[-n] as string);
  }

  /** The epoch day of a date column, or null. */
  dayOf(column: Int32Array, i: number): number | null {
    const k = column[i];
    return k === 0 ? null : this.dateDay[k];
  }
}

/** Every row as a Stay of its own (tests, small inputs). */
export function staysOf(table: StayTable): Stay[] {
  const out: Stay[] = [];
  for (let i = 0; i < table.length; i++) out.push(table.stay(i));
  return out;
}

/**
 * A table holding the given stays of one sheet, in their order (tests and callers that build
 * stays by hand). Equal dates and texts are shared, as the reader shares them.
 */
export function tableFromStays(sheet: string, stays: readonly Stay[]): StayTable {
  const t = new StayTable(sheet, stays.length);
  const dateIndex = new Map<string, number>();
  const textIndex = new Map<string, number>();
  const date = (v: LocalDateTime | null): number => {
    if (v === null) return EMPTY;
    const key = `${v.day}:${v.minute}`;
    let k = dateIndex.get(key);
    if (k === undefined) dateIndex.set(key, (k = t.addDate({ day: v.day, minute: v.minute })));
    return k;
  };
  const text = (v: string | null): number => {
    if (v === null) return EMPTY;
    let k = textIndex.get(v);
    if (k === undefined) textIndex.set(v, (k = t.addText(v)));
    return k;
  };
  const lazyTexts: Record<LazyText, string[]> = { personIdRaw: [], stayId: [], careContact: [] };
  for (const s of stays) {
    const i = t.addRow(s.row);
    for (const c of DATE_COLUMNS) t[c][i] = date(s[c]);
    for (const c of TEXT_COLUMNS) t[c][i] = text(s[c]);
    for (const c of NUMBER_COLUMNS) {
      const v = s[c];
      if (v !== null) t.setNumber(t[c], NUMBER_BIT[c], i, v);
    }
    for (const which of Object.keys(LAZY) as LazyText[]) {
      const v = s[which];
      lazyTexts[which].push(v ?? "");
      if (v !== null) t.lazy[i] |= LAZY[which];
    }
    t.setCareType(i, s.careType);
    t.setPlanningNeeded(i, s.planningNeeded);
    if (s.personId !== null) t.setPerson(i, s.personId);
  }
  t.lazyTexts = { text: (i, _row, which) => lazyTexts[which][i], nonBlank: false };
  return t;
}

/** The value of a 12-digit text, or −1 when it is not exactly 12 digits. */
export function twelveDigits(text: string): number {
  if (text.length !== 12) return -1;
  let v = 0;
  for (let i = 0; i < 12; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function twelve(n: number): string {
  return String(n).padStart(12, "0");
}
