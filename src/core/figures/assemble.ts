/**
 * Step 4 of the figures: the result a host renders. One GroupFigures per group that has stays,
 * the totals, and the group-level findings (unknown prices or benchmarks, periods outside the
 * profile's validity).
 */
import type { AgreementProfile } from "../agreements/profileSchema";
import { isoDay, roundTo } from "../agreements/rules";
import type { CareType } from "../model";
import type { FiguresResult, GroupFigures } from "../review/result";
import type { GroupSums } from "./accumulate";
import { CARE_TYPES, type CompiledRules } from "./compiledRules";
import { rowRefs, type FigureBasis } from "./figureBasis";
import { figureFindings, type FigureProblems } from "./figureFindings";
import type { Groups } from "./grouping";
import { groupAverage, owed } from "./liability";
import { periodLabel, periodSpan } from "./periods";
import { periodPriceYear } from "./pricing";
import { invoicedMinusComputed, totalsOf } from "./totals";

export { invoicedMinusComputed, totalsOf };

/** Whether each group's period lies wholly inside the profile's validFrom..validTo. */
export function periodsInValidity(profile: AgreementProfile, compiled: readonly CompiledRules[], groups: Groups): Uint8Array {
  const validFrom = profile.validFrom ? isoDay(profile.validFrom) : -Infinity;
  const validTo = profile.validTo ? isoDay(profile.validTo) : Infinity;
  const valid = new Uint8Array(groups.count);
  for (let g = 0; g < groups.count; g++) {
    const span = periodSpan(groups.period[g], compiled[groups.careType[g]].rules.period);
    valid[g] = span.first >= validFrom && span.last <= validTo ? 1 : 0;
  }
  return valid;
}

export function assembleFigures(
  basis: FigureBasis,
  profile: AgreementProfile,
  compiled: readonly CompiledRules[],
  groups: Groups,
  sums: GroupSums,
  excluded: Uint8Array | null,
  leftOut: FiguresResult["totals"]["leftOut"],
): FiguresResult {
  // Row lists are made when first asked for: a million {sheet, row} references cost more than
  // all the figures, and most callers (the what-if path, the summary) never read them.
  const rowsOf = groupRowLists(basis, groups, excluded);
  const valid = periodsInValidity(profile, compiled, groups);
  const problems: FigureProblems = { priceMissing: new Map(), benchmarkMissing: new Map(), outsideValidity: new Map() };
  const out: GroupFigures[] = [];

  for (let g = 0; g < groups.count; g++) {
    if (sums.stays[g] === 0) continue;
    const c = compiled[groups.careType[g]];
    const rules = c.rules;
    const careName = CARE_TYPES[groups.careType[g]];
    const label = periodLabel(groups.period[g], rules.period);
    if (!valid[g]) addOnce(problems.outsideValidity, careName, label);

    const average = groupAverage(c, groups, sums, g);
    const part = { stays: sums.averageStays[g], days: sums.averageDays[g], aboveStays: sums.aboveStays[g], aboveDays: sums.aboveDays[g] };
    const billed = { days: sums.billedDays[g], value: sums.billedValue[g], missingYear: sums.missingYear[g] };
    const result = owed(c, c.benchmark, average, part, billed, periodPriceYear(groups.period[g], rules.period), valid[g] === 1);
    if (result.benchmarkMissing) problems.benchmarkMissing.set(careName, (problems.benchmarkMissing.get(careName) ?? 0) + 1);
    if (result.missingYear !== 0) problems.priceMissing.set(result.missingYear, (problems.priceMissing.get(result.missingYear) ?? 0) + 1);

    const invoicedAmount = sums.invoicedAmountN[g] > 0 ? roundTo(sums.invoicedAmount[g], 6) : null;
    out.push({
      municipality: basis.municipalities[groups.municipality[g]],
      careType: careName,
      period: label,
      stays: sums.stays[g],
      zeroDayStays: sums.zeroDayStays[g],
      days: sums.days[g],
      average,
      benchmark: rules.benchmark,
      longStays: sums.longStays[g],
      liableDays: result.liableDays,
      amount: result.amount,
      invoicedDays: sums.invoicedDaysN[g] > 0 ? roundTo(sums.invoicedDays[g], 6) : null,
      invoicedBilledDays: sums.invoicedBilledN[g] > 0 ? roundTo(sums.invoicedBilled[g], 6) : null,
      invoicedAmount,
      difference: invoicedMinusComputed(invoicedAmount, result.amount),
      get rows() {
        return rowsOf(g);
      },
      rowsWithErrors: sums.rowsWithErrors[g],
    });
  }
  return { groups: out, findings: figureFindings(profile, problems), totals: totalsOf(out, leftOut) };
}

function addOnce(map: Map<CareType, string[]>, care: CareType, label: string): void {
  const list = map.get(care) ?? [];
  if (!list.includes(label)) list.push(label);
  map.set(care, list);
}

/** Per group, its rows (sheet, Excel row) in basis order; all lists made in one pass on first use. */
function groupRowLists(basis: FigureBasis, groups: Groups, excluded: Uint8Array | null): (g: number) => { sheet: string; row: number }[] {
  let lists: { sheet: string; row: number }[][] | null = null;
  return (g) => {
    if (lists === null) {
      const refs = rowRefs(basis);
      const made: { sheet: string; row: number }[][] = [];
      for (let k = 0; k < groups.count; k++) made.push([]);
      for (let i = 0; i < basis.count; i++) {
        if (excluded !== null && excluded[i] === 1) continue;
        made[groups.ofCell[basis.cell[i]]].push(refs[i]);
      }
      lists = made;
    }
    return lists[g];
  };
}
