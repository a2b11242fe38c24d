/**
 * Month names in Swedish and English, full and abbreviated, lower case: what title rows
 * ("Fakturaunderlag oktober 2023") and text dates ("7 okt. 2023", "7 Oct 2023") use.
 */
export const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2,
  mars: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  maj: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  augusti: 8, august: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

/** A regex alternative of every name, longest first so that "mars" is not read as "mar" + "s". */
export const MONTH_ALTERNATIVES = `(${Object.keys(MONTH_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join("|")})`;
