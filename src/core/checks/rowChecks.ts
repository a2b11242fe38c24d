/**
 * The checks of DOMAIN.md §4 that look at one row at a time. One pass over a sheet's stay table;
 * every check is guarded by whether its columns exist, and a row that raises nothing
 * allocates nothing (text caches are keyed by the cell's own string).
 */
import { effectiveReady } from "../calendar/dayCount";
import { civilDate, epochDay, type LocalDateTime } from "../cells/localDate";
import { normalizeText, sameMunicipality } from "../cells/text";
import type { Bilingual, Finding, Severity, Stay } from "../model";
import type { Field } from "../sheet/fields";
import { CHECK_CATALOG, severityOf } from "./catalog";
import { quoteId } from "../cells/mask";
import { CONDITION_TEXT, dateText, fieldLabel, fillMessage, joinBilingual, shortText, type MessageParam } from "./messages";
import type { ModelContext } from "./modelRules";
import { isUnreadable, rowFinding, type SheetContext } from "./sheetContext";
import { unitCareType } from "../sheet/careTypeHints";
import { hasCareContact, StayCursor } from "../sheet/stayTable";
import { admissionNoticeLate, noticeTimed } from "./noticeTiming";

const hasContact = hasCareContact; // module-local: read on every row

export interface RowCheckEnv {
  model: ModelContext;
  referenceDay: number;
  invoicePeriod: { fromDay: number; toDay: number } | null;
  /** Shared text caches (cell texts repeat a lot: units, causes, municipality pairs). */
  caches: TextCaches;
  /** The day the figures count open stays up to; null: open stays do not enter them. */
  openStaysUntilDay: number | null;
  /** Rows whose price could not be checked because the year's price is unknown: per sheet and year. */
  priceUnknown: Map<string, { sheet: string; year: number; count: number; firstRow: number; fields: Field[] }>;
}

export interface TextCaches {
  municipality: Map<string, Map<string, boolean>>;
  deathCause: Map<string, boolean>;
  /** 0 = no hint, 1 = psychiatric, 2 = somatic. */
  unitKind: Map<string, number>;
}

export function newTextCaches(): TextCaches {
  return { municipality: new Map(), deathCause: new Map(), unitKind: new Map() };
}

/** A module-local binding: the row loop reads templates without a module-namespace lookup. */
const CATALOG = CHECK_CATALOG;
const MINUTES_PER_DAY = 1440;
/** Amounts may differ by rounding to whole kronor. */
const AMOUNT_TOLERANCE = 1;
const NUMBER_EPSILON = 1e-6;
/** A cause text saying the patient died (accents stripped: död → dod). */
const DEATH_CAUSE = /\b(avliden|avled|dod|doende|death|dead|deceased|died|exitus)/;

/** Field lists of findings, as constants: rows without findings allocate nothing (rowFinding copies them). */
const ADMISSION_NOTICE_FIELDS: Field[] = ["admissionNoticeTime", "admissionDate"];
const SIP_FIELDS: Field[] = ["sipInvitationTime", "planningNeeded", "readyDate"];
const AMOUNT_FIELDS: Field[] = ["amount", "billedDays", "pricePerDay"];

/** (a) before (b): by the minute when both have a time, else by the day. */
function before(a: LocalDateTime, b: LocalDateTime): boolean {
  if (a.day !== b.day) return a.day < b.day;
  return a.minute !== null && b.minute !== null && a.minute < b.minute;
}

function isDeathCause(env: RowCheckEnv, cause: string): boolean {
  let v = env.caches.deathCause.get(cause);
  if (v === undefined) {
    v = DEATH_CAUSE.test(normalizeText(cause));
    env.caches.deathCause.set(cause, v);
  }
  return v;
}

