/**
 * What the follow-up reports (DOMAIN.md §8) are computed from, and what they share: the figure
 * basis of a review (one entry per stay whose days are countable), the agreement, the stays'
 * keys and fields (read again from the grid: the basis holds no notices or contacts), which
 * columns each sheet has, and the disputes found in it.
 *
 * Common rules of every report (stated on each sheet):
 * - a stay belongs to the month it was discharged in (DOMAIN.md §2, SKR's indicator counts stays
 *   closed in the month); an open stay only where the user asked to count open stays, in the
 *   month of the day it is counted up to;
 * - its discharge-ready days are discharge date − ready date in calendar days (the new ready
 *   date when the status was withdrawn and set again), whatever the agreement counts;
 * - a row whose dates cannot give days (missing, unreadable, discharge before ready) is in no
 *   month: the sheet says how many there are.
 */
import type { AgreementProfile } from "../agreements/profileSchema";
import { privateText, quoteId } from "../cells/mask";
import type { FoundDispute } from "../disputes/match";
import type { FigureBasis } from "../figures/figureBasis";
import { CARE_TYPE_LABELS } from "../figures/figureLabels";
import { periodLabel } from "../figures/periods";
import type { Bilingual, CareType, Finding, Stay } from "../model";
import type { ReviewResult } from "../review/result";
import type { Field } from "../sheet/fields";
import type { KeyedStay, StayKeyIndex } from "../stays/stayKey";

/** What a report reads of a stay besides the basis: its identity number as written, its notice and its care contact. */
export type ReportStay = Pick<Stay, "personIdRaw" | "admission" | "admissionNotice" | "careContact">;

/**
 * The stays' keys and fields by sheet and row, as the basis names them: a review's StayKeyIndex,
 * or a batch's files together (batch/batchReportInput.ts, sheets named `[file]sheet`).
 */
export interface ReportStays {
  at(sheet: string, row: number): KeyedStay | undefined;
  fieldsAt(sheet: string, row: number): ReportStay | undefined;
}

export type Lang = keyof Bilingual;

export interface ReportInput {
  basis: FigureBasis;
  profile: AgreementProfile;
  /** The stays' keys and fields as last read (keyWorkbookStays on the reviewed sheets). */
  keys: ReportStays;
  /** Per sheet, the fields it has a column for. */
  sheetFields: ReadonlyMap<string, ReadonlySet<Field>>;
  /** The review's findings: an unreadable cell (INVALID_VALUE) is not an empty one. */
  findings: readonly Finding[];
  /** Disputes found again in the sheets; absent when none were read (figures "after disputes" = recomputed). */
  found?: readonly FoundDispute[];
}

export interface ReportOptions {
  lang: Lang;
  /** Show identity numbers as written (the user asked); masked otherwise. */
  reveal: boolean;
}

/** The input of the reports from a review, the key index of the same read and the disputes found in it. */
export function reportInputOf(result: ReviewResult, keys: StayKeyIndex, found?: readonly FoundDispute[]): ReportInput {
  const sheetFields = new Map<string, Set<Field>>();
  for (const s of result.sheets) sheetFields.set(s.name, new Set(s.mapping.map((m) => m.field)));
  return { basis: result.basis, profile: result.profile, keys, sheetFields, findings: result.findings, found };
}

export const tr = (sv: string, en: string): Bilingual => ({ sv, en });
export const say = (b: Bilingual, lang: Lang): string => b[lang];

export const careTypeOf = (basis: FigureBasis, i: number): CareType => (basis.careType[i] === 1 ? "psychiatric" : "somatic");
export const careLabel = (care: CareType, lang: Lang): string => CARE_TYPE_LABELS[care][lang];

/** Discharge-ready days of stay i: calendar days from the (effective) ready date to discharge. */
export const stayDays = (basis: FigureBasis, i: number): number => basis.calendarDays[i];

export const monthLabel = (monthIndex: number): string => periodLabel(monthIndex, { kind: "month" });
export const quarterLabel = (monthIndex: number): string => periodLabel(Math.floor(monthIndex / 3), { kind: "quarter" });
export const halfYearLabel = (monthIndex: number): string => periodLabel(Math.floor(monthIndex / 6), { kind: "halfYear" });

/** A municipality's name as shown: through the one mask (a name may hold a typed identity number). */
export const shownName = (name: string, o: ReportOptions): string => privateText(name, o.reveal);

