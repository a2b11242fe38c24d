/**
 * A dispute (bestridande) of one stay: kept by the stay's key, never by its row, with where the
 * stay was last seen, a reason, a comment, who and when, and the stay's identity and figures at
 * that moment so the list reads without the sheet.
 *
 * Records are immutable: an edit or a withdrawal is a new record for the same key with a later
 * time, and a withdrawal is kept as a tombstone. That makes two reviewers' lists mergeable
 * without either overwriting the other: per key the latest record wins (mergeDisputes).
 * The core reads no clock: every `at` is passed in (an ISO time in UTC, "…Z").
 */
import { z } from "zod";
import { formatDay } from "../cells/localDate";
import type { Stay } from "../model";
import type { KeyedStay } from "../stays/stayKey";
import { DISPUTE_REASONS, type DisputeReason } from "./reasons";

/** UTC, so that times of different reviewers compare as text. */
const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, "an ISO time in UTC (YYYY-MM-DDTHH:MM:SSZ)");
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const figure = z.number().finite().nullable();

export const disputedStaySchema = z.object({
  /** The stay id as written (vårdtillfälle), null without one. */
  stayId: z.string().nullable(),
  /** The identity number as written: the list goes to the region, which needs it in full. */
  personId: z.string().nullable(),
  municipality: z.string().nullable(),
  careType: z.enum(["somatic", "psychiatric"]).nullable(),
  ready: isoDay.nullable(),
  discharge: isoDay.nullable(),
});

export const disputeFiguresSchema = z.object({
  /** Discharge-ready days from the dates (calendar days, from a new notice where one was set). */
  days: figure,
  /** Billed days and amount as the row states them (what the region invoiced); null where it does not. */
  liableDays: figure,
  amount: figure,
});

export const disputeSchema = z.object({
  key: z.string().min(1).max(300),
  /** Digest of the identifying fields when disputed: a differing one means the stay was changed. */
  fingerprint: z.string().min(1).max(64),
  /** Digest of every field: tells occurrences of a repeated stay apart. */
  content: z.string().max(64),
  /** Where the stay was last seen; informative only, rows move. */
  sheet: z.string().min(1).max(31),
  row: z.number().int().min(1).max(1_048_576),
  reason: z.enum(DISPUTE_REASONS),
  comment: z.string().max(4000),
  by: z.string().trim().min(1).max(200),
  at: isoInstant,
  /** A withdrawal: kept, so that a merge does not bring the dispute back. */
  withdrawn: z.boolean(),
  stay: disputedStaySchema,
  figures: disputeFiguresSchema,
});

export type Dispute = z.infer<typeof disputeSchema>;
export type DisputedStay = z.infer<typeof disputedStaySchema>;
export type DisputeFigures = z.infer<typeof disputeFiguresSchema>;

/** What a stay records when disputed: its identity as written and its figures as invoiced. */
export function disputedStayOf(stay: Stay): { stay: DisputedStay; figures: DisputeFigures } {
  const start = stay.newReady ?? stay.ready;
  const days = start && stay.discharge && stay.discharge.day >= start.day ? stay.discharge.day - start.day : (stay.statedDays ?? null);
  return {
    stay: {
      stayId: stay.stayId?.trim() || null,
      personId: stay.personIdRaw?.trim() || stay.personId?.normalized || null,
      municipality: stay.municipality,
      careType: stay.careType,
      ready: stay.ready ? formatDay(stay.ready.day) : null,
      discharge: stay.discharge ? formatDay(stay.discharge.day) : null,
    },
    figures: { days, liableDays: stay.billedDays, amount: stay.amount },
  };
}

export interface NewDispute {
  keyed: KeyedStay;
  /** The stay's fields (StayKeyIndex.stay), for its identity and figures. */
  stay: Stay;
  reason: DisputeReason;
  comment: string;
  by: string;
  at: string;
}

export type DisputeResult = { ok: true; dispute: Dispute } | { ok: false; problems: string[] };

function checked(candidate: Dispute): DisputeResult {
  const parsed = disputeSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, dispute: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "(dispute)"}: ${i.message}`) };
}

export function makeDispute(input: NewDispute): DisputeResult {
  const { stay, figures } = disputedStayOf(input.stay);
  return checked({
    key: input.keyed.key,
    fingerprint: input.keyed.fingerprint,
    content: input.keyed.content,
    sheet: input.keyed.sheet,
    row: input.keyed.row,
    reason: input.reason,
    comment: input.comment.trim(),
    by: input.by.trim(),
    at: input.at,
    withdrawn: false,
    stay,
    figures,
  });
}

/** A changed reason or comment: a new record for the same key, by whoever edited it. */
export function editDispute(d: Dispute, change: { reason?: DisputeReason; comment?: string }, by: string, at: string): DisputeResult {
  return checked({ ...d, reason: change.reason ?? d.reason, comment: (change.comment ?? d.comment).trim(), by: by.trim(), at, withdrawn: false });
}

export function withdrawDispute(d: Dispute, by: string, at: string): DisputeResult {
  return checked({ ...d, by: by.trim(), at, withdrawn: true });
}

/** Later wins; at the same instant the order is fixed by reviewer, then a withdrawal last. */
export function isNewer(a: Dispute, b: Dispute): boolean {
  if (a.at !== b.at) return a.at > b.at;
  if (a.by !== b.by) return a.by > b.by;
  return a.withdrawn && !b.withdrawn;
}

/**
 * One record per key from any number of lists (one per reviewer): the latest wins, tombstones
 * included (activeDisputes leaves them out). Ordered by key, so the result does not depend on
 * the order of the lists.
 */
export function mergeDisputes(...lists: readonly (readonly Dispute[])[]): Dispute[] {
  const byKey = new Map<string, Dispute>();
  for (const list of lists) {
    for (const d of list) {
      const held = byKey.get(d.key);
      if (!held || isNewer(d, held)) byKey.set(d.key, d);
    }
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function activeDisputes(records: readonly Dispute[]): Dispute[] {
  return records.filter((d) => !d.withdrawn);
}
