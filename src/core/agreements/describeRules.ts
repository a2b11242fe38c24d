/**
 * A care rule in words, Swedish and English: every host shows the rule it computes by (which
 * excess formula, whether 0-day stays count, …), since agreements often leave these unpublished.
 */
import { formatFixed } from "../cells/numberText";
import type { Bilingual } from "../model";
import type { CareRules } from "./profileSchema";

const WORDS = {
  sv: {
    kind: { individual: "per vistelse", average: "snitt", hybrid: "snitt + långa vistelser per vistelse" },
    grace: "karensdagar",
    benchmark: "riktmärke",
    unknown: "okänt",
    formula: "över riktmärket betalas",
    formulas: {
      excessAverage: "(snitt − riktmärke) × vistelser",
      individualExcess: "varje vistelses dagar över riktmärket",
      allDays: "alla dagar i perioden",
    },
    zeroDaysIn: "0-dagar ingår",
    zeroDaysOut: "0-dagar ingår inte",
    longStays: "vistelser över {n} dagar debiteras enskilt",
    period: "period",
    periods: { month: "månad", quarter: "kvartal", halfYear: "halvår", rolling: "rullande, månader:" },
    units: { calendar: "kalenderdagar", weekdays: "vardagar" },
    fromNotice: "räknat från meddelandetid, brytpunkt kl.",
    price: "pris",
    priceSource: "Socialstyrelsens belopp per år",
    fixed: "fast",
    currency: "kr",
  },
  en: {
    kind: { individual: "per stay", average: "average", hybrid: "average + long stays per stay" },
    grace: "grace days",
    benchmark: "benchmark",
    unknown: "unknown",
    formula: "above the benchmark, paid:",
    formulas: {
      excessAverage: "(average − benchmark) × stays",
      individualExcess: "each stay's days above the benchmark",
      allDays: "every day of the period",
    },
    zeroDaysIn: "0-day stays included",
    zeroDaysOut: "0-day stays excluded",
    longStays: "stays over {n} days billed individually",
    period: "period",
    periods: { month: "month", quarter: "quarter", halfYear: "half-year", rolling: "rolling, months:" },
    units: { calendar: "calendar days", weekdays: "weekdays" },
    fromNotice: "counted from the notice time, cut-off at",
    price: "price",
    priceSource: "Socialstyrelsen's amount per year",
    fixed: "fixed",
    currency: "SEK",
  },
} as const;

export function describeRules(r: CareRules): Bilingual {
  return { sv: describe(r, "sv"), en: describe(r, "en") };
}

function describe(r: CareRules, lang: "sv" | "en"): string {
  const t = WORDS[lang];
  const number = (n: number, decimals: number) => formatFixed(n, decimals, lang);
  const parts: string[] = [t.kind[r.kind]];
  if (r.kind === "individual") parts.push(`${r.graceDays} ${t.grace}`);
  if (r.kind !== "individual") {
    parts.push(`${t.benchmark} ${r.benchmark === null ? t.unknown : number(r.benchmark, 1)}`);
    parts.push(`${t.formula} ${t.formulas[r.excessFormula]}`);
    parts.push(r.zeroDays ? t.zeroDaysIn : t.zeroDaysOut);
  }
  if (r.kind === "hybrid" && r.longStayLimit !== null) {
    parts.push(`${t.longStays.replace("{n}", String(r.longStayLimit))} (${r.longStayGraceDays} ${t.grace})`);
  }
  parts.push(`${t.period} ${t.periods[r.period.kind]}${r.period.kind === "rolling" ? ` ${r.period.months}` : ""}`);
  parts.push(t.units[r.counting.unit]);
  if (r.counting.start === "noticeTime" && r.counting.cutoffHour !== null) parts.push(`${t.fromNotice} ${r.counting.cutoffHour}:00`);
  parts.push(`${t.price}: ${r.price.source === "fixed" ? `${t.fixed} ${number(r.price.amount, 0)} ${t.currency}` : t.priceSource}`);
  return parts.join(", ");
}
