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
import { Arena } from "../memory/arena";
import type { CareType, PersonId, Stay } from "../model";

/** An empty date or text cell. */
export const NONE = -1;
/** An empty identity number's birth day. */
const NO_DAY = -2147483648;

/** personFlags: the kind in the low two bits, and whether the check digit is valid. */
const KIND_CODE: Record<PersonId["kind"], number> = { personnummer: 1, samordningsnummer: 2, reservnummer: 3 };
const KIND_OF: (PersonId["kind"] | null)[] = [null, "personnummer", "samordningsnummer", "reservnummer"];
const CHECK_VALID = 4;

const CARE_CODE = { somatic: 1, psychiatric: 2 } as const;
const CARE_OF: (CareType | null)[] = [null, "somatic", "psychiatric"];

const DATE_COLUMNS = ["admission", "ready", "discharge", "death", "admissionNotice", "sipInvitation", "readyWithdrawn", "newReady"] as const;
const TEXT_COLUMNS = ["personIdRaw", "stayId", "municipality", "residenceMunicipality", "careTypeRaw", "unit", "dischargeCause", "careContact"] as const;
const NUMBER_COLUMNS = ["statedDays", "billedDays", "pricePerDay", "amount"] as const;
export type DateColumn = (typeof DATE_COLUMNS)[number];
export type TextColumn = (typeof TEXT_COLUMNS)[number];
export type NumberColumn = (typeof NUMBER_COLUMNS)[number];

const BYTES_PER_ROW =
  4 /* row */ + 4 * DATE_COLUMNS.length + 4 * TEXT_COLUMNS.length + 8 * NUMBER_COLUMNS.length + 1 /* careType */ + 1 /* planningNeeded */ + 8 /* personNumber */ + 1 /* personFlags */ + 4; /* birthDay */
const COLUMN_COUNT = 26;

/** The bytes of a table of `rows` rows: reserve them in an Arena to read without further allocation. */
export function stayTableBytes(rows: number): number {
  return rows * BYTES_PER_ROW + COLUMN_COUNT * 8; // + each column's alignment
}

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
  personIdRaw: string | null = null;
  stayId: string | null = null;
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
  careContact: string | null = null;
  readyWithdrawn: LocalDateTime | null = null;
  newReady: LocalDateTime | null = null;
  statedDays: number | null = null;
  billedDays: number | null = null;
  pricePerDay: number | null = null;
  amount: number | null = null;
  readonly person = new CursorPersonId();
}

export class StayTable {
  /** Rows written so far (the reader appends; capacity is fixed). */
  length = 0;
  readonly row: Int32Array;
  readonly admission: Int32Array;
  readonly ready: Int32Array;
  readonly discharge: Int32Array;
  readonly death: Int32Array;
  readonly admissionNotice: Int32Array;
  readonly sipInvitation: Int32Array;
  readonly readyWithdrawn: Int32Array;
  readonly newReady: Int32Array;
  readonly personIdRaw: Int32Array;
  readonly stayId: Int32Array;
  readonly municipality: Int32Array;
  readonly residenceMunicipality: Int32Array;
  readonly careTypeRaw: Int32Array;
  readonly unit: Int32Array;
  readonly dischargeCause: Int32Array;
  readonly careContact: Int32Array;
  /** 0 empty, 1 somatic, 2 psychiatric. */
  readonly careType: Uint8Array;
  /** −1 empty, 0 no, 1 yes. */
  readonly planningNeeded: Int8Array;
  readonly statedDays: Float64Array;
  readonly billedDays: Float64Array;
  readonly pricePerDay: Float64Array;
  readonly amount: Float64Array;
  /** The 12-digit normalized number; a reserve number's text is texts[−value − 1]. */
  readonly personNumber: Float64Array;
  /** 0 = no identity number; else the kind code | CHECK_VALID. */
  readonly personFlags: Uint8Array;
  readonly birthDay: Int32Array;
  /** The shared date values the date columns point into. */
  readonly dates: LocalDateTime[] = [];
  /** The texts the text columns point into. */
  readonly texts: string[] = [];

