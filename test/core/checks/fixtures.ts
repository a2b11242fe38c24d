/** Hand-built stays, readings and profiles for the check tests: one clean row, changed per test. */
import { agreementProfileSchema, type AgreementProfile, type AgreementProfileInput } from "../../../src/core/agreements/profileSchema";
import { columnLetter } from "../../../src/core/cells/cellValue";
import { epochDay, type LocalDateTime } from "../../../src/core/cells/localDate";
import type { CheckContext } from "../../../src/core/checks/runChecks";
import type { ColumnMapping, Finding, Stay } from "../../../src/core/model";
import { FIELDS, type Field } from "../../../src/core/sheet/fields";
import type { SheetReading } from "../../../src/core/sheet/sheetReading";
import { emptyCareTypeCounts } from "../../../src/core/sheet/careTypeHints";
import { tableFromStays } from "../../../src/core/sheet/stayTable";

/** "2023-03-05" or "2023-03-05 14:22" → LocalDateTime. */
export function d(text: string): LocalDateTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!m) throw new Error(`bad test date ${text}`);
  return { day: epochDay(+m[1], +m[2], +m[3]), minute: m[4] === undefined ? null : +m[4] * 60 + +m[5] };
}
export const day = (text: string): number => d(text).day;

/**
 * A clean 2023 row under the law's default (individual, 3 grace days, calendar days):
 * ready 03-05, discharged 03-10 → 10 − 5 = 5 days; billed 5 − 3 = 2; 2 × 10 500 = 21 000 kr.
 */
export function makeStay(overrides: Partial<Stay> = {}): Stay {
  return {
    sheet: "Blad1",
    row: 2,
    personId: { normalized: "191212121212", kind: "personnummer", checkDigitValid: true, birthDay: epochDay(1912, 12, 12) },
    personIdRaw: "19121212-1212",
    stayId: "V1",
    municipality: "Halmstad",
    residenceMunicipality: "Halmstads kommun",
    careType: "somatic",
    careTypeRaw: "Somatik",
    unit: "Medicin avd 3",
    dischargeCause: "Hem",
    admission: d("2023-03-01 08:00"),
    ready: d("2023-03-05 10:00"),
    discharge: d("2023-03-10 12:00"),
    death: null,
    admissionNotice: d("2023-03-01 12:00"),
    planningNeeded: false,
    sipInvitation: null,
    careContact: "Anna Andersson",
    readyWithdrawn: null,
    newReady: null,
    statedDays: 5,
    billedDays: 2,
    pricePerDay: 10500,
    amount: 21000,
    ...overrides,
  };
}

/** The Stay properties a field fills (what a reader leaves null when the column is absent). */
const FIELD_PROPS: Record<Field, (keyof Stay)[]> = {
  personId: ["personId", "personIdRaw"],
  stayId: ["stayId"],
  admissionDate: ["admission"],
  readyDate: ["ready"],
  dischargeDate: ["discharge"],
  municipality: ["municipality"],
  residenceMunicipality: ["residenceMunicipality"],
  careType: ["careType", "careTypeRaw"],
  unit: ["unit"],
  dischargeCause: ["dischargeCause"],
  deathDate: ["death"],
  statedDays: ["statedDays"],
  billedDays: ["billedDays"],
  pricePerDay: ["pricePerDay"],
  amount: ["amount"],
  admissionNoticeTime: ["admissionNotice"],
  planningNeeded: ["planningNeeded"],
  sipInvitationTime: ["sipInvitation"],
  careContact: ["careContact"],
  readyWithdrawnDate: ["readyWithdrawn"],
  newReadyDate: ["newReady"],
};

/**
 * A reading whose mapping covers `fields` (default: every field, column A = first field).
 * Values of unmapped fields become null, as from a reader, unless keepValues.
 */
export function makeReading(
  stays: Stay[],
  opts: { sheet?: string; fields?: readonly Field[]; without?: Field[]; keepValues?: boolean } = {},
): SheetReading {
  const sheet = opts.sheet ?? stays[0]?.sheet ?? "Blad1";
  const fields = (opts.fields ?? FIELDS).filter((f) => !(opts.without ?? []).includes(f));
  const nulled = opts.keepValues ? [] : FIELDS.filter((f) => !fields.includes(f)).flatMap((f) => FIELD_PROPS[f]);
  const mapping: ColumnMapping[] = fields.map((field) => {
    const column = FIELDS.indexOf(field);
    return { field, column, letter: columnLetter(column), header: field, confidence: 1, how: "exact" };
  });
  return {
    sheet,
    headerRow: 1,
    rows: stays.length,
    mapping,
    unmappedHeaders: [],
    missingFields: FIELDS.filter((f) => !fields.includes(f)),
    skipped: [],
    // Through the same columns the reader writes, so the checks read rows as they do in a review.
    table: tableFromStays(
      sheet,
      stays.map((s) => {
        const copy: Record<string, unknown> = { ...s, sheet };
        for (const prop of nulled) copy[prop] = null;
        return copy as unknown as Stay;
      }),
    ),
    findings: [],
    statedPeriod: null,
    confidence: 1,
    careType: {
      sheet: null,
      column: fields.includes("careType"),
      counts: {
        ...emptyCareTypeCounts(),
        column: {
          somatic: fields.includes("careType") ? stays.filter((s) => s.careType === "somatic").length : 0,
          psychiatric: fields.includes("careType") ? stays.filter((s) => s.careType === "psychiatric").length : 0,
        },
        fallback: stays.filter((s) => s.careType === null || !fields.includes("careType")).length,
      },
    },
  };
}

/** Column letter of a field in makeReading's layout. */
export const col = (field: Field): string => columnLetter(FIELDS.indexOf(field));

const individualRules = {
  kind: "individual",
  graceDays: 3,
  benchmark: null,
  excessFormula: "excessAverage",
  zeroDays: true,
  period: { kind: "month" },
  longStayLimit: null,
  counting: { unit: "calendar", start: "readyDate", cutoffHour: null },
  price: { source: "socialstyrelsen" },
  rounding: { averageDecimals: 2, liableDaysDecimals: 2, amountDecimals: 0 },
  conditions: { admissionNotice: true, sipInvitation: true, careContact: true },
} as const;

export type RulesInput = AgreementProfileInput["somatic"];

/** The test profile: the same individual rule for both care types unless changed. */
export function makeProfile(
  change: { somatic?: Partial<RulesInput>; psychiatric?: Partial<RulesInput>; both?: Partial<RulesInput> } & Partial<Omit<AgreementProfileInput, "somatic" | "psychiatric">> = {},
): AgreementProfile {
  const { somatic, psychiatric, both, ...rest } = change;
  return agreementProfileSchema.parse({
    id: "test-profile",
    name: { sv: "Test", en: "Test" },
    source: "test",
    somatic: { ...individualRules, ...both, ...somatic },
    psychiatric: { ...individualRules, ...both, ...psychiatric },
    ...rest,
  });
}

export function makeCtx(overrides: Partial<CheckContext> = {}): CheckContext {
  return {
    profile: makeProfile(),
    referenceDay: day("2023-04-15"),
    invoicePeriod: { fromDay: day("2023-03-01"), toDay: day("2023-03-31") },
    ...overrides,
  };
}

export const codesOf = (findings: Finding[]) => findings.map((f) => f.code).sort();
export const only = (findings: Finding[], code: Finding["code"]) => findings.filter((f) => f.code === code);