function unitKind(env: RowCheckEnv, unit: string): number {
  let v = env.caches.unitKind.get(unit);
  if (v === undefined) {
    const type = unitCareType(unit); // the reader's hint, so a unit means the same everywhere
    v = type === "psychiatric" ? 1 : type === "somatic" ? 2 : 0;
    env.caches.unitKind.set(unit, v);
  }
  return v;
}

function sameMunicipalityCached(env: RowCheckEnv, a: string, b: string): boolean {
  let inner = env.caches.municipality.get(a);
  if (!inner) {
    inner = new Map();
    env.caches.municipality.set(a, inner);
  }
  let v = inner.get(b);
  if (v === undefined) {
    v = sameMunicipality(a, b);
    inner.set(b, v);
  }
  return v;
}

/** Empty or only white space; decides on the first character in the usual case, without allocating. */
function isBlankText(s: string | null): boolean {
  if (s === null || s.length === 0) return true;
  const c = s.charCodeAt(0);
  if (c > 32 && c < 127) return false; // printable ASCII: not blank
  return s.trim() === "";
}

/** The year's first and last epoch day, remembered: rows of an invoice mostly share a year. */
let yearFrom = 0;
let yearTo = -1;
let yearValue = 0;

/** The calendar year of an epoch day, without allocating in the usual case. */
function yearOf(day: number): number {
  if (day >= yearFrom && day <= yearTo) return yearValue;
  const y = civilDate(day).year;
  yearFrom = epochDay(y, 1, 1);
  yearTo = epochDay(y, 12, 31);
  yearValue = y;
  return y;
}

function notePriceUnknown(env: RowCheckEnv, sheet: string, year: number, row: number, fields: Field[]): void {
  const key = `${sheet}\u0000${year}`;
  const e = env.priceUnknown.get(key);
  if (!e) env.priceUnknown.set(key, { sheet, year, count: 1, firstRow: row, fields });
  else {
    e.count++;
    if (row < e.firstRow) e.firstRow = row;
  }
}

/** What an empty needed field costs the row in the figures (mirrors the figure basis). */
export type MissingConsequence = "excluded" | "unknownMunicipality" | "somaticAssumed" | "limited" | "open";

/** The fields a profile needs on every row, with what a missing value costs. */
export interface NeededField {
  field: Field;
  /** error: the row cannot enter the figures; warning: it enters, with a default or fewer checks. */
  severity: Severity;
  consequence: MissingConsequence;
}

/**
 * The figure basis leaves out a row without a ready date, counts a row without a municipality
 * under "(kommun saknas)" and a row without a care type under the somatic rule; a missing
 * identity number only costs the checks that need it.
 */
export function neededFields(model: ModelContext): NeededField[] {
  const out: NeededField[] = [neededField("personId", "limited"), neededField("municipality", "unknownMunicipality"), neededField("readyDate", "excluded")];
  if (model.rulesDiffer) out.push(neededField("careType", "somaticAssumed"));
  return out;
}

/** A needed field with the catalog's severity for what its absence costs. */
export function neededField(field: Field, consequence: MissingConsequence): NeededField {
  return { field, severity: severityOf("MISSING_FIELD", consequence), consequence };
}

function missingFieldFinding(ctx: SheetContext, stay: Stay, need: NeededField): Finding {
  const m = CATALOG.MISSING_FIELD.messages;
  return rowFinding(ctx, stay, "MISSING_FIELD", need.consequence, [need.field], fillMessage(m.main, { field: fieldLabel(need.field), consequence: m[need.consequence] }));
}

