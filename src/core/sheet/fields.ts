/**
 * The fields of an invoice-basis row that the engine understands (DOMAIN.md §1–§4).
 * Header synonyms live in headerSynonyms.ts; this list is the contract between reader,
 * checks and figures.
 */
export const FIELDS = [
  "personId", // Personnummer / Pnr
  "stayId", // Vårdtillfälle-id
  "admissionDate", // Inskrivningsdatum (may carry a time)
  "readyDate", // Utskrivningsklar datum (may carry the notice time)
  "dischargeDate", // Utskrivningsdatum
  "municipality", // Kommun (the municipality invoiced)
  "residenceMunicipality", // Folkbokföringskommun
  "careType", // Verksamhetsområde / Vårdform: somatic or psychiatric
  "unit", // Avdelning / Vårdenhet
  "dischargeCause", // Utskrivningsorsak
  "deathDate", // Dödsdatum
  "statedDays", // Antal dagar (utskrivningsklara dagar as stated)
  "billedDays", // Debiterade dagar
  "pricePerDay", // Pris per dygn
  "amount", // Belopp
  "admissionNoticeTime", // Inskrivningsmeddelande skickat
  "planningNeeded", // Behov av samordnad planering (SIP)
  "sipInvitationTime", // Kallelse till SIP skickad
  "careContact", // Fast vårdkontakt
  "readyWithdrawnDate", // Ej längre utskrivningsklar
  "newReadyDate", // Åter utskrivningsklar
] as const;

export type Field = (typeof FIELDS)[number];

export const FIELD_LABELS: Record<Field, { sv: string; en: string }> = {
  personId: { sv: "Personnummer", en: "Personal identity number" },
  stayId: { sv: "Vårdtillfälle", en: "Stay id" },
  admissionDate: { sv: "Inskrivningsdatum", en: "Admission date" },
  readyDate: { sv: "Utskrivningsklar datum", en: "Discharge-ready date" },
  dischargeDate: { sv: "Utskrivningsdatum", en: "Discharge date" },
  municipality: { sv: "Kommun", en: "Municipality" },
  residenceMunicipality: { sv: "Folkbokföringskommun", en: "Municipality of residence" },
  careType: { sv: "Verksamhetsområde", en: "Care type" },
  unit: { sv: "Avdelning", en: "Unit" },
  dischargeCause: { sv: "Utskrivningsorsak", en: "Discharge cause" },
  deathDate: { sv: "Dödsdatum", en: "Date of death" },
  statedDays: { sv: "Antal dagar", en: "Days stated" },
  billedDays: { sv: "Debiterade dagar", en: "Billed days" },
  pricePerDay: { sv: "Pris per dygn", en: "Price per day" },
  amount: { sv: "Belopp", en: "Amount" },
  admissionNoticeTime: { sv: "Inskrivningsmeddelande", en: "Admission notice" },
  planningNeeded: { sv: "Behov av SIP", en: "Planning needed" },
  sipInvitationTime: { sv: "Kallelse SIP", en: "SIP invitation" },
  careContact: { sv: "Fast vårdkontakt", en: "Care contact" },
  readyWithdrawnDate: { sv: "Ej längre utskrivningsklar", en: "Ready status withdrawn" },
  newReadyDate: { sv: "Åter utskrivningsklar", en: "Ready again" },
};
