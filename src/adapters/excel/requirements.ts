/**
 * Which Excel API requirement sets the adapter needs, per feature, and what it does without
 * them. Versions from the Excel JavaScript API reference ("[Api set: ExcelApi x.y]").
 */
import type { Bilingual } from "../../core";

/** The lowest set for a full review; equal to manifest.xml's Requirements. */
export const MINIMUM_EXCEL_API = "1.6";

export interface ExcelFeatures {
  /** getItemOrNullObject / getUsedRangeOrNullObject (1.4), getUsedRange(valuesOnly) (1.2). */
  read: boolean;
  /** Range.conditionalFormats custom (1.6), Worksheet.visibility set (1.2), protection (1.2). */
  marks: boolean;
  /** tables.add / charts.add (1.1), getItemOrNullObject (1.4). */
  resultSheet: boolean;
  /** Workbook.settings (1.4). */
  mappingMemory: boolean;
  /** Workbook.functions.date (1.2): the date system is read through DATE(1904,1,1). */
  dateSystemDetection: boolean;
  /** ChartSeries.chartType (1.7): the benchmark drawn as a line over the columns. */
  benchmarkLine: boolean;
  /** Range.hyperlink (1.7): a finding's row in the result sheet links to its cell. */
  cellLinks: boolean;
  /** Added sheets from a SheetSpec (scenarios, reports): getItemOrNullObject (1.4), Table.worksheet and autofit (1.2). */
  specSheet: boolean;
  /** Their charts: ChartSeriesCollection.add, ChartSeries.setValues/setXAxisValues (1.7). Without: the sheet without charts. */
  specCharts: boolean;
}

export interface RequirementReport {
  minimum: { set: "ExcelApi"; version: string };
  /** The review can run (reading needs ExcelApi 1.4). */
  canReview: boolean;
  /** Every feature that needs MINIMUM_EXCEL_API or less is available. */
  fullySupported: boolean;
  features: ExcelFeatures;
  /** One message per missing feature, saying what happens instead. */
  messages: Bilingual[];
}

export type SetSupport = (version: string) => boolean;

/** Office.context.requirements.isSetSupported("ExcelApi", v); false outside Office. */
export function officeSetSupport(): SetSupport {
  return (version) => {
    try {
      return typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported("ExcelApi", version));
    } catch {
      return false;
    }
  };
}

export function checkRequirementsWith(supports: SetSupport): RequirementReport {
  const features: ExcelFeatures = {
    read: supports("1.4"),
    marks: supports("1.6"),
    resultSheet: supports("1.4"),
    mappingMemory: supports("1.4"),
    dateSystemDetection: supports("1.2"),
    benchmarkLine: supports("1.7"),
    cellLinks: supports("1.7"),
    specSheet: supports("1.4"),
    specCharts: supports("1.7"),
  };
  const messages: Bilingual[] = [];
  if (!features.read) {
    messages.push({
      sv: "Excel-versionen saknar ExcelApi 1.4: tillägget kan inte läsa bladen. Uppdatera Excel (minst ExcelApi 1.6 behövs).",
      en: "This Excel lacks ExcelApi 1.4: the add-in cannot read the sheets. Update Excel (ExcelApi 1.6 or later is needed).",
    });
  }
  if (!features.marks) {
    messages.push({
      sv: "Excel-versionen saknar ExcelApi 1.6 (villkorsstyrd formatering): flaggade rader kan inte markeras i bladet. Listan i fönstret fungerar.",
      en: "This Excel lacks ExcelApi 1.6 (conditional formats): flagged rows cannot be marked in the sheet. The list in the pane still works.",
    });
  }
  if (!features.resultSheet) {
    messages.push({
      sv: "Excel-versionen saknar ExcelApi 1.4: resultatbladet kan inte skrivas.",
      en: "This Excel lacks ExcelApi 1.4: the result sheet cannot be written.",
    });
  }
  if (!features.mappingMemory) {
    messages.push({
      sv: "Excel-versionen saknar ExcelApi 1.4: rättade kolumnkopplingar sparas inte i arbetsboken.",
      en: "This Excel lacks ExcelApi 1.4: corrected column mappings are not saved in the workbook.",
    });
  }
  if (!features.dateSystemDetection) {
    messages.push({
      sv: "Excel-versionen kan inte visa arbetsbokens datumsystem: 1900-systemet antas. Är arbetsboken i 1904-systemet blir alla datum 4 år och 1 dag fel.",
      en: "This Excel cannot tell the workbook's date system: the 1900 system is assumed. If the workbook uses the 1904 system, every date is 4 years and 1 day off.",
    });
  }
  if (!features.benchmarkLine) {
    messages.push({
      sv: "Excel-versionen saknar ExcelApi 1.7: i diagrammet visas riktmärket som staplar i stället för en linje.",
      en: "This Excel lacks ExcelApi 1.7: the chart shows the benchmark as columns instead of a line.",
    });
  }
  if (!features.cellLinks) {
    messages.push({
      sv: "Excel-versionen saknar ExcelApi 1.7: i resultatbladet är avvikelsernas radnummer text, inte länkar till cellen.",
      en: "This Excel lacks ExcelApi 1.7: in the result sheet the findings' row numbers are text, not links to the cell.",
    });
  }
  if (!features.specSheet) {
    messages.push({
      sv: "Excel-versionen saknar ExcelApi 1.4: bladen med scenarier och rapporter kan inte skrivas.",
      en: "This Excel lacks ExcelApi 1.4: the scenario and report sheets cannot be written.",
    });
  }
  if (!features.specCharts) {
    messages.push({
      sv: "Excel-versionen saknar ExcelApi 1.7: bladen med scenarier och rapporter skrivs utan diagram.",
      en: "This Excel lacks ExcelApi 1.7: the scenario and report sheets are written without charts.",
    });
  }
  return {
    minimum: { set: "ExcelApi", version: MINIMUM_EXCEL_API },
    canReview: features.read,
    fullySupported: supports(MINIMUM_EXCEL_API),
    features,
    messages,
  };
}