export function checkSheetRows(ctx: SheetContext, env: RowCheckEnv, out: Finding[]): void {
  const run = ctx.runs;
  const model = env.model;
  const needed = neededFields(model).filter((n) => ctx.letters[n.field] !== undefined);
  const period = env.invoicePeriod;
  const ref = env.referenceDay;
  const longLimit = model.profile.longStayWarningDays;
  const table = ctx.reading.table;
  const cursor = new StayCursor();

  for (let i = 0; i < table.length; i++) {
    // One reused Stay for every row: nothing below keeps it (findings copy what they need).
    const s = table.read(i, cursor);
    // Where the count starts, for every check below as for the figures (calendar/dayCount.ts).
    const ready = effectiveReady(s);

    // MISSING_FIELD: a value the model needs is empty (an unreadable cell is the reader's finding).
    for (let k = 0; k < needed.length; k++) {
      const need = needed[k];
      let empty: boolean;
      switch (need.field) {
        case "personId":
          empty = s.personId === null && isBlankText(s.personIdRaw);
          break;
        case "municipality":
          empty = isBlankText(s.municipality);
          break;
        case "readyDate":
          empty = ready === null;
          break;
        default:
          empty = s.careType === null;
      }
      if (empty && !isUnreadable(ctx, s.row, need.field)) out.push(missingFieldFinding(ctx, s, need));
    }

    if (run.INVALID_PERSON_ID) checkPersonId(ctx, s, out);

    if (run.NOT_RESIDENT && s.municipality !== null && s.residenceMunicipality !== null) {
      if (!isBlankText(s.municipality) && !isBlankText(s.residenceMunicipality) && !sameMunicipalityCached(env, s.municipality, s.residenceMunicipality)) {
        out.push(
          rowFinding(
            ctx,
            s,
            "NOT_RESIDENT",
            "main",
            ["residenceMunicipality", "municipality"],
            fillMessage(CATALOG.NOT_RESIDENT.messages.main, { residence: shortText(s.residenceMunicipality), municipality: shortText(s.municipality) }),
          ),
        );
      }
    }

    if (run.DECEASED) checkDeceased(ctx, env, s, out);

    if (run.READY_BEFORE_ADMISSION && s.ready !== null && s.admission !== null && before(s.ready, s.admission)) {
      out.push(
        rowFinding(
          ctx,
          s,
          "READY_BEFORE_ADMISSION",
          "main",
          ["readyDate", "admissionDate"],
          fillMessage(CATALOG.READY_BEFORE_ADMISSION.messages.main, { ready: dateText(s.ready), admission: dateText(s.admission) }),
        ),
      );
    }

    if (run.DISCHARGE_BEFORE_READY && ready !== null && s.discharge !== null && before(s.discharge, ready)) {
      // Days are counted on dates (DOMAIN.md §2): on the ready day itself an earlier clock time
      // is a registration made after the fact, and the stay counts with 0 days.
      const sameDay = s.discharge.day === ready.day;
      const m = CATALOG.DISCHARGE_BEFORE_READY.messages;
      out.push(
        rowFinding(
          ctx,
          s,
          "DISCHARGE_BEFORE_READY",
          sameDay ? "sameDay" : "main",
          ["dischargeDate", "readyDate"],
          fillMessage(sameDay ? m.sameDay : m.main, { discharge: dateText(s.discharge), ready: dateText(ready) }),
        ),
      );
    }

    if (run.ADMISSION_NOTICE_MISSING || run.ADMISSION_NOTICE_LATE) checkAdmissionNotice(ctx, env, s, out);
    if ((run.SIP_INVITATION_MISSING || run.SIP_INVITATION_LATE) && s.planningNeeded === true) checkSip(ctx, env, s, out);

    if (run.NO_CARE_CONTACT && !hasContact(s) && !isUnreadable(ctx, s.row, "careContact")) {
      if (model.conditionsOf(s.careType).careContact) {
        out.push(rowFinding(ctx, s, "NO_CARE_CONTACT", "main", ["careContact"], CATALOG.NO_CARE_CONTACT.messages.main));
      }
    }

    if (run.READY_WITHDRAWN && s.readyWithdrawn !== null) {
      const m = CATALOG.READY_WITHDRAWN.messages;
      out.push(
        rowFinding(
          ctx,
          s,
          "READY_WITHDRAWN",
          s.newReady ? "main" : "noNew",
          ["readyWithdrawnDate", "newReadyDate"],
          s.newReady
            ? fillMessage(m.main, { withdrawn: dateText(s.readyWithdrawn), newReady: dateText(s.newReady) })
            : fillMessage(m.noNew, { withdrawn: dateText(s.readyWithdrawn), ready: dateText(s.ready) }),
        ),
      );
    }

    if (run.DAYS_MISMATCH || run.BILLED_DAYS_MISMATCH || run.AMOUNT_MISMATCH) checkFigures(ctx, env, s, out);
    if (run.PRICE_MISMATCH && s.pricePerDay !== null) checkPrice(ctx, env, s, out);

    if (run.OUTSIDE_PERIOD) checkOutsidePeriod(ctx, s, period, ref, out);

    if (run.CARE_TYPE_MISMATCH && s.careType !== null && s.unit !== null) {
      const kind = unitKind(env, s.unit);
      const m = CATALOG.CARE_TYPE_MISMATCH.messages;
      if ((kind === 1 && s.careType === "somatic") || (kind === 2 && s.careType === "psychiatric")) {
        out.push(
          rowFinding(ctx, s, "CARE_TYPE_MISMATCH", kind === 1 ? "main" : "reverse", ["careType", "unit"], fillMessage(kind === 1 ? m.main : m.reverse, { unit: shortText(s.unit) })),
        );
      }
    }

    if (run.LONG_STAY) checkLongStay(ctx, s, longLimit, period ? Math.min(period.toDay, ref) : ref, out);

    if (run.STILL_ADMITTED && s.discharge === null && !isUnreadable(ctx, s.row, "dischargeDate")) {
      const m = CATALOG.STILL_ADMITTED.messages;
      const billed = s.billedDays !== null && s.billedDays > 0;
      const charged = s.amount !== null && s.amount > 0;
      // As the figure basis decides: an open stay enters only up to the day asked for, and only
      // when its count starts by then.
      const until = env.openStaysUntilDay;
      const counted = until !== null && ready !== null && ready.day <= until;
      const untilText = counted ? dateText({ day: until, minute: null }) : "";
      if (billed || charged) {
        const what: Bilingual = billed
          ? fillMessage({ sv: "{n} dagar", en: "{n} days" }, { n: s.billedDays as number })
          : fillMessage({ sv: "{n} kr", en: "{n} SEK" }, { n: s.amount as number });
        out.push(
          rowFinding(
            ctx,
            s,
            "STILL_ADMITTED",
            counted ? "billedCounted" : "billed",
            ["dischargeDate", billed ? "billedDays" : "amount"],
            fillMessage(counted ? m.billedCounted : m.billed, { what, until: untilText }),
          ),
        );
      } else {
        out.push(rowFinding(ctx, s, "STILL_ADMITTED", counted ? "counted" : "main", ["dischargeDate"], counted ? fillMessage(m.counted, { until: untilText }) : m.main));
      }
    }
  }
}

