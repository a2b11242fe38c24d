/**
 * Header names of the invoice-basis fields, Swedish and English, as exports write them.
 * Matching is on a compact key (normalizeText without spaces), so case, accents, punctuation
 * and spacing do not matter: "Inskr.datum", "INSKR DATUM" and "inskr-datum" are one key.
 */
import { normalizeText } from "../cells/text";
import type { Field } from "./fields";

interface Synonyms {
  /** Full names: an exact match is certain (confidence 1). */
  names: string[];
  /** Abbreviations and looser names: an exact match is likely (confidence 0.85). */
  abbreviations?: string[];
  /** Extra words that identify the field inside a longer header (partial match). */
  keywords?: string[];
}

export const HEADER_SYNONYMS: Record<Field, Synonyms> = {
  personId: {
    names: [
      "Personnummer", "Personnr", "Person id", "Personal identity number", "Personal number",
      "Personnummer/samordningsnummer", "Patientens personnummer", "Personidentitet", "Identity number",
    ],
    abbreviations: ["Pnr", "Pers nr", "Persnr", "Person nr", "PID", "Id-nummer", "Patient id"],
    keywords: ["personnummer", "personnr", "identity number"],
  },
  stayId: {
    names: [
      "Vårdtillfälle", "Vårdtillfälle-id", "Vårdtillfällesid", "Vårdtillfälle id", "Vårdtillfällesnummer",
      "Vårdtillfälle nr", "Vårdtillfällesnr", "Stay id", "Admission id", "Episode id",
    ],
    abbreviations: ["VtfId", "Vtf", "Vtf-id", "Vtf nr", "Vtfnr", "Vårdtillf", "Vtf-nummer"],
    keywords: ["vardtillfalle", "stay id", "episode id"],
  },
  admissionDate: {
    names: [
      "Inskrivningsdatum", "Inskrivning", "Inskrivningsdag", "Inskrivningstid", "Inskriven",
      "Inskrivningsdatum och tid", "Admission date", "Admission", "Admitted", "Date of admission",
    ],
    abbreviations: ["Inskr.datum", "Inskr datum", "Inskr", "Inskr.dat", "Inskr dag", "Ink datum", "Inskriv datum"],
    keywords: ["inskrivning", "inskr datum", "admission", "admitted"],
  },
  readyDate: {
    names: [
      "Utskrivningsklar", "Utskrivningsklar datum", "Utskrivningsklardatum", "Utskrivningsklar från",
      "Datum utskrivningsklar", "Utskrivningsklar sedan", "Utskrivningsklar tidpunkt", "Utskrivningsklar datum och tid",
      "Meddelande utskrivningsklar", "Discharge ready date", "Discharge-ready", "Ready date", "Ready for discharge",
      "Medically ready date",
    ],
    abbreviations: ["Utskr.klar datum", "Utskr.klar", "Utskr klar", "Utskrklar", "UK-datum", "UK datum", "UK", "Uk dat"],
    keywords: ["utskrivningsklar", "utskr klar", "uk datum", "discharge ready", "ready for discharge", "ready date"],
  },
  dischargeDate: {
    names: [
      "Utskrivningsdatum", "Utskrivning", "Utskriven", "Utskrivningsdag", "Utskrivningstid",
      "Utskrivningsdatum och tid", "Discharge date", "Discharged", "Date of discharge", "Discharge",
    ],
    abbreviations: ["Utskr.datum", "Utskr datum", "Utskr", "Utskr.dat", "Utskr dag", "Utsk datum"],
    keywords: ["utskrivning", "utskriven", "utskr datum", "discharge date", "discharged"],
  },
  municipality: {
    names: [
      "Kommun", "Betalningsansvarig kommun", "Betalningsansvarig", "Fakturerad kommun", "Municipality",
      "Betalande kommun", "Kommunnamn", "Ansvarig kommun", "Billed municipality", "Invoiced municipality",
      "Mottagande kommun",
    ],
    abbreviations: ["Kommunkod", "Kommun kod", "Kn", "Betalningsansv kommun"],
    keywords: ["kommun", "municipality"],
  },
  residenceMunicipality: {
    names: [
      "Folkbokföringskommun", "Folkbokförd kommun", "Folkbokförd i kommun", "Folkbokförd i", "Folkbokförd",
      "Hemkommun", "Bostadskommun", "Residence", "Municipality of residence", "Residence municipality",
      "Home municipality", "Folkbokföring",
    ],
    abbreviations: ["Folkbokf. kommun", "Folkbokf kommun", "Folkbokf", "Fbk", "Folkbokf kn", "Hemkn"],
    keywords: ["folkbokf", "hemkommun", "bostadskommun", "residence", "home municipality"],
  },
  careType: {
    names: [
      "Verksamhetsområde", "Vårdform", "Verksamhet", "Care type", "Type of care", "Vårdtyp",
      "Somatik/psykiatri", "Vårdområde", "Specialty",
    ],
    abbreviations: ["Verks.område", "Verks område", "Verksomr", "Specialitet", "Vo"],
    keywords: ["verksamhet", "vardform", "vardtyp", "care type", "type of care"],
  },
  unit: {
    names: ["Avdelning", "Vårdenhet", "Enhet", "Unit", "Ward", "Vårdavdelning", "Klinik", "Sjukhus", "Hospital"],
    abbreviations: ["Avd", "Avd.", "Avd namn", "Avdelningsnamn", "Enhetsnamn", "Vårdenhetsnamn"],
    keywords: ["avdelning", "vardenhet", "vardavdelning", "klinik", "ward"],
  },
  dischargeCause: {
    names: [
      "Utskrivningsorsak", "Orsak", "Discharge cause", "Utskrivningssätt", "Utskriven till", "Avslutsorsak",
      "Reason for discharge", "Discharge reason", "Avslutningsorsak", "Utskrivningsorsak/sätt",
    ],
    abbreviations: ["Utskr.orsak", "Utskr orsak", "Utskr.sätt", "Utskr satt"],
    keywords: ["orsak", "utskrivningsorsak", "utskrivningssatt", "utskriven till", "avslutsorsak", "discharge cause", "discharge reason"],
  },
  deathDate: {
    names: ["Dödsdatum", "Avliden datum", "Avliden", "Date of death", "Death date", "Död", "Dödsdag", "Avled", "Datum för dödsfall", "Deceased"],
    abbreviations: ["Död datum", "Avl datum", "Avl."],
    keywords: ["dodsdatum", "avliden", "dodsfall", "death", "deceased"],
  },
  statedDays: {
    names: [
      "Antal dagar", "Dagar", "Utskrivningsklara dagar", "Days", "Antal utskrivningsklara dagar",
      "Utskrivningsklara dygn", "Antal utskrivningsklara dygn", "Antal dygn", "Dygn", "Number of days",
      "Ready days", "Discharge ready days",
    ],
    abbreviations: ["Antal dgr", "Dgr", "UK-dagar", "UK dagar", "Ant dagar", "Ant. dgr", "Uk dygn"],
    keywords: ["antal dagar", "utskrivningsklara dagar", "utskrivningsklara dygn", "antal dygn", "ready days", "uk dagar"],
  },
  billedDays: {
    names: [
      "Debiterade dagar", "Fakturerade dagar", "Betalningsdagar", "Billed days", "Debiterade dygn",
      "Fakturerade dygn", "Antal debiterade dagar", "Betalningsansvarsdagar", "Dagar att betala", "Invoiced days",
      "Betaldagar", "Dagar med betalningsansvar", "Debiterbara dagar", "Dygn med betalningsansvar",
    ],
    abbreviations: ["Deb dagar", "Deb. dagar", "Deb dgr", "Fakt dagar", "Fakt. dagar", "Fakt dgr"],
    keywords: [
      "debiterade dagar", "debiterade dygn", "fakturerade dagar", "fakturerade dygn", "betalningsdagar",
      "betalningsansvarsdagar", "med betalningsansvar", "billed days", "invoiced days", "debiterbara",
    ],
  },
  pricePerDay: {
    names: [
      "Pris per dygn", "Pris", "Dygnskostnad", "Price per day", "Dygnspris", "Pris/dygn", "Kostnad per dygn",
      "Belopp per dygn", "Dygnsavgift", "Ersättning per dygn", "Price", "Daily rate", "Rate", "Pris per dag",
      "Kr per dygn", "Kronor per dygn",
    ],
    abbreviations: ["À-pris", "A-pris", "Apris", "Pris kr"],
    keywords: ["pris", "per dygn", "per dag", "dygnskostnad", "dygnspris", "dygnsavgift", "price per day", "daily rate"],
  },
  amount: {
    names: [
      "Belopp", "Summa belopp", "Att betala", "Amount", "Summa", "Totalbelopp", "Totalt belopp",
      "Fakturerat belopp", "Kostnad", "Total amount", "Belopp att betala", "Att fakturera", "Total kostnad",
      "Debiterat belopp",
    ],
    abbreviations: ["Bel.", "Blp", "Summa kr", "Tot belopp"],
    keywords: ["belopp", "att betala", "att fakturera", "amount", "kostnad"],
  },
  admissionNoticeTime: {
    names: [
      "Inskrivningsmeddelande", "Inskrivningsmeddelande skickat", "Inskrivningsmeddelande datum",
      "Inskrivningsmeddelande tid", "Datum inskrivningsmeddelande", "Admission notice", "Admission notice sent",
      "Inskrivningsmeddelande skickat datum",
    ],
    abbreviations: ["Inskr.medd", "Inskr medd", "Inskrmedd", "IM", "IM skickat", "Inskr.meddelande"],
    keywords: ["inskrivningsmedd", "inskr medd", "admission notice"],
  },
  planningNeeded: {
    names: [
      "Behov av SIP", "Samordnad planering", "SIP behov", "Planning needed", "Behov av samordnad planering",
      "Behov av samordnad individuell plan", "Behov av samordnad individuell planering", "SIP-behov",
      "Needs SIP", "Behov SIP", "Behov av planering", "Planeringsbehov",
    ],
    abbreviations: ["SIP", "Beh SIP", "Beh. SIP"],
    keywords: ["behov av sip", "sip behov", "behov av samordnad", "samordnad planering", "planeringsbehov", "planning needed"],
  },
  sipInvitationTime: {
    names: [
      "Kallelse SIP", "SIP kallelse skickad", "SIP invitation", "Kallelse till SIP", "Kallelse till SIP skickad",
      "SIP kallelse", "Kallelse skickad", "Kallelse", "SIP-kallelse datum", "Datum kallelse SIP",
      "SIP invitation sent", "Kallelse till samordnad planering", "Kallelse samordnad individuell plan",
    ],
    abbreviations: ["Kall SIP", "Kall. SIP", "SIP kall"],
    keywords: ["kallelse", "sip invitation", "invitation"],
  },
  careContact: {
    names: ["Fast vårdkontakt", "Vårdkontakt", "Care contact", "Fast vårdkontakt utsedd", "Named care contact", "Utsedd fast vårdkontakt"],
    abbreviations: ["FVK", "Fast vkt"],
    keywords: ["vardkontakt", "care contact"],
  },
  readyWithdrawnDate: {
    names: [
      "Ej längre utskrivningsklar", "Återtagen", "Withdrawn", "Återtagen utskrivningsklar", "Ej utskrivningsklar",
      "Utskrivningsklar återtagen", "Återkallad", "Not ready", "No longer ready", "Ready withdrawn",
      "Ej längre utskrivningsklar datum", "Utskrivningsklar återkallad",
    ],
    abbreviations: ["Ej l utskr klar", "Ej längre UK", "Ej UK"],
    keywords: ["ej langre", "ej utskrivningsklar", "atertagen", "aterkallad", "withdrawn", "no longer", "not ready"],
  },
  newReadyDate: {
    names: [
      "Åter utskrivningsklar", "Ny utskrivningsklar", "Ready again", "Ny utskrivningsklar datum",
      "Åter utskrivningsklar datum", "Nytt utskrivningsklar datum", "Nytt utskrivningsklardatum", "New ready date",
      "Utskrivningsklar igen",
    ],
    abbreviations: ["Åter UK", "Ny UK", "Nytt UK-datum"],
    keywords: ["ater utskrivningsklar", "ny utskrivningsklar", "nytt utskrivningsklar", "utskrivningsklar igen", "ready again", "new ready"],
  },
};

