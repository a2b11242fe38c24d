/**
 * The four figures side by side as rows of a sheet: a line per municipality and the total, the
 * amount as invoiced, recomputed under the agreement, after the disputes and if every error
 * finding were upheld. The result sheet writes them under its group table; one table, so every
 * host shows the same columns in the same words.
 */
import type { Bilingual } from "../model";
import type { FigureColumns, SideBySide } from "./figures";

export type SideBySideCell = string | number | null;

const HEAD: Record<"sv" | "en", string[]> = {
  sv: ["Kommun", "Fakturerat (kr)", "Beräknat (kr)", "Efter bestridanden (kr)", "Om alla fel godtas (kr)", "Bestridanden"],
  en: ["Municipality", "Invoiced (SEK)", "Recomputed (SEK)", "After disputes (SEK)", "If every error were upheld (SEK)", "Disputes"],
};

export const SIDE_BY_SIDE_CAPTION: Bilingual = {
  sv: "Före och efter bestridanden, per kommun",
  en: "Before and after disputes, per municipality",
};

const TOTAL: Bilingual = { sv: "Summa", en: "Total" };

function line(name: string, c: FigureColumns): SideBySideCell[] {
  return [name, c.invoicedAmount, c.amount, c.amountAfterDisputes, c.amountIfErrorsUpheld, c.disputes];
}

/** Header, a row per municipality, and the totals row last. */
export function sideBySideRows(side: SideBySide, lang: "sv" | "en"): { header: string[]; rows: SideBySideCell[][]; totals: SideBySideCell[] } {
  return {
    header: HEAD[lang],
    rows: side.municipalities.map((m) => line(m.municipality, m)),
    totals: line(TOTAL[lang], side.totals),
  };
}