function checkPersonId(ctx: SheetContext, s: Stay, out: Finding[]): void {
  const m = CATALOG.INVALID_PERSON_ID.messages;
  const id = s.personId;
  if (id === null) {
    if (isBlankText(s.personIdRaw) || isUnreadable(ctx, s.row, "personId")) return;
    const quoted = quoteId(s.personIdRaw as string);
    out.push(rowFinding(ctx, s, "INVALID_PERSON_ID", "unreadable", ["personId"], fillMessage(m.unreadable, { id: quoted }), { value: quoted }));
    return;
  }
  if (id.kind === "reservnummer") {
    const quoted = quoteId(s.personIdRaw ?? id.normalized);
    out.push(rowFinding(ctx, s, "INVALID_PERSON_ID", "reserve", ["personId"], fillMessage(m.reserve, { id: quoted }), { value: quoted }));
    return;
  }
  if (!id.checkDigitValid) {
    const quoted = quoteId(s.personIdRaw ?? id.normalized);
    const template = id.kind === "samordningsnummer" ? m.coordination : m.main;
    out.push(rowFinding(ctx, s, "INVALID_PERSON_ID", id.kind === "samordningsnummer" ? "coordination" : "main", ["personId"], fillMessage(template, { id: quoted }), { value: quoted }));
  }
}