/**
 * When one header holds words of two fields ("Ny utskrivningsklar datum" holds newReadyDate's
 * "ny utskrivningsklar" and readyDate's "utskrivningsklar datum") the more specific field wins:
 * the qualifiers (withdrawn, residence, billed, price…) before the fields they qualify.
 */
export const FIELD_SPECIFICITY: readonly Field[] = [
  "readyWithdrawnDate", "newReadyDate", "residenceMunicipality", "billedDays", "statedDays", "pricePerDay",
  "admissionNoticeTime", "sipInvitationTime", "planningNeeded", "careContact", "deathDate", "dischargeCause",
  "readyDate", "stayId", "personId", "admissionDate", "dischargeDate", "municipality", "careType", "unit", "amount",
];

/** Trailing words that say nothing about the field: units, formats, yes/no hints. */
const NOISE_TAIL = new Set(["kr", "sek", "st", "ja", "nej", "j", "n", "x", "yes", "no", "yyyy", "mm", "dd", "aaaa", "hh", "tt"]);

/** The compact key of a header: normalized, noise words at the end dropped, spaces removed. */
export function headerKey(header: string): string {
  const words = normalizeText(header).split(" ");
  while (words.length > 1 && NOISE_TAIL.has(words[words.length - 1])) words.pop();
  return words.join("");
}

