/**
 * Discharge-ready day counting (DOMAIN.md §2): calendar days or Swedish weekdays, from the
 * ready date or from the notice time with a cut-off. Stub signatures: implemented with tests.
 */
import type { CareRules } from "../agreements/profileSchema";
import type { Stay } from "../model";

/**
 * The discharge-ready days of a stay under a counting rule: discharge − ready (from the new
 * ready notice when the status was withdrawn and set again), 0 for a same-day discharge.
 * null when not computable (a date missing, or discharge before ready).
 */
export function countReadyDays(stay: Stay, counting: CareRules["counting"]): number | null {
  void stay;
  void counting;
  throw new Error("not yet implemented");
}
