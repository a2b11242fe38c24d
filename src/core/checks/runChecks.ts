/**
 * Runs every check of DOMAIN.md §4 that the mapped columns allow, over all sheets of an
 * invoice basis, and says for each check whether it ran: a check whose columns are absent is
 * "not run", never "passed".
 *
 * Readings where the domain text leaves a choice (also in the messages the user sees):
 * - A check runs only when it can run on every sheet; otherwise its status is "not run", with the
 *   missing fields and a reason naming the sheets where it did run (their findings are kept).
 * - NO_CARE_CONTACT is not made when no rule of the profile requires a care contact (status not
 *   run, with the reason); BILLED_DAYS_MISMATCH is not made for average profiles (no row figure),
 *   nor for hybrid stays within the long-stay limit.
 * - Severity of notice findings: error where the row's rule makes the notice a condition, else
 *   warning; a row without a care type counts as required only where both rules require it.
 * - A year without a known price gives one PRICE_UNKNOWN info per sheet and year, not one per row.
 * - Duplicates and overlaps: "later" means later by sheet order, then Excel row, so the result
 *   does not depend on the order of the stays in the input.
 */
import type { AgreementProfile } from "../agreements/profileSchema";
import { formatDay } from "../cells/localDate";
import { Arena } from "../memory/arena";
import type { Bilingual, Finding } from "../model";
import type { CheckStatus } from "../review/result";
import type { Field } from "../sheet/fields";
import type { SheetReading } from "../sheet/sheetReading";
import { CHECK_CATALOG, CHECK_CODES, severityOf, STATUS_REASONS, type CheckCode } from "./catalog";
import { CrossRows, tableSource, type RowSource } from "./crossRowChecks";
import { fieldLabel, fillMessage, joinBilingual } from "./messages";
import { prepareModel, type ModelContext } from "./modelRules";
import { checkSheetRows, neededField, neededFields, newTextCaches, type MissingConsequence, type NeededField, type RowCheckEnv } from "./rowChecks";
import { buildSheetContext, noteUnreadable, type SheetContext } from "./sheetContext";

export interface CheckContext {
  profile: AgreementProfile;
  /** Today, epoch day. */
  referenceDay: number;
  /** Invoiced period (epoch days, inclusive) or null when unknown. */
  invoicePeriod: { fromDay: number; toDay: number } | null;
  /** Reserved memory for the cross-row columns (crossRowBytes). */
  arena?: Arena;
  /** The day open stays are counted up to (the figures' openStaysUntilDay); null: they stay out. */
  openStaysUntilDay?: number | null;
}

export interface ChecksResult {
  findings: Finding[];
  statuses: CheckStatus[];
}

export function runChecks(readings: SheetReading[], ctx: CheckContext): ChecksResult {
  let rows = 0;
  for (const r of readings) rows += r.table.length;
  const run = new CheckRun(readings, ctx, rows);
  for (const c of run.contexts) run.rows(c, tableSource(c.reading.table));
  return run.finish();
}

/**
 * The checks as the rows come: rows() for each sheet's table, or for each chunk of it as a
 * sheet is read in chunks (the reading's table is then the current chunk), then finish().
 */
export class CheckRun {
  readonly contexts: SheetContext[];
  private readonly model: ModelContext;
  private readonly env: RowCheckEnv;
  /** Row findings come out in row order, sheet after sheet. */
  private readonly rowFindings: Finding[] = [];
  private readonly cross: CrossRows;
  /** Per sheet, how many of its reader findings are already noted as unreadable cells. */
  private readonly noted: number[];

  /** `rows`: at least the rows of every sheet that will be checked (for the cross-row columns). */
  constructor(readings: SheetReading[], ctx: CheckContext, rows: number) {
    this.model = prepareModel(ctx.profile);
    this.contexts = readings.map((r, i) => buildSheetContext(r, i));
    this.noted = readings.map((r) => r.findings.length);
    this.env = {
      model: this.model,
      referenceDay: ctx.referenceDay,
      invoicePeriod: ctx.invoicePeriod,
      caches: newTextCaches(),
      priceUnknown: new Map(),
      openStaysUntilDay: ctx.openStaysUntilDay ?? null,
    };
    const active = this.contexts.some((c) => c.runs.DUPLICATE_STAY || c.runs.OVERLAPPING_STAYS);
    this.cross = new CrossRows(this.contexts, active ? rows : 0, ctx.arena);
  }

  /** Checks the rows now in the sheet's table; `source` reads them back later for cross-row findings. */
  rows(c: SheetContext, source: RowSource): void {
    const findings = c.reading.findings;
    if (findings.length > this.noted[c.index]) {
      noteUnreadable(c, findings, this.noted[c.index]);
      this.noted[c.index] = findings.length;
    }
    checkSheetRows(c, this.env, this.rowFindings);
    this.cross.add(c, c.reading.table, source);
  }

  finish(): ChecksResult {
    const { contexts, model, env, rowFindings } = this;
    // The few findings that are not row checks' are sorted and merged in, so a million findings
    // are never sorted with a comparator.
    const other: Finding[] = [];
    for (const c of contexts) other.push(...missingColumnFindings(c, model, env.openStaysUntilDay));
    this.cross.check(other);
    other.push(...priceUnknownFindings(env, contexts));

    const rank = new Map(contexts.map((c) => [c.reading.sheet, c.index]));
    const place = (f: Finding) => (rank.get(f.sheet) ?? 0) * 2 ** 21 + (f.row ?? 0);
    const byPlace = (a: Finding, b: Finding) =>
      place(a) - place(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.fields[0] < b.fields[0] ? -1 : a.fields[0] > b.fields[0] ? 1 : 0);
    if (!inPlaceOrder(rowFindings, place)) rowFindings.sort(byPlace); // stays not in row order
    const findings = mergeByPlace(rowFindings, other.sort(byPlace), place);
    return { findings, statuses: checkStatuses(contexts, model) };
  }
}