  constructor(
    readonly sheet: string,
    readonly capacity: number,
    arena: Arena = new Arena(),
  ) {
    // Widest first, so that columns stay aligned in a shared buffer.
    this.statedDays = arena.take(Float64Array, capacity);
    this.billedDays = arena.take(Float64Array, capacity);
    this.pricePerDay = arena.take(Float64Array, capacity);
    this.amount = arena.take(Float64Array, capacity);
    this.personNumber = arena.take(Float64Array, capacity);
    this.row = arena.take(Int32Array, capacity);
    this.admission = arena.take(Int32Array, capacity);
    this.ready = arena.take(Int32Array, capacity);
    this.discharge = arena.take(Int32Array, capacity);
    this.death = arena.take(Int32Array, capacity);
    this.admissionNotice = arena.take(Int32Array, capacity);
    this.sipInvitation = arena.take(Int32Array, capacity);
    this.readyWithdrawn = arena.take(Int32Array, capacity);
    this.newReady = arena.take(Int32Array, capacity);
    this.personIdRaw = arena.take(Int32Array, capacity);
    this.stayId = arena.take(Int32Array, capacity);
    this.municipality = arena.take(Int32Array, capacity);
    this.residenceMunicipality = arena.take(Int32Array, capacity);
    this.careTypeRaw = arena.take(Int32Array, capacity);
    this.unit = arena.take(Int32Array, capacity);
    this.dischargeCause = arena.take(Int32Array, capacity);
    this.careContact = arena.take(Int32Array, capacity);
    this.birthDay = arena.take(Int32Array, capacity);
    this.careType = arena.take(Uint8Array, capacity);
    this.planningNeeded = arena.take(Int8Array, capacity);
    this.personFlags = arena.take(Uint8Array, capacity);
  }

  /** Appends an empty row (every field empty) and returns its index. */
  addRow(excelRow: number): number {
    const i = this.length++;
    // Spelled out: a loop over column names would be a slow keyed access on every row.
    this.row[i] = excelRow;
    this.admission[i] = NONE;
    this.ready[i] = NONE;
    this.discharge[i] = NONE;
    this.death[i] = NONE;
    this.admissionNotice[i] = NONE;
    this.sipInvitation[i] = NONE;
    this.readyWithdrawn[i] = NONE;
    this.newReady[i] = NONE;
    this.personIdRaw[i] = NONE;
    this.stayId[i] = NONE;
    this.municipality[i] = NONE;
    this.residenceMunicipality[i] = NONE;
    this.careTypeRaw[i] = NONE;
    this.unit[i] = NONE;
    this.dischargeCause[i] = NONE;
    this.careContact[i] = NONE;
    this.statedDays[i] = NaN;
    this.billedDays[i] = NaN;
    this.pricePerDay[i] = NaN;
    this.amount[i] = NaN;
    this.careType[i] = 0;
    this.planningNeeded[i] = -1;
    this.personFlags[i] = 0;
    return i;
  }

  /** A new text index (no sharing: for texts that are mostly distinct, such as stay ids). */
  addText(text: string): number {
    return this.texts.push(text) - 1;
  }

  addDate(value: LocalDateTime): number {
    return this.dates.push(value) - 1;
  }

  setCareType(i: number, type: CareType | null): void {
    this.careType[i] = type === null ? 0 : CARE_CODE[type];
  }

  setPlanningNeeded(i: number, value: boolean | null): void {
    this.planningNeeded[i] = value === null ? -1 : value ? 1 : 0;
  }

  setPerson(i: number, id: PersonId): void {
    const n = twelveDigits(id.normalized);
    this.personNumber[i] = n >= 0 ? n : -this.addText(id.normalized) - 1;
    this.personFlags[i] = KIND_CODE[id.kind] | (id.checkDigitValid ? CHECK_VALID : 0);
    this.birthDay[i] = id.birthDay === null ? NO_DAY : id.birthDay;
  }

