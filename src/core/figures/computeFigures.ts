/**
 * The figures per municipality × care type × period, recomputed from the figure basis for a
 * profile (the what-if path: no re-reading, no re-checking). Four steps, each in its own module:
 *
 * 1. grouping.ts   which group each stay falls in (its care type's period rule);
 * 2. accumulate.ts one tight loop over the basis's typed columns into per-group sums;
 * 3. liability.ts  per group, from its sums: the average and what is owed (pricing.ts prices it);
 * 4. assemble.ts   the groups, totals and group-level findings a host renders.
 *
 * A period not wholly inside the profile's validFrom..validTo gets no amount (BENCHMARK_UNKNOWN).
 */
import type { AgreementProfile } from "../agreements/profileSchema";
import type { FiguresResult } from "../review/result";
import { accumulate } from "./accumulate";
import { assembleFigures } from "./assemble";
import { compileProfile } from "./compiledRules";
import type { FigureBasis } from "./figureBasis";
import { excludedStays, groupCells } from "./grouping";
import { leftOutInvoiced } from "./totals";

export { invoicedMinusComputed } from "./assemble";

export interface RecomputeOptions {
  /** `${sheet}!${row}` of rows to leave out (disputed rows: the figures after disputes). */
  excludeRows?: ReadonlySet<string>;
}

export function recomputeFigures(basis: FigureBasis, profile: AgreementProfile, options?: RecomputeOptions): FiguresResult {
  const compiled = compileProfile(profile, basis.minYear, basis.maxYear);
  const groups = groupCells(basis, compiled);
  const excluded = excludedStays(basis, options?.excludeRows);
  const sums = accumulate(basis, compiled, groups, excluded);
  return assembleFigures(basis, profile, compiled, groups, sums, excluded, leftOutInvoiced(basis, options?.excludeRows));
}
