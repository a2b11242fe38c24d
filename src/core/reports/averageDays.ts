/**
 * Report (a), Kalmar's follow-up: average discharge-ready days per municipality
 * - per month and per half-year for somatic care,
 * - per quarter for psychiatric care, shown separately (DOMAIN.md §8; Kalmar 2019).
 *
 * What is counted: every stay of the basis of that care type discharged in the period (the month
 * of discharge decides the half-year and the quarter too); days as reportInput.ts says. The
 * average is days ÷ stays, 0-day stays included (Kalmar's target of 0.8 days is below one day,
 * which only an average with 0-day stays can reach: ASSUMED, stated on the sheet), rounded to
 * two decimals. Disputes are not applied: it follows the stays as invoiced.
 */
import { roundTo } from "../agreements/rules";
import type { CareType } from "../model";
import type { SheetSpec, SpecCell, SpecColumn, SpecTable } from "../sheets/sheetSpec";
import {
  addStay, careTypeOf, commonNotes, halfYearLabel, monthLabel, monthRange, newTally, quarterLabel, say, shownName, stayDays, tr, uniqueTitles,
  type DayTally, type Lang, type ReportInput, type ReportOptions,
} from "./reportInput";

/** The sheet's name, the same in both languages, so a run in the other language replaces it. */
export const SHEET_NAME = "Snitt utskrivningsklara dagar";
const TITLE = tr("Uppföljning: medelvärde utskrivningsklara dagar per kommun", "Follow-up: average discharge-ready days per municipality");

interface PeriodRow extends DayTally {
  municipality: number;
  period: string;
}

/** Sums per (municipality, period label) of the stays of one care type, sorted by municipality then period. */
function tallyBy(input: ReportInput, care: CareType, label: (month: number) => string): PeriodRow[] {
  const { basis } = input;
  const rows = new Map<string, PeriodRow>();
  for (let i = 0; i < basis.count; i++) {
    if (careTypeOf(basis, i) !== care) continue;
    const municipality = basis.municipality[i];
    const period = label(basis.dischargeMonth[i]);
    const k = `${municipality}\u0000${period}`;
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { municipality, period, ...newTally() }));
    addStay(r, stayDays(basis, i));
  }
  // Municipalities are numbered in display order; period labels sort as text (YYYY-MM, YYYY-Hn, YYYY-Qn).
  return [...rows.values()].sort((a, b) => a.municipality - b.municipality || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

export const averageOf = (t: DayTally): number | null => (t.stays === 0 ? null : roundTo(t.days / t.stays, 2));

function columns(lang: Lang, periodTitle: string): SpecColumn[] {
  return [
    { title: say(tr("Kommun", "Municipality"), lang), format: "text" },
    { title: periodTitle, format: "text" },
    { title: say(tr("Vårdtillfällen", "Stays"), lang), format: "integer", total: "sum" },
    { title: say(tr("Varav 0 dagar", "Of which 0 days"), lang), format: "integer", total: "sum" },
    { title: say(tr("Utskrivningsklara dagar", "Discharge-ready days"), lang), format: "integer", total: "sum" },
    { title: say(tr("Medelvärde (dagar)", "Average (days)"), lang), format: "decimal" },
    { title: say(tr("Målvärde (dagar)", "Target (days)"), lang), format: "decimal" },
  ];
}

function table(name: string, caption: string, periodTitle: string, rows: PeriodRow[], target: number | null, input: ReportInput, o: ReportOptions): SpecTable {
  const names = input.basis.municipalities;
  return {
    name,
    caption,
    columns: columns(o.lang, periodTitle),
    rows: rows.map((r) => [shownName(names[r.municipality], o), r.period, r.stays, r.zeroDayStays, r.days, averageOf(r), target]),
    totalsLabel: say(tr("Summa", "Total"), o.lang),
  };
}

/** Month × municipality of the somatic averages: the chart's table (a month without stays is empty). */
function chartTable(input: ReportInput, monthly: PeriodRow[], o: ReportOptions): SpecTable {
  const { basis } = input;
  const munis = [...new Set(monthly.map((r) => r.municipality))];
  const months = monthRange(basis, (i) => careTypeOf(basis, i) === "somatic");
  const byKey = new Map(monthly.map((r) => [`${r.municipality}\u0000${r.period}`, r]));
  const titles = uniqueTitles([say(tr("Månad", "Month"), o.lang), ...munis.map((m) => shownName(basis.municipalities[m], o))]);
  const rows: SpecCell[][] = months.map((m) => {
    const label = monthLabel(m);
    return [label, ...munis.map((u) => {
      const r = byKey.get(`${u}\u0000${label}`);
      return r ? averageOf(r) : null;
    })];
  });
  return {
    name: "R_Snitt_Diagram",
    caption: say(tr("Medelvärde per månad och kommun, somatisk vård (diagrammets data)", "Average per month and municipality, somatic care (the chart's data)"), o.lang),
    columns: titles.map((title, k) => ({ title, format: k === 0 ? "text" : "decimal" })),
    rows,
  };
}

export function averageDaysReport(input: ReportInput, o: ReportOptions): SheetSpec {
  const { lang } = o;
  const somaticMonthly = tallyBy(input, "somatic", monthLabel);
  const somaticHalf = tallyBy(input, "somatic", halfYearLabel);
  const psychQuarter = tallyBy(input, "psychiatric", quarterLabel);
  const chart = chartTable(input, somaticMonthly, o);
  const targetS = input.profile.somatic.targetAverage;
  const targetP = input.profile.psychiatric.targetAverage;
  return {
    name: SHEET_NAME,
    title: say(TITLE, lang),
    ownTitles: [TITLE.sv, TITLE.en],
    notes: [
      ...commonNotes(input, lang),
      say(
        tr(
          "Medelvärde = dagar ÷ vårdtillfällen, vårdtillfällen med 0 dagar medräknade, två decimaler. ANTAGET: Kalmars målvärde 0,8 dagar förutsätter att 0-dagar räknas med.",
          "Average = days ÷ stays, stays of 0 days included, two decimals. ASSUMED: Kalmar's target of 0.8 days presupposes that 0-day stays count.",
        ),
        lang,
      ),
      say(tr("Halvår och kvartal följer utskrivningsmånaden. Bestridanden är inte avräknade.", "Half-years and quarters follow the month of discharge. Disputes are not applied."), lang),
    ],
    tables: [
      table("R_Snitt_Somatik_Manad", say(tr("Somatisk vård per månad", "Somatic care per month"), lang), say(tr("Månad", "Month"), lang), somaticMonthly, targetS, input, o),
      table("R_Snitt_Somatik_Halvar", say(tr("Somatisk vård per halvår", "Somatic care per half-year"), lang), say(tr("Halvår", "Half-year"), lang), somaticHalf, targetS, input, o),
      table("R_Snitt_Psykiatri_Kvartal", say(tr("Psykiatrisk vård per kvartal", "Psychiatric care per quarter"), lang), say(tr("Kvartal", "Quarter"), lang), psychQuarter, targetP, input, o),
      chart,
    ],
    charts:
      chart.columns.length > 1
        ? [{ kind: "line", title: say(tr("Medelvärde per månad, somatisk vård", "Average per month, somatic care"), lang), table: chart.name, category: 0, series: chart.columns.slice(1).map((_, k) => k + 1) }]
        : [],
  };
}
