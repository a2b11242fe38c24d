/**
 * Report (e), Kalmar's basis for financial settlement: per municipality and month, the share of
 * stays whose admission notice came within 24 hours of admission, the share that had a named care
 * contact (fast vårdkontakt), and the share that had both (DOMAIN.md §1, §8).
 *
 * What is counted, per stay of the basis (month of discharge, both care types):
 * - notice within 24 h: the notice's time is at most 24 hours after admission; with a date
 *   missing its time, leniently by date (at most the next day), the check's own rule
 *   (checks/noticeTiming.ts). An empty notice cell is a notice missing: not within 24 h.
 *   It cannot be determined where the sheet has no notice or admission column, where the
 *   admission date is empty, or where either cell could not be read;
 * - care contact named: the care-contact cell holds text. It cannot be determined where the
 *   sheet has no care-contact column or the cell could not be read;
 * - both: where both can be determined.
 * A share is of the stays where it can be determined; where none can, the cell says why
 * (never 0 %), and the notes name the sheets without the column.
 */
import { formatFixed } from "../cells/numberText";
import { admissionNoticeLate } from "../checks/noticeTiming";
import type { Field } from "../sheet/fields";
import { FIELD_LABELS } from "../sheet/fields";
import type { SheetSpec, SpecCell } from "../sheets/sheetSpec";
import { commonNotes, monthLabel, say, shownName, tr, type Lang, type ReportInput, type ReportOptions, type ReportStay } from "./reportInput";

/** The sheet's name, the same in both languages, so a run in the other language replaces it. */
export const SHEET_NAME = "Inskrivning och vårdkontakt";
const TITLE = tr("Uppföljning: inskrivningsmeddelande inom 24 timmar och fast vårdkontakt", "Follow-up: admission notice within 24 hours and named care contact");

/** true / false where it can be determined; "noColumn" or "unknown" where it cannot. */
type Outcome = boolean | "noColumn" | "unknown";

interface Tally {
  municipality: number;
  month: number;
  stays: number;
  notice: Counts;
  contact: Counts;
  both: Counts;
}
interface Counts {
  yes: number;
  known: number;
  /** Stays on sheets without the column (among those not known). */
  noColumn: number;
}
const counts = (): Counts => ({ yes: 0, known: 0, noColumn: 0 });

function count(c: Counts, o: Outcome): void {
  if (o === "noColumn") c.noColumn++;
  else if (o !== "unknown") {
    c.known++;
    if (o) c.yes++;
  }
}

interface Lookup {
  fields: ReadonlySet<Field>;
  unreadable: (field: Field) => boolean;
}

export function noticeWithin24h(stay: ReportStay | undefined, at: Lookup): Outcome {
  if (!at.fields.has("admissionNoticeTime")) return "noColumn";
  if (!stay || at.unreadable("admissionNoticeTime")) return "unknown";
  if (stay.admissionNotice === null) return false;
  if (!at.fields.has("admissionDate")) return "noColumn";
  if (stay.admission === null || at.unreadable("admissionDate")) return "unknown";
  return !admissionNoticeLate(stay.admissionNotice, stay.admission);
}

export function careContactNamed(stay: ReportStay | undefined, at: Lookup): Outcome {
  if (!at.fields.has("careContact")) return "noColumn";
  if (!stay || at.unreadable("careContact")) return "unknown";
  return stay.careContact !== null && stay.careContact.trim() !== "";
}

function both(a: Outcome, b: Outcome): Outcome {
  if (a === "noColumn" || b === "noColumn") return "noColumn";
  if (a === "unknown" || b === "unknown") return "unknown";
  return a && b;
}

const NOT_COMPUTABLE = {
  noColumn: tr("ej beräkningsbar: kolumn saknas", "not computable: column missing"),
  unknown: tr("ej beräkningsbar: uppgift saknas", "not computable: data missing"),
};

/** The share, or why there is none (a column missing outweighs a cell missing). */
function share(c: Counts, lang: Lang): SpecCell {
  if (c.known > 0) return c.yes / c.known;
  return say(c.noColumn > 0 ? NOT_COMPUTABLE.noColumn : NOT_COMPUTABLE.unknown, lang);
}

