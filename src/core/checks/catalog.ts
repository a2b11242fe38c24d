/**
 * The catalog of review checks (DOMAIN.md §4): for each code its default severity, the fields
 * whose columns it needs, and its Swedish and English message templates. Data first, so the
 * UI and docs can list what is checked and why; the checks themselves only fill templates.
 *
 * Templates use {name} placeholders, filled by fillMessage() only when a finding is made.
 */
import { CHECK_CODES, FINDING_CODES, type Bilingual, type FindingCode, type Severity } from "../model";
import type { Field } from "../sheet/fields";

export { CHECK_CODES };

export type CheckCode = (typeof CHECK_CODES)[number];

/** What every finding code has, a check's or not: the product reads its severity and title from here. */
export interface FindingSpec {
  code: FindingCode;
  /** The severity of the main variant. */
  severity: Severity;
  /**
   * Severities that differ from `severity`, by variant: a message variant's name, or
   * `notCondition` for a notice the profile does not make a condition of liability.
   */
  severities?: Partial<Record<string, Severity>>;
  /** What the finding is about, one line for lists and group headings. */
  title: Bilingual;
}

export interface CheckSpec extends FindingSpec {
  code: CheckCode;
  /** Fields whose columns must all be mapped for the check to run. */
  needs: readonly Field[];
  /** Besides `needs`: at least one of these field sets must be fully mapped (alternatives). */
  needsOneOf?: readonly (readonly Field[])[];
  /** Message templates by variant; "main" always exists. */
  messages: Record<string, Bilingual>;
}

const DATE_FIELDS: readonly Field[] = [
  "admissionDate",
  "readyDate",
  "dischargeDate",
  "deathDate",
  "admissionNoticeTime",
  "sipInvitationTime",
  "readyWithdrawnDate",
  "newReadyDate",
];