function inPlaceOrder(list: Finding[], place: (f: Finding) => number): boolean {
  for (let i = 1; i < list.length; i++) if (place(list[i - 1]) > place(list[i])) return false;
  return true;
}

/** Merges two lists sorted by place; on a tie the first list's findings come first. */
function mergeByPlace(a: Finding[], b: Finding[], place: (f: Finding) => number): Finding[] {
  if (b.length === 0) return a;
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(place(a[i]) <= place(b[j]) ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

const COLUMN_CONSEQUENCE: Record<MissingConsequence, string> = {
  excluded: "columnExcluded",
  unknownMunicipality: "columnUnknownMunicipality",
  somaticAssumed: "columnSomaticAssumed",
  limited: "columnLimited",
  open: "columnOpen",
};

/** A sheet without a column the model needs: one sheet-level finding, not one per row. */
function missingColumnFindings(c: SheetContext, model: ModelContext, openUntil: number | null): Finding[] {
  const m = CHECK_CATALOG.MISSING_FIELD.messages;
  // Without discharge dates every row is an open stay: counted only when the user asks for it.
  const needs: NeededField[] = [...neededFields(model), neededField("dischargeDate", openUntil === null ? "excluded" : "open")];
  const out: Finding[] = [];
  const somaticAssumed = c.reading.careType.counts.fallback;
  for (const need of needs) {
    if (c.letters[need.field] !== undefined) continue;
    // Without the column a sheet's care type comes from its name, title or units: only rows
    // with no hint at all fall back to the somatic rule, and only those are a finding.
    if (need.field === "careType" && somaticAssumed === 0) continue;
    out.push({
      code: "MISSING_FIELD",
      severity: need.severity,
      sheet: c.reading.sheet,
      row: null,
      columns: [],
      fields: [need.field],
      message: fillMessage(m.column, {
        field: fieldLabel(need.field),
        consequence: fillMessage(m[COLUMN_CONSEQUENCE[need.consequence]], { count: somaticAssumed, until: openUntil === null ? "" : formatDay(openUntil) }),
      }),
    });
  }
  return out;
}

function priceUnknownFindings(env: RowCheckEnv, contexts: SheetContext[]): Finding[] {
  const template = CHECK_CATALOG.PRICE_MISMATCH.messages.unknown;
  const letters = new Map(contexts.map((c) => [c.reading.sheet, c.letters]));
  return [...env.priceUnknown.values()].map((e) => ({
    code: "PRICE_UNKNOWN" as const,
    severity: severityOf("PRICE_UNKNOWN", "check"),
    sheet: e.sheet,
    row: null,
    columns: e.fields.map((f) => letters.get(e.sheet)?.[f]).filter((l): l is string => l !== undefined),
    fields: e.fields,
    message: fillMessage(template, { year: String(e.year), count: e.count, row: String(e.firstRow) }),
  }));
}

/** Per check: ran only when it ran on every sheet; otherwise which columns were missing, and where. */
function checkStatuses(contexts: SheetContext[], model: ModelContext): CheckStatus[] {
  const profileReason = profileSkips(model);
  return CHECK_CODES.map((code): CheckStatus => {
    if (contexts.length === 0) return { code, ran: false, missingFields: [], reason: STATUS_REASONS.noSheet };
    const skip = profileReason[code];
    if (skip) return { code, ran: false, missingFields: [], reason: skip };
    const ranOn = contexts.filter((c) => c.runs[code]);
    const notOn = contexts.filter((c) => !c.runs[code]);
    if (notOn.length === 0) return { code, ran: true, missingFields: [] };
    const missing: Field[] = [];
    for (const c of notOn) for (const f of c.missing[code] ?? []) if (!missing.includes(f)) missing.push(f);
    const fields = joinBilingual(missing.map(fieldLabel), ", ");
    const reason =
      ranOn.length > 0
        ? fillMessage(STATUS_REASONS.partial, { ran: sheetList(ranOn), notRan: sheetList(notOn) })
        : fillMessage(STATUS_REASONS.none, { fields });
    return { code, ran: false, missingFields: missing, reason };
  });
}

function sheetList(cs: SheetContext[]): string {
  return cs.map((c) => `"${c.reading.sheet}"`).join(", ");
}

/** Checks the profile itself turns off, whatever the columns. */
function profileSkips(model: ModelContext): Partial<Record<CheckCode, Bilingual>> {
  const out: Partial<Record<CheckCode, Bilingual>> = {};
  const { somatic, psychiatric } = model.profile;
  if (!somatic.conditions.careContact && !psychiatric.conditions.careContact) {
    out.NO_CARE_CONTACT = CHECK_CATALOG.NO_CARE_CONTACT.messages.notRequired;
  }
  const rowBilled = (r: typeof somatic) => r.kind === "individual" || (r.kind === "hybrid" && r.longStayLimit !== null);
  if (!rowBilled(somatic) && !rowBilled(psychiatric)) {
    out.BILLED_DAYS_MISMATCH = CHECK_CATALOG.BILLED_DAYS_MISMATCH.messages.averageOnly;
  }
  return out;
}
