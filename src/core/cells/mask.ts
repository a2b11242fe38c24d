/**
 * Identity numbers in what the user sees. The core's findings quote cells as they stand; every
 * host passes every text it shows through `privateText` (masked unless the user reveals), so
 * the rule lives here once:
 * - a quote from the identity-number column is wrapped by `quoteId` in two invisible marks
 *   (Unicode isolates) and masked whole, whatever it holds (a garbled number is still personal);
 * - anywhere else, anything shaped like a Swedish identity number (10 or 12 digits, a real
 *   month and a day or a coordination day, any dash, plus sign or spaces before the last four)
 *   is masked, so an id typed into a unit, a municipality or a stay id does not leak either.
 * Masking keeps the birth date (it tells rows apart when checking) and hides the last four.
 */

// Birth date (6 or 8 digits), optional separator, four serial characters (digits or a reserve letter).
const ID_FORM = /^(\d{6}|\d{8})(\s*[-+\u2010-\u2015\u2212\uFE58\uFE63\uFF0B\uFF0D]\s*|\s*)([0-9A-Za-z]{4})$/;

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

/** Opens and closes a quote from the identity-number column (FIRST STRONG ISOLATE / POP DIRECTIONAL ISOLATE: invisible). */
export const ID_OPEN = "\u2068";
export const ID_CLOSE = "\u2069";

/** A cell of the identity-number column as a message quotes it: hosts mask it whole unless revealed. */
export function quoteId(raw: string): string {
  return ID_OPEN + raw.replace(/[\u2068\u2069]/g, "") + ID_CLOSE;
}

// Every dash a keyboard, a word processor or Excel's autocorrect puts in: hyphen-minus,
// hyphen, non-breaking hyphen, figure dash, en and em dash, minus sign, small and fullwidth forms.
const DASH = "\\-\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D";
const SPACE = "\\s\\u00a0\\u2007\\u202f";
/** YYMMDD with a real month and a day 01–31 or a coordination day 61–91. */
const BIRTH = "\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]|6[1-9]|[78]\\d|9[01])";
/**
 * 10 or 12 digits, optionally a dash or plus (with spaces around) or spaces before the last
 * four; with a dash or plus the serial may carry a reserve letter. Not inside a longer number.
 */
const PERSON_ID_IN_TEXT = new RegExp(
  `(?<!\\d)(?:\\d{2})?${BIRTH}` +
    `(?:[${SPACE}]*[${DASH}+\uFF0B][${SPACE}]*(?=[0-9A-Za-z]{0,3}\\d)[0-9A-Za-z]{4}(?![0-9A-Za-z])|[${SPACE}]*\\d{4}(?!\\d))`,
  "g",
);

/** A quote from the identity column, closed or cut off (a clipped message may lose its close). */
const QUOTED_ID = /\u2068([^\u2069]*)(?:\u2069|$)/g;

/** Masks every identity number inside a free text (a message quoting a raw cell, a name). */
export function maskIdsInText(text: string): string {
  if (text.indexOf(ID_OPEN) >= 0) text = text.replace(QUOTED_ID, (_m, raw: string) => maskPersonId(raw));
  return text.replace(PERSON_ID_IN_TEXT, maskPersonId).replace(/\u2069/g, "");
}

/** The quotes' marks dropped, numbers shown as written: what the user sees after asking to reveal. */
export function revealIdsInText(text: string): string {
  return text.indexOf(ID_OPEN) >= 0 || text.indexOf(ID_CLOSE) >= 0 ? text.replace(/[\u2068\u2069]/g, "") : text;
}

/** The one function every host passes shown text through: masked, unless the user asked to reveal. */
export function privateText(text: string, reveal: boolean): string {
  return reveal ? revealIdsInText(text) : maskIdsInText(text);
}
