/**
 * Where the reviewed stays are now. A sort moves the data but not the row numbers, so the pane
 * keeps the rows it knows by key and finds them again: from the review's own read, after every
 * sort of a reviewed sheet (ExcelApi 1.10) and when the pane opens over marks made before. Each
 * time the marks stored by key are placed on the rows again. Without a dispute host (no marks by
 * key) nothing is followed.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { DisputeHost, StayKeyIndex, WorkbookHost } from "../../core";
import { usePane } from "../context/PaneContext";
import type { MarkFollower } from "./marksFollowRows";
import type { KeyedSheets } from "./stayKeys";

/** A review's read (its grids stay in memory), or the sheets to key when the pane opens over old marks. */
export type FollowTarget =
  | { kind: "review"; input: Parameters<typeof import("./stayKeys").keyedSheetsOf>[0]; referenceYear: number }
  | { kind: "open"; keyed: KeyedSheets };

const loadFollow = () => import(/* webpackChunkName: "review" */ "./followLoader");

/** The sheets to key again, and the keys of the review's own read where there is one. */
async function resolve(target: FollowTarget): Promise<{ keyed: KeyedSheets; initial?: StayKeyIndex }> {
  if (target.kind === "open") return { keyed: target.keyed };
  const { keyedSheetsOf, keysOfReview } = await loadFollow();
  return { keyed: keyedSheetsOf(target.input, target.referenceYear), initial: keysOfReview(target.input, target.referenceYear) };
}

export interface FollowedRows {
  /** The keys where the rows are now (the last read); null before the first. */
  index: StayKeyIndex | null;
  /** True: sorts are seen as they happen; false: only at open and on refresh; null: not following. */
  followsSorts: boolean | null;
  /** Marks by key were stored in the workbook at the last placement. */
  marksStored: boolean;
  /** Reads the keys now (no marks placed): before marking, so the marks land where the rows are. */
  read(): Promise<StayKeyIndex | null>;
  /** Reads the keys and places the stored marks again (the user's refresh). */
  refresh(): Promise<void>;
}

export function useFollowedRows(host: WorkbookHost, disputeHost: DisputeHost | undefined, target: FollowTarget | null): FollowedRows {
  const { fail } = usePane();
  const [index, setIndex] = useState<StayKeyIndex | null>(null);
  const [followsSorts, setFollowsSorts] = useState<boolean | null>(null);
  const [marksStored, setMarksStored] = useState(false);
  const follower = useRef<MarkFollower | null>(null);
  const [seenTarget, setSeenTarget] = useState(target);
  if (seenTarget !== target) {
    // A new read: the old rows' places are gone at once (render-time reset, not an effect).
    setSeenTarget(target);
    setIndex(null);
  }

  useEffect(() => {
    if (!target || !disputeHost) return;
    let live = true;
    let started: MarkFollower | null = null;
    (async () => {
      const { keyed, initial } = await resolve(target);
      const { followMarks } = await loadFollow();
      return followMarks(host, disputeHost, keyed, {
        initial,
        onError: (e) => live && fail(e),
        onRefreshed: (next, placed) => {
          if (!live) return;
          setIndex(next);
          setMarksStored(placed);
        },
      });
    })().then(
      (f) => {
        started = f;
        if (!live) return void f.stop().catch(() => undefined);
        follower.current = f;
        setFollowsSorts(f.followsSorts);
      },
      (e: unknown) => live && fail(e),
    );
    return () => {
      live = false;
      follower.current = null;
      // Handlers of a finished read are removed; a failure to remove them leaves only a no-op behind.
      void started?.stop().catch(() => undefined);
      setFollowsSorts(null);
    };
  }, [host, disputeHost, target, fail]);

  const read = useCallback(async () => {
    if (!target) return null;
    const [{ keyed }, { readStayKeys }] = await Promise.all([resolve(target), loadFollow()]);
    const next = await readStayKeys(host, keyed);
    setIndex(next);
    return next;
  }, [host, target]);

  const refresh = useCallback(async () => {
    if (follower.current) await follower.current.refresh();
  }, []);

  return { index, followsSorts, marksStored, read, refresh };
}