function checkDeceased(ctx: SheetContext, env: RowCheckEnv, s: Stay, out: Finding[]): void {
  const m = CATALOG.DECEASED.messages;
  if (s.death !== null) {
    const start = s.admission ?? s.ready;
    const d = s.death.day;
    if ((start === null || d >= start.day) && (s.discharge === null || d <= s.discharge.day)) {
      out.push(
        rowFinding(
          ctx,
          s,
          "DECEASED",
          "main",
          ["deathDate", s.admission ? "admissionDate" : "readyDate", "dischargeDate"],
          fillMessage(m.main, { death: dateText(s.death), from: dateText(start), to: dateText(s.discharge) }),
        ),
      );
      return;
    }
  }
  if (s.dischargeCause !== null && isDeathCause(env, s.dischargeCause)) {
    out.push(rowFinding(ctx, s, "DECEASED", "cause", ["dischargeCause"], fillMessage(m.cause, { cause: shortText(s.dischargeCause) })));
  }
}

function conditionParams(required: boolean): Record<string, MessageParam> {
  return { condition: required ? CONDITION_TEXT.required : CONDITION_TEXT.notRequired };
}

function checkAdmissionNotice(ctx: SheetContext, env: RowCheckEnv, s: Stay, out: Finding[]): void {
  const notice = s.admissionNotice;
  const fields = ADMISSION_NOTICE_FIELDS;
  if (notice === null) {
    if (!ctx.runs.ADMISSION_NOTICE_MISSING || isUnreadable(ctx, s.row, "admissionNoticeTime")) return;
    const required = env.model.conditionsOf(s.careType).admissionNotice;
    out.push(
      rowFinding(ctx, s, "ADMISSION_NOTICE_MISSING", required ? "main" : "notCondition", fields, fillMessage(CATALOG.ADMISSION_NOTICE_MISSING.messages.main, conditionParams(required))),
    );
    return;
  }
  const adm = s.admission;
  if (!ctx.runs.ADMISSION_NOTICE_LATE || adm === null) return;
  const timed = noticeTimed(notice, adm);
  if (!admissionNoticeLate(notice, adm)) return;
  const required = env.model.conditionsOf(s.careType).admissionNotice;
  const m = CATALOG.ADMISSION_NOTICE_LATE.messages;
  out.push(
    rowFinding(
      ctx,
      s,
      "ADMISSION_NOTICE_LATE",
      required ? "main" : "notCondition",
      fields,
      fillMessage(timed ? m.main : m.dateOnly, { notice: dateText(notice), admission: dateText(adm), ...conditionParams(required) }),
    ),
  );
}

function checkSip(ctx: SheetContext, env: RowCheckEnv, s: Stay, out: Finding[]): void {
  const inv = s.sipInvitation;
  const fields = SIP_FIELDS;
  if (inv === null) {
    if (!ctx.runs.SIP_INVITATION_MISSING || isUnreadable(ctx, s.row, "sipInvitationTime")) return;
    const required = env.model.conditionsOf(s.careType).sipInvitation;
    out.push(
      rowFinding(ctx, s, "SIP_INVITATION_MISSING", required ? "main" : "notCondition", fields, fillMessage(CATALOG.SIP_INVITATION_MISSING.messages.main, conditionParams(required))),
    );
    return;
  }
  const ready = effectiveReady(s);
  if (!ctx.runs.SIP_INVITATION_LATE || ready === null) return;
  // Measured from the notice the days count from (a new notice after a withdrawal restarts the 3 days).
  const timed = inv.minute !== null && ready.minute !== null;
  const late = timed
    ? (inv.day - ready.day) * MINUTES_PER_DAY + ((inv.minute as number) - (ready.minute as number)) > 3 * 24 * 60
    : inv.day - ready.day > 3;
  if (!late) return;
  const required = env.model.conditionsOf(s.careType).sipInvitation;
  out.push(
    rowFinding(
      ctx,
      s,
      "SIP_INVITATION_LATE",
      required ? "main" : "notCondition",
      fields,
      fillMessage(CATALOG.SIP_INVITATION_LATE.messages.main, { invitation: dateText(inv), ready: dateText(ready), ...conditionParams(required) }),
    ),
  );
}

