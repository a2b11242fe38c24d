/**
 * Scenario beside scenario: per municipality (and per care type and period as detail) the liable
 * days and amount under each scenario, the difference against the first (the baseline), and
 * totals. From the figure basis alone: each scenario is one recomputeFigures, no re-read and no
 * re-check.
 *
 * A scenario's `conditions` and `longStayWarningDays` decide which findings a review raises, not
 * the figures: a comparison that differs in them says so (see `notes`), since only a new review
 * would show their effect.
 */
import { roundTo } from "../agreements/rules";
import type { AgreementProfile } from "../agreements/profileSchema";
import { recomputeFigures } from "../figures/computeFigures";
import type { FigureBasis } from "../figures/figureBasis";
import type { Bilingual, CareType, Finding } from "../model";
import type { FiguresResult, GroupFigures } from "../review/result";

/** One scenario's figures on a line; null when the line's period does not exist under its rules. */
export interface ComparisonCell {
  stays: number;
  liableDays: number;
  /** SEK; null when unknown (a price or benchmark missing, or outside the profile's validity). */
  amount: number | null;
}

export interface ComparisonDifference {
  liableDays: number;
  /** SEK against the baseline; null when either amount is unknown. */
  amount: number | null;
}

export interface ComparisonLine {
  municipality: string;
  /** Set on detail lines only. */
  careType?: CareType;
  period?: string;
  /** One per scenario, in the order given. */
  values: (ComparisonCell | null)[];
  /** Scenario k against scenario 0: differences[0] is always zero (null when a cell is missing). */
  differences: (ComparisonDifference | null)[];
}

export interface Comparison {
  scenarios: { id: string; name: Bilingual }[];
  /** A line per municipality (all care types and periods), in the basis's municipality order. */
  municipalities: ComparisonLine[];
  /** A line per municipality × care type × period that any scenario has. */
  detail: ComparisonLine[];
  totals: ComparisonLine;
  /** Each scenario's group-level findings (unknown prices, benchmarks, validity). */
  findings: Finding[][];
  notes: Bilingual[];
}

export interface CompareOptions {
  /** `${sheet}!${row}` of rows to leave out (disputed rows), under every scenario alike. */
  excludeRows?: ReadonlySet<string>;
}

export function compareScenarios(basis: FigureBasis, profiles: readonly AgreementProfile[], options: CompareOptions = {}): Comparison {
  if (profiles.length === 0) throw new Error("compareScenarios: at least one scenario (the baseline)");
  const figures = profiles.map((p) => recomputeFigures(basis, p, { excludeRows: options.excludeRows }));
  const k = profiles.length;

  const byMunicipality = new Map<string, (ComparisonCell | null)[]>();
  for (const m of basis.municipalities) byMunicipality.set(m, Array.from({ length: k }, () => ({ stays: 0, liableDays: 0, amount: 0 })));
  const detail = new Map<string, { line: Omit<ComparisonLine, "values" | "differences">; values: (ComparisonCell | null)[] }>();
  figures.forEach((f, s) => {
    for (const g of f.groups) {
      add(byMunicipality.get(g.municipality)![s]!, g);
      const key = `${g.municipality}\u0000${g.careType}\u0000${g.period}`;
      let entry = detail.get(key);
      if (!entry) {
        entry = { line: { municipality: g.municipality, careType: g.careType, period: g.period }, values: new Array(k).fill(null) };
        detail.set(key, entry);
      }
      entry.values[s] = { stays: 0, liableDays: 0, amount: 0 };
      add(entry.values[s]!, g);
    }
  });

  const municipalityRank = new Map(basis.municipalities.map((m, i) => [m, i]));
  const detailLines = [...detail.values()]
    .sort(
      (a, b) =>
        municipalityRank.get(a.line.municipality)! - municipalityRank.get(b.line.municipality)! ||
        careRank(a.line.careType!) - careRank(b.line.careType!) ||
        (a.line.period! < b.line.period! ? -1 : a.line.period! > b.line.period! ? 1 : 0),
    )
    .map((e) => line(e.line, e.values));
  const municipalities = [...byMunicipality].filter(([, values]) => values.some((v) => v!.stays > 0)).map(([municipality, values]) => line({ municipality }, values));

  return {
    scenarios: profiles.map((p) => ({ id: p.id, name: p.name })),
    municipalities,
    detail: detailLines,
    totals: line({ municipality: "" }, figures.map(totalCell)),
    findings: figures.map((f) => f.findings),
    notes: notes(profiles),
  };
}

function careRank(c: CareType): number {
  return c === "somatic" ? 0 : 1;
}

function add(cell: ComparisonCell, g: GroupFigures): void {
  cell.stays += g.stays;
  cell.liableDays = roundTo(cell.liableDays + g.liableDays, 6);
  cell.amount = cell.amount === null || g.amount === null ? null : roundTo(cell.amount + g.amount, 2);
}

function totalCell(f: FiguresResult): ComparisonCell {
  return { stays: f.totals.stays, liableDays: f.totals.liableDays, amount: f.totals.amount };
}

function line(head: Omit<ComparisonLine, "values" | "differences">, values: (ComparisonCell | null)[]): ComparisonLine {
  const base = values[0];
  const differences = values.map((v) =>
    v === null || base === null
      ? null
      : { liableDays: roundTo(v.liableDays - base.liableDays, 6), amount: v.amount === null || base.amount === null ? null : roundTo(v.amount - base.amount, 2) },
  );
  return { ...head, values, differences };
}

function notes(profiles: readonly AgreementProfile[]): Bilingual[] {
  const base = profiles[0];
  const differs = profiles.some(
    (p) => JSON.stringify([p.somatic.conditions, p.psychiatric.conditions, p.longStayWarningDays]) !== JSON.stringify([base.somatic.conditions, base.psychiatric.conditions, base.longStayWarningDays]),
  );
  if (!differs) return [];
  return [
    {
      sv: "Scenarierna skiljer sig i villkor (saknade meddelanden som gör att ansvaret faller) eller i gränsen för långa vistelser: det ändrar vilka rader som kan bestridas, inte beloppen här. Granska på nytt under scenariot för att se det.",
      en: "The scenarios differ in conditions (missing notices that void liability) or in the long-stay warning: that changes which rows can be disputed, not the amounts here. Review again under the scenario to see it.",
    },
  ];
}
