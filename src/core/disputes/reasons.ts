/**
 * The grounds a dispute can give, and what each does to the figures (DOMAIN.md §4):
 * - `void`: the stay owes nothing after the dispute and leaves the figures; under an average
 *   model it also leaves the average (which can raise what the others owe);
 * - `arithmetic`: the region's arithmetic is wrong; the stay still owes, at the recomputed
 *   figure, which already corrects the arithmetic.
 * Rows marked `assumed` are our reading where DOMAIN.md names no rule: shown as assumptions.
 */
import { CHECK_CODES, type Bilingual } from "../model";

export const DISPUTE_REASONS = [...CHECK_CODES, "INVALID_VALUE", "OTHER"] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

export type ReasonEffect = "void" | "arithmetic";

export interface ReasonRule {
  reason: DisputeReason;
  effect: ReasonEffect;
  /** The reason in words, for the pane and the export. */
  label: Bilingual;
  /** Why it has that effect, in words a reviewer reads. */
  why: Bilingual;
  /** True where the effect is our reading, not DOMAIN.md's. */
  assumed: boolean;
}

const VOID_GROUNDS = {
  notResident: { sv: "patienten hör inte till kommunen", en: "the patient does not belong to the municipality" },
  deceased: { sv: "patienten avled under vistelsen", en: "the patient died during the stay" },
  condition: { sv: "ett villkor i överenskommelsen är inte uppfyllt", en: "a condition of the agreement is unmet" },
  duplicate: { sv: "vistelsen är fakturerad två gånger", en: "the stay is invoiced twice" },
  dates: { sv: "datumen kan inte stå sig", en: "the dates cannot stand" },
  identity: { sv: "identiteten kan inte stå sig", en: "the identity cannot stand" },
};
const ARITHMETIC = { sv: "regionens räkning: vistelsen ingår med omräknad siffra", en: "the region's arithmetic: the stay stays in at its recomputed figure" };

function rule(reason: DisputeReason, effect: ReasonEffect, sv: string, en: string, why: Bilingual, assumed = false): ReasonRule {
  return { reason, effect, label: { sv, en }, why, assumed };
}

const ASSUMED_VOID = (sv: string, en: string): Bilingual => ({ sv: `ANTAGET: ${sv}`, en: `ASSUMED: ${en}` });

