/**
 * A sheet that states no care type (no such column; the units are "Medicin": somatic by name)
 * with three stays in Kalmar in March 2018, when the law gave psychiatric care 30 grace days and
 * somatic care 3: the choice of care type changes the liable days.
 */
import { invoiceValues } from "../../adapters/excel/fixtures";
import type { FakeCell } from "../../fakes/excel/state";

/** 2018-03-01 as an Excel serial (1900 system). */
const READY = 43160;
/** Days from the ready date to the discharge, per stay. */
export const STAY_DAYS = [40, 10, 2];
/** Column H (Verksamhetsområde, the care type) is left out. */
const CARE_COLUMN = 7;

export function careTypeSheetValues(): FakeCell[][] {
  const values = invoiceValues(STAY_DAYS.length);
  STAY_DAYS.forEach((days, i) => {
    const r = values[i + 1];
    r[2] = READY - 1 + 0.35; // admitted the day before, 08:24
    r[3] = READY;
    r[4] = READY + days;
    r[5] = "Kalmar";
    r[6] = "Kalmar";
    r[10] = days;
    r[11] = days;
    r[14] = READY - 1 + 0.4; // the admission notice the same day
  });
  return values.map((r) => r.filter((_, c) => c !== CARE_COLUMN));
}

/*
 * Liable days under the law (individual, from the ready date, calendar days), per stay
 * max(0, days − grace):
 *   somatic, 3 grace days:      37 + 7 + 0 = 44
 *   psychiatric 2018, 30 days:  10 + 0 + 0 = 10
 */
export const LIABLE_DAYS = { somatic: 44, psychiatric: 10 };
