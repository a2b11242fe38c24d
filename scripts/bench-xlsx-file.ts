/**
 * The .xlsx files the reader benchmarks read: the synthetic stays of bench-stays.ts written by
 * exceljs's streaming writer (shared strings, dates as date cells with a number format), as a
 * typical export is. Writing 1,048,576 rows takes about a minute, so a file is written once per
 * size and kept in the temporary directory for the next runs (its name carries the size and a
 * version of this generator). With `flagEvery`, every flagEvery-th stay gets a wrong check digit
 * in its personnummer, so the review flags those rows and a marked copy has marks to write.
 */
import ExcelJS from "exceljs";
import { existsSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cleanStay, epochDayOf, HEADERS, prng, type SyntheticStay } from "./bench-stays";

const OCT_1 = epochDayOf(2023, 10, 1);
const OCT_31 = epochDayOf(2023, 10, 31);
/** Bump when the generator changes, so kept files are written again. */
const GENERATOR_VERSION = 1;

/** The last digit moved by one: the Luhn check then fails (INVALID_PERSON_ID, an error). */
export function breakCheckDigit(id: string): string {
  const last = Number(id[id.length - 1]);
  return id.slice(0, -1) + String((last + 1) % 10);
}

/** Writes `rows` rows in all (the header and rows − 1 stays) to `file`. */
export async function writeBenchXlsx(file: string, rows: number, flagEvery = 0): Promise<void> {
  const rand = prng(rows);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet("Fakturaunderlag");
  ws.addRow([...HEADERS]).commit();
  const asDate = (m: number | null) => (m === null ? null : new Date(m * 60_000));
  for (let i = 1; i < rows; i++) {
    const s: SyntheticStay = cleanStay(rand, i, OCT_1, OCT_31);
    const personId = flagEvery > 0 && i % flagEvery === 0 ? breakCheckDigit(s.personId) : s.personId;
    const row = ws.addRow([
      personId, s.stayId, asDate(s.admission), asDate(s.ready), asDate(s.discharge), s.municipality, s.residence, s.careType,
      s.unit, s.cause, null, asDate(s.admissionNotice), s.sipNeeded, asDate(s.sipInvitation), s.careContact,
      s.days, s.billedDays, s.price, s.amount,
    ]);
    for (const c of [3, 4, 5, 12, 14]) row.getCell(c).numFmt = "yyyy-mm-dd hh:mm";
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** The kept file of `rows` rows (every flagEvery-th flagged), written first if absent. */
export async function benchXlsxFile(rows: number, flagEvery = 0): Promise<string> {
  const flagged = flagEvery > 0 ? `-flag${flagEvery}` : "";
  const file = path.join(tmpdir(), `bench-invoice-basis-${rows}${flagged}-v${GENERATOR_VERSION}.xlsx`);
  if (existsSync(file)) return file;
  const partial = `${file}.${process.pid}.partial`;
  await writeBenchXlsx(partial, rows, flagEvery);
  renameSync(partial, file); // never leave half a file under the kept name
  return file;
}