export const CHECK_CATALOG: Record<CheckCode, CheckSpec> = {
  NOT_RESIDENT: {
    code: "NOT_RESIDENT",
    severity: "error",
    title: { sv: "Patienten är folkbokförd i en annan kommun", en: "Patient registered in another municipality" },
    needs: ["municipality", "residenceMunicipality"],
    messages: {
      main: {
        sv: "Patienten är folkbokförd i {residence}, men raden faktureras {municipality}.",
        en: "The patient is registered in {residence}, but the row is invoiced to {municipality}.",
      },
    },
  },
  DECEASED: {
    code: "DECEASED",
    severity: "error",
    title: { sv: "Patienten avled under vårdtillfället", en: "Patient died during the stay" },
    needs: [],
    needsOneOf: [["deathDate"], ["dischargeCause"]],
    messages: {
      main: {
        sv: "Dödsdatum {death} ligger inom vårdtillfället ({from} – {to}): inget betalningsansvar för en avliden patient.",
        en: "Date of death {death} lies within the stay ({from} – {to}): no payment liability for a deceased patient.",
      },
      cause: {
        sv: 'Utskrivningsorsaken "{cause}" anger att patienten avled: inget betalningsansvar för en avliden patient.',
        en: 'The discharge cause "{cause}" says the patient died: no payment liability for a deceased patient.',
      },
    },
  },
  READY_BEFORE_ADMISSION: {
    code: "READY_BEFORE_ADMISSION",
    severity: "error",
    title: { sv: "Utskrivningsklar före inskrivning", en: "Discharge-ready before admission" },
    needs: ["readyDate", "admissionDate"],
    messages: {
      main: {
        sv: "Utskrivningsklar {ready} är före inskrivningen {admission}.",
        en: "Discharge-ready {ready} is before the admission {admission}.",
      },
    },
  },
  DISCHARGE_BEFORE_READY: {
    code: "DISCHARGE_BEFORE_READY",
    severity: "error",
    severities: { sameDay: "warning" },
    title: { sv: "Utskriven före utskrivningsklar", en: "Discharged before discharge-ready" },
    needs: ["dischargeDate", "readyDate"],
    messages: {
      main: {
        sv: "Utskrivningen {discharge} är före utskrivningsklar {ready}: dagarna kan inte räknas, och raden tas inte med i beräkningen.",
        en: "The discharge {discharge} is before discharge-ready {ready}: the days cannot be counted, and the row is left out of the figures.",
      },
      sameDay: {
        sv: "Utskrivningen {discharge} har ett tidigare klockslag än utskrivningsklar {ready} samma dag. Dagar räknas på datum, så raden räknas med 0 dagar; klockslagen är troligen registrerade i efterhand.",
        en: "The discharge {discharge} has an earlier time than discharge-ready {ready} on the same day. Days are counted by date, so the row is counted with 0 days; the times were probably registered after the fact.",
      },
    },
  },
  MISSING_FIELD: {
    code: "MISSING_FIELD",
    severity: "error",
    severities: { unknownMunicipality: "warning", somaticAssumed: "warning", limited: "warning", columnOpen: "warning" },
    title: { sv: "Ett fält som avtalsmodellen behöver är tomt", en: "A field the agreement model needs is empty" },
    needs: [],
    messages: {
      main: {
        sv: "{field} saknas på raden; avtalsmodellen behöver det. {consequence}",
        en: "{field} is empty on the row; the agreement model needs it. {consequence}",
      },
      column: {
        sv: "Bladet saknar kolumnen {field}, som avtalsmodellen behöver. {consequence}",
        en: "The sheet has no column for {field}, which the agreement model needs. {consequence}",
      },
      excluded: {
        sv: "Raden kan inte tas med i beräkningen.",
        en: "The row cannot enter the figures.",
      },
      columnExcluded: {
        sv: "Inga rader kan tas med i beräkningen.",
        en: "No row can enter the figures.",
      },
      unknownMunicipality: {
        sv: 'Raden förs till "(kommun saknas)" och kan inte prövas mot folkbokföringen.',
        en: 'The row goes under "(kommun saknas)" and cannot be checked against the registered municipality.',
      },
      columnUnknownMunicipality: {
        sv: 'Alla rader förs till "(kommun saknas)".',
        en: 'Every row goes under "(kommun saknas)".',
      },
      columnOpen: {
        sv: "Alla rader räknas som pågående vistelser fram till {until}, som användaren bad om.",
        en: "Every row is counted as an open stay up to {until}, as the user asked.",
      },
      somaticAssumed: {
        sv: "Beräkningen använder somatikens regel för raden, men psykiatrins regel skiljer sig; kontroller som beror på regeln görs inte för raden.",
        en: "The figures use the somatic rule for the row, but the psychiatric rule differs; checks that depend on the rule are not made for the row.",
      },
      columnSomaticAssumed: {
        sv: "Varken bladets namn, rubrik eller avdelning anger vårdform för {count} rader: beräkningen använder somatikens regel för dem, men psykiatrins regel skiljer sig. Ange bladets vårdform om den är psykiatrisk.",
        en: "Neither the sheet's name, its title nor the unit gives the care type of {count} rows: the figures use the somatic rule for them, but the psychiatric rule differs. Set the sheet's care type if it is psychiatric.",
      },
      limited: {
        sv: "Kontroller som bygger på fältet görs inte för raden.",
        en: "Checks that rely on it are not made for the row.",
      },
      columnLimited: {
        sv: "Kontroller som bygger på fältet görs inte.",
        en: "Checks that rely on it are not made.",
      },
    },
  },
  ADMISSION_NOTICE_MISSING: {
    code: "ADMISSION_NOTICE_MISSING",
    severity: "error",
    severities: { notCondition: "warning" },
    title: { sv: "Inskrivningsmeddelande saknas", en: "Admission notice missing" },
    needs: ["admissionNoticeTime"],
    messages: {
      main: {
        sv: "Inget inskrivningsmeddelande är registrerat.{condition}",
        en: "No admission notice is recorded.{condition}",
      },
    },
  },
  ADMISSION_NOTICE_LATE: {
    code: "ADMISSION_NOTICE_LATE",
    severity: "error",
    severities: { notCondition: "warning" },
    title: { sv: "Inskrivningsmeddelande senare än 24 timmar", en: "Admission notice later than 24 hours" },
    needs: ["admissionNoticeTime", "admissionDate"],
    messages: {
      main: {
        sv: "Inskrivningsmeddelandet skickades {notice}, mer än 24 timmar efter inskrivningen {admission}.{condition}",
        en: "The admission notice was sent {notice}, more than 24 hours after the admission {admission}.{condition}",
      },
      dateOnly: {
        sv: "Inskrivningsmeddelandet skickades {notice}, mer än en dag efter inskrivningen {admission} (klockslag saknas, så bara datum jämförs).{condition}",
        en: "The admission notice was sent {notice}, more than one day after the admission {admission} (no time given, so only dates are compared).{condition}",
      },
    },
  },
  SIP_INVITATION_MISSING: {
    code: "SIP_INVITATION_MISSING",
    severity: "error",
    severities: { notCondition: "warning" },
    title: { sv: "Kallelse till SIP saknas", en: "SIP invitation missing" },
    needs: ["sipInvitationTime", "planningNeeded"],
    messages: {
      main: {
        sv: "Behov av samordnad planering är angivet, men ingen kallelse till SIP är registrerad.{condition}",
        en: "Coordinated planning is needed, but no SIP invitation is recorded.{condition}",
      },
    },
  },
  SIP_INVITATION_LATE: {
    code: "SIP_INVITATION_LATE",
    severity: "error",
    severities: { notCondition: "warning" },
    title: { sv: "Kallelse till SIP senare än 3 dagar", en: "SIP invitation later than 3 days" },
    needs: ["sipInvitationTime", "planningNeeded", "readyDate"],
    messages: {
      main: {
        sv: "Kallelsen till SIP skickades {invitation}, mer än 3 dagar efter meddelandet om utskrivningsklar {ready}.{condition}",
        en: "The SIP invitation was sent {invitation}, more than 3 days after the discharge-ready notice {ready}.{condition}",
      },
    },
  },
  NO_CARE_CONTACT: {
    code: "NO_CARE_CONTACT",
    severity: "error",
    title: { sv: "Ingen fast vårdkontakt", en: "No named care contact" },
    needs: ["careContact"],
    messages: {
      main: {
        sv: "Ingen fast vårdkontakt är angiven; avtalet kräver en för betalningsansvar.",
        en: "No care contact is named; the agreement requires one for payment liability.",
      },
      notRequired: {
        sv: "Avtalsprofilen kräver ingen fast vårdkontakt, så kontrollen görs inte.",
        en: "The agreement profile does not require a care contact, so the check is not made.",
      },
    },
  },
  READY_WITHDRAWN: {
    code: "READY_WITHDRAWN",
    severity: "warning",
    title: { sv: "Utskrivningsklar-status återtagen", en: "Discharge-ready status withdrawn" },
    needs: ["readyWithdrawnDate"],
    messages: {
      main: {
        sv: "Utskrivningsklar-status togs tillbaka {withdrawn}; nytt meddelande {newReady}. Dagarna före det nya meddelandet räknas inte (ANTAGET).",
        en: "Discharge-ready status was withdrawn {withdrawn}; new notice {newReady}. Days before the new notice do not count (ASSUMED).",
      },
      noNew: {
        sv: "Utskrivningsklar-status togs tillbaka {withdrawn} och inget nytt meddelande är registrerat. Utan nytt meddelande tas dagarna från det första meddelandet {ready} (ANTAGET); kontrollera raden.",
        en: "Discharge-ready status was withdrawn {withdrawn} and no new notice is recorded. Without a new notice the days are taken from the first notice {ready} (ASSUMED); check the row.",
      },
    },
  },
  DAYS_MISMATCH: {
    code: "DAYS_MISMATCH",
    severity: "warning",
    title: { sv: "Angivna dagar stämmer inte med datumen", en: "Stated days differ from the dates" },
    needs: ["statedDays", "readyDate", "dischargeDate"],
    messages: {
      main: {
        sv: "Raden anger {stated} dagar, men datumen ger {computed} ({counting}).",
        en: "The row states {stated} days, but its dates give {computed} ({counting}).",
      },
    },
  },
  BILLED_DAYS_MISMATCH: {
    code: "BILLED_DAYS_MISMATCH",
    severity: "error",
    title: { sv: "Debiterade dagar stämmer inte med avtalsmodellen", en: "Billed days differ from the agreement model" },
    needs: ["billedDays", "readyDate", "dischargeDate"],
    messages: {
      main: {
        sv: "Raden debiterar {stated} dagar, men avtalsmodellen ger {computed} ({days} utskrivningsklara dagar − {grace} fria dagar).",
        en: "The row bills {stated} days, but the agreement model gives {computed} ({days} discharge-ready days − {grace} free days).",
      },
      hybrid: {
        sv: "Raden debiterar {stated} dagar, men avtalsmodellen ger {computed} (vistelse över {limit} dagar debiteras enskilt: {days} dagar − {grace} fria dagar).",
        en: "The row bills {stated} days, but the agreement model gives {computed} (a stay over {limit} days is billed individually: {days} days − {grace} free days).",
      },
      averageOnly: {
        sv: "Avtalsprofilen debiterar på periodens snitt; debiterade dagar per rad är inte definierade och kontrolleras inte.",
        en: "The agreement profile bills on the period's average; billed days per row are not defined and are not checked.",
      },
    },
  },
  AMOUNT_MISMATCH: {
    code: "AMOUNT_MISMATCH",
    severity: "error",
    title: { sv: "Beloppet stämmer inte med dagar × pris", en: "Amount differs from days × price" },
    needs: ["amount"],
    needsOneOf: [["billedDays"], ["readyDate", "dischargeDate"]],
    messages: {
      main: {
        sv: "Beloppet är {stated} kr, men {billed} debiterade dagar × {price} kr ger {computed} kr.",
        en: "The amount is {stated} SEK, but {billed} billed days × {price} SEK give {computed} SEK.",
      },
      split: {
        sv: "Beloppet är {stated} kr, men {billed} debiterade dagar till årets pris ({detail}) ger {computed} kr.",
        en: "The amount is {stated} SEK, but {billed} billed days at each year's price ({detail}) give {computed} SEK.",
      },
    },
  },
  PRICE_MISMATCH: {
    code: "PRICE_MISMATCH",
    severity: "error",
    title: { sv: "Pris per dygn avviker från årets pris", en: "Price per day differs from the year's price" },
    needs: ["pricePerDay"],
    needsOneOf: [["readyDate"], ["dischargeDate"]],
    messages: {
      main: {
        sv: "Priset per dygn är {stated} kr, men avtalsprofilens pris för {years} är {expected} kr.",
        en: "The price per day is {stated} SEK, but the agreement profile's price for {years} is {expected} SEK.",
      },
      unknown: {
        sv: "Priset per dygn för {year} saknas i avtalsprofilen: {count} rader (första rad {row}) kunde inte kontrolleras mot priset. Ange årets pris för att kontrollera dem.",
        en: "The price per day for {year} is missing from the agreement profile: {count} rows (first row {row}) could not be checked against the price. Enter the year's price to check them.",
      },
    },
  },
  DUPLICATE_STAY: {
    code: "DUPLICATE_STAY",
    severity: "error",
    title: { sv: "Samma vårdtillfälle två gånger", en: "The same stay twice" },
    needs: ["personId"],
    needsOneOf: [["stayId"], ["admissionDate", "readyDate"]],
    messages: {
      main: {
        sv: "Samma patient och vårdtillfälle ({stayId}) finns redan på {first}.",
        en: "The same patient and stay ({stayId}) already appear on {first}.",
      },
      dates: {
        sv: "Samma patient med samma inskrivningsdag {admission} och utskrivningsklar-dag {ready} finns redan på {first}.",
        en: "The same patient with the same admission day {admission} and discharge-ready day {ready} already appears on {first}.",
      },
    },
  },
  OVERLAPPING_STAYS: {
    code: "OVERLAPPING_STAYS",
    severity: "warning",
    title: { sv: "Två vårdtillfällen för samma patient överlappar", en: "Two stays of one patient overlap" },
    needs: ["personId", "admissionDate", "dischargeDate"],
    messages: {
      main: {
        sv: "Vårdtillfället ({from} – {to}) överlappar samma patients vårdtillfälle på {others}.",
        en: "The stay ({from} – {to}) overlaps the same patient's stay on {others}.",
      },
    },
  },
  OUTSIDE_PERIOD: {
    code: "OUTSIDE_PERIOD",
    severity: "warning",
    title: { sv: "Utanför faktureringsperioden eller i framtiden", en: "Outside the invoice period or in the future" },
    needs: [],
    needsOneOf: DATE_FIELDS.map((f) => [f]),
    messages: {
      main: {
        sv: "Utskrivningen {discharge} ligger utanför faktureringsperioden {from} – {to}.",
        en: "The discharge {discharge} lies outside the invoice period {from} – {to}.",
      },
      future: {
        sv: "{field} {date} ligger efter dagens datum {today}.",
        en: "{field} {date} lies after today, {today}.",
      },
    },
  },
  INVALID_PERSON_ID: {
    code: "INVALID_PERSON_ID",
    severity: "error",
    severities: { reserve: "warning" },
    title: { sv: "Personnumret är ogiltigt", en: "Invalid personal identity number" },
    needs: ["personId"],
    messages: {
      main: {
        sv: "Personnumret {id} har fel kontrollsiffra.",
        en: "The personal identity number {id} has a wrong check digit.",
      },
      coordination: {
        sv: "Samordningsnumret {id} har fel kontrollsiffra.",
        en: "The coordination number {id} has a wrong check digit.",
      },
      reserve: {
        sv: "{id} är ett reservnummer: det kan inte kontrolleras mot folkbokföringen. Kontrollera patientens identitet och hemkommun.",
        en: "{id} is a reserve number: it cannot be checked against the population register. Check the patient's identity and home municipality.",
      },
      unreadable: {
        sv: "{id} går inte att läsa som ett personnummer.",
        en: "{id} cannot be read as a personal identity number.",
      },
    },
  },
  CARE_TYPE_MISMATCH: {
    code: "CARE_TYPE_MISMATCH",
    severity: "warning",
    title: { sv: "Vårdform stämmer inte med avdelningen", en: "Care type does not match the unit" },
    needs: ["careType", "unit"],
    messages: {
      main: {
        sv: 'Avdelningen "{unit}" ser ut att vara psykiatrisk, men raden debiteras enligt somatikens regel.',
        en: 'The unit "{unit}" looks psychiatric, but the row is billed under the somatic rule.',
      },
      reverse: {
        sv: 'Avdelningen "{unit}" ser ut att vara somatisk, men raden debiteras enligt psykiatrins regel.',
        en: 'The unit "{unit}" looks somatic, but the row is billed under the psychiatric rule.',
      },
    },
  },
  LONG_STAY: {
    code: "LONG_STAY",
    severity: "warning",
    title: { sv: "Ovanligt länge utskrivningsklar", en: "Discharge-ready for an unusually long time" },
    needs: ["readyDate", "dischargeDate"],
    messages: {
      main: {
        sv: "{days} utskrivningsklara dagar, över gränsen {limit}: ofta en inaktuell registrering.",
        en: "{days} discharge-ready days, over the limit of {limit}: often a stale registration.",
      },
      open: {
        sv: "Utskrivningsklar sedan {ready}, {days} dagar fram till {until} utan utskrivning, över gränsen {limit}: ofta en inaktuell registrering.",
        en: "Discharge-ready since {ready}, {days} days up to {until} without discharge, over the limit of {limit}: often a stale registration.",
      },
    },
  },
  STILL_ADMITTED: {
    code: "STILL_ADMITTED",
    severity: "info",
    severities: { billed: "warning", billedCounted: "warning" },
    title: { sv: "Inget utskrivningsdatum", en: "No discharge date" },
    needs: ["dischargeDate"],
    messages: {
      main: {
        sv: "Inget utskrivningsdatum: vistelsen pågår och dagarna fortsätter att växa. Raden räknas inte med i periodens siffror.",
        en: "No discharge date: the stay is open and its days keep growing. The row does not enter the period's figures.",
      },
      billed: {
        sv: "Inget utskrivningsdatum, men raden debiterar {what}: vistelsen pågår och kan inte slutdebiteras. Raden räknas inte med i periodens siffror.",
        en: "No discharge date, but the row bills {what}: the stay is open and cannot be billed in full. The row does not enter the period's figures.",
      },
      counted: {
        sv: "Inget utskrivningsdatum: vistelsen pågår. Som användaren bad om räknas raden med fram till {until}.",
        en: "No discharge date: the stay is open. As the user asked, the row is counted up to {until}.",
      },
      billedCounted: {
        sv: "Inget utskrivningsdatum, men raden debiterar {what}: vistelsen pågår och kan inte slutdebiteras. Som användaren bad om räknas raden med fram till {until}.",
        en: "No discharge date, but the row bills {what}: the stay is open and cannot be billed in full. As the user asked, the row is counted up to {until}.",
      },
    },
  },
};

