/**
 * The engine's own readings, shown beside the profile's: DOMAIN.md asks that every ASSUMED
 * reading be visible to the user, and a figure is only as good as the rules behind it.
 */
import type { AgreementProfile, CareRules } from "../agreements/profileSchema";
import type { DateSystem } from "../cells/cellValue";
import { formatDay } from "../cells/localDate";
import type { Bilingual, CareType } from "../model";
import { shortText } from "../checks/messages";
import { decidedBeyondColumn, type CareTypeDecision } from "../sheet/careTypeHints";

export interface AssumptionContext {
  dateSystem: DateSystem;
  invoicePeriod: { fromDay: number; toDay: number } | null;
  /** The title text the period was read from, when it was not given by the user. */
  periodFromTitle: string | null;
  countOpenStays: boolean;
  /** Per sheet, how its rows' care type was decided. */
  careTypes?: { sheet: string; decision: CareTypeDecision }[];
}

export function engineAssumptions(profile: AgreementProfile, ctx: AssumptionContext): Bilingual[] {
  const rules: CareRules[] = [profile.somatic, profile.psychiatric];
  const out: Bilingual[] = [...profile.assumptions];

  out.push({
    sv: "En vistelse hör till den period då patienten skrevs ut (som SKR:s indikator). Utskrivningsdagen räknas inte som en dag.",
    en: "A stay belongs to the period in which the patient was discharged (as SKR's indicator). The discharge day is not counted as a day.",
  });
  out.push({
    sv: "ANTAGET: när utskrivningsklar-status har tagits tillbaka och satts på nytt räknas dagarna från det nya meddelandet.",
    en: "ASSUMED: when discharge-ready status was withdrawn and set again, days count from the new notice.",
  });
  out.push({
    sv: "ANTAGET: en vistelse utan vårdform räknas som somatisk vård.",
    en: "ASSUMED: a stay without a care type is counted as somatic care.",
  });
  if (rules.some((r) => r.kind !== "individual")) {
    out.push({
      sv: "ANTAGET: genomsnittsmodeller prissätts med priset för året där perioden slutar.",
      en: "ASSUMED: average models are priced at the price of the year in which the period ends.",
    });
  }
  if (rules.some((r) => r.kind === "hybrid")) {
    out.push({
      sv: "Hybridmodell: snittet räknas på vistelser inom gränsen; långa vistelser debiteras var för sig. Ansvarsdagar = snittets överskott + de långa vistelsernas dagar.",
      en: "Hybrid model: the average covers stays within the limit; long stays are billed one by one. Liable days = the average's excess + the long stays' billed days.",
    });
  }
  if (profile.validFrom || profile.validTo) {
    out.push({
      sv: `Överenskommelsen gäller ${profile.validFrom ?? "…"} – ${profile.validTo ?? "…"}; för perioder utanför beräknas inget belopp.`,
      en: `The agreement applies ${profile.validFrom ?? "…"} – ${profile.validTo ?? "…"}; no amount is computed for periods outside it.`,
    });
  }
  if (rules.some((r) => r.counting.unit === "weekdays")) {
    out.push({
      sv: "ANTAGET: vardagar räknas från dag 0 till dagen före utskrivning, utan lördagar, söndagar, helgdagar, midsommar-, jul- och nyårsafton.",
      en: "ASSUMED: weekdays are counted from day 0 up to the day before discharge, skipping weekends, public holidays and midsummer, Christmas and New Year's Eve.",
    });
  }
  if (rules.some((r) => r.counting.start === "noticeTime")) {
    out.push({
      sv: "ANTAGET: ett utskrivningsklar-datum utan klockslag räknas som skickat före brytpunkten.",
      en: "ASSUMED: a discharge-ready date without a time counts as sent before the cut-off.",
    });
  }
  if (rules.some((r) => r.kind !== "individual" && r.zeroDays && r.benchmark !== null)) {
    out.push({
      sv: "Obs: SKR:s riksgenomsnitt räknar inte vistelser med 0 dagar; ett riktmärke hämtat därifrån är inte jämförbart med ett snitt som tar med 0-dagar.",
      en: "Note: SKR's national average excludes 0-day stays; a benchmark taken from it is not like-for-like with an average that includes them.",
    });
  }
  if (rules.some((r) => r.period.kind === "rolling")) {
    out.push({
      sv: "ANTAGET: rullande period – snittet tas över de senaste månaderna, och överskottet debiteras på den aktuella månadens vistelser.",
      en: "ASSUMED: rolling period – the average is taken over the last months, and the excess is billed on the current month's stays.",
    });
  }
  if (ctx.invoicePeriod === null) {
    out.push({
      sv: "Ingen faktureringsperiod angiven eller funnen i rubriken: kontrollen OUTSIDE_PERIOD granskar bara datum i framtiden.",
      en: "No invoice period given or found in the title rows: the OUTSIDE_PERIOD check only looks for dates in the future.",
    });
  } else if (ctx.periodFromTitle) {
    const range = `${formatDay(ctx.invoicePeriod.fromDay)} – ${formatDay(ctx.invoicePeriod.toDay)}`;
    out.push({
      sv: `Faktureringsperioden ${range} är läst ur bladets rubrik "${ctx.periodFromTitle}".`,
      en: `The invoice period ${range} was read from the sheet's title "${ctx.periodFromTitle}".`,
    });
  }
  if (ctx.countOpenStays) {
    out.push({
      sv: "Vistelser utan utskrivningsdatum räknas fram till periodens sista dag, på användarens begäran.",
      en: "Stays without a discharge date are counted up to the period's last day, as the user asked.",
    });
  }
  for (const { sheet, decision } of ctx.careTypes ?? []) {
    if (decidedBeyondColumn(decision)) out.push(careTypeAssumption(sheet, decision));
  }
  if (ctx.dateSystem === "1904") {
    out.push({
      sv: "Arbetsboken använder 1904-datumsystemet; datum är tolkade därefter.",
      en: "The workbook uses the 1904 date system; dates are read accordingly.",
    });
  }
  return out;
}

