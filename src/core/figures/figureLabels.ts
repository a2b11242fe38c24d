/**
 * The figures' column names, in one place, so the pane, the result sheet, the headless
 * summary and the marked copy say the same thing ("Vårdtillfällen" everywhere, not
 * "Vistelser" in one and "Vårdtillfällen" in another). A unit, where a column has one, is
 * added by hosts that show it in the heading (sheets) and left out where space is short.
 */
import type { Bilingual, CareType } from "../model";

export type FigureColumn =
  | "municipality"
  | "careType"
  | "period"
  | "stays"
  | "zeroDayStays"
  | "days"
  | "average"
  | "benchmark"
  | "liableDays"
  | "amount"
  | "invoicedAmount"
  | "difference"
  | "rowsWithErrors";

export const FIGURE_LABELS: Readonly<Record<FigureColumn, Bilingual>> = {
  municipality: { sv: "Kommun", en: "Municipality" },
  careType: { sv: "Vårdform", en: "Care type" },
  period: { sv: "Period", en: "Period" },
  stays: { sv: "Vårdtillfällen", en: "Stays" },
  zeroDayStays: { sv: "Vårdtillfällen utan dagar", en: "Stays without days" },
  days: { sv: "Utskrivningsklara dagar", en: "Discharge-ready days" },
  average: { sv: "Medelvärde", en: "Average" },
  benchmark: { sv: "Riktmärke", en: "Benchmark" },
  liableDays: { sv: "Betalningsansvariga dagar", en: "Liable days" },
  amount: { sv: "Beräknat", en: "Computed" },
  invoicedAmount: { sv: "Fakturerat", en: "Invoiced" },
  difference: { sv: "Skillnad", en: "Difference" },
  rowsWithErrors: { sv: "Rader med fel", en: "Rows with errors" },
};

/** What "difference" means, for hosts that explain it next to the figure. */
export const DIFFERENCE_EXPLAINED: Bilingual = {
  sv: "Skillnad = fakturerat − beräknat enligt avtalet; positiv betyder att för mycket fakturerats.",
  en: "Difference = invoiced − computed under the agreement; positive means too much was invoiced.",
};

export const FIGURE_UNITS: Readonly<Partial<Record<FigureColumn, Bilingual>>> = {
  average: { sv: "dagar", en: "days" },
  benchmark: { sv: "dagar", en: "days" },
  amount: { sv: "kr", en: "SEK" },
  invoicedAmount: { sv: "kr", en: "SEK" },
  difference: { sv: "kr", en: "SEK" },
};

export const CARE_TYPE_LABELS: Readonly<Record<CareType, Bilingual>> = {
  somatic: { sv: "Somatik", en: "Somatic" },
  psychiatric: { sv: "Psykiatri", en: "Psychiatric" },
};

export const TOTAL_LABEL: Bilingual = { sv: "Summa", en: "Total" };

export function figureLabel(column: FigureColumn, lang: keyof Bilingual): string {
  return FIGURE_LABELS[column][lang];
}

/** The label with its unit, for a sheet's heading: "Skillnad (kr)". */
export function figureHeading(column: FigureColumn, lang: keyof Bilingual): string {
  const unit = FIGURE_UNITS[column];
  return unit ? `${FIGURE_LABELS[column][lang]} (${unit[lang]})` : FIGURE_LABELS[column][lang];
}
