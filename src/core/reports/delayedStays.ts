/**
 * Report (b), Västerbotten's analysis of delayed homecoming: the stays that stayed 3 days or more
 * after the discharge-ready date, per municipality, each with its sheet and row (DOMAIN.md §8).
 *
 * What is counted: every stay of the basis, both care types, whose discharge-ready days
 * (reportInput.ts) are 3 or more; its month is the month of discharge. Rows are the Excel rows
 * as last read: a sort moves them, so each stay also carries its key (the stay id, else a digest
 * of its identifying fields), which finds it again. The summary gives, per municipality, all
 * stays, those of 3 days or more and their share. Disputes are not applied.
 */
import { formatDay } from "../cells/localDate";
import type { SheetSpec, SpecCell } from "../sheets/sheetSpec";
import {
  careLabel, careTypeOf, commonNotes, monthLabel, say, shownKey, shownNames, shownPersonId, stayDays, tr,
  type ReportInput, type ReportOptions,
} from "./reportInput";

/** The sheet's name, the same in both languages, so a run in the other language replaces it. */
export const SHEET_NAME = "Vårdtillfällen 3+ dagar";
const TITLE = tr("Uppföljning: vårdtillfällen 3 dagar eller mer efter utskrivningsklar", "Follow-up: stays of 3 days or more after discharge-ready");

/** Västerbotten's follow-up threshold: 3 days or more after the ready date. */
export const DELAYED_FROM_DAYS = 3;

export function delayedStaysReport(input: ReportInput, o: ReportOptions): SheetSpec {
  const { basis, keys } = input;
  const { lang } = o;
  const shownName = shownNames(o);
  const perMuni = new Map<number, { stays: number; delayed: number }>();
  const rows: SpecCell[][] = [];
  // The basis is in (sheet, row) order; the list is ordered by municipality, then sheet and row.
  const order: number[] = [];
  for (let i = 0; i < basis.count; i++) {
    const m = basis.municipality[i];
    let t = perMuni.get(m);
    if (!t) perMuni.set(m, (t = { stays: 0, delayed: 0 }));
    t.stays++;
    if (stayDays(basis, i) >= DELAYED_FROM_DAYS) {
      t.delayed++;
      order.push(i);
    }
  }
  order.sort((a, b) => basis.municipality[a] - basis.municipality[b] || a - b);
  for (const i of order) {
    const sheet = basis.sheets[basis.sheetIndex[i]];
    const keyed = keys.at(sheet, basis.row[i]);
    const stay = keyed ? keys.fieldsAt(sheet, basis.row[i]) : undefined;
    rows.push([
      shownName(basis.municipalities[basis.municipality[i]]),
      shownName(sheet),
      basis.row[i],
      shownKey(keyed, o),
      shownPersonId(stay?.personIdRaw ?? null, o),
      careLabel(careTypeOf(basis, i), lang),
      formatDay(basis.startDay[i]),
      basis.open[i] ? null : formatDay(basis.dischargeDay[i]),
      stayDays(basis, i),
      monthLabel(basis.dischargeMonth[i]),
    ]);
  }
  const summary: SpecCell[][] = [...perMuni]
    .sort((a, b) => a[0] - b[0])
    .map(([m, t]) => [shownName(basis.municipalities[m]), t.stays, t.delayed, t.stays === 0 ? null : t.delayed / t.stays]);
  return {
    name: SHEET_NAME,
    title: say(TITLE, lang),
    ownTitles: [TITLE.sv, TITLE.en],
    notes: [
      ...commonNotes(input, lang),
      say(
        tr(
          "Med: vårdtillfällen med 3 utskrivningsklara dagar eller fler, båda vårdformerna. Utskrivningsklar = det datum dagarna räknas från.",
          "Listed: stays of 3 discharge-ready days or more, both care types. Discharge-ready = the date the days count from.",
        ),
        lang,
      ),
      say(
        tr(
          "Rad = raden vid senaste läsningen; en sortering flyttar den. Nyckeln (vårdtillfällets id, annars ett kontrollvärde av dess uppgifter) hittar vårdtillfället igen.",
          "Row = the row as last read; a sort moves it. The key (the stay id, else a digest of its details) finds the stay again.",
        ),
        lang,
      ),
    ],
    tables: [
      {
        name: "R_Langa_Summering",
        caption: say(tr("Per kommun", "Per municipality"), lang),
        columns: [
          { title: say(tr("Kommun", "Municipality"), lang), format: "text" },
          { title: say(tr("Vårdtillfällen", "Stays"), lang), format: "integer", total: "sum" },
          { title: say(tr("3 dagar eller fler", "3 days or more"), lang), format: "integer", total: "sum" },
          { title: say(tr("Andel", "Share"), lang), format: "percent" },
        ],
        rows: summary,
        totalsLabel: say(tr("Summa", "Total"), lang),
      },
      {
        name: "R_Langa_Vardtillfallen",
        caption: say(tr("Vårdtillfällena", "The stays"), lang),
        columns: [
          { title: say(tr("Kommun", "Municipality"), lang), format: "text" },
          { title: say(tr("Blad", "Sheet"), lang), format: "text" },
          { title: say(tr("Rad", "Row"), lang), format: "integer" },
          { title: say(tr("Nyckel", "Key"), lang), format: "text" },
          { title: say(tr("Personnummer", "Identity number"), lang), format: "text" },
          { title: say(tr("Vårdform", "Care type"), lang), format: "text" },
          { title: say(tr("Utskrivningsklar", "Discharge-ready"), lang), format: "text" },
          { title: say(tr("Utskriven", "Discharged"), lang), format: "text" },
          { title: say(tr("Dagar", "Days"), lang), format: "integer" },
          { title: say(tr("Månad", "Month"), lang), format: "text" },
        ],
        rows,
      },
    ],
    charts: summary.length > 0 ? [{ kind: "column", title: say(tr("Vårdtillfällen 3 dagar eller fler per kommun", "Stays of 3 days or more per municipality"), lang), table: "R_Langa_Summering", category: 0, series: [2] }] : [],
  };
}
