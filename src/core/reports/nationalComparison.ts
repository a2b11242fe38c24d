/**
 * Report (d), Halland's chart: each municipality's monthly average against the national average
 * of that year, with its source (DOMAIN.md §6, §8).
 *
 * What is counted: per municipality × care type × month of discharge, the stays of the basis and
 * their days (reportInput.ts). The average follows the agreement's 0-day rule for that care
 * type (Halland: 0-day stays in), rounded to two decimals; the average without 0-day stays is
 * shown beside it, since SKR's national indicator leaves them out. The national average is the
 * year's where the table has one, else the latest earlier one, said so (nationalReference); where
 * the average counts 0-day stays the sheet carries the caveat that the two are not like-for-like.
 * Difference = average − national average. Disputes are not applied.
 */
import { roundTo } from "../agreements/rules";
import type { CareType } from "../model";
import { nationalReference, type NationalReference } from "../scenarios/nationalReference";
import type { SheetSpec, SpecCell, SpecChart, SpecTable } from "../sheets/sheetSpec";
import {
  addStay, careLabel, careTypeOf, commonNotes, monthLabel, monthRange, newTally, say, shownName, stayDays, tr, uniqueTitles,
  type DayTally, type ReportInput, type ReportOptions,
} from "./reportInput";

/** The sheet's name, the same in both languages, so a run in the other language replaces it. */
export const SHEET_NAME = "Jämfört med riket";
const TITLE = tr("Uppföljning: medelvärde per månad mot riksgenomsnittet", "Follow-up: monthly average against the national average");

interface MonthRow extends DayTally {
  municipality: number;
  month: number;
}

function monthly(input: ReportInput, care: CareType): MonthRow[] {
  const { basis } = input;
  const rows = new Map<number, MonthRow>();
  let span = 0;
  for (let i = 0; i < basis.count; i++) span = Math.max(span, basis.dischargeMonth[i] + 1);
  for (let i = 0; i < basis.count; i++) {
    if (careTypeOf(basis, i) !== care) continue;
    const k = basis.municipality[i] * span + basis.dischargeMonth[i];
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { municipality: basis.municipality[i], month: basis.dischargeMonth[i], ...newTally() }));
    addStay(r, stayDays(basis, i));
  }
  return [...rows.values()].sort((a, b) => a.municipality - b.municipality || a.month - b.month);
}

/** The average under the 0-day rule, and without 0-day stays; null where no stay enters. */
export function averages(t: DayTally, zeroDays: boolean): { average: number | null; withoutZero: number | null } {
  const nonZero = t.stays - t.zeroDayStays; // 0-day stays add no days
  const withoutZero = nonZero === 0 ? null : roundTo(t.days / nonZero, 2);
  return { average: zeroDays ? (t.stays === 0 ? null : roundTo(t.days / t.stays, 2)) : withoutZero, withoutZero };
}

const CARE_TABLE: Record<CareType, string> = { somatic: "Somatik", psychiatric: "Psykiatri" };

