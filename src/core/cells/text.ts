/**
 * Text normalisation shared by header matching and value comparison: headers and
 * municipality names arrive with varying case, accents, punctuation and suffixes.
 */

/** Lower case, accents stripped (å→a, ö→o, é→e), punctuation to single spaces, trimmed. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * A comparison key for a municipality: "1380 Halmstads kommun" → "halmstads", "HALMSTAD" →
 * "halmstad". The genitive s stays: use sameMunicipality() to compare.
 */
export function municipalityKey(name: string): string {
  return normalizeText(name)
    .replace(/^\d{4}\s+/, "")
    .replace(/\s+(kommun|stad|municipality)$/, "");
}

/**
 * Whether two texts name the same municipality. Codes decide when both carry one; otherwise
 * the keys, allowing the genitive s of "Halmstads kommun" (while "Borås"/"Bollnäs kommun",
 * whose names end in s, still match themselves).
 */
export function sameMunicipality(a: string, b: string): boolean {
  const ca = codeOf(a);
  const cb = codeOf(b);
  if (ca && cb) return ca === cb;
  const ka = municipalityKey(a);
  const kb = municipalityKey(b);
  return ka === kb || ka + "s" === kb || ka === kb + "s";
}

/** The four-digit municipality code at the start of a name ("1380 Halmstad" → "1380"), if any. */
export function codeOf(name: string): string | null {
  const m = /^\s*(\d{4})\b/.exec(name);
  return m ? m[1] : null;
}