  /** Row i into `into`, which is returned: the allocation-free path of the row loops. */
  read(i: number, into: StayCursor): Stay {
    const dates = this.dates;
    const texts = this.texts;
    into.sheet = this.sheet;
    into.row = this.row[i];
    const flags = this.personFlags[i];
    if (flags === 0) into.personId = null;
    else {
      const p = into.person;
      const n = this.personNumber[i];
      p.key = n >= 0 ? n : texts[-n - 1];
      p.kind = KIND_OF[flags & 3] as PersonId["kind"];
      p.checkDigitValid = (flags & CHECK_VALID) !== 0;
      const b = this.birthDay[i];
      p.birthDay = b === NO_DAY ? null : b;
      into.personId = p;
    }
    let k = this.personIdRaw[i];
    into.personIdRaw = k < 0 ? null : texts[k];
    k = this.stayId[i];
    into.stayId = k < 0 ? null : texts[k];
    k = this.municipality[i];
    into.municipality = k < 0 ? null : texts[k];
    k = this.residenceMunicipality[i];
    into.residenceMunicipality = k < 0 ? null : texts[k];
    into.careType = CARE_OF[this.careType[i]];
    k = this.careTypeRaw[i];
    into.careTypeRaw = k < 0 ? null : texts[k];
    k = this.unit[i];
    into.unit = k < 0 ? null : texts[k];
    k = this.dischargeCause[i];
    into.dischargeCause = k < 0 ? null : texts[k];
    k = this.careContact[i];
    into.careContact = k < 0 ? null : texts[k];
    k = this.admission[i];
    into.admission = k < 0 ? null : dates[k];
    k = this.ready[i];
    into.ready = k < 0 ? null : dates[k];
    k = this.discharge[i];
    into.discharge = k < 0 ? null : dates[k];
    k = this.death[i];
    into.death = k < 0 ? null : dates[k];
    k = this.admissionNotice[i];
    into.admissionNotice = k < 0 ? null : dates[k];
    k = this.sipInvitation[i];
    into.sipInvitation = k < 0 ? null : dates[k];
    k = this.readyWithdrawn[i];
    into.readyWithdrawn = k < 0 ? null : dates[k];
    k = this.newReady[i];
    into.newReady = k < 0 ? null : dates[k];
    const plan = this.planningNeeded[i];
    into.planningNeeded = plan < 0 ? null : plan === 1;
    let x = this.statedDays[i];
    into.statedDays = x === x ? x : null; // NaN is the empty cell
    x = this.billedDays[i];
    into.billedDays = x === x ? x : null;
    x = this.pricePerDay[i];
    into.pricePerDay = x === x ? x : null;
    x = this.amount[i];
    into.amount = x === x ? x : null;
    return into;
  }

  /** Row i as a new Stay of its own. */
  stay(i: number): Stay {
    const s = this.read(i, new StayCursor());
    const { person: _person, ...plain } = s as StayCursor;
    const id = s.personId;
    return { ...plain, personId: id === null ? null : { normalized: id.normalized, kind: id.kind, checkDigitValid: id.checkDigitValid, birthDay: id.birthDay } };
  }

  stayIdOf(i: number): string | null {
    const k = this.stayId[i];
    return k < 0 ? null : this.texts[k];
  }

  /** The identity number as a key: the 12-digit number, a reserve number's text, or null. */
  personKey(i: number): number | string | null {
    if (this.personFlags[i] === 0) return null;
    const n = this.personNumber[i];
    return n >= 0 ? n : this.texts[-n - 1];
  }

  /** The epoch day of a date column, or null. */
  dayOf(column: Int32Array, i: number): number | null {
    const k = column[i];
    return k < 0 ? null : this.dates[k].day;
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
export function tableFromStays(sheet: string, stays: readonly Stay[], arena?: Arena): StayTable {
  const t = new StayTable(sheet, stays.length, arena);
  const dateIndex = new Map<string, number>();
  const textIndex = new Map<string, number>();
  const date = (v: LocalDateTime | null): number => {
    if (v === null) return NONE;
    const key = `${v.day}:${v.minute}`;
    let k = dateIndex.get(key);
    if (k === undefined) dateIndex.set(key, (k = t.addDate({ day: v.day, minute: v.minute })));
    return k;
  };
  const text = (v: string | null): number => {
    if (v === null) return NONE;
    let k = textIndex.get(v);
    if (k === undefined) textIndex.set(v, (k = t.addText(v)));
    return k;
  };
  for (const s of stays) {
    const i = t.addRow(s.row);
    for (const c of DATE_COLUMNS) t[c][i] = date(s[c]);
    for (const c of TEXT_COLUMNS) t[c][i] = text(s[c]);
    for (const c of NUMBER_COLUMNS) t[c][i] = s[c] ?? NaN;
    t.setCareType(i, s.careType);
    t.setPlanningNeeded(i, s.planningNeeded);
    if (s.personId !== null) t.setPerson(i, s.personId);
  }
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
