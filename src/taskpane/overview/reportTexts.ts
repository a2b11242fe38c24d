/** The texts of the overview's "write report" action, in both languages. */
import type { Lang } from "../i18n";

export const REPORT_TEXTS: Record<Lang, {
  heading: string;
  which: string;
  all: string;
  reveal: string;
  write: string;
  written: (sheets: readonly string[]) => string;
}> = {
  sv: {
    heading: "Uppföljningsrapporter",
    which: "Rapport",
    all: "Alla rapporter",
    reveal: "Visa personnummer i rapporten",
    write: "Skriv rapport",
    written: (sheets) => `Skrev ${sheets.length === 1 ? "bladet" : "bladen"} ${sheets.map((s) => `"${s}"`).join(", ")}.`,
  },
  en: {
    heading: "Follow-up reports",
    which: "Report",
    all: "All reports",
    reveal: "Show identity numbers in the report",
    write: "Write report",
    written: (sheets) => `Wrote the ${sheets.length === 1 ? "sheet" : "sheets"} ${sheets.map((s) => `"${s}"`).join(", ")}.`,
  },
};
