/**
 * The figures per municipality, summed over its care types and periods by the same rule as the
 * result's totals (an unknown amount makes the municipality's amount unknown). What a host shows
 * first: what each municipality owes, what was invoiced, and the difference.
 */
import type { FiguresResult, GroupFigures } from "../review/result";
import { totalsOf } from "./totals";

export interface MunicipalityFigures {
  municipality: string;
  /** Its groups (care type × period), in the result's order. */
  groups: GroupFigures[];
  totals: FiguresResult["totals"];
}

/** One entry per municipality, in the order the groups come (sorted by Swedish collation). */
export function figuresByMunicipality(groups: readonly GroupFigures[]): MunicipalityFigures[] {
  const byName = new Map<string, GroupFigures[]>();
  for (const g of groups) {
    const list = byName.get(g.municipality);
    if (list) list.push(g);
    else byName.set(g.municipality, [g]);
  }
  return [...byName].map(([municipality, list]) => ({ municipality, groups: list, totals: totalsOf(list) }));
}
