/**
 * The national average as a reference line beside a benchmark (DOMAIN.md §6): the figure for the
 * period's year where the table has one, else the latest earlier one, said so; with the 0-day
 * caveat wherever the scenario's average counts 0-day stays.
 */
import { NATIONAL_AVERAGE_NOTE, NATIONAL_AVERAGES } from "../agreements/nationalAverages";
import type { Bilingual, CareType } from "../model";

export interface NationalReference {
  careType: CareType;
  /** The year of the periods it stands beside. */
  year: number;
  /** Average discharge-ready days; null when the table has none for this care type up to that year. */
  value: number | null;
  /** The table's period the value comes from ("2021"), and its source. */
  fromPeriod: string | null;
  source: string | null;
  /** Notes to show with it: another year's figure; not like-for-like with an average that counts 0-day stays. */
  notes: Bilingual[];
}

const CARE_SV: Record<CareType, string> = { somatic: "somatisk vård", psychiatric: "psykiatrisk vård" };
const CARE_EN: Record<CareType, string> = { somatic: "somatic care", psychiatric: "psychiatric care" };

export function nationalReference(careType: CareType, year: number, countsZeroDays: boolean): NationalReference {
  let best: (typeof NATIONAL_AVERAGES)[number] | null = null;
  for (const a of NATIONAL_AVERAGES) {
    if (!/^\d{4}$/.test(a.period) || Number(a.period) > year || a[careType] === null) continue;
    if (best === null || Number(a.period) > Number(best.period)) best = a;
  }
  const notes: Bilingual[] = [];
  if (best === null) {
    notes.push({
      sv: `Inget riksgenomsnitt för ${CARE_SV[careType]} ${year} eller tidigare i tabellen.`,
      en: `No national average for ${CARE_EN[careType]} for ${year} or earlier in the table.`,
    });
  } else if (Number(best.period) !== year) {
    notes.push({
      sv: `Riksgenomsnittet för ${year} saknas i tabellen; det senaste före är ${best.period} (${best[careType]}).`,
      en: `The national average for ${year} is not in the table; the latest before it is ${best.period} (${best[careType]}).`,
    });
  }
  if (best !== null && countsZeroDays) notes.push(NATIONAL_AVERAGE_NOTE);
  return {
    careType,
    year,
    value: best?.[careType] ?? null,
    fromPeriod: best?.period ?? null,
    source: best?.source ?? null,
    notes,
  };
}