const COUNTING_TEXT = {
  calendar: { sv: "kalenderdagar", en: "calendar days" },
  weekdays: { sv: "vardagar", en: "weekdays" },
};

function differs(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) > tolerance;
}

/** DAYS_MISMATCH, BILLED_DAYS_MISMATCH, AMOUNT_MISMATCH: the row's figures against its dates and the model. */
function checkFigures(ctx: SheetContext, env: RowCheckEnv, s: Stay, out: Finding[]): void {
  const run = ctx.runs;
  const model = env.model;
  const wantDays = (run.DAYS_MISMATCH && s.statedDays !== null) || (run.BILLED_DAYS_MISMATCH && s.billedDays !== null) || (run.AMOUNT_MISMATCH && s.amount !== null);
  if (!wantDays || s.ready === null || s.discharge === null) {
    if (run.AMOUNT_MISMATCH && s.amount !== null && s.billedDays !== null) checkAmount(ctx, env, s, null, out);
    return;
  }

  const counting = model.rulesOf(s.careType, "counting");
  const days = counting ? model.readyDays(s, counting) : null;

  if (run.DAYS_MISMATCH && s.statedDays !== null && days !== null && differs(s.statedDays, days, NUMBER_EPSILON)) {
    out.push(
      rowFinding(
        ctx,
        s,
        "DAYS_MISMATCH",
        "main",
        ["statedDays", "readyDate", "dischargeDate"],
        fillMessage(CATALOG.DAYS_MISMATCH.messages.main, { stated: s.statedDays, computed: days, counting: COUNTING_TEXT[counting!.rules.counting.unit] }),
      ),
    );
  }

  let computedBilled: number | null = null;
  const billing = model.rulesOf(s.careType, "billing");
  if (billing && days !== null) {
    const readyDay = (effectiveReady(s) as LocalDateTime).day;
    computedBilled = model.billedDays(billing, days, readyDay);
    if (computedBilled !== null && run.BILLED_DAYS_MISMATCH && s.billedDays !== null && differs(s.billedDays, computedBilled, NUMBER_EPSILON)) {
      const mb = model.describeBilling(billing, days, readyDay);
      const m = CATALOG.BILLED_DAYS_MISMATCH.messages;
      const params = { stated: s.billedDays, computed: computedBilled, days, grace: mb.grace };
      out.push(
        rowFinding(
          ctx,
          s,
          "BILLED_DAYS_MISMATCH",
          "main",
          ["billedDays", "readyDate", "dischargeDate"],
          mb.longStayLimit === null ? fillMessage(m.main, params) : fillMessage(m.hybrid, { ...params, limit: mb.longStayLimit }),
        ),
      );
    }
  }

  if (run.AMOUNT_MISMATCH && s.amount !== null) checkAmount(ctx, env, s, computedBilled, out);
}