/** The findings that are no check's: the reader's (INVALID_VALUE), the figures' and the cross-file ones. */
export const OTHER_FINDINGS: Record<Exclude<FindingCode, CheckCode>, FindingSpec> = {
  INVALID_VALUE: {
    code: "INVALID_VALUE",
    // An unreadable date the count needs leaves the row out of the figures: an error.
    severity: "warning",
    severities: { leftOut: "error" },
    title: { sv: "Ett värde går inte att läsa", en: "A value cannot be read" },
  },
  PRICE_UNKNOWN: {
    code: "PRICE_UNKNOWN",
    // Figures without an amount (warning); rows whose stated price could not be checked (check: info).
    severity: "warning",
    severities: { check: "info" },
    title: { sv: "Årets pris per dygn är okänt", en: "The year's price per day is unknown" },
  },
  BENCHMARK_UNKNOWN: {
    code: "BENCHMARK_UNKNOWN",
    severity: "warning",
    title: { sv: "Riktmärket eller avtalets giltighet saknas", en: "Benchmark or agreement validity missing" },
  },
  // Several files reviewed together (batch/crossFile.ts): one stay, one count.
  CROSS_FILE_DUPLICATE: {
    code: "CROSS_FILE_DUPLICATE",
    // A stay invoiced twice is a ground to dispute.
    severity: "error",
    title: { sv: "Vistelsen faktureras i två filer", en: "Stay invoiced in two files" },
  },
  CROSS_FILE_REINVOICED: {
    code: "CROSS_FILE_REINVOICED",
    // The dates changed between two invoices: check which is right by hand.
    severity: "warning",
    title: { sv: "Vistelsen faktureras igen med andra datum", en: "Stay invoiced again with other dates" },
  },
};

