/**
 * Keeps the result following the agreement choice after a review: a new profile gives new
 * figures at once from the basis in memory; the findings that depend on the profile or the
 * period follow from a re-check of the rows in memory once the user stops typing. A period
 * change goes straight to the re-check (it changes which rows are inside the period).
 * Nothing here reads the sheet again.
 */
import { useEffect } from "react";
import { sameCareTypes, type Applied } from "./useAgreement";
import type { ReviewState } from "./useReview";

/** Wait this long after the last keystroke before checking every row again. */
export const RECHECK_DELAY_MS = 300;

export function useRecompute(review: ReviewState, applied: Applied, mappingVersion: number): void {
  const { reviewed, figures, recompute, recheck } = review;
  const figuresKey = figures?.applied.key;
  useEffect(() => {
    if (!reviewed || !applied.profile || reviewed.mappingVersion !== mappingVersion) return;
    if (reviewed.applied.key === applied.key) return;
    if (figuresKey !== applied.key && reviewed.applied.period === applied.period && sameCareTypes(reviewed.applied, applied)) void recompute(applied);
    const timer = setTimeout(() => void recheck(applied), RECHECK_DELAY_MS);
    return () => clearTimeout(timer);
    // figuresKey is read, not followed: a recompute's answer must not start another one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reviewed, applied, mappingVersion, recompute, recheck]);
}
