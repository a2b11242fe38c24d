/**
 * Synthetic invoice-basis stays, shared by the sample workbook (make-sample.ts) and the
 * benchmark (bench.ts). Deterministic: a seeded PRNG, no clock. Person ids are SYNTHETIC
 * (birth date + serial + a valid Luhn check digit); they are not taken from real people.
 */

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HEADERS = [
  "Personnummer",
  "Vårdtillfälle",
  "Inskrivningsdatum",
  "Utskrivningsklar datum",
  "Utskrivningsdatum",
  "Kommun",
  "Folkbokföringskommun",
  "Verksamhetsområde",
  "Avdelning",
  "Utskrivningsorsak",
  "Dödsdatum",
  "Inskrivningsmeddelande skickat",
  "Behov av SIP",
  "Kallelse SIP skickad",
  "Fast vårdkontakt",
  "Antal dagar",
  "Debiterade dagar",
  "Pris per dygn",
  "Belopp",
] as const;

/** 0-based column index of each header. */
export const COL = Object.fromEntries(HEADERS.map((h, i) => [h, i])) as Record<(typeof HEADERS)[number], number>;

/** A moment as epoch minutes (UTC wall clock = Swedish local wall clock, as Excel stores it). */
export type Minutes = number;
export const MIN_PER_DAY = 1440;

export interface SyntheticStay {
  personId: string;
  stayId: string;
  admission: Minutes;
  ready: Minutes | null;
  discharge: Minutes | null;
  municipality: string;
  residence: string;
  careType: "Somatisk vård" | "Psykiatrisk vård";
  unit: string;
  cause: string;
  death: Minutes | null;
  admissionNotice: Minutes | null;
  sipNeeded: "Ja" | "Nej";
  sipInvitation: Minutes | null;
  careContact: string;
  days: number | null;
  billedDays: number | null;
  price: number;
  amount: number | null;
}

export const MUNICIPALITIES: { name: string; weight: number; hospital: string }[] = [
  { name: "Halmstad", weight: 35, hospital: "Halmstad" },
  { name: "Kungsbacka", weight: 22, hospital: "Varberg" },
  { name: "Varberg", weight: 20, hospital: "Varberg" },
  { name: "Falkenberg", weight: 12, hospital: "Varberg" },
  { name: "Laholm", weight: 7, hospital: "Halmstad" },
  { name: "Hylte", weight: 4, hospital: "Halmstad" },
];

/** Law default (Lag 2017:612): days 0..2 are free; 2023 price per Socialstyrelsen. */
export const GRACE_DAYS = 3;
export const PRICE_2023 = 10_500;

/** Epoch day of a civil date (UTC arithmetic, no time zones involved). */
export function epochDayOf(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Luhn check digit over the 10-digit form YYMMDDNNN. */
export function luhnDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let p = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (p > 9) p -= 9;
    sum += p;
  }
  return (10 - (sum % 10)) % 10;
}

