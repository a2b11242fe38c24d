/**
 * Step 1 of the figures: which group each stay falls in. A group is a municipality × care type ×
 * period; the basis already numbers (municipality, care type, month) cells in that order, so a
 * group is a run of consecutive cells that share a period under the care type's period rule.
 */
import type { CompiledRules } from "./compiledRules";
import { findRow, type FigureBasis } from "./figureBasis";
import { periodOfMonth } from "./periods";

export interface Groups {
  count: number;
  /** Per group: municipality index (into basis.municipalities), care type code, period number. */
  municipality: number[];
  careType: number[];
  period: number[];
  /** Per basis cell: its group. */
  ofCell: Int32Array;
}

export function groupCells(basis: FigureBasis, compiled: readonly CompiledRules[]): Groups {
  const cells = basis.cells;
  const ofCell = new Int32Array(cells.count);
  const municipality: number[] = [];
  const careType: number[] = [];
  const period: number[] = [];
  for (let k = 0; k < cells.count; k++) {
    const care = cells.careType[k];
    const p = periodOfMonth(cells.month[k], compiled[care].rules.period);
    const last = municipality.length - 1;
    if (last >= 0 && municipality[last] === cells.municipality[k] && careType[last] === care && period[last] === p) {
      ofCell[k] = last;
    } else {
      municipality.push(cells.municipality[k]);
      careType.push(care);
      period.push(p);
      ofCell[k] = last + 1;
    }
  }
  return { count: municipality.length, municipality, careType, period, ofCell };
}

/** 1 per stay to leave out (every basis entry of each `${sheet}!${row}` given); null when none. */
export function excludedStays(basis: FigureBasis, excludeRows: ReadonlySet<string> | undefined): Uint8Array | null {
  if (!excludeRows || excludeRows.size === 0) return null;
  const n = basis.count;
  const excluded = new Uint8Array(n);
  for (const ref of excludeRows) {
    const i = findRow(basis, ref);
    if (i < 0) continue;
    for (let j = i; j < n && basis.sheetIndex[j] === basis.sheetIndex[i] && basis.row[j] === basis.row[i]; j++) excluded[j] = 1;
  }
  return excluded;
}
