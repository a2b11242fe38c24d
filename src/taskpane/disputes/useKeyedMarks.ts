/**
 * The pane's marks, kept by stay key: "mark rows" stores each row's mark under its key and places
 * it on the row the key has now (read again first: the user may have sorted since the review);
 * a disputed row gets its own colour, and when the disputes change while marks are shown they
 * are stored again. Without a dispute host the rows are marked by number, as before.
 */
import { useEffect, useRef } from "react";
import { keyedMarks, type DisputeHost, type Finding, type KeyedMark, type StayKeyIndex } from "../../core";
import type { useWorkbookActions } from "../hooks/useWorkbookActions";
import type { FollowedRows } from "./useFollowedRows";

type Actions = ReturnType<typeof useWorkbookActions>;

export interface PaneMarks {
  markedRows: number | null;
  /** null: rows are marked by number (no marks by key); else whether sorts are followed as they happen. */
  followsSorts: boolean | null;
  mark(): void;
  clear(): void;
  /** Places the stored marks again from the keys (where sorts are not seen as they happen). */
  refresh(): void;
}

/** The rows the marks land on now: keys no longer in the sheet mark nothing. */
function placedCount(marks: readonly KeyedMark[], now: StayKeyIndex): number {
  return marks.filter((m) => now.find(m.key) !== undefined).length;
}

const signatureOf = (keys: ReadonlySet<string> | undefined) => (keys ? [...keys].sort().join("\u0000") : null);

export function useKeyedMarks(
  actions: Actions,
  findings: readonly Finding[],
  keyed: { disputeHost: DisputeHost; reviewIndex: StayKeyIndex; followed: FollowedRows } | undefined,
  /** The keys with an active dispute; undefined until the disputes are loaded. */
  disputedKeys: ReadonlySet<string> | undefined,
  /** The status line after the marks were placed again. */
  placedAgain: string,
): PaneMarks {
  const place = (now: () => Promise<StayKeyIndex>) => async () => {
    const marks = keyedMarks(findings, keyed!.reviewIndex, disputedKeys);
    const at = await now();
    await keyed!.disputeHost.markKeyed(marks, at);
    return placedCount(marks, at);
  };

  // The disputes changed while marks are in the sheet: store them again with the disputed colour.
  const signature = signatureOf(disputedKeys);
  const seen = useRef(signature);
  const shown = actions.markedRows !== null || (keyed?.followed.marksStored ?? false);
  useEffect(() => {
    if (seen.current === signature) return;
    const first = seen.current === null;
    seen.current = signature;
    // Loading the disputes is not a change when none are disputed.
    if (!keyed || !shown || (first && disputedKeys?.size === 0)) return;
    const { followed, reviewIndex } = keyed;
    void actions.mark([...findings], place(async () => followed.index ?? reviewIndex));
    // Only a change of the disputed keys re-marks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);

  if (!keyed) {
    return { markedRows: actions.markedRows, followsSorts: null, mark: () => void actions.mark([...findings]), clear: () => void actions.clear(), refresh: () => undefined };
  }
  const { followed, reviewIndex } = keyed;
  return {
    markedRows: actions.markedRows,
    followsSorts: followed.followsSorts,
    mark: () => void actions.mark([...findings], place(async () => (await followed.read()) ?? reviewIndex)),
    clear: () => void actions.clear(),
    refresh: () => void actions.perform(() => followed.refresh(), placedAgain),
  };
}