function checkAmount(ctx: SheetContext, env: RowCheckEnv, s: Stay, computedBilled: number | null, out: Finding[]): void {
  const billed = s.billedDays ?? computedBilled;
  if (billed === null || s.amount === null) return;
  const m = CATALOG.AMOUNT_MISMATCH.messages;
  const fields = AMOUNT_FIELDS;
  if (s.pricePerDay !== null) {
    const expected = billed * s.pricePerDay;
    if (differs(s.amount, expected, AMOUNT_TOLERANCE)) {
      out.push(
        rowFinding(ctx, s, "AMOUNT_MISMATCH", "main", fields, fillMessage(m.main, { stated: s.amount, billed, price: s.pricePerDay, computed: expected })),
      );
    }
    return;
  }
  // No price on the row: the profile's price for the year(s) the billed days fall in.
  const ready = effectiveReady(s);
  const lastDay = s.discharge !== null ? Math.max(s.discharge.day - 1, ready?.day ?? -Infinity) : (ready?.day ?? null);
  if (lastDay === null) return;
  const prepared = env.model.rulesOf(s.careType, "price");
  if (!prepared) return;
  // The usual case, every counted day in one year, without building the per-year list.
  const lastYear = yearOf(lastDay);
  if (billed === 0 || yearOf(ready?.day ?? lastDay) === lastYear) {
    const price = env.model.priceOfYear(prepared, lastYear);
    if (price === null) {
      notePriceUnknown(env, ctx.reading.sheet, lastYear, s.row, ["amount"]);
      return;
    }
    const expected = billed * price.amount;
    if (differs(s.amount, expected, AMOUNT_TOLERANCE)) {
      out.push(rowFinding(ctx, s, "AMOUNT_MISMATCH", "main", fields, fillMessage(m.main, { stated: s.amount, billed, price: price.amount, computed: expected })));
    }
    return;
  }
  const parts = env.model.billedYears(s, env.model.rulesOf(s.careType, "counting"), billed, lastDay);
  let expected = 0;
  let unknown = false;
  for (const p of parts) {
    const price = env.model.priceOfYear(prepared, p.year);
    if (price === null) {
      notePriceUnknown(env, ctx.reading.sheet, p.year, s.row, ["amount"]);
      unknown = true;
      continue;
    }
    expected += p.days * price.amount;
  }
  if (unknown || !differs(s.amount, expected, AMOUNT_TOLERANCE)) return;
  const detail = joinBilingual(
    parts.map((p) => {
      const price = env.model.priceOfYear(prepared, p.year) as { amount: number };
      return fillMessage({ sv: "{days} dagar {year} à {price} kr", en: "{days} days in {year} at {price} SEK" }, { days: p.days, year: String(p.year), price: price.amount });
    }),
    ", ",
  );
  out.push(rowFinding(ctx, s, "AMOUNT_MISMATCH", "split", fields, fillMessage(m.split, { stated: s.amount, billed, detail, computed: expected })));
}

/** PRICE_MISMATCH: the stated price must be the profile's price of a year the billed days fall in. */
function checkPrice(ctx: SheetContext, env: RowCheckEnv, s: Stay, out: Finding[]): void {
  const stated = s.pricePerDay as number;
  const prepared = env.model.rulesOf(s.careType, "price");
  if (!prepared) return;
  const readyDay = effectiveReady(s)?.day ?? null;
  const lastDay = s.discharge !== null ? Math.max(s.discharge.day - 1, readyDay ?? -Infinity) : readyDay;
  if (lastDay === null) return;
  const firstYear = yearOf(readyDay ?? lastDay);
  const lastYear = Math.min(yearOf(lastDay), firstYear + 4);
  let anyKnown = false;
  for (let y = firstYear; y <= lastYear; y++) {
    const p = env.model.priceOfYear(prepared, y);
    if (p === null) continue;
    anyKnown = true;
    if (!differs(stated, p.amount, 0.005)) return;
  }
  if (!anyKnown) {
    for (let y = firstYear; y <= lastYear; y++) notePriceUnknown(env, ctx.reading.sheet, y, s.row, ["pricePerDay"]);
    return;
  }
  const years: number[] = [];
  const amounts: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    const p = env.model.priceOfYear(prepared, y);
    if (p !== null) {
      years.push(y);
      amounts.push(p.amount);
    }
  }
  const expected: Bilingual = joinBilingual(
    amounts.map((a) => fillMessage({ sv: "{a}", en: "{a}" }, { a })),
    " / ",
  );
  out.push(
    rowFinding(
      ctx,
      s,
      "PRICE_MISMATCH",
      "main",
      ["pricePerDay"],
      fillMessage(CATALOG.PRICE_MISMATCH.messages.main, { stated, years: years.join("/"), expected }),
    ),
  );
}

