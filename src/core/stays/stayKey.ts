/**
 * A stay's key: what the add-in keeps about a row (marks, disputes) is kept by the key, never by
 * the row number, because users sort, filter, insert and delete rows. The key is made from the
 * row's content, so it is found again wherever the row has moved, and after save and reopen.
 *
 * - Where the sheet has a stay id (vårdtillfälles-id), the key is that id.
 * - Otherwise it is a digest of the identifying fields: person, admission, ready and discharge
 *   date-times, municipality, unit.
 * - Rows with the same key (a stay invoiced twice) get an occurrence number, ordered by a digest
 *   of all their fields, so a sort does not swap them; only rows identical in every field keep
 *   the order of the sheet, and those are interchangeable.
 *
 * The fingerprint is the digest of the identifying fields even where a stay id gives the key:
 * it tells a stay whose dates were changed since a dispute was made.
 */
import type { LocalDateTime } from "../cells/localDate";
import { municipalityKey } from "../cells/text";
import type { Stay } from "../model";

export interface KeyedStay {
  key: string;
  fingerprint: string;
  /** Digest of every field: tells apart two occurrences of one key when one of them changes. */
  content: string;
  sheet: string;
  row: number;
}

/** Two 32-bit FNV-1a hashes with different offsets: 64 bits, enough for a workbook's stays. */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

const US = "\u001f"; // a separator no cell text is expected to hold

function dateText(v: LocalDateTime | null): string {
  return v === null ? "" : v.minute === null ? String(v.day) : `${v.day}:${v.minute}`;
}

function person(stay: Stay): string {
  if (stay.personId) return stay.personId.normalized;
  return (stay.personIdRaw ?? "").replace(/\s+/g, "");
}

function identifyingText(stay: Stay): string {
  return [
    person(stay),
    dateText(stay.admission),
    dateText(stay.ready),
    dateText(stay.discharge),
    stay.municipality ? municipalityKey(stay.municipality) : "",
    (stay.unit ?? "").trim().toLowerCase(),
  ].join(US);
}

/** Every field a reader fills, to order the occurrences of one key by content. */
function contentText(stay: Stay): string {
  const parts: string[] = [identifyingText(stay)];
  for (const [name, value] of Object.entries(stay)) {
    if (name === "sheet" || name === "row" || name === "personId") continue;
    parts.push(value === null || value === undefined ? "" : typeof value === "object" ? dateText(value as LocalDateTime) : String(value));
  }
  return parts.join(US);
}

/** The identifying fields' digest. */
export function stayFingerprint(stay: Stay): string {
  return digest(identifyingText(stay));
}

/** The digest of every field the reader fills. */
export function stayContent(stay: Stay): string {
  return digest(contentText(stay));
}

/** The key before occurrence numbers: "id:" and the stay id, or "h:" and the fingerprint. */
export function baseStayKey(stay: Stay): string {
  const id = stay.stayId?.trim();
  return id ? `id:${id}` : `h:${stayFingerprint(stay)}`;
}

/**
 * The keys of a workbook's stays, in sheet and row order: `stayAt(i)` gives stay i and may
 * reuse one object (a cursor), so it is asked again for the few stays whose key repeats. A key
 * that occurs once is its base; repeated ones get "~1", "~2", … in the order of their content.
 * The first occurrence carries its number too: a dispute made on one of two twins must never be
 * taken for a lone stay's (a bare key) once the other twin is gone or changed.
 */
export function keyStays(count: number, stayAt: (i: number) => Stay): KeyedStay[] {
  const out: KeyedStay[] = new Array(count);
  const byBase = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const stay = stayAt(i);
    const base = baseStayKey(stay);
    out[i] = { key: base, fingerprint: stayFingerprint(stay), content: stayContent(stay), sheet: stay.sheet, row: stay.row };
    const list = byBase.get(base);
    if (list) list.push(i);
    else byBase.set(base, [i]);
  }
  for (const [base, list] of byBase) {
    if (list.length < 2) continue;
    const text = new Map<number, string>();
    for (const i of list) text.set(i, contentText(stayAt(i)));
    // A stable sort: rows identical in every field keep the sheet's order.
    const ordered = [...list].sort((x, y) => {
      const tx = text.get(x)!;
      const ty = text.get(y)!;
      return tx < ty ? -1 : tx > ty ? 1 : 0;
    });
    ordered.forEach((i, n) => (out[i].key = `${base}~${n + 1}`));
  }
  return out;
}

/** The key with its occurrence number removed ("id:17~2" → "id:17"). */
export function baseOfKey(key: string): string {
  const m = /~\d+$/.exec(key);
  return m ? key.slice(0, m.index) : key;
}

/** Where each key is in the sheets now: found again at every read, never stored. */
export class StayKeyIndex {
  private readonly byKey = new Map<string, number>();
  private readonly byPlace = new Map<string, number>();
  private byBase: Map<string, KeyedStay[]> | null = null;

  /** `stayAt(i)` (optional) gives stay i's fields again, for what a dispute records of it. */
  constructor(
    readonly stays: readonly KeyedStay[],
    private readonly stayAt?: (i: number) => Stay,
  ) {
    stays.forEach((s, i) => {
      this.byKey.set(s.key, i);
      this.byPlace.set(`${s.sheet}\u0000${s.row}`, i);
    });
  }

  static of(stays: readonly Stay[]): StayKeyIndex {
    return new StayKeyIndex(keyStays(stays.length, (i) => stays[i]), (i) => stays[i]);
  }

  find(key: string): KeyedStay | undefined {
    const i = this.byKey.get(key);
    return i === undefined ? undefined : this.stays[i];
  }

  at(sheet: string, row: number): KeyedStay | undefined {
    const i = this.byPlace.get(`${sheet}\u0000${row}`);
    return i === undefined ? undefined : this.stays[i];
  }

  /** Every stay whose key has this base (one, or the occurrences of a repeated stay). */
  withBase(base: string): readonly KeyedStay[] {
    if (this.byBase === null) {
      this.byBase = new Map();
      for (const s of this.stays) {
        const b = baseOfKey(s.key);
        const list = this.byBase.get(b);
        if (list) list.push(s);
        else this.byBase.set(b, [s]);
      }
    }
    return this.byBase.get(base) ?? [];
  }

  /** The fields of the stay on this sheet and row now, where the index was built with them. */
  fieldsAt(sheet: string, row: number): Stay | undefined {
    const keyed = this.at(sheet, row);
    return keyed ? this.stay(keyed.key) : undefined;
  }

  /** The stay's fields (a fresh copy), where the index was built with them. */
  stay(key: string): Stay | undefined {
    const i = this.byKey.get(key);
    if (i === undefined || !this.stayAt) return undefined;
    return { ...this.stayAt(i) };
  }
}
