/**
 * Identity numbers in the forms people type them, for the privacy tests: 10 or 12 digits,
 * personnummer or coordination number, right or wrong check digit, and every separator seen
 * before the last four (none, hyphen, plus for 100 years or more, spaces, en/em dash, minus
 * sign, non-breaking and Unicode hyphens, figure dash, a non-breaking space).
 */
import fc from "fast-check";
import type { CellValue, SheetGrid } from "../../src/core/cells/cellValue";

export const SEPARATORS = ["", "-", "+", " ", " - ", "\u2013", "\u2014", "\u2212", "\u2011", "\u2010", "\u2012", "\u00a0", "  ", " \u2013 "];

export interface IdForm {
  /** As planted in the cell. */
  text: string;
  /** YYMMDDNNNC: what must never be readable in a masked output, whatever the separators. */
  ten: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function luhnDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

export interface IdParts {
  year: number;
  month: number;
  day: number;
  coordination: boolean;
  serial: number;
  validCheck: boolean;
  twelve: boolean;
  separator: string;
}

export function idForm(p: IdParts): IdForm {
  const birth = `${pad(p.year % 100)}${pad(p.month)}${pad(p.day + (p.coordination ? 60 : 0))}`;
  const nine = birth + pad(p.serial, 3);
  const check = (luhnDigit(nine) + (p.validCheck ? 0 : 1)) % 10;
  const ten = nine + check;
  const century = p.twelve ? String(Math.floor(p.year / 100)) : "";
  return { text: century + birth + p.separator + ten.slice(6), ten };
}

export const idParts: fc.Arbitrary<IdParts> = fc.record({
  year: fc.integer({ min: 1905, max: 2022 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  coordination: fc.boolean(),
  serial: fc.integer({ min: 0, max: 999 }),
  validCheck: fc.boolean(),
  twelve: fc.boolean(),
  separator: fc.constantFrom(...SEPARATORS),
});

/** Where a form is planted: the identity column, or the text of another column. */
export const PLACES = ["personId", "unit", "residence", "municipality", "stayId", "cause", "readyDate", "comment"] as const;
export type Place = (typeof PLACES)[number];

/** The places whose text a finding's message quotes (so a revealed output must show it). */
export const QUOTED_PLACES: ReadonlySet<Place> = new Set(["unit", "residence", "municipality", "stayId", "cause", "readyDate"]);

export const HEADER = [
  "Personnummer", "Vårdtillfälle", "Kommun", "Folkbokförd kommun", "Vårdform", "Avdelning", "Utskrivningsorsak",
  "Inskrivningsdatum", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommentar",
];

/** Excel 1900 serial of an October 2023 day: 2023-10-01 is 45200. */
const oct = (d: number) => 45199 + d;

/** A valid number for row k that no planted form can equal (born 1940-01-01 + k, serial 9xx). */
function cleanId(k: number): string {
  const nine = `4001${pad(1 + (k % 28))}9${pad(k % 100)}`;
  return `19${nine}${luhnDigit(nine)}`;
}

/**
 * A sheet of plain stays with each form planted on a row of its own, in its place. A stay id
 * form is planted on two rows of the same patient (a duplicate: DUPLICATE_STAY quotes it).
 */
export function sheetWith(plants: { form: IdForm; place: Place }[]): SheetGrid {
  const rows: CellValue[][] = [["Fakturaunderlag oktober 2023"], HEADER];
  const stay = (k: number): CellValue[] => [cleanId(k), `VT-${1000 + k}`, "Halmstad", "Halmstad", "Somatik", "Medicin 3", "Hem", oct(1), oct(2), oct(6), ""];
  rows.push(stay(0), stay(1));
  plants.forEach(({ form, place }, i) => {
    const k = 2 + i * 2;
    const row = stay(k);
    switch (place) {
      case "personId": row[0] = form.text; break;
      case "stayId": row[1] = `VT ${form.text}`; break;
      case "municipality": row[2] = `Halmstad ${form.text}`; break;
      case "residence": row[3] = `Laholm ${form.text}`; break;
      case "unit": row[5] = `Psykiatri avd ${form.text}`; break;
      case "cause": row[6] = `Avliden ${form.text}`; break;
      case "readyDate": row[8] = `ej klar ${form.text}`; break;
      case "comment": row[10] = `ring om ${form.text}`; break;
    }
    rows.push(row);
    if (place === "stayId") rows.push([...row]);
  });
  return { name: "Oktober", values: rows };
}

const STRIP = /[\s\u2068\u2069\u2010-\u2015\u2212\uFE58\uFE63\uFF0D+-]/g;

/** The planted numbers readable in a text (separators of any kind ignored). */
export function unmaskedIn(text: string, forms: readonly IdForm[]): string[] {
  const flat = text.replace(STRIP, "");
  return forms.filter((f) => flat.includes(f.ten)).map((f) => f.text);
}