export function noticeAndContactReport(input: ReportInput, o: ReportOptions): SheetSpec {
  const { basis, keys, sheetFields } = input;
  const { lang } = o;
  const unreadable = new Set<string>();
  for (const f of input.findings) {
    if (f.code !== "INVALID_VALUE" || f.row === null) continue;
    for (const field of f.fields) unreadable.add(`${f.sheet}\u0000${f.row}\u0000${field}`);
  }
  const noFields = new Set<Field>();
  const never = () => false;
  const groups = new Map<number, Tally>();
  let span = 0;
  for (let i = 0; i < basis.count; i++) span = Math.max(span, basis.dischargeMonth[i] + 1);
  for (let i = 0; i < basis.count; i++) {
    const sheet = basis.sheets[basis.sheetIndex[i]];
    const row = basis.row[i];
    const stay = keys.fieldsAt(sheet, row);
    const at: Lookup = { fields: sheetFields.get(sheet) ?? noFields, unreadable: unreadable.size === 0 ? never : (field) => unreadable.has(`${sheet}\u0000${row}\u0000${field}`) };
    const n = noticeWithin24h(stay, at);
    const c = careContactNamed(stay, at);
    const k = basis.municipality[i] * span + basis.dischargeMonth[i];
    let t = groups.get(k);
    if (!t) groups.set(k, (t = { municipality: basis.municipality[i], month: basis.dischargeMonth[i], stays: 0, notice: counts(), contact: counts(), both: counts() }));
    t.stays++;
    count(t.notice, n);
    count(t.contact, c);
    count(t.both, both(n, c));
  }
  const tallies = [...groups.values()].sort((a, b) => a.municipality - b.municipality || a.month - b.month);
  const known = (c: Counts) => (c.known > 0 ? c.yes : null);
  const rows: SpecCell[][] = tallies.map((t) => [
    shownName(basis.municipalities[t.municipality], o),
    monthLabel(t.month),
    t.stays,
    known(t.notice), t.notice.known, share(t.notice, lang),
    known(t.contact), t.contact.known, share(t.contact, lang),
    known(t.both), t.both.known, share(t.both, lang),
  ]);

  const notes = [
    ...commonNotes(input, lang),
    say(
      tr(
        "Inom 24 h: meddelandet skickat högst 24 timmar efter inskrivning; saknas klockslag räknas datum (högst dagen efter). Tomt meddelande = inte inom 24 h. Andel = av de vårdtillfällen där det går att avgöra.",
        "Within 24 h: the notice sent at most 24 hours after admission; without times, by date (at most the next day). An empty notice = not within 24 h. Share = of the stays where it can be determined.",
      ),
      lang,
    ),
    say(tr("Fast vårdkontakt: cellen anger ett namn (vilken text som helst). Båda vårdformerna räknas.", "Care contact: the cell names someone (any text). Both care types are counted."), lang),
  ];
  const needed: Field[] = ["admissionNoticeTime", "admissionDate", "careContact"];
  for (const sheet of basis.sheets) {
    const fields = sheetFields.get(sheet) ?? noFields;
    const missing = needed.filter((f) => !fields.has(f));
    if (missing.length === 0) continue;
    const names = missing.map((f) => FIELD_LABELS[f][lang]).join(", ");
    notes.push(
      say(
        tr(
          `ANTAGET/ej beräkningsbart: bladet ${shownName(sheet, o)} saknar kolumn för ${names}; dess vårdtillfällen räknas inte i andelen (visas inte som 0 %).`,
          `ASSUMED/not computable: sheet ${shownName(sheet, o)} has no column for ${names}; its stays are not in the share (not shown as 0 %).`,
        ),
        lang,
      ),
    );
  }
  const cond = input.profile.somatic.conditions;
  notes.push(
    say(
      tr(
        `Överenskommelsen (somatik) gör inskrivningsmeddelandet till villkor: ${cond.admissionNotice ? "ja" : "nej"}; fast vårdkontakt: ${cond.careContact ? "ja" : "nej"}.`,
        `The agreement (somatic) makes the admission notice a condition: ${cond.admissionNotice ? "yes" : "no"}; the care contact: ${cond.careContact ? "yes" : "no"}.`,
      ),
      lang,
    ),
  );
  const all = tallies.reduce((s, t) => s + t.stays, 0);
  const allNotice = tallies.reduce((s, t) => s + t.notice.yes, 0);
  const allNoticeKnown = tallies.reduce((s, t) => s + t.notice.known, 0);
  if (allNoticeKnown > 0) {
    const pct = formatFixed((100 * allNotice) / allNoticeKnown, 1, lang);
    notes.push(say(tr(`Totalt: ${allNotice} av ${allNoticeKnown} avgörbara (${all} vårdtillfällen) med meddelande inom 24 h, ${pct} %.`, `In all: ${allNotice} of ${allNoticeKnown} determinable (${all} stays) with the notice within 24 h, ${pct} %.`), lang));
  }

  return {
    name: SHEET_NAME,
    title: say(TITLE, lang),
    ownTitles: [TITLE.sv, TITLE.en],
    notes,
    tables: [
      {
        name: "R_Villkor_Manad",
        caption: say(tr("Per kommun och månad", "Per municipality and month"), lang),
        columns: [
          { title: say(tr("Kommun", "Municipality"), lang), format: "text" },
          { title: say(tr("Månad", "Month"), lang), format: "text" },
          { title: say(tr("Vårdtillfällen", "Stays"), lang), format: "integer" },
          { title: say(tr("Meddelande inom 24 h", "Notice within 24 h"), lang), format: "integer" },
          { title: say(tr("Avgörbara (meddelande)", "Determinable (notice)"), lang), format: "integer" },
          { title: say(tr("Andel inom 24 h", "Share within 24 h"), lang), format: "percent" },
          { title: say(tr("Fast vårdkontakt", "Care contact named"), lang), format: "integer" },
          { title: say(tr("Avgörbara (vårdkontakt)", "Determinable (contact)"), lang), format: "integer" },
          { title: say(tr("Andel med vårdkontakt", "Share with contact"), lang), format: "percent" },
          { title: say(tr("Båda", "Both"), lang), format: "integer" },
          { title: say(tr("Avgörbara (båda)", "Determinable (both)"), lang), format: "integer" },
          { title: say(tr("Andel båda", "Share both"), lang), format: "percent" },
        ],
        rows,
      },
    ],
    charts: [],
  };
}