/** shownName of each name once (a report names the same few municipalities and sheets on every row). */
export function shownNames(o: ReportOptions): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let shown = cache.get(name);
    if (shown === undefined) cache.set(name, (shown = privateText(name, o.reveal)));
    return shown;
  };
}

/** An identity number as written in its cell: masked whole unless revealed. */
export const shownPersonId = (raw: string | null, o: ReportOptions): string | null => (raw === null || raw.trim() === "" ? null : privateText(quoteId(raw), o.reveal));

/**
 * A stay's key as shown: a stay id may be an identity number typed in, so an "id:" key goes
 * through the mask; a digest ("h:…") holds nothing personal and is kept whole to be found again.
 */
export function shownKey(keyed: KeyedStay | undefined, o: ReportOptions): string | null {
  if (!keyed) return null;
  return keyed.key.startsWith("id:") ? privateText(keyed.key, o.reveal) : keyed.key;
}

/** Column titles made unique (Excel tables need it): a repeat gets " (2)", " (3)", … */
export function uniqueTitles(titles: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((t) => {
    const k = t.toLowerCase();
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? t : `${t} (${n})`;
  });
}

/** The months from the first to the last discharge month of the basis (every month, for a chart's axis). */
export function monthRange(basis: FigureBasis, keep: (i: number) => boolean = () => true): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < basis.count; i++) {
    if (!keep(i)) continue;
    const m = basis.dischargeMonth[i];
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  const out: number[] = [];
  for (let m = lo; m <= hi; m++) out.push(m);
  return out;
}

/** Notes every report carries: what the stays are and what is not in them. */
export function commonNotes(input: ReportInput, lang: Lang): string[] {
  const { basis, profile } = input;
  const notes = [
    say(tr(`Överenskommelse: ${profile.name.sv} (${profile.id}).`, `Agreement: ${profile.name.en} (${profile.id}).`), lang),
    say(
      tr(
        "Ett vårdtillfälle hör till den månad det skrevs ut (DOMAIN §2). Utskrivningsklara dagar = utskrivningsdatum − utskrivningsklar datum i kalenderdagar (efter återkallad status: från det nya datumet).",
        "A stay belongs to the month it was discharged in (DOMAIN §2). Discharge-ready days = discharge date − discharge-ready date in calendar days (after a withdrawn status: from the new date).",
      ),
      lang,
    ),
  ];
  let open = 0;
  for (let i = 0; i < basis.count; i++) open += basis.open[i];
  if (open > 0) {
    notes.push(say(tr(`${open} vårdtillfällen utan utskrivningsdatum räknas fram till den valda dagen, i den dagens månad.`, `${open} stays without a discharge date are counted up to the chosen day, in that day's month.`), lang));
  }
  let noCare = 0;
  for (let i = 0; i < basis.count; i++) noCare += basis.careTypeMissing[i];
  if (noCare > 0) {
    notes.push(say(tr(`${noCare} vårdtillfällen utan vårdform räknas som somatisk vård, som i beräkningen (se antagandena).`, `${noCare} stays without a care type are counted as somatic care, as in the figures (see the assumptions).`), lang));
  }
  const l = basis.left;
  const out = l.missingDates + l.dischargeBeforeReady + l.open + l.unreadableDates;
  if (out > 0) {
    notes.push(
      say(
        tr(
          `${out} rader saknas i rapporten: datum saknas (${l.missingDates}), går inte att läsa (${l.unreadableDates}), utskrivning före utskrivningsklar (${l.dischargeBeforeReady}), ej utskrivna (${l.open}). Se granskningens avvikelser.`,
          `${out} rows are not in the report: dates missing (${l.missingDates}), unreadable (${l.unreadableDates}), discharge before ready (${l.dischargeBeforeReady}), not discharged (${l.open}). See the review's findings.`,
        ),
        lang,
      ),
    );
  }
  return notes;
}

/** Per group key, the running sums of stays, 0-day stays and days. */
export interface DayTally {
  stays: number;
  zeroDayStays: number;
  days: number;
}

export function addStay(t: DayTally, days: number): void {
  t.stays++;
  t.days += days;
  if (days === 0) t.zeroDayStays++;
}

export const newTally = (): DayTally => ({ stays: 0, zeroDayStays: 0, days: 0 });