/** One row per reason, in DISPUTE_REASONS order. */
export const REASON_RULES: readonly ReasonRule[] = [
  rule("NOT_RESIDENT", "void", "Ej folkbokförd i kommunen", "Not resident in the municipality", VOID_GROUNDS.notResident),
  rule("DECEASED", "void", "Avliden under vistelsen", "Died during the stay", VOID_GROUNDS.deceased),
  rule("READY_BEFORE_ADMISSION", "void", "Utskrivningsklar före inskrivning", "Ready before admission", VOID_GROUNDS.dates),
  rule("DISCHARGE_BEFORE_READY", "void", "Utskriven före utskrivningsklar", "Discharged before ready", VOID_GROUNDS.dates),
  rule(
    "MISSING_FIELD",
    "void",
    "Uppgift saknas",
    "A field is missing",
    ASSUMED_VOID("en uppgift som modellen behöver saknas, så vistelsen kan inte debiteras som den står", "a field the model needs is missing, so the stay cannot be billed as it stands"),
    true,
  ),
  rule("ADMISSION_NOTICE_MISSING", "void", "Inskrivningsmeddelande saknas", "Admission notice missing", VOID_GROUNDS.condition),
  rule("ADMISSION_NOTICE_LATE", "void", "Inskrivningsmeddelande för sent", "Admission notice late", VOID_GROUNDS.condition),
  rule("SIP_INVITATION_MISSING", "void", "SIP-kallelse saknas", "SIP invitation missing", VOID_GROUNDS.condition),
  rule("SIP_INVITATION_LATE", "void", "SIP-kallelse för sent", "SIP invitation late", VOID_GROUNDS.condition),
  rule("NO_CARE_CONTACT", "void", "Fast vårdkontakt saknas", "No named care contact", VOID_GROUNDS.condition),
  rule(
    "READY_WITHDRAWN",
    "arithmetic",
    "Utskrivningsklar återkallad",
    "Ready status withdrawn",
    {
      sv: "ANTAGET: dagarna räknas om från den nya anmälan; vistelsen ingår med omräknad siffra",
      en: "ASSUMED: the days are recounted from the new notice; the stay stays in at its recomputed figure",
    },
    true,
  ),
  rule("DAYS_MISMATCH", "arithmetic", "Fel antal dagar", "Days do not match", ARITHMETIC),
  rule("BILLED_DAYS_MISMATCH", "arithmetic", "Fel antal debiterade dagar", "Billed days do not match", ARITHMETIC),
  rule("AMOUNT_MISMATCH", "arithmetic", "Fel belopp", "Amount does not match", ARITHMETIC),
  rule("PRICE_MISMATCH", "arithmetic", "Fel pris per dag", "Price per day does not match", ARITHMETIC),
  rule("DUPLICATE_STAY", "void", "Dubbelfakturerad vistelse", "Stay invoiced twice", VOID_GROUNDS.duplicate),
  rule(
    "OVERLAPPING_STAYS",
    "void",
    "Överlappande vistelser",
    "Overlapping stays",
    ASSUMED_VOID("den bestridda av två överlappande vistelser har datum som inte kan stå sig", "the disputed one of two overlapping stays has dates that cannot stand"),
    true,
  ),
  rule(
    "OUTSIDE_PERIOD",
    "void",
    "Utanför fakturaperioden",
    "Outside the invoiced period",
    ASSUMED_VOID("vistelsen hör till en annan period och lämnar den här fakturan", "the stay belongs to another period and leaves this invoice"),
    true,
  ),
  rule("INVALID_PERSON_ID", "void", "Ogiltigt personnummer", "Invalid identity number", VOID_GROUNDS.identity),
  rule(
    "CARE_TYPE_MISMATCH",
    "void",
    "Fel vårdform",
    "Wrong care type",
    ASSUMED_VOID("debiterad enligt fel regel: vistelsen lämnar fakturan tills regionen fakturerar den rätt", "billed under the wrong rule: the stay leaves the invoice until the region invoices it correctly"),
    true,
  ),
  rule(
    "LONG_STAY",
    "void",
    "Ovanligt lång vistelse",
    "Unusually long stay",
    ASSUMED_VOID("en inaktuell registrering: datumen kan inte stå sig", "a stale registration: the dates cannot stand"),
    true,
  ),
  rule(
    "STILL_ADMITTED",
    "void",
    "Ännu inskriven",
    "Still admitted",
    ASSUMED_VOID("utan utskrivningsdatum kan dagarna inte debiteras än", "without a discharge date the days cannot be billed yet"),
    true,
  ),
  rule(
    "INVALID_VALUE",
    "void",
    "Oläsligt värde",
    "Unreadable value",
    ASSUMED_VOID("ett värde som inte kan läsas: uppgiften kan inte stå sig", "a value that cannot be read: the entry cannot stand"),
    true,
  ),
  rule(
    "OTHER",
    "void",
    "Annat skäl",
    "Other reason",
    ASSUMED_VOID("ett annat skäl bestrider vistelsen som helhet (se kommentaren)", "another reason disputes the stay as a whole (see the comment)"),
    true,
  ),
];

const BY_REASON = new Map<DisputeReason, ReasonRule>(REASON_RULES.map((r) => [r.reason, r]));

export function reasonRule(reason: DisputeReason): ReasonRule {
  return BY_REASON.get(reason)!;
}

export function voidsLiability(reason: DisputeReason): boolean {
  return reasonRule(reason).effect === "void";
}

export function isDisputeReason(code: string): code is DisputeReason {
  return BY_REASON.has(code as DisputeReason);
}
