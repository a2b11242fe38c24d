/**
 * A file's stay keys and the few fields a cross-file message quotes, kept after the file's grid
 * is let go: a batch of a year's files would otherwise hold every grid until the last file is
 * read. About 40 bytes a stay (typed columns; municipality and unit names shared).
 */
import type { LocalDateTime } from "../cells/localDate";
import type { Stay } from "../model";
import { keyWorkbookStays, type KeyWorkbookOptions } from "../stays/keyWorkbook";
import type { KeyedStay, StayKeyIndex } from "../stays/stayKey";
import type { WorkbookGrids } from "../cells/cellValue";

/**
 * The fields of a stay that tell two invoicings of it apart (what CROSS_FILE_REINVOICED names),
 * and the two the follow-up reports read besides the basis (the notice and the care contact).
 */
export type StayDetails = Pick<Stay, "admission" | "ready" | "discharge" | "admissionNotice" | "municipality" | "unit" | "careContact" | "personId" | "personIdRaw">;

/** What the cross-file check reads of a file's stays: their keys in sheet and row order, and their details. */
export interface KeyedStays {
  readonly stays: readonly KeyedStay[];
  stay(key: string): StayDetails | undefined;
  /** The identity number as written in its cell (stay() gives the normalised one), where kept. */
  personIdAsWritten?(key: string): string | null;
}

const NO_DAY = -0x80000000;
/** Per stay: admission, ready, discharge, admission notice; municipality, unit, care contact. */
const DATES = 4;
const NAMES = 3;

export class CompactStays implements KeyedStays {
  private readonly byKey = new Map<string, number>();
  private readonly days: Int32Array;
  private readonly minutes: Int16Array;
  private readonly names: (string | null)[] = [];
  private readonly nameIds: Uint32Array;
  private readonly persons: string[];
  /** As written, for the reports' masked column; null where it is the normalised text. */
  private readonly written: (string | null)[];

  private constructor(readonly stays: readonly KeyedStay[], stayOf: (k: KeyedStay) => Stay | undefined) {
    const n = stays.length;
    this.days = new Int32Array(n * DATES).fill(NO_DAY);
    this.minutes = new Int16Array(n * DATES).fill(-1);
    this.nameIds = new Uint32Array(n * NAMES);
    this.persons = new Array<string>(n);
    this.written = new Array<string | null>(n).fill(null);
    const ids = new Map<string | null, number>();
    const nameId = (s: string | null) => {
      let id = ids.get(s);
      if (id === undefined) ids.set(s, (id = this.names.push(s) - 1));
      return id;
    };
    stays.forEach((k, i) => {
      this.byKey.set(k.key, i);
      const s = stayOf(k);
      if (!s) return;
      [s.admission, s.ready, s.discharge, s.admissionNotice].forEach((d, j) => {
        if (d === null) return;
        this.days[i * DATES + j] = d.day;
        this.minutes[i * DATES + j] = d.minute ?? -1;
      });
      this.nameIds[i * NAMES] = nameId(s.municipality);
      this.nameIds[i * NAMES + 1] = nameId(s.unit);
      this.nameIds[i * NAMES + 2] = nameId(s.careContact);
      this.persons[i] = s.personId ? s.personId.normalized : (s.personIdRaw ?? "").replace(/\s+/g, "");
      if (s.personIdRaw !== null && s.personIdRaw !== this.persons[i]) this.written[i] = s.personIdRaw;
    });
  }

  /** The index's keys and details; the index (and the grid behind it) may then be let go. */
  static of(index: StayKeyIndex): CompactStays {
    return new CompactStays(index.stays, (k) => index.stay(k.key));
  }

  /**
   * The workbook's stays keyed (as keyWorkbookStays) and their details kept in the same pass over
   * the rows: `index` is the full index for the file's own use (its disputes), `compact` what
   * outlives the grid.
   */
  static ofWorkbook(input: WorkbookGrids, options: KeyWorkbookOptions): { index: StayKeyIndex; compact: CompactStays } {
    const seen: Stay[] = [];
    const index = keyWorkbookStays(input, options, (i, stay) => {
      if (seen[i] === undefined) seen[i] = pick(stay);
    });
    const byKey = new Map(index.stays.map((k, i) => [k.key, i]));
    const compact = new CompactStays(index.stays, (k) => seen[byKey.get(k.key)!]);
    return { index, compact };
  }

  personIdAsWritten(key: string): string | null {
    const i = this.byKey.get(key);
    if (i === undefined) return null;
    return this.written[i] ?? this.persons[i] ?? null;
  }

  stay(key: string): StayDetails | undefined {
    const i = this.byKey.get(key);
    if (i === undefined) return undefined;
    const at = (j: number): LocalDateTime | null => {
      const day = this.days[i * DATES + j];
      if (day === NO_DAY) return null;
      const minute = this.minutes[i * DATES + j];
      return { day, minute: minute < 0 ? null : minute };
    };
    // The person as the key's digest reads it: normalised where the number is valid.
    const name = (j: number) => this.names[this.nameIds[i * NAMES + j]] ?? null;
    return { admission: at(0), ready: at(1), discharge: at(2), admissionNotice: at(3), municipality: name(0), unit: name(1), careContact: name(2), personId: null, personIdRaw: this.persons[i] ?? "" };
  }
}

/** The fields a Stay cursor holds now, copied (the cursor is refilled for the next row). */
function pick(s: Stay): Stay {
  return { admission: s.admission, ready: s.ready, discharge: s.discharge, admissionNotice: s.admissionNotice, municipality: s.municipality, unit: s.unit, careContact: s.careContact, personId: s.personId, personIdRaw: s.personIdRaw } as Stay;
}
