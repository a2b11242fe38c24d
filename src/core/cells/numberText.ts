/**
 * Numbers written for people, with a fixed number of decimals: "10 500", "2,30" (sv) or
 * "10,500", "2.30" (en). Plain spaces and hyphen-minus, since the text also goes to terminals
 * and cells, where the no-break space and U+2212 that Intl uses for Swedish read badly.
 */
export function formatFixed(n: number, decimals: number, lang: "sv" | "en"): string {
  return new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  })
    .format(n)
    .replace(/\u00a0/g, " ")
    .replace(/\u2212/g, "-");
}