/** Every finding code's spec. */
export const FINDING_SPECS: Record<FindingCode, FindingSpec> = { ...CHECK_CATALOG, ...OTHER_FINDINGS };

/** A finding's severity, from the catalog: the variant's where it has its own, else the code's. */
export function severityOf(code: FindingCode, variant = "main"): Severity {
  const spec = FINDING_SPECS[code];
  return spec.severities?.[variant] ?? spec.severity;
}

/** A finding code's title, for lists, filters and group headings in every host. */
export function findingTitle(code: FindingCode): Bilingual {
  return FINDING_SPECS[code].title;
}

/** Every finding code's title, in FINDING_CODES order. */
export const FINDING_TITLES = Object.fromEntries(FINDING_CODES.map((c) => [c, FINDING_SPECS[c].title])) as Record<FindingCode, Bilingual>;

/** Text of a check-status reason when a check could not run on every sheet. */
export const STATUS_REASONS = {
  partial: {
    sv: "Kördes på {ran}; inte på {notRan} (kolumner saknas).",
    en: "Ran on {ran}; not on {notRan} (columns missing).",
  },
  none: {
    sv: "Kolumner saknas: {fields}.",
    en: "Columns missing: {fields}.",
  },
  noSheet: {
    sv: "Inget blad lästes.",
    en: "No sheet was read.",
  },
} satisfies Record<string, Bilingual>;
