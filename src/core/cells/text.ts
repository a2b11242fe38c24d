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
 * A comparison key for a municipality: "1380 Halmstads kommun", "Halmstad" and "HALMSTAD"
 * compare equal. A leading four-digit municipality code is kept apart by codeOf().
 */
export function municipalityKey(name: string): string {
  let t = normalizeText(name).replace(/^\d{4}\s+/, "");
  t = t.replace(/\s+(kommun|stad|municipality)$/, "");
  // Genitive "Halmstads kommun" → "halmstad"; only when a suffix was present, since
  // names such as "Borås" legitimately end in s.
  if (t !== normalizeText(name).replace(/^\d{4}\s+/, "") && t.endsWith("s")) t = t.slice(0, -1);
  return t;
}

/** The four-digit municipality code at the start of a name ("1380 Halmstad" → "1380"), if any. */
export function codeOf(name: string): string | null {
  const m = /^\s*(\d{4})\b/.exec(name);
  return m ? m[1] : null;
}