export interface HeaderMatch {
  field: Field;
  confidence: number;
  how: "exact" | "synonym" | "partial";
}

const CONFIDENCE = { exact: 1, synonym: 0.85, partial: 0.6 } as const;
/**
 * Names shorter than this match only whole headers: inside longer headers "dagar", "enhet" or
 * "inskr" mislead ("Vårddagar" is not the stated ready days). Listed keywords always count.
 */
const MIN_PARTIAL_NAME = 6;

interface Keyword {
  key: string;
  field: Field;
}

const EXACT = new Map<string, HeaderMatch>();
const KEYWORDS: Keyword[] = [];

for (const field of Object.keys(HEADER_SYNONYMS) as Field[]) {
  const s = HEADER_SYNONYMS[field];
  for (const name of s.names) EXACT.set(headerKey(name), { field, confidence: CONFIDENCE.exact, how: "exact" });
  for (const abbr of s.abbreviations ?? []) {
    const key = headerKey(abbr);
    if (!EXACT.has(key)) EXACT.set(key, { field, confidence: CONFIDENCE.synonym, how: "synonym" });
  }
  const keys = new Set<string>();
  for (const text of [...s.names, ...(s.abbreviations ?? [])]) {
    const key = headerKey(text);
    if (key.length >= MIN_PARTIAL_NAME) keys.add(key);
  }
  for (const text of s.keywords ?? []) keys.add(headerKey(text));
  for (const key of keys) KEYWORDS.push({ field, key });
}

