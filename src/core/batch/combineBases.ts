/**
 * Several files' figure bases as one, so that a municipality × period found in two files is one
 * group whose average is computed from all its stays (DOMAIN.md §3: an average per period, never
 * an average of averages). The stays keep their columns as each file's review computed them (a
 * file's date system, period and open-stay day stay that file's); only sheets, municipalities and
 * cells are numbered anew. A sheet is named `[file]sheet` in the combined basis, as Excel names
 * a sheet of another workbook; a sheet name cannot hold "]", so the name splits back unambiguously.
 */
import { buildCells, columns, findRow, internMunicipality, orderMunicipalities, BASIS_COLUMN_NAMES, UNKNOWN_MUNICIPALITY, type FigureBasis } from "../figures/figureBasis";

/** The combined basis's name for a file's sheet. */
export function qualifiedSheet(file: string, sheet: string): string {
  return `[${file}]${sheet}`;
}

/** `[file]sheet` back to its parts; a plain sheet name has file null. */
export function splitQualifiedSheet(name: string): { file: string | null; sheet: string } {
  const close = name.lastIndexOf("]");
  if (!name.startsWith("[") || close < 1) return { file: null, sheet: name };
  return { file: name.slice(1, close), sheet: name.slice(close + 1) };
}

export interface BasisPart {
  /** The file's label, unique among the parts. */
  file: string;
  basis: FigureBasis;
  /**
   * `${sheet}!${row}` (the file's own sheet names) of stays to take out of the figures: another
   * file's row counts for them. What they invoice stays in the invoiced totals (`leftOut`).
   */
  leaveOut?: ReadonlySet<string>;
}

export function combineFigureBases(parts: readonly BasisPart[]): FigureBasis {
  const labels = new Set(parts.map((p) => p.file));
  if (labels.size !== parts.length) throw new Error("combineFigureBases: two parts have the same file label");
  // Each file's sheets are a block of the sorted sheet names: order the blocks by "[file]".
  const ordered = [...parts].sort((a, b) => {
    const x = `[${a.file}]`;
    const y = `[${b.file}]`;
    return x < y ? -1 : x > y ? 1 : 0;
  });

  const sheets: string[] = [];
  const sheetOffset: number[] = [];
  for (const p of ordered) {
    sheetOffset.push(sheets.length);
    for (const s of p.basis.sheets) sheets.push(qualifiedSheet(p.file, s));
  }

  // Municipalities: one per name key across the files, ordered as a single file's would be.
  const byKey = new Map<string, number>();
  const names: string[] = [];
  const interned = ordered.map((p) => p.basis.municipalities.map((m) => internMunicipality(m === UNKNOWN_MUNICIPALITY ? null : m, byKey, names)));
  const { rankOf, municipalities } = orderMunicipalities(names);
  const muniMap = interned.map((ids) => Int32Array.from(ids, (id) => rankOf[id]));

  // Which stays of each part leave the figures.
  const dropped = ordered.map((p) => {
    const drop = new Uint8Array(p.basis.count);
    for (const ref of p.leaveOut ?? []) {
      const i = findRow(p.basis, ref);
      if (i >= 0) drop[i] = 1;
    }
    return drop;
  });
  let n = 0;
  ordered.forEach((p, k) => {
    for (let i = 0; i < p.basis.count; i++) if (dropped[k][i] === 0) n++;
  });

  const col = columns(n);
  let at = 0;
  ordered.forEach((p, k) => {
    const b = p.basis as unknown as Record<string, ArrayLike<number>>;
    const drop = dropped[k];
    let j = at;
    for (const name of BASIS_COLUMN_NAMES) {
      const from = b[name] as Int32Array; // any element type: only indexing is used
      const to = col[name] as Int32Array;
      j = at;
      for (let i = 0; i < p.basis.count; i++) if (drop[i] === 0) to[j++] = from[i];
    }
    for (let x = at; x < j; x++) {
      col.sheetIndex[x] += sheetOffset[k];
      col.municipality[x] = muniMap[k][col.municipality[x]];
    }
    at = j;
  });

  // The per-stay cell column is not in BASIS_COLUMN_NAMES (it is numbered per basis): numbered anew.
  const cells = buildCells(n, col.municipality, col.careType, col.dischargeMonth);

  const left = { missingDates: 0, dischargeBeforeReady: 0, open: 0, unreadableDates: 0 };
  const leftOut: LeftOutLists = { count: 0, sheetIndex: [], row: [], statedDays: [], statedBilledDays: [], statedAmount: [] };
  let minYear = Infinity;
  let maxYear = -Infinity;
  ordered.forEach((p, k) => {
    const b = p.basis;
    for (const reason of Object.keys(left) as (keyof typeof left)[]) left[reason] += b.left[reason];
    if (b.count > 0) {
      minYear = Math.min(minYear, b.minYear);
      maxYear = Math.max(maxYear, b.maxYear);
    }
    for (let j = 0; j < b.leftOut.count; j++) {
      pushLeftOut(leftOut, b.leftOut.sheetIndex[j] + sheetOffset[k], b.leftOut.row[j], b.leftOut.statedDays[j], b.leftOut.statedBilledDays[j], b.leftOut.statedAmount[j]);
    }
    for (let i = 0; i < b.count; i++) {
      if (dropped[k][i] === 0) continue;
      // As the basis keeps a row that cannot be counted: only when it states something.
      if (b.statedDays[i] !== b.statedDays[i] && b.statedBilledDays[i] !== b.statedBilledDays[i] && b.statedAmount[i] !== b.statedAmount[i]) continue;
      pushLeftOut(leftOut, b.sheetIndex[i] + sheetOffset[k], b.row[i], b.statedDays[i], b.statedBilledDays[i], b.statedAmount[i]);
    }
  });

  return {
    count: n,
    municipalities,
    sheets,
    ...col,
    cell: cells.cellOf,
    cache: { refs: null },
    cells: cells.table,
    minYear: n > 0 ? minYear : 0,
    maxYear: n > 0 ? maxYear : -1,
    left,
    leftOut,
  };
}

interface LeftOutLists {
  count: number;
  sheetIndex: number[];
  row: number[];
  statedDays: number[];
  statedBilledDays: number[];
  statedAmount: number[];
}

function pushLeftOut(l: LeftOutLists, sheet: number, row: number, days: number, billed: number, amount: number): void {
  l.count++;
  l.sheetIndex.push(sheet);
  l.row.push(row);
  l.statedDays.push(days);
  l.statedBilledDays.push(billed);
  l.statedAmount.push(amount);
}
