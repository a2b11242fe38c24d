/**
 * Writes a synthetic invoice basis of `rows` rows (header included) as an .xlsx with exceljs's
 * streaming writer, dates as real date cells. Every `flagEvery`-th stay gets a wrong check digit
 * in its personnummer, so the review flags those rows and a marked copy has marks to write.
 */
import ExcelJS from "exceljs";
import { cleanStay, epochDayOf, HEADERS, prng, type SyntheticStay } from "./bench-stays";

const OCT_1 = epochDayOf(2023, 10, 1);
const OCT_31 = epochDayOf(2023, 10, 31);

/** The last digit moved by one: the Luhn check then fails (INVALID_PERSON_ID, an error). */
export function breakCheckDigit(id: string): string {
  const last = Number(id[id.length - 1]);
  return id.slice(0, -1) + String((last + 1) % 10);
}

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

if (require.main === module) {
  const [file, n, every] = process.argv.slice(2);
  writeBenchXlsx(file, Number(n), Number(every ?? 0)).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  });
}
