/**
 * Keeps the marks on the right rows: places them again from their keys when started (the pane
 * opens: the user may have sorted while it was closed), whenever the user sorts a reviewed sheet
 * (Worksheet.onRowSorted, ExcelApi 1.10), and when asked (a refresh button). Without sort events
 * the marks are wrong after a sort until the next open or refresh: `followsSorts` says which, so
 * the pane can tell the user.
 */
import { type DisputeHost, type StayKeyIndex, type WorkbookHost } from "../../core";
import { readStayKeys, type KeyedSheets } from "./stayKeys";

export interface MarkFollower {
  /** True when sorts are seen as they happen; false: marks are placed again at open and refresh only. */
  readonly followsSorts: boolean;
  /** Reads the keys again and places the marks; resolves with the new index. */
  refresh(): Promise<StayKeyIndex>;
  stop(): Promise<void>;
}

export async function followMarks(
  workbook: WorkbookHost,
  disputes: DisputeHost,
  what: KeyedSheets,
  onError: (e: unknown) => void = () => undefined,
  onRefreshed: (index: StayKeyIndex) => void = () => undefined,
): Promise<MarkFollower> {
  // One refresh at a time; sorts during one run another once it ends.
  let running: Promise<StayKeyIndex> | null = null;
  let again = false;
  const refresh = async (): Promise<StayKeyIndex> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let index: StayKeyIndex;
      do {
        again = false;
        index = await readStayKeys(workbook, what);
        await disputes.refreshMarks(index);
      } while (again);
      return index;
    })();
    try {
      const index = await running;
      onRefreshed(index);
      return index;
    } finally {
      running = null;
    }
  };
  await refresh();
  const watcher = await disputes.watchRowSorts(
    what.sheets.map((s) => s.name),
    () => void refresh().catch(onError),
  );
  return {
    followsSorts: watcher !== null,
    refresh,
    async stop() {
      await watcher?.stop();
    },
  };
}
