/**
 * The stored form of disputes: versioned, compact, and split so that reviewers never overwrite
 * each other.
 *
 * - Each writer (one reviewer on one device: an id the host makes once and remembers) keeps its
 *   own records in its own parts; saving rewrites only that writer's parts. Reading merges every
 *   writer's records, the latest per key winning (mergeDisputes); a withdrawal is a record too
 *   (a tombstone), so it wins over an older dispute from another writer.
 * - A writer's records are split into parts of at most PART_BYTES characters, so any number of
 *   disputes fits Office's request limits (each part is one request).
 * - A part is XML (a custom XML part's form): one root element in our namespace holding JSON
 *   with a field list and one array per record, about half the size of one object per record.
 * - Validation on load: a part that cannot be read at all is reported and left as it is (never
 *   rewritten, never deleted); a record that fails the schema is reported and written back
 *   unchanged with the writer's next save.
 */
import type { Bilingual } from "../model";
import { disputeSchema, mergeDisputes, type Dispute } from "./dispute";

export const DISPUTE_NAMESPACE = "urn:utskrivningsklar-granskning:disputes";
export const DISPUTE_FORMAT = "utskrivningsklar-granskning/disputes";
export const DISPUTE_STORE_VERSION = 1;
/** Characters per part: a part is one request, far under Excel on the web's 5 MB. */
export const PART_BYTES = 1_000_000;

/** The record's fields in stored order (the stored field list says which order a part uses). */
export const STORED_FIELDS = [
  "key",
  "fingerprint",
  "content",
  "sheet",
  "row",
  "reason",
  "comment",
  "by",
  "at",
  "withdrawn",
  "stayId",
  "personId",
  "municipality",
  "careType",
  "ready",
  "discharge",
  "days",
  "liableDays",
  "amount",
] as const;

type StoredRow = unknown[];

function toRow(d: Dispute): StoredRow {
  return [
    d.key,
    d.fingerprint,
    d.content,
    d.sheet,
    d.row,
    d.reason,
    d.comment,
    d.by,
    d.at,
    d.withdrawn ? 1 : 0,
    d.stay.stayId,
    d.stay.personId,
    d.stay.municipality,
    d.stay.careType,
    d.stay.ready,
    d.stay.discharge,
    d.figures.days,
    d.figures.liableDays,
    d.figures.amount,
  ];
}

function fromRow(row: StoredRow, fields: readonly string[]): unknown {
  const v = (name: string) => {
    const i = fields.indexOf(name);
    return i < 0 ? undefined : row[i];
  };
  const withdrawn = v("withdrawn");
  return {
    key: v("key"),
    fingerprint: v("fingerprint"),
    content: v("content"),
    sheet: v("sheet"),
    row: v("row"),
    reason: v("reason"),
    comment: v("comment"),
    by: v("by"),
    at: v("at"),
    withdrawn: withdrawn === 1 ? true : withdrawn === 0 ? false : withdrawn,
    stay: { stayId: v("stayId"), personId: v("personId"), municipality: v("municipality"), careType: v("careType"), ready: v("ready"), discharge: v("discharge") },
    figures: { days: v("days"), liableDays: v("liableDays"), amount: v("amount") },
  };
}

export interface Writer {
  /** Stable per reviewer and device; never shown. */
  id: string;
  /** The name the reviewer gave. */
  name: string;
}

export interface ReadPart {
  writer: Writer;
  chunk: number;
  chunks: number;
  disputes: Dispute[];
  /** Records that failed validation, as stored: written back unchanged. */
  unreadable: StoredRow[];
  problems: Bilingual[];
  clearedAt: string | null;
}

export type PartReading = { ok: true; part: ReadPart } | { ok: false; problem: Bilingual };

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function unescapeXml(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"))
    .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
      const l = e.toLowerCase();
      if (l === "lt") return "<";
      if (l === "gt") return ">";
      if (l === "amp") return "&";
      if (l === "quot") return '"';
      if (l === "apos") return "'";
      return String.fromCodePoint(l.startsWith("#x") ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10));
    });
}

/**
 * A writer's records as parts (XML strings), each at most about PART_BYTES characters.
 * `clearedAt`: the time of a confirmed removal of all disputes; records up to it are ignored on
 * reading, whoever saves them again (a co-author's window still holding them).
 */
export function serializeParts(
  writer: Writer,
  disputes: readonly Dispute[],
  keep: readonly StoredRow[] = [],
  partBytes = PART_BYTES,
  clearedAt: string | null = null,
): string[] {
  const rows = [...disputes.map(toRow), ...keep].map((r) => JSON.stringify(r));
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const r of rows) {
    if (current.length && size + r.length + 1 > partBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(r);
    size += r.length + 1;
  }
  if (current.length || chunks.length === 0) chunks.push(current);
  return chunks.map((list, k) => {
    const head = JSON.stringify({
      format: DISPUTE_FORMAT,
      version: DISPUTE_STORE_VERSION,
      writer: writer.id,
      name: writer.name,
      chunk: k + 1,
      chunks: chunks.length,
      fields: STORED_FIELDS,
      ...(clearedAt ? { clearedAt } : {}),
    });
    const json = `${head.slice(0, -1)},"rows":[${list.join(",")}]}`;
    return `<?xml version="1.0" encoding="UTF-8"?><disputes xmlns="${DISPUTE_NAMESPACE}" version="${DISPUTE_STORE_VERSION}">${escapeXml(json)}</disputes>`;
  });
}

const ROOT = /<(?:([A-Za-z_][\w.-]*):)?disputes\b[^>]*>([\s\S]*)<\/(?:[A-Za-z_][\w.-]*:)?disputes\s*>/;

