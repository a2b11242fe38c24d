/** Invoice-basis-like sheets for the adapter tests: 18 columns, realistic cell sizes. */
import type { FakeCell } from "../../fakes/excel/state";

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
  "Antal dagar",
  "Debiterade dagar",
  "Pris per dygn",
  "Belopp",
  "Inskrivningsmeddelande skickat",
  "Behov av SIP",
  "Kallelse SIP",
  "Fast vårdkontakt",
];

const MUNICIPALITIES = ["Kalmar", "Nybro", "Vimmerby", "Västervik", "Oskarshamn", "Mönsterås", "Emmaboda", "Torsås"];

/** Row i (0-based) of data: deterministic, no randomness. */
export function dataRow(i: number): FakeCell[] {
  const admission = 45292 + (i % 300) + 0.3541666667; // 2024-01-01 08:30 onwards
  const ready = admission + 2 + (i % 5);
  const discharge = ready + (i % 7);
  const days = Math.floor(discharge) - Math.floor(ready);
  const pnr = `19${String(30 + (i % 60)).padStart(2, "0")}${String(1 + (i % 12)).padStart(2, "0")}${String(1 + (i % 28)).padStart(2, "0")}-${String(1000 + (i % 9000))}`;
  return [
    pnr,
    `VT${String(i).padStart(7, "0")}`,
    admission,
    Math.floor(ready),
    Math.floor(discharge),
    MUNICIPALITIES[i % MUNICIPALITIES.length],
    MUNICIPALITIES[(i + (i % 11 === 0 ? 1 : 0)) % MUNICIPALITIES.length],
    i % 4 === 0 ? "Psykiatri" : "Somatik",
    `Avd ${10 + (i % 30)} Medicin`,
    "Hem",
    days,
    days,
    9035,
    days * 9035,
    admission + 0.0208333333,
    i % 3 === 0 ? "Ja" : "Nej",
    i % 3 === 0 ? Math.floor(admission) + 1 : "",
    i % 5 === 0 ? "" : "Ann Andersson",
  ];
}

/** A header row and `rows` data rows, from A1. */
export function invoiceValues(rows: number): FakeCell[][] {
  const values: FakeCell[][] = [HEADERS.slice()];
  for (let i = 0; i < rows; i++) values.push(dataRow(i));
  return values;
}

export const ALL_COLUMNS = HEADERS.map((_, i) => i);

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
