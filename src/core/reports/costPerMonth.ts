/**
 * Report (c), Gävleborg's follow-up: cost per municipality per month, as invoiced, as recomputed
 * under the agreement, and after disputes (DOMAIN.md §8: "not only per year").
 *
 * What is counted: the figures of disputes/figures.ts (sideBySide), which come from
 * recomputeFigures; nothing here prices a day. A group is municipality × care type × period:
 * - an individual rule owes per stay, so its stays are grouped per month of discharge whatever
 *   the agreement's period (the amounts are the same; rounding is per month);
 * - an average or hybrid rule owes per period of the agreement: a quarter or half-year cannot be
 *   split into months without changing what is owed, so it is shown per period, said on the sheet.
 * Invoiced = the amounts the rows state; after disputes = voiding disputes leave their stays out
 * and the rest are recomputed (an average can rise). Rows not in the figures (dates missing) are
 * in no month: what they invoice is stated in the notes.
 */
import type { AgreementProfile, CareRules } from "../agreements/profileSchema";
import { formatFixed } from "../cells/numberText";
import { sideBySide } from "../disputes/figures";
import type { SheetSpec, SpecCell } from "../sheets/sheetSpec";
import { careLabel, commonNotes, say, shownName, tr, type ReportInput, type ReportOptions } from "./reportInput";

/** The sheet's name, the same in both languages, so a run in the other language replaces it. */
export const SHEET_NAME = "Kostnad per månad";
const TITLE = tr("Uppföljning: kostnad per kommun och månad", "Follow-up: cost per municipality and month");

/** An individual rule's stays grouped per month (its amounts do not depend on the period). */
function monthlyWhereIndividual(profile: AgreementProfile): AgreementProfile {
  const monthly = (r: CareRules): CareRules => (r.kind === "individual" ? { ...r, period: { kind: "month" } } : r);
  return { ...profile, somatic: monthly(profile.somatic), psychiatric: monthly(profile.psychiatric) };
}

const minus = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.round((a - b) * 100) / 100);

export function costPerMonthReport(input: ReportInput, o: ReportOptions): SheetSpec {
  const { lang } = o;
  const profile = monthlyWhereIndividual(input.profile);
  const s = sideBySide({ basis: input.basis, profile, found: input.found ?? [], findings: input.findings });
  const rows: SpecCell[][] = s.groups.map((g) => [
    shownName(g.municipality, o),
    careLabel(g.careType, lang),
    g.period,
    g.stays,
    g.invoicedAmount,
    g.amount,
    g.amountAfterDisputes,
    minus(g.invoicedAmount, g.amountAfterDisputes),
    g.disputes,
  ]);
  const perMuni: SpecCell[][] = s.municipalities.map((m) => [shownName(m.municipality, o), m.invoicedAmount, m.amount, m.amountAfterDisputes]);

  const notes = [
    ...commonNotes(input, lang),
    say(
      tr(
        "Fakturerat = raderna angivna belopp. Beräknat = enligt överenskommelsen. Efter bestridanden = bestridanden som upphäver betalningsansvaret tar bort vårdtillfället, övriga räknas om.",
        "Invoiced = the amounts the rows state. Recomputed = under the agreement. After disputes = disputes that void liability leave their stay out, the rest are recomputed.",
      ),
      lang,
    ),
  ];
  for (const care of ["somatic", "psychiatric"] as const) {
    const p = profile[care].period;
    if (profile[care].kind !== "individual" && p.kind !== "month" && p.kind !== "rolling") {
      notes.push(
        say(
          tr(
            `${careLabel(care, "sv")}: överenskommelsen räknar ett snitt per ${p.kind === "quarter" ? "kvartal" : "halvår"}; det går inte att dela per månad utan att ändra vad som ska betalas, så beloppen visas per ${p.kind === "quarter" ? "kvartal" : "halvår"}.`,
            `${careLabel(care, "en")}: the agreement takes an average per ${p.kind === "quarter" ? "quarter" : "half-year"}; it cannot be split into months without changing what is owed, so the amounts are shown per ${p.kind === "quarter" ? "quarter" : "half-year"}.`,
          ),
          lang,
        ),
      );
    }
  }
  if (input.found === undefined) {
    notes.push(say(tr("Inga bestridanden lästes: efter bestridanden = beräknat.", "No disputes were read: after disputes = recomputed."), lang));
  }
  if (s.groups.some((g) => g.amount === null)) {
    notes.push(say(tr("Tomt belopp: pris eller riktmärke saknas för perioden (se granskningens avvikelser).", "Empty amount: the price or benchmark is missing for the period (see the review's findings)."), lang));
  }
  const lo = input.basis.leftOut;
  let leftOutAmount = 0;
  let leftOutRows = 0;
  for (let k = 0; k < lo.count; k++) {
    if (lo.statedAmount[k] === lo.statedAmount[k]) {
      leftOutAmount += lo.statedAmount[k];
      leftOutRows++;
    }
  }
  if (leftOutRows > 0) {
    notes.push(
      say(
        tr(
          `${leftOutRows} rader utanför beräkningen fakturerar ${formatFixed(leftOutAmount, 2, "sv")} kr som inte hör till någon månad här.`,
          `${leftOutRows} rows outside the figures invoice SEK ${formatFixed(leftOutAmount, 2, "en")} that belong to no month here.`,
        ),
        lang,
      ),
    );
  }

  const kr = (sv: string, en: string) => say(tr(`${sv} (kr)`, `${en} (SEK)`), lang);
  return {
    name: SHEET_NAME,
    title: say(TITLE, lang),
    ownTitles: [TITLE.sv, TITLE.en],
    notes,
    tables: [
      {
        name: "R_Kostnad_Manad",
        caption: say(tr("Per kommun, vårdform och period", "Per municipality, care type and period"), lang),
        columns: [
          { title: say(tr("Kommun", "Municipality"), lang), format: "text" },
          { title: say(tr("Vårdform", "Care type"), lang), format: "text" },
          { title: say(tr("Period", "Period"), lang), format: "text" },
          { title: say(tr("Vårdtillfällen", "Stays"), lang), format: "integer", total: "sum" },
          { title: kr("Fakturerat", "Invoiced"), format: "kronor", total: "sum" },
          { title: kr("Beräknat", "Recomputed"), format: "kronor", total: "sum" },
          { title: kr("Efter bestridanden", "After disputes"), format: "kronor", total: "sum" },
          { title: kr("Fakturerat − efter bestridanden", "Invoiced − after disputes"), format: "kronor", total: "sum" },
          { title: say(tr("Bestridanden", "Disputes"), lang), format: "integer", total: "sum" },
        ],
        rows,
        totalsLabel: say(tr("Summa", "Total"), lang),
      },
      {
        name: "R_Kostnad_Kommun",
        caption: say(tr("Per kommun, hela perioden (diagrammets data)", "Per municipality, the whole period (the chart's data)"), lang),
        columns: [
          { title: say(tr("Kommun", "Municipality"), lang), format: "text" },
          { title: kr("Fakturerat", "Invoiced"), format: "kronor", total: "sum" },
          { title: kr("Beräknat", "Recomputed"), format: "kronor", total: "sum" },
          { title: kr("Efter bestridanden", "After disputes"), format: "kronor", total: "sum" },
        ],
        rows: perMuni,
        totalsLabel: say(tr("Summa", "Total"), lang),
      },
    ],
    charts: perMuni.length > 0 ? [{ kind: "column", title: say(tr("Kostnad per kommun", "Cost per municipality"), lang), table: "R_Kostnad_Kommun", category: 0, series: [1, 2, 3] }] : [],
  };
}