/** Synthetic personnummer YYYYMMDD-NNNC with a valid check digit. */
export function syntheticPersonId(birthDay: number, serial: number): string {
  const d = new Date(birthDay * 86_400_000);
  const ymd = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  const nnn = String(serial % 1000).padStart(3, "0");
  return `${ymd}-${nnn}${luhnDigit(ymd.slice(2) + nnn)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function pickWeighted<T extends { weight: number }>(rand: () => number, items: T[]): T {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let x = rand() * total;
  for (const it of items) {
    x -= it.weight;
    if (x < 0) return it;
  }
  return items[items.length - 1];
}

/** Many short stays, a tail past 20 days (no stay over 28: LONG_STAY starts at 30). */
const DAY_BUCKETS = [
  { weight: 22, from: 0, to: 0 },
  { weight: 18, from: 1, to: 1 },
  { weight: 14, from: 2, to: 2 },
  { weight: 10, from: 3, to: 3 },
  { weight: 8, from: 4, to: 4 },
  { weight: 6, from: 5, to: 5 },
  { weight: 14, from: 6, to: 10 },
  { weight: 6, from: 11, to: 20 },
  { weight: 2, from: 21, to: 28 },
];

const CAUSES = ["Till ordinärt boende", "Till särskilt boende", "Till korttidsboende", "Till ordinärt boende med hemtjänst"];

/** 40 years of birth days. */
const BIRTH_SPAN = 14_600;

export function billedDaysOf(days: number): number {
  return Math.max(0, days - GRACE_DAYS);
}

/**
 * One clean stay discharged in [fromDay, toDay] (epoch days). `index` makes person and stay
 * ids unique within a run.
 */
export function cleanStay(rand: () => number, index: number, fromDay: number, toDay: number): SyntheticStay {
  const muni = pickWeighted(rand, MUNICIPALITIES);
  const psychiatric = rand() < 0.15;
  const bucket = pickWeighted(rand, DAY_BUCKETS);
  const days = bucket.from + Math.floor(rand() * (bucket.to - bucket.from + 1));
  const dischargeDay = fromDay + Math.floor(rand() * (toDay - fromDay + 1));
  const readyDay = dischargeDay - days;
  const admissionDay = readyDay - 1 - Math.floor(rand() * 10);
  const admission = admissionDay * MIN_PER_DAY + Math.floor(rand() * MIN_PER_DAY);
  const sipNeeded = rand() < 0.4 ? "Ja" : "Nej";
  // Unique per index (37 is coprime with 14 600, so index ↦ birth day repeats only every 14 600
  // rows, and the serial changes then): no accidental duplicates or overlaps, even at 1M rows.
  rand(); // keeps the random sequence of the other fields as it was
  const birthDay = epochDayOf(1925, 1, 1) + ((index * 37) % BIRTH_SPAN);
  const billed = billedDaysOf(days);
  const unitNo = 1 + Math.floor(rand() * 4);
  return {
    personId: syntheticPersonId(birthDay, 200 + Math.floor(index / BIRTH_SPAN)),
    stayId: `VT${String(3_000_000 + index).padStart(8, "0")}`,
    admission,
    ready: readyDay * MIN_PER_DAY,
    discharge: dischargeDay * MIN_PER_DAY,
    municipality: muni.name,
    residence: muni.name,
    careType: psychiatric ? "Psykiatrisk vård" : "Somatisk vård",
    unit: psychiatric ? `Psykiatri avd ${unitNo} ${muni.hospital}` : `Medicin ${unitNo} ${muni.hospital}`,
    cause: CAUSES[Math.floor(rand() * CAUSES.length)],
    death: null,
    // Within 24 h of admission: 30 min to 20 h.
    admissionNotice: admission + 30 + Math.floor(rand() * 19.5 * 60),
    sipNeeded,
    sipInvitation:
      sipNeeded === "Ja" ? (readyDay + Math.floor(rand() * (Math.min(2, days) + 1))) * MIN_PER_DAY + 9 * 60 + Math.floor(rand() * 360) : null,
    careContact: `Vårdcentralen ${muni.name} ${1 + Math.floor(rand() * 3)}`,
    days,
    billedDays: billed,
    price: PRICE_2023,
    amount: billed * PRICE_2023,
  };
}

/** Excel serial (1900 system) of epoch minutes, as Office.js range.values gives dates. */
export function toSerial(m: Minutes): number {
  return m / MIN_PER_DAY + 25_569;
}

/** A stay as a grid row of Office.js-like values (dates as serial numbers). */
export function stayToSerialRow(s: SyntheticStay): (string | number)[] {
  const d = (m: Minutes | null) => (m === null ? "" : toSerial(m));
  return [
    s.personId, s.stayId, d(s.admission), d(s.ready), d(s.discharge), s.municipality, s.residence, s.careType,
    s.unit, s.cause, d(s.death), d(s.admissionNotice), s.sipNeeded, d(s.sipInvitation), s.careContact,
    s.days ?? "", s.billedDays ?? "", s.price, s.amount ?? "",
  ];
}