function checkOutsidePeriod(ctx: SheetContext, s: Stay, period: { fromDay: number; toDay: number } | null, ref: number, out: Finding[]): void {
  const outside = period !== null && s.discharge !== null && (s.discharge.day < period.fromDay || s.discharge.day > period.toDay);
  const future =
    (s.admission !== null && s.admission.day > ref) ||
    (s.ready !== null && s.ready.day > ref) ||
    (s.discharge !== null && s.discharge.day > ref) ||
    (s.death !== null && s.death.day > ref) ||
    (s.admissionNotice !== null && s.admissionNotice.day > ref) ||
    (s.sipInvitation !== null && s.sipInvitation.day > ref) ||
    (s.readyWithdrawn !== null && s.readyWithdrawn.day > ref) ||
    (s.newReady !== null && s.newReady.day > ref);
  if (!outside && !future) return;

  const m = CATALOG.OUTSIDE_PERIOD.messages;
  const fields: Field[] = [];
  const parts: Bilingual[] = [];
  if (outside && period) {
    fields.push("dischargeDate");
    parts.push(fillMessage(m.main, { discharge: dateText(s.discharge), from: dateText({ day: period.fromDay, minute: null }), to: dateText({ day: period.toDay, minute: null }) }));
  }
  if (future) {
    const dated: [Field, LocalDateTime | null][] = [
      ["admissionDate", s.admission],
      ["readyDate", s.ready],
      ["dischargeDate", s.discharge],
      ["deathDate", s.death],
      ["admissionNoticeTime", s.admissionNotice],
      ["sipInvitationTime", s.sipInvitation],
      ["readyWithdrawnDate", s.readyWithdrawn],
      ["newReadyDate", s.newReady],
    ];
    const today = dateText({ day: ref, minute: null });
    for (const [field, value] of dated) {
      if (value === null || value.day <= ref) continue;
      if (!fields.includes(field)) fields.push(field);
      parts.push(fillMessage(m.future, { field: fieldLabel(field), date: dateText(value), today }));
    }
  }
  out.push(rowFinding(ctx, s, "OUTSIDE_PERIOD", "main", fields, joinBilingual(parts)));
}

/** LONG_STAY in calendar days from the (effective) ready date: a stale registration is a matter of time, not of the billing rule. */
function checkLongStay(ctx: SheetContext, s: Stay, limit: number, openUntil: number, out: Finding[]): void {
  const ready = effectiveReady(s);
  if (ready === null) return;
  if (s.readyWithdrawn !== null && s.newReady === null) return; // not discharge-ready at the moment
  const m = CATALOG.LONG_STAY.messages;
  if (s.discharge !== null) {
    const days = s.discharge.day - ready.day;
    if (days > limit) {
      out.push(rowFinding(ctx, s, "LONG_STAY", "main", ["readyDate", "dischargeDate"], fillMessage(m.main, { days, limit })));
    }
    return;
  }
  if (isUnreadable(ctx, s.row, "dischargeDate")) return;
  const days = openUntil - ready.day;
  if (days > limit) {
    out.push(
      rowFinding(ctx, s, "LONG_STAY", "open", ["readyDate", "dischargeDate"], fillMessage(m.open, { days, limit, ready: dateText(ready), until: dateText({ day: openUntil, minute: null }) })),
    );
  }
}
