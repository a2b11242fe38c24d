/**
 * The figures' own findings: a year's price unknown, a benchmark missing, periods outside the
 * profile's validity. Each says which groups lack an amount and what the user can enter.
 */
import { severityOf } from "../checks/catalog";
import type { AgreementProfile } from "../agreements/profileSchema";
import type { CareType, Finding } from "../model";
import { CARE_TYPES } from "./compiledRules";

export interface FigureProblems {
  /** Year → groups whose amount needs that year's price. */
  priceMissing: Map<number, number>;
  /** Care type → groups without a benchmark. */
  benchmarkMissing: Map<CareType, number>;
  /** Care type → period labels outside validFrom..validTo. */
  outsideValidity: Map<CareType, string[]>;
}

const CARE_SV: Record<CareType, string> = { somatic: "somatisk vård", psychiatric: "psykiatrisk vård" };
const CARE_EN: Record<CareType, string> = { somatic: "somatic care", psychiatric: "psychiatric care" };

function groupFinding(code: "PRICE_UNKNOWN" | "BENCHMARK_UNKNOWN", sv: string, en: string): Finding {
  return { code, severity: severityOf(code), sheet: "", row: null, columns: [], fields: [], message: { sv, en } };
}

export function figureFindings(profile: AgreementProfile, { priceMissing, benchmarkMissing, outsideValidity }: FigureProblems): Finding[] {
  const out: Finding[] = [];
  for (const [year, groups] of [...priceMissing].sort((a, b) => a[0] - b[0])) {
    out.push(
      groupFinding(
        "PRICE_UNKNOWN",
        `Priset per dag för ${year} är okänt: ange det (kronor per dag) i avtalsprofilen. ${groups} grupp(er) saknar därför belopp.`,
        `The price per day for ${year} is unknown: enter it (SEK per day) in the agreement profile. ${groups} group(s) have no amount until then.`,
      ),
    );
  }
  for (const care of CARE_TYPES) {
    const groups = benchmarkMissing.get(care);
    if (groups) {
      out.push(
        groupFinding(
          "BENCHMARK_UNKNOWN",
          `Riktmärket för ${CARE_SV[care]} saknas i avtalsprofilen "${profile.name.sv}": ange det. ${groups} grupp(er) saknar därför belopp.`,
          `The benchmark for ${CARE_EN[care]} is missing in the agreement profile "${profile.name.en}": enter it. ${groups} group(s) have no amount until then.`,
        ),
      );
    }
  }
  for (const care of CARE_TYPES) {
    const periods = outsideValidity.get(care);
    if (periods) {
      const from = profile.validFrom ?? "…";
      const to = profile.validTo ?? "…";
      const list = periods.join(", ");
      out.push(
        groupFinding(
          "BENCHMARK_UNKNOWN",
          `Avtalsprofilen "${profile.name.sv}" gäller ${from} – ${to}; för ${CARE_SV[care]} ligger ${list} utanför, så inget belopp räknas där. Välj eller ange regeln för de perioderna.`,
          `The agreement profile "${profile.name.en}" applies ${from} – ${to}; for ${CARE_EN[care]}, ${list} lie outside it, so no amount is computed there. Choose or enter the rule for those periods.`,
        ),
      );
    }
  }
  return out;
}
