/**
 * Masking of identity numbers in messages and lists. The birth date stays (it tells rows apart
 * when checking), the last four characters, which make the number personal, are hidden.
 */

// Birth date (6 or 8 digits), optional separator, four serial characters (digits or a reserve letter).
const ID_FORM = /^(\d{6}|\d{8})(\s*[-+]\s*|)([0-9A-Za-z]{4})$/;

/**
 * "19800101-1234" → "19800101-****", "198001011234" → "19800101****", "800101+1234" →
 * "800101+****", "19800101-R123" → "19800101-****". Anything else becomes stars of the same
 * length, so nothing of an unrecognised number leaks.
 */
export function maskPersonId(text: string): string {
  const t = text.trim();
  const m = ID_FORM.exec(t);
  if (m) return m[1] + m[2] + "****";
  return "*".repeat(t.length);
}

/** 10 or 12 digits with an optional - or + before the last four: the shapes a Swedish id takes in free text. */
const PERSON_ID_IN_TEXT = /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/g;

/** Masks every identity number inside a free text (a message quoting a raw cell, a name). */
export function maskIdsInText(text: string): string {
  return text.replace(PERSON_ID_IN_TEXT, (m) => maskPersonId(m));
}
