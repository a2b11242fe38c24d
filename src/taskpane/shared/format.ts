/**
 * Numbers as the pane shows them: kronor, days with the profile's decimals, signed differences.
 * Intl's Swedish format groups thousands with a no-break space, so an amount never breaks.
 */
import type { Lang } from "../i18n";

const NBSP = "\u00a0";

export interface Format {
  /** 2 583 000 (kronor, no unit: the column says "kr"); "–" when unknown. */
  money(v: number | null): string;
  /** 2 583 000 kr. */
  kr(v: number | null): string;
  /** +10 500 / −10 500 / 0 (kronor). */
  signed(v: number | null): string;
  /** A number with exactly `decimals` decimals (days, averages: the profile's rounding). */
  fixed(v: number | null, decimals: number): string;
  count(v: number): string;
}

export function formatFor(lang: Lang): Format {
  const locale = lang === "sv" ? "sv-SE" : "en-GB";
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const fixedCache = new Map<number, Intl.NumberFormat>();
  const fixed = (d: number) => {
    let f = fixedCache.get(d);
    if (!f) fixedCache.set(d, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d })));
    return f;
  };
  const unit = lang === "sv" ? "kr" : "SEK";
  const moneyText = (v: number) => money.format(v).replace(/ /g, NBSP);
  return {
    money: (v) => (v === null ? "–" : moneyText(v)),
    kr: (v) => (v === null ? "–" : `${moneyText(v)}${NBSP}${unit}`),
    signed: (v) => (v === null ? "–" : v > 0 ? `+${moneyText(v)}` : moneyText(v)),
    fixed: (v, d) => (v === null ? "–" : fixed(d).format(v)),
    count: (v) => count.format(v).replace(/ /g, NBSP),
  };
}
