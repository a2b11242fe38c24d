/**
 * Whether what is on screen belongs to the choices on screen. Figures and findings each carry the
 * choice they were made for; anything else is shown as outdated, never as current.
 */
import type { Applied } from "./useAgreement";

export type Freshness =
  /** Made for the current choices. */
  | "current"
  /** Being recomputed from the rows in memory. */
  | "updating"
  /** An input is invalid: the shown figures are for the previous choice. */
  | "invalid"
  /** The mapping changed: only a new review (a new read) can help. */
  | "mapping";

export function freshness(
  madeFor: Applied | null | undefined,
  current: Applied,
  reviewedMapping: number | undefined,
  mappingVersion: number,
): Freshness {
  if (reviewedMapping !== undefined && reviewedMapping !== mappingVersion) return "mapping";
  if (!madeFor || madeFor.key === current.key) return "current";
  return current.profile ? "updating" : "invalid";
}
