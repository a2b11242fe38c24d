/**
 * The pane's writes to the workbook: marking the rows with findings, clearing the marks and
 * writing the result sheet. Each runs with the pane busy and ends in the status line or an error.
 */
import { useCallback, useState } from "react";
import { formatDay, type Finding, type ResultSheetContext, type ReviewResult, type SideBySide, type WorkbookHost } from "../../core";
import { usePane } from "../context/PaneContext";
import { rowsWithFindings, todayEpochDay } from "../paneModel";
import type { Applied } from "./useAgreement";

/** What the result sheet states besides the figures: language, today, agreement and overrides. */
function sheetContext(lang: ResultSheetContext["lang"], applied: Applied | undefined, disputes: SideBySide | null): ResultSheetContext {
  return {
    ...(disputes ? { disputes } : {}),
    lang,
    reviewDate: formatDay(todayEpochDay(new Date())),
    agreement: applied?.preset.name,
    overrides: applied ? { benchmarks: applied.benchmarks, period: applied.period } : undefined,
  };
}

export function useWorkbookActions(host: WorkbookHost) {
  const { t, lang, setBusy, fail, notify, clearError } = usePane();
  /** Rows marked in the sheet by this pane, null when none (or cleared). */
  const [markedRows, setMarkedRows] = useState<number | null>(null);

  const act = useCallback(
    async (action: () => Promise<void>, done: string | (() => string)): Promise<boolean> => {
      setBusy({ kind: "action" });
      clearError();
      try {
        await action();
        notify(typeof done === "string" ? done : done());
        return true;
      } catch (e) {
        fail(e);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [setBusy, clearError, notify, fail],
  );

  return {
    markedRows,
    /** Any other write, with the pane busy, ending in the status line or an error. */
    perform: act,
    /**
     * Marks the rows with findings. `place` marks them by key (so they follow the rows) and says
     * how many rows it marked; without it (no dispute host) the rows are marked by number.
     */
    mark: async (findings: Finding[], place?: () => Promise<number>) => {
      let rows = rowsWithFindings(findings);
      const done = await act(
        async () => {
          if (place) rows = await place();
          else await host.markFindings(findings);
        },
        () => `${t.marked} ${t.rowsMarked(rows)}`,
      );
      if (done) setMarkedRows(rows);
    },
    clear: async () => {
      if (await act(() => host.clearMarks(), t.cleared)) setMarkedRows(null);
    },
    writeResult: (result: ReviewResult, applied?: Applied, disputes: SideBySide | null = null) => act(() => host.writeResultSheet(result, sheetContext(lang, applied, disputes)), t.written),
    select: (sheet: string, row: number) => {
      host.selectRow(sheet, row).catch(fail);
    },
  };
}
