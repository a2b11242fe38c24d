/**
 * Three small monthly bases for the batch tests: a stay invoiced in two of them (V-1), a stay
 * re-invoiced with another discharge date (V-2), and October stays spread over two files.
 */
import type { CellValue, WorkbookGrids } from "../../../src/core/cells/cellValue";

/** Excel 1900 serial of a 2023 day: 2023-09-01 is 45170, 2023-10-01 is 45200. */
export const sep = (d: number) => 45169 + d;
export const oct = (d: number) => 45199 + d;

/** A Luhn-valid number for a synthetic person born 1940-01-01, serial n. */
export function pnr(n: number): string {
  const nine = `400101${String(n).padStart(3, "0")}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return `19${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}

export const HEADER = ["Personnummer", "Vårdtillfälle", "Inskrivningsdatum", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Belopp"];

/** A row: person n, stay id, ready and discharge serials (admitted two days before ready), municipality, amount. */
export function stayRow(n: number, id: string, ready: number, discharge: number, amount: number, municipality = "Halmstad"): CellValue[] {
  return [pnr(n), id, ready - 2, ready, discharge, municipality, amount];
}

/**
 * Under the law (3 grace days, 10 500 kr/day in 2023) the liable days are max(0, days − 3):
 * - September file: V-1 09-05→09-10 (5 days, 2 liable, invoiced 21 000), V-2 09-20→09-21 (1 day, 0, 0)
 * - October file:   V-1 again, same fields (invoiced 21 000 again), V-3 10-02→10-06 (4 days, 1, 10 500),
 *                   V-2 re-invoiced 09-20→09-24 (4 days, 1, 10 500)
 * - November file:  V-4 10-10→10-12 (2 days, 0, 0), V-5 10-20→10-20 (0 days, 0, 0)
 */
export const FILES: Record<string, CellValue[][]> = {
  "2023-09.xlsx": [HEADER, stayRow(1, "V-1", sep(5), sep(10), 21000), stayRow(2, "V-2", sep(20), sep(21), 0)],
  "2023-10.xlsx": [HEADER, stayRow(1, "V-1", sep(5), sep(10), 21000), stayRow(3, "V-3", oct(2), oct(6), 10500), stayRow(2, "V-2", sep(20), sep(24), 10500)],
  "2023-11.xlsx": [HEADER, stayRow(4, "V-4", oct(10), oct(12), 0), stayRow(5, "V-5", oct(20), oct(20), 0)],
};

export function grids(name: string): WorkbookGrids {
  return { dateSystem: "1900", sheets: [{ name: "Underlag", values: FILES[name] }] };
}
