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

export interface FollowOptions {
  onError?: (e: unknown) => void;
  /** After each placement: the keys where the rows are now, and whether marks were stored to place. */
  onRefreshed?: (index: StayKeyIndex, placed: boolean) => void;
  /** The keys of a read just made (a review's grids): placed from them without reading again. */
  initial?: StayKeyIndex;
}

export async function followMarks(workbook: WorkbookHost, disputes: DisputeHost, what: KeyedSheets, options: FollowOptions = {}): Promise<MarkFollower> {
  const { onError = () => undefined, onRefreshed = () => undefined } = options;
  // One refresh at a time; sorts during one run another once it ends.
  let running: Promise<StayKeyIndex> | null = null;
  let again = false;
  const refresh = async (known?: StayKeyIndex): Promise<StayKeyIndex> => {
    if (running) {
      again = true;
      return running;
    }
    let placed = false;
    running = (async () => {
      let index: StayKeyIndex;
      let first = known;
      do {
        again = false;
        index = first ?? (await readStayKeys(workbook, what));
        first = undefined;
        placed = await disputes.refreshMarks(index);
      } while (again);
      return index;
    })();
    try {
      const index = await running;
      onRefreshed(index, placed);
      return index;
    } finally {
      running = null;
    }
  };
  await refresh(options.initial);
  const watcher = await disputes.watchRowSorts(
    what.sheets.map((s) => s.name),
    () => void refresh().catch(onError),
  );
  return {
    followsSorts: watcher !== null,
    refresh: () => refresh(),
    async stop() {
      await watcher?.stop();
    },
  };
}
