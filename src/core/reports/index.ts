/**
 * The follow-up reports (DOMAIN.md §8) as sheets described as data (sheets/sheetSpec.ts): each
 * host renders them, the pane into the workbook, the headless command into the marked copy or
 * as text. Each report's module says exactly what it counts.
 */
import type { Bilingual } from "../model";
import type { SheetSpec } from "../sheets/sheetSpec";
import { averageDaysReport, SHEET_NAME as AVERAGE_SHEET } from "./averageDays";
import { costPerMonthReport, SHEET_NAME as COST_SHEET } from "./costPerMonth";
import { delayedStaysReport, SHEET_NAME as DELAYED_SHEET } from "./delayedStays";
import { nationalComparisonReport, SHEET_NAME as NATIONAL_SHEET } from "./nationalComparison";
import { noticeAndContactReport, SHEET_NAME as NOTICE_SHEET } from "./noticeAndContact";
import type { ReportInput, ReportOptions } from "./reportInput";

export { reportInputOf, type ReportInput, type ReportOptions, type ReportStay, type ReportStays } from "./reportInput";
export { DELAYED_FROM_DAYS } from "./delayedStays";

export const REPORT_IDS = ["averageDays", "delayedStays", "costPerMonth", "nationalComparison", "noticeAndContact"] as const;
export type ReportId = (typeof REPORT_IDS)[number];

/** What each report is, for a host's choice of report. */
export const REPORT_TITLES: Readonly<Record<ReportId, Bilingual>> = {
  averageDays: { sv: "Medelvärde dagar per månad, halvår och kvartal (Kalmar)", en: "Average days per month, half-year and quarter (Kalmar)" },
  delayedStays: { sv: "Vårdtillfällen 3 dagar eller mer (Västerbotten)", en: "Stays of 3 days or more (Västerbotten)" },
  costPerMonth: { sv: "Kostnad per kommun och månad (Gävleborg)", en: "Cost per municipality and month (Gävleborg)" },
  nationalComparison: { sv: "Medelvärde mot riksgenomsnittet (Halland)", en: "Average against the national average (Halland)" },
  noticeAndContact: { sv: "Inskrivningsmeddelande inom 24 h och fast vårdkontakt (Kalmar)", en: "Admission notice within 24 h and care contact (Kalmar)" },
};

/** Each report's sheet name: Swedish in both languages (like the invoice bases), so a run in either language replaces it. */
export const REPORT_SHEET_NAMES: Readonly<Record<ReportId, string>> = {
  averageDays: AVERAGE_SHEET,
  delayedStays: DELAYED_SHEET,
  costPerMonth: COST_SHEET,
  nationalComparison: NATIONAL_SHEET,
  noticeAndContact: NOTICE_SHEET,
};

const BUILDERS: Record<ReportId, (input: ReportInput, options: ReportOptions) => SheetSpec> = {
  averageDays: averageDaysReport,
  delayedStays: delayedStaysReport,
  costPerMonth: costPerMonthReport,
  nationalComparison: nationalComparisonReport,
  noticeAndContact: noticeAndContactReport,
};

export function isReportId(text: string): text is ReportId {
  return (REPORT_IDS as readonly string[]).includes(text);
}

export function reportSpec(id: ReportId, input: ReportInput, options: ReportOptions): SheetSpec {
  return BUILDERS[id](input, options);
}

/** The chosen reports, or all of them, in the order of REPORT_IDS. */
export function reportSpecs(which: readonly ReportId[] | "all", input: ReportInput, options: ReportOptions): SheetSpec[] {
  const ids = which === "all" ? REPORT_IDS : REPORT_IDS.filter((id) => which.includes(id));
  return ids.map((id) => reportSpec(id, input, options));
}
