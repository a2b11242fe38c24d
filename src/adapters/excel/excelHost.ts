/**
 * The WorkbookHost port on Office.js: the only place the task pane reaches Excel through.
 * Each method is one Excel.run batch; the modules next to this one hold the logic.
 *
 * APIs here: Excel.run [ExcelApi 1.1]; Workbook.functions.date [ExcelApi 1.2] for the date
 * system (Workbook.use1904DateSystem exists only in the preview API set, so it is not used);
 * Worksheet.getRange/activate, Range.select [ExcelApi 1.1]; getItemOrNullObject [ExcelApi 1.4].
 */
import type { CancelSignal, DateSystem, Finding, MappingOverride, ReadProgress, ResultSheetContext, ReviewResult, SheetGrid, SheetPreview, SheetSpec, WorkbookHost } from "../../core";
import { ExcelHostError, sheetNotFound, translateOfficeError } from "./excelHostError";
import { clearMarksIn, markFindingsIn } from "./marks";
import { previewSheetsIn } from "./preview";
import { readSheetChunked } from "./readSheet";
import { checkRequirementsWith, officeSetSupport, type RequirementReport, type SetSupport } from "./requirements";
import { writeResultSheetIn } from "./resultSheet";
import { writeSpecSheetIn } from "./specSheet";
import { loadOverridesIn, loadScenariosIn, saveOverridesIn, saveScenariosIn } from "./settings";

export interface ExcelHost extends WorkbookHost {
  checkRequirements(): RequirementReport;
}

/** DATE(1904,1,1) is serial 1462 in the 1900 system and 0 in the 1904 system. */
export function dateSystemFromSerial(serial: number): DateSystem {
  return serial === 0 ? "1904" : "1900";
}

const MAX_ROW = 1_048_576;

function unsupported(feature: { sv: string; en: string }, version: string): ExcelHostError {
  return new ExcelHostError(
    "API_UNSUPPORTED",
    {
      sv: `Den här Excel-versionen kan inte ${feature.sv} (ExcelApi ${version} behövs). Uppdatera Excel.`,
      en: `This version of Excel cannot ${feature.en} (ExcelApi ${version} is needed). Update Excel.`,
    },
    `ExcelApi ${version}`,
  );
}

export function createExcelHost(supports: SetSupport = officeSetSupport()): ExcelHost {
  const report = () => checkRequirementsWith(supports);

  return {
    checkRequirements: report,

    async dateSystem(): Promise<DateSystem> {
      // Without ExcelApi 1.2 the 1900 system is assumed; checkRequirements says so to the user.
      if (!report().features.dateSystemDetection) return "1900";
      return Excel.run(async (context) => {
        const probe = context.workbook.functions.date(1904, 1, 1);
        probe.load("value");
        await context.sync();
        return dateSystemFromSerial(probe.value);
      });
    },

    async previewSheets(): Promise<SheetPreview[]> {
      if (!report().features.read) throw unsupported({ sv: "läsa bladen", en: "read the sheets" }, "1.4");
      return Excel.run((context) => previewSheetsIn(context));
    },

    async readSheet(name: string, columns: number[], onProgress: (p: ReadProgress) => void, signal: CancelSignal): Promise<SheetGrid> {
      if (!report().features.read) throw unsupported({ sv: "läsa bladen", en: "read the sheets" }, "1.4");
      return Excel.run((context) => readSheetChunked(context, name, columns, onProgress, signal));
    },

    async markFindings(findings: Finding[]): Promise<void> {
      if (!report().features.marks) throw unsupported({ sv: "markera rader", en: "mark rows" }, "1.6");
      await Excel.run((context) => markFindingsIn(context, findings));
    },

    async clearMarks(): Promise<void> {
      if (!report().features.marks) return; // nothing can have been marked
      await Excel.run((context) => clearMarksIn(context));
    },

    async writeResultSheet(result: ReviewResult, sheetContext?: ResultSheetContext): Promise<void> {
      const features = report().features;
      if (!features.resultSheet) throw unsupported({ sv: "skriva resultatbladet", en: "write the result sheet" }, "1.4");
      await Excel.run((context) => writeResultSheetIn(context, result, features, sheetContext));
    },

    async writeSpecSheet(spec: SheetSpec): Promise<void> {
      const features = report().features;
      if (!features.specSheet) throw unsupported({ sv: `skriva bladet "${spec.name}"`, en: `write the sheet "${spec.name}"` }, "1.4");
      await Excel.run((context) => writeSpecSheetIn(context, spec, features));
    },

    async selectRow(sheetName: string, row: number): Promise<void> {
      if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) {
        throw new ExcelHostError("INVALID_ROW", { sv: `Rad ${row} finns inte i Excel.`, en: `Row ${row} does not exist in Excel.` });
      }
      await Excel.run(async (context) => {
        try {
          const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
          await context.sync();
          if (sheet.isNullObject) throw sheetNotFound(sheetName);
          sheet.activate();
          sheet.getRange(`${row}:${row}`).select();
          await context.sync();
        } catch (e) {
          throw translateOfficeError(e, { sv: `visa rad ${row} på bladet "${sheetName}"`, en: `show row ${row} on the sheet "${sheetName}"` });
        }
      });
    },

    async loadMappingOverrides(): Promise<Record<string, MappingOverride>> {
      if (!report().features.mappingMemory) return {};
      return Excel.run((context) => loadOverridesIn(context));
    },

    async saveMappingOverrides(overrides: Record<string, MappingOverride>): Promise<void> {
      if (!report().features.mappingMemory) throw unsupported({ sv: "spara kolumnkopplingar i arbetsboken", en: "save column mappings in the workbook" }, "1.4");
      await Excel.run((context) => saveOverridesIn(context, overrides));
    },

    async loadScenarios(): Promise<string | null> {
      if (!report().features.mappingMemory) return null;
      return Excel.run((context) => loadScenariosIn(context));
    },

    async saveScenarios(text: string): Promise<void> {
      if (!report().features.mappingMemory) throw unsupported({ sv: "spara scenarier i arbetsboken", en: "save scenarios in the workbook" }, "1.4");
      await Excel.run((context) => saveScenariosIn(context, text));
    },
  };
}
