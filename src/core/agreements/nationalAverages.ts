/**
 * National averages of discharge-ready days (DOMAIN.md §6), for the comparison line beside a
 * municipality's average. Data with sources; null where no figure was found.
 */
import type { Bilingual } from "../model";

export interface NationalAverage {
  /** A year ("2020") or a span ("2018-01..2018-08"). */
  period: string;
  somatic: number | null;
  psychiatric: number | null;
  source: string;
}

export const NATIONAL_AVERAGES: readonly NationalAverage[] = [
  { period: "2017", somatic: 4.6, psychiatric: 6.1, source: "SKR" },
  { period: "2018-01..2018-08", somatic: 3.3, psychiatric: null, source: "Reported national figure, January–August 2018" },
  { period: "2020", somatic: 2.1, psychiatric: 4.0, source: "SKR" },
  { period: "2021", somatic: 2.3, psychiatric: null, source: "Region Halland's agreement (GNHH 2023-02-22) quoting the 2021 national average" },
];

/** Shown wherever a national average or a benchmark taken from it meets an average that includes 0-day stays. */
export const NATIONAL_AVERAGE_NOTE: Bilingual = {
  sv: "SKR:s indikator räknar vistelser avslutade under månaden med minst en utskrivningsklar dag, alltså utan 0-dagsvistelser: den är inte jämförbar med ett snitt som tar med 0-dagar.",
  en: "SKR's indicator counts stays closed in the month with at least one discharge-ready day, so it excludes 0-day stays: it is not like-for-like with an average that includes them.",
};

/** The national average of a calendar year, where the table has one. */
export function nationalAverageFor(year: number): NationalAverage | null {
  return NATIONAL_AVERAGES.find((a) => a.period === String(year)) ?? null;
}
