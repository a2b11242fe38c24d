/**
 * The DisputeHost port on Office.js: disputes in custom XML parts, marks by key, the sort
 * watcher, the dispute list as a sheet and as a new workbook. Each method is one Excel.run.
 *
 * Requirement sets: custom XML parts 1.5; conditional-format marks 1.6; Excel.createWorkbook
 * 1.8; Worksheet.onRowSorted 1.10. Without 1.10 the marks are placed again when the pane next
 * opens or the user refreshes (support().sortEvents says which).
 */
import { type Dispute, type DisputeHost, type DisputeList, type DisputeSupport, type KeyedMark, type LoadedDisputes, type RemoveAllResult, type StayKeyIndex, type Writer } from "../../core";
import { loadDisputesIn, removeAllDisputesIn, saveDisputesIn } from "./disputeStore";
import { writeDisputeSheetIn } from "./disputeSheet";
import { ExcelHostError, translateOfficeError } from "./excelHostError";
import { markKeyedIn, readKeyedMarksIn, refreshMarksIn } from "./marks";
import { officeSetSupport, type SetSupport } from "./requirements";

function unsupported(what: { sv: string; en: string }, version: string, instead: { sv: string; en: string }): ExcelHostError {
  return new ExcelHostError(
    "API_UNSUPPORTED",
    {
      sv: `Den här Excel-versionen kan inte ${what.sv} (ExcelApi ${version} behövs). ${instead.sv}`,
      en: `This version of Excel cannot ${what.en} (ExcelApi ${version} is needed). ${instead.en}`,
    },
    `ExcelApi ${version}`,
  );
}

const UPDATE = { sv: "Uppdatera Excel.", en: "Update Excel." };

export function createExcelDisputeHost(supports: SetSupport = officeSetSupport()): DisputeHost {
  const support = (): DisputeSupport => ({ store: supports("1.5"), marks: supports("1.6"), newWorkbook: supports("1.8"), sortEvents: supports("1.10") });
  const needStore = () => {
    if (!support().store) throw unsupported({ sv: "spara bestridanden i arbetsboken", en: "keep disputes in the workbook" }, "1.5", UPDATE);
  };
  const needMarks = () => {
    if (!support().marks) throw unsupported({ sv: "markera rader", en: "mark rows" }, "1.6", UPDATE);
  };

  return {
    support,

    async loadDisputes(writerId: string): Promise<LoadedDisputes> {
      needStore();
      return Excel.run((context) => loadDisputesIn(context, writerId));
    },

    async saveDisputes(writer: Writer, own: readonly Dispute[], ownUnreadable: readonly unknown[][] = []): Promise<LoadedDisputes> {
      needStore();
      return Excel.run((context) => saveDisputesIn(context, writer, own, ownUnreadable));
    },

    async removeAllDisputes(writer: Writer, at: string, confirmedCount: number): Promise<RemoveAllResult> {
      needStore();
      return Excel.run((context) => removeAllDisputesIn(context, writer, at, confirmedCount));
    },

    async markKeyed(marks: readonly KeyedMark[], index: StayKeyIndex): Promise<void> {
      needMarks();
      await Excel.run((context) => markKeyedIn(context, marks, index));
    },

    async refreshMarks(index: StayKeyIndex): Promise<boolean> {
      if (!support().marks) return false;
      return Excel.run((context) => refreshMarksIn(context, index));
    },

    async storedMarkSheets(): Promise<string[]> {
      if (!support().marks) return [];
      const stored = await Excel.run((context) => readKeyedMarksIn(context));
      return [...new Set((stored ?? []).map((m) => m.sheet))];
    },

    async watchRowSorts(sheets: readonly string[], onSorted: (sheet: string) => void): Promise<{ stop(): Promise<void> } | null> {
      if (!support().sortEvents || sheets.length === 0) return null;
      const handlers = await Excel.run(async (context) => {
        const added = sheets.map((name) =>
          context.workbook.worksheets.getItem(name).onRowSorted.add(async () => {
            onSorted(name);
          }),
        );
        await context.sync();
        return added;
      });
      return {
        async stop() {
          // Handlers are removed in the context they were added in.
          await Excel.run(handlers[0].context, async (context) => {
            for (const h of handlers) h.remove();
            await context.sync();
          });
        },
      };
    },

    async writeDisputeSheet(list: DisputeList): Promise<void> {
      await Excel.run((context) => writeDisputeSheetIn(context, list));
    },

    async openDisputeWorkbook(xlsxBase64: string): Promise<void> {
      if (!support().newWorkbook) {
        throw unsupported(
          { sv: "öppna listan som en ny arbetsbok", en: "open the list as a new workbook" },
          "1.8",
          { sv: "Exportera till ett blad eller kopiera listan som text i stället.", en: "Export it to a sheet or copy it as text instead." },
        );
      }
      try {
        await Excel.createWorkbook(xlsxBase64);
      } catch (e) {
        // A policy can block new windows (office-js#3568): say so rather than fail silently.
        throw translateOfficeError(e, { sv: "öppna listan som en ny arbetsbok", en: "open the list as a new workbook" });
      }
    },
  };
}
