/**
 * The agreement presets of DOMAIN.md §3: each a full profile with its source and the readings we
 * had to assume, so the product can show them. An economist copies one (copyProfile) and edits it.
 */
import type { Bilingual } from "../model";
import {
  agreementProfileSchema,
  parseAgreementProfile,
  type AgreementProfile,
  type AgreementProfileInput,
  type CareRules,
} from "./profileSchema";

type CareInput = AgreementProfileInput["somatic"];

const ROUNDING = { averageDecimals: 2, liableDaysDecimals: 2, amountDecimals: 0 };
const CALENDAR = { unit: "calendar", start: "readyDate", cutoffHour: null } as const;
const SOCIALSTYRELSEN = { source: "socialstyrelsen" } as const;
/** Lag 2017:612 5 kap. 2 §: admission notice, SIP invitation by the care contact where needed, ready notice. */
const LAW_CONDITIONS = { admissionNotice: true, sipInvitation: true, careContact: true };

/** What the presets share unless they say otherwise: month, calendar days, Socialstyrelsen's price. */
const BASE = {
  benchmark: null,
  excessFormula: "excessAverage",
  zeroDays: true,
  period: { kind: "month" },
  longStayLimit: null,
  counting: CALENDAR,
  price: SOCIALSTYRELSEN,
  rounding: ROUNDING,
  conditions: LAW_CONDITIONS,
} as const satisfies Partial<CareInput>;

const individual = (graceDays: number): CareInput => ({ ...BASE, kind: "individual", graceDays });

const average = (benchmark: number | null): CareInput => ({ ...BASE, kind: "average", graceDays: 0, benchmark });

const assumed = (sv: string, en: string): Bilingual => ({ sv: `ANTAGET: ${sv}`, en: `ASSUMED: ${en}` });
const LAW_CONDITIONS_ASSUMED = assumed(
  "lagens villkor gäller (inskrivningsmeddelande, kallelse till SIP när det behövs, fast vårdkontakt); överenskommelsen anger inga egna.",
  "the law's preconditions apply (admission notice, SIP invitation where needed, care contact); the agreement names none of its own.",
);
const PRICE_ASSUMED = assumed(
  "priset per dag är Socialstyrelsens belopp för det år dagen infaller.",
  "the price per day is Socialstyrelsen's amount for the year the day falls in.",
);