export function nationalComparisonReport(input: ReportInput, o: ReportOptions): SheetSpec {
  const { basis } = input;
  const { lang } = o;
  const notes = [...commonNotes(input, lang)];
  const tables: SpecTable[] = [];
  const charts: SpecChart[] = [];
  const refNotes = new Set<string>();
  for (const care of ["somatic", "psychiatric"] as const) {
    const rows = monthly(input, care);
    if (rows.length === 0) continue;
    const zeroDays = input.profile[care].zeroDays;
    const refs = new Map<number, NationalReference>();
    const refOf = (month: number) => {
      const year = Math.floor(month / 12);
      let r = refs.get(year);
      if (!r) {
        refs.set(year, (r = nationalReference(care, year, zeroDays)));
        for (const n of r.notes) refNotes.add(`${careLabel(care, lang)}: ${n[lang]}`);
      }
      return r;
    };
    notes.push(
      say(
        zeroDays
          ? tr(`${careLabel(care, "sv")}: medelvärdet räknar med vårdtillfällen med 0 dagar (överenskommelsen).`, `${careLabel(care, "en")}: the average includes stays of 0 days (the agreement).`)
          : tr(`${careLabel(care, "sv")}: medelvärdet räknar inte med vårdtillfällen med 0 dagar (överenskommelsen).`, `${careLabel(care, "en")}: the average leaves out stays of 0 days (the agreement).`),
        lang,
      ),
    );
    const detail: SpecCell[][] = rows.map((r) => {
      const a = averages(r, zeroDays);
      const ref = refOf(r.month);
      return [
        shownName(basis.municipalities[r.municipality], o),
        monthLabel(r.month),
        r.stays,
        r.zeroDayStays,
        r.days,
        a.average,
        a.withoutZero,
        ref.value,
        ref.fromPeriod,
        ref.source,
        a.average === null || ref.value === null ? null : roundTo(a.average - ref.value, 2),
      ];
    });
    tables.push({
      name: `R_Riket_${CARE_TABLE[care]}`,
      caption: say(tr(`${careLabel(care, "sv")}: medelvärde per kommun och månad mot riksgenomsnittet`, `${careLabel(care, "en")}: average per municipality and month against the national average`), lang),
      columns: [
        { title: say(tr("Kommun", "Municipality"), lang), format: "text" },
        { title: say(tr("Månad", "Month"), lang), format: "text" },
        { title: say(tr("Vårdtillfällen", "Stays"), lang), format: "integer" },
        { title: say(tr("Varav 0 dagar", "Of which 0 days"), lang), format: "integer" },
        { title: say(tr("Utskrivningsklara dagar", "Discharge-ready days"), lang), format: "integer" },
        { title: say(tr("Medelvärde (dagar)", "Average (days)"), lang), format: "decimal" },
        { title: say(tr("Medelvärde utan 0-dagar", "Average without 0-day stays"), lang), format: "decimal" },
        { title: say(tr("Riksgenomsnitt", "National average"), lang), format: "decimal" },
        { title: say(tr("Riksgenomsnittets år", "National average's year"), lang), format: "text" },
        { title: say(tr("Källa", "Source"), lang), format: "text" },
        { title: say(tr("Skillnad mot riket", "Difference from national"), lang), format: "decimal" },
      ],
      rows: detail,
    });

    // The chart's table: every month of the care type, a column per municipality and the national average.
    const munis = [...new Set(rows.map((r) => r.municipality))];
    const byKey = new Map(rows.map((r) => [`${r.municipality}\u0000${r.month}`, r]));
    const months = monthRange(basis, (i) => careTypeOf(basis, i) === care);
    const nationalTitle = say(tr("Riksgenomsnitt", "National average"), lang);
    const titles = uniqueTitles([say(tr("Månad", "Month"), lang), ...munis.map((m) => shownName(basis.municipalities[m], o)), nationalTitle]);
    const chartName = `R_Riket_${CARE_TABLE[care]}_Diagram`;
    tables.push({
      name: chartName,
      caption: say(tr(`${careLabel(care, "sv")}: diagrammets data`, `${careLabel(care, "en")}: the chart's data`), lang),
      columns: titles.map((title, k) => ({ title, format: k === 0 ? "text" : "decimal" })),
      rows: months.map((m) => [
        monthLabel(m),
        ...munis.map((u) => {
          const r = byKey.get(`${u}\u0000${m}`);
          return r ? averages(r, zeroDays).average : null;
        }),
        refOf(m).value,
      ]),
    });
    charts.push({
      kind: "line",
      title: say(tr(`${careLabel(care, "sv")}: medelvärde per månad mot riksgenomsnittet`, `${careLabel(care, "en")}: monthly average against the national average`), lang),
      table: chartName,
      category: 0,
      series: titles.slice(1).map((_, k) => k + 1),
    });
  }
  notes.push(...refNotes);
  return {
    name: SHEET_NAME,
    title: say(TITLE, lang),
    ownTitles: [TITLE.sv, TITLE.en],
    notes,
    tables,
    charts,
  };
}