const unreadablePart = (detail: string): PartReading => ({
  ok: false,
  problem: {
    sv: `En sparad del med bestridanden kunde inte läsas (${detail}); den lämnas orörd.`,
    en: `A stored part with disputes could not be read (${detail}); it is left as it is.`,
  },
});

export function parsePart(xml: string): PartReading {
  const m = ROOT.exec(xml);
  if (!m) return unreadablePart("no <disputes> element");
  let data: unknown;
  try {
    data = JSON.parse(unescapeXml(m[2]).trim());
  } catch {
    return unreadablePart("not JSON");
  }
  const o = data as Record<string, unknown>;
  if (typeof o !== "object" || o === null || o.format !== DISPUTE_FORMAT) return unreadablePart("unknown format");
  if (o.version !== DISPUTE_STORE_VERSION) return unreadablePart(`version ${String(o.version)}, this version reads ${DISPUTE_STORE_VERSION}`);
  if (typeof o.writer !== "string" || !o.writer || !Array.isArray(o.fields) || !Array.isArray(o.rows)) return unreadablePart("writer, fields or rows missing");
  const fields = o.fields.map(String);
  const disputes: Dispute[] = [];
  const unreadable: StoredRow[] = [];
  const problems: Bilingual[] = [];
  o.rows.forEach((row: unknown, i: number) => {
    const parsed = Array.isArray(row) ? disputeSchema.safeParse(fromRow(row, fields)) : null;
    if (parsed?.success) {
      disputes.push(parsed.data);
      return;
    }
    unreadable.push(Array.isArray(row) ? row : [row]);
    const issue = parsed?.error.issues[0];
    const what = issue ? `${issue.path.join(".")}: ${issue.message}` : "not a record";
    problems.push({
      sv: `Bestridande ${i + 1} från ${String(o.name ?? o.writer)} kunde inte läsas (${what}); det sparas oförändrat.`,
      en: `Dispute ${i + 1} from ${String(o.name ?? o.writer)} could not be read (${what}); it is kept unchanged.`,
    });
  });
  const chunk = Number.isInteger(o.chunk) ? (o.chunk as number) : 1;
  const chunks = Number.isInteger(o.chunks) ? (o.chunks as number) : 1;
  const clearedAt = typeof o.clearedAt === "string" ? o.clearedAt : null;
  return { ok: true, part: { writer: { id: o.writer, name: String(o.name ?? "") }, chunk, chunks, disputes, unreadable, problems, clearedAt } };
}

/** What a host holds after reading every part: this writer's own records, the others', the merge. */
export interface LoadedDisputes {
  /** The latest record per key over every writer (tombstones included). */
  merged: Dispute[];
  /** This writer's own records: what its next save writes. */
  own: Dispute[];
  /** This writer's unreadable records, written back unchanged. */
  ownUnreadable: StoredRow[];
  /** Everything that could not be read, in words. */
  problems: Bilingual[];
  /** Ids (host's) of parts this writer owns: the ones its save replaces. */
  ownPartIds: string[];
  /** Ids of every part that was read (the ones a confirmed removal deletes); unreadable ones are not among them. */
  readPartIds: string[];
  /** Ids of parts holding records that could not be read: a removal keeps them. */
  partsWithUnreadable: string[];
  /** The latest confirmed removal of all disputes, or null. */
  clearedAt: string | null;
}

export function loadDisputes(parts: readonly { id: string; xml: string }[], writerId: string): LoadedDisputes {
  const lists: Dispute[][] = [];
  const own: Dispute[] = [];
  const ownUnreadable: StoredRow[] = [];
  const problems: Bilingual[] = [];
  const ownPartIds: string[] = [];
  const readPartIds: string[] = [];
  const partsWithUnreadable: string[] = [];
  let clearedAt: string | null = null;
  const chunksSeen = new Map<string, { name: string; seen: Set<number>; of: number }>();
  for (const p of parts) {
    const r = parsePart(p.xml);
    if (!r.ok) {
      problems.push(r.problem);
      continue;
    }
    const part = r.part;
    readPartIds.push(p.id);
    if (part.unreadable.length) partsWithUnreadable.push(p.id);
    if (part.clearedAt && (clearedAt === null || part.clearedAt > clearedAt)) clearedAt = part.clearedAt;
    problems.push(...part.problems);
    lists.push(part.disputes);
    const c = chunksSeen.get(part.writer.id) ?? { name: part.writer.name, seen: new Set<number>(), of: part.chunks };
    c.seen.add(part.chunk);
    chunksSeen.set(part.writer.id, c);
    if (part.writer.id === writerId) {
      own.push(...part.disputes);
      ownUnreadable.push(...part.unreadable);
      ownPartIds.push(p.id);
    }
  }
  for (const [, c] of chunksSeen) {
    if (c.seen.size < c.of) {
      problems.push({
        sv: `Av ${c.name || "en granskares"} sparade bestridanden saknas ${c.of - c.seen.size} av ${c.of} delar; de övriga visas.`,
        en: `Of the disputes ${c.name || "a reviewer"} saved, ${c.of - c.seen.size} of ${c.of} parts are missing; the others are shown.`,
      });
    }
  }
  const live = (d: Dispute) => clearedAt === null || d.at > clearedAt;
  return {
    merged: mergeDisputes(...lists).filter(live),
    own: mergeDisputes(own).filter(live),
    ownUnreadable,
    problems,
    ownPartIds,
    readPartIds,
    partsWithUnreadable,
    clearedAt,
  };
}