/** Every synonym key with the field it names: for tests that keys do not collide. */
export function synonymKeys(): { key: string; field: Field }[] {
  const out: { key: string; field: Field }[] = [];
  for (const field of Object.keys(HEADER_SYNONYMS) as Field[]) {
    const s = HEADER_SYNONYMS[field];
    for (const t of [...s.names, ...(s.abbreviations ?? [])]) out.push({ key: headerKey(t), field });
  }
  return out;
}

const RANK = new Map<Field, number>(FIELD_SPECIFICITY.map((f, i) => [f, i]));

/**
 * The field a header names, or null. Exact names and abbreviations first; otherwise the
 * keywords found inside the header, dropping any found only inside a longer one
 * ("utskrivning" inside "utskrivningsklar"), then the most specific field.
 */
export function matchHeader(header: string): HeaderMatch | null {
  const key = headerKey(header);
  if (key === "") return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  const full = normalizeText(header).replace(/ /g, "");
  const hits: { field: Field; start: number; end: number }[] = [];
  for (const kw of KEYWORDS) {
    const start = full.indexOf(kw.key);
    if (start >= 0) hits.push({ field: kw.field, start, end: start + kw.key.length });
  }
  if (hits.length === 0) return null;
  const kept = hits.filter(
    (h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
  );
  kept.sort((a, b) => RANK.get(a.field)! - RANK.get(b.field)! || b.end - b.start - (a.end - a.start));
  return { field: kept[0].field, confidence: CONFIDENCE.partial, how: "partial" };
}