const INPUTS: AgreementProfileInput[] = [
  {
    id: "lag-2017-612",
    name: { sv: "Lag (2017:612), lagens grundregel", en: "Act 2017:612, the statutory default" },
    source: "Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård; prop. 2017/18:12",
    somatic: individual(3),
    psychiatric: {
      ...individual(3),
      graceDaysOverrides: [{ from: "2018-01-01", to: "2018-12-31", graceDays: 30 }],
    },
    assumptions: [
      assumed(
        "psykiatrins 30 dagar under 2018 gäller vistelser med utskrivningsklar-datum under 2018.",
        "psychiatric care's 30 days in 2018 apply to stays with a discharge-ready date in 2018.",
      ),
    ],
  },
  {
    id: "halland-2022",
    name: { sv: "Region Halland från 2022-11-01", en: "Region Halland from 2022-11-01" },
    source: "Region Halland, information om överenskommelsen (GNHH 2023-02-22)",
    validFrom: "2022-11-01",
    validTo: "2023-12-31",
    somatic: average(2.3),
    psychiatric: average(2.3),
    assumptions: [
      assumed(
        "över riktmärket betalas (snitt − riktmärke) × antal vistelser.",
        "above the benchmark, (average − benchmark) × stays is paid.",
      ),
      assumed("vistelser med 0 dagar räknas in i snittet.", "0-day stays enter the average."),
      PRICE_ASSUMED,
      assumed("samma regel för somatik och psykiatri.", "the same rule for somatic and psychiatric care."),
      LAW_CONDITIONS_ASSUMED,
      {
        sv: "Riktmärket 2,3 är riksgenomsnittet 2021 och gäller 2022-11-01 – 2023-12-31; för senare perioder måste det anges.",
        en: "The benchmark 2.3 is the 2021 national average and applies 2022-11-01 – 2023-12-31; later periods need it entered.",
      },
    ],
  },
  {
    id: "kalmar-2019",
    name: { sv: "Region Kalmar 2019", en: "Region Kalmar 2019" },
    source: "Kalmar län, Praktiska anvisningar – Analys och ekonomi (2019)",
    somatic: {
      ...individual(3),
      targetAverage: 0.8,
      conditions: { admissionNotice: true, sipInvitation: false, careContact: true },
    },
    psychiatric: {
      ...individual(3),
      period: { kind: "quarter" },
      targetAverage: 0.8,
      conditions: { admissionNotice: true, sipInvitation: false, careContact: true },
    },
    assumptions: [
      PRICE_ASSUMED,
      assumed(
        "målvärdet 0,8 dagar i snitt gäller både somatik och psykiatri och påverkar inte debiteringen.",
        "the 0.8-day target average applies to somatic and psychiatric care and does not affect billing.",
      ),
      {
        sv: "Somatiken följs upp per månad och halvår, psykiatrin per kvartal; välj halvår som period för halvårsuppföljningen.",
        en: "Somatic care is followed per month and half-year, psychiatric care per quarter; choose half-year as period for the half-year follow-up.",
      },
    ],
  },
  {
    id: "vasterbotten-2022",
    name: { sv: "Region Västerbotten 2022", en: "Region Västerbotten 2022" },
    source: "Region Västerbotten / FoU Socialtjänst, artikel om det nya arbetssättet (2022)",
    somatic: { ...average(3.0), conditions: { admissionNotice: true, sipInvitation: false, careContact: false } },
    psychiatric: { ...average(3.0), conditions: { admissionNotice: true, sipInvitation: false, careContact: false } },
    assumptions: [
      assumed(
        "över 3,0 dagar i snitt per kalendermånad betalas (snitt − 3,0) × antal vistelser.",
        "above 3.0 days on average per calendar month, (average − 3.0) × stays is paid.",
      ),
      assumed("vistelser med 0 dagar räknas in i snittet.", "0-day stays enter the average."),
      assumed(
        "\"sjukhuset har meddelat det\" läses som krav på inskrivningsmeddelande.",
        "\"the hospital notified it\" is read as requiring the admission notice.",
      ),
      PRICE_ASSUMED,
      assumed("samma regel för somatik och psykiatri.", "the same rule for somatic and psychiatric care."),
    ],
  },
  {
    id: "vgr-2020",
    name: { sv: "Västra Götaland", en: "Västra Götaland" },
    source: "SAMSA, beskrivning av faktureringsrapporten (gitsvg.se)",
    somatic: { ...average(3.0), kind: "hybrid", longStayLimit: 7, longStayGraceDays: 0 },
    psychiatric: { ...average(3.0), kind: "hybrid", longStayLimit: 7, longStayGraceDays: 0 },
    assumptions: [
      assumed(
        "vistelser över 7 dagar lämnar snittet och betalas från dag 0.",
        "stays over 7 days leave the average and are paid from day 0.",
      ),
      assumed(
        "över riktmärket betalas (snitt − riktmärke) × antal vistelser.",
        "above the benchmark, (average − benchmark) × stays is paid.",
      ),
      PRICE_ASSUMED,
      LAW_CONDITIONS_ASSUMED,
    ],
  },
  {
    id: "stockholm-2020",
    name: { sv: "Region Stockholm 2020", en: "Region Stockholm 2020" },
    source: "vardgivarguiden.se (Region Stockholm)",
    somatic: { ...average(null), counting: { unit: "calendar", start: "noticeTime", cutoffHour: 12 } },
    psychiatric: { ...average(null), counting: { unit: "calendar", start: "noticeTime", cutoffHour: 12 } },
    assumptions: [
      {
        sv: "Riktmärket sänks stegvis och är inte publicerat: ange det innan beloppen kan räknas.",
        en: "The benchmark is lowered in stages and is not published: enter it before amounts can be computed.",
      },
      assumed(
        "över riktmärket betalas (snitt − riktmärke) × antal vistelser.",
        "above the benchmark, (average − benchmark) × stays is paid.",
      ),
      assumed("snittet tas per månad.", "the average is taken per month."),
      assumed("samma regel för somatik och psykiatri.", "the same rule for somatic and psychiatric care."),
      LAW_CONDITIONS_ASSUMED,
    ],
  },
];

export const PRESETS: readonly AgreementProfile[] = INPUTS.map((p) => agreementProfileSchema.parse(p));

/** The inputs, for tests that validate every preset through the public parser. */
export const PRESET_INPUTS: readonly AgreementProfileInput[] = INPUTS;

export function getPreset(id: string): AgreementProfile | null {
  return PRESETS.find((p) => p.id === id) ?? null;
}

export interface ProfileChanges extends Partial<Omit<AgreementProfile, "somatic" | "psychiatric">> {
  somatic?: Partial<CareRules>;
  psychiatric?: Partial<CareRules>;
}

/** A copy of a profile with changes (per care type merged field by field), validated again. */
export function copyProfile(
  profile: AgreementProfile,
  changes: ProfileChanges,
): { ok: true; profile: AgreementProfile } | { ok: false; problems: string[] } {
  const { somatic, psychiatric, ...top } = changes;
  return parseAgreementProfile({
    ...structuredCloneish(profile),
    ...top,
    somatic: { ...structuredCloneish(profile.somatic), ...somatic },
    psychiatric: { ...structuredCloneish(profile.psychiatric), ...psychiatric },
  });
}

/** A deep copy of plain JSON data (profiles are plain data), so the copy never shares arrays with a preset. */
function structuredCloneish<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