const CARE: Record<CareType, Bilingual> = {
  somatic: { sv: "somatisk vård", en: "somatic care" },
  psychiatric: { sv: "psykiatrisk vård", en: "psychiatric care" },
};

function rows(n: number): Bilingual {
  return { sv: n === 1 ? "1 rad" : `${n} rader`, en: n === 1 ? "1 row" : `${n} rows` };
}

/** "Vårdform på bladet "Psyk": 120 rader som psykiatrisk vård enligt bladets namn "Psyk"." and the like. */
function careTypeAssumption(sheet: string, d: CareTypeDecision): Bilingual {
  const c = d.counts;
  const parts: Bilingual[] = [];
  const each = (counts: Record<CareType, number>, how: Bilingual) => {
    for (const type of ["psychiatric", "somatic"] as const) {
      const n = counts[type];
      if (n > 0) parts.push({ sv: `${rows(n).sv} som ${CARE[type].sv} ${how.sv}`, en: `${rows(n).en} as ${CARE[type].en} ${how.en}` });
    }
  };
  const total = c.column.somatic + c.column.psychiatric;
  if (total > 0) parts.push({ sv: `${rows(total).sv} enligt kolumnen vårdform`, en: `${rows(total).en} by the care-type column` });
  each(c.user, { sv: "enligt användarens val för bladet", en: "as the user chose for the sheet" });
  const title = shortText(d.sheet?.text ?? "");
  each(
    c.sheet,
    d.sheet?.source === "title"
      ? { sv: `enligt bladets rubrik "${title.sv}"`, en: `by the sheet's title "${title.en}"` }
      : { sv: `enligt bladets namn "${title.sv}"`, en: `by the sheet's name "${title.en}"` },
  );
  each(c.unit, { sv: "enligt avdelningens namn", en: "by the unit's name" });
  if (c.fallback > 0) {
    parts.push({
      sv: `${rows(c.fallback).sv} som somatisk vård, eftersom inget anger vårdformen (ANTAGET)`,
      en: `${rows(c.fallback).en} as somatic care, since nothing states the care type (ASSUMED)`,
    });
  }
  const change = c.user.somatic + c.user.psychiatric > 0 ? { sv: "", en: "" } : { sv: " Välj bladets vårdform om det är fel.", en: " Choose the sheet's care type if this is wrong." };
  return {
    sv: `Vårdform på bladet "${sheet}": ${parts.map((p) => p.sv).join("; ")}.${change.sv}`,
    en: `Care type on sheet "${sheet}": ${parts.map((p) => p.en).join("; ")}.${change.en}`,
  };
}
