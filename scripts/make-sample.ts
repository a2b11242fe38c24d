/**
 * Writes samples/fakturaunderlag-exempel.xlsx: a deterministic, Lifecare-like invoice basis for
 * October 2023 (Region Halland's six municipalities) with seeded errors, and
 * samples/fakturaunderlag-exempel.seeded.json listing each seeded error's code and Excel row.
 * Person ids are SYNTHETIC (valid check digits, invented birth dates and serials).
 *
 *   npm run sample
 */
import ExcelJS from "exceljs";
// exceljs's own zip library (a dependency of exceljs): used to pin the entries' dates.
import JSZip from "jszip";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  billedDaysOf, cleanStay, COL, epochDayOf, HEADERS, MIN_PER_DAY, PRICE_2023, prng, syntheticPersonId,
  type Minutes, type SyntheticStay,
} from "./bench-stays";

export const SAMPLE_PATH = path.join(__dirname, "..", "samples", "fakturaunderlag-exempel.xlsx");
export const MANIFEST_PATH = path.join(__dirname, "..", "samples", "fakturaunderlag-exempel.seeded.json");

const HEADER_ROW = 4;
const CLEAN_STAYS = 390;
const OCT_1 = epochDayOf(2023, 10, 1);
const OCT_31 = epochDayOf(2023, 10, 31);

type Cell = string | number | boolean | Date | { error: string } | { formula: string; result: number } | null;

export interface SeededError {
  /** The finding code expected on that row; null: the row must be READ correctly (no error finding). */
  code: string | null;
  row: number;
  description: string;
  /** Only expected when the profile's condition is on (e.g. care contact required). */
  requiresCondition?: "careContact";
  /** Another row involved (the twin of a duplicate, the overlapped stay). */
  relatedRow?: number;
}

interface SeededRow {
  stay: SyntheticStay;
  /** Cell overrides by 0-based column, applied after the stay's own cells. */
  cells?: Partial<Record<number, Cell>>;
  seeded?: Omit<SeededError, "row" | "relatedRow">;
  /** Index (into the clean stays) of the row this one duplicates/overlaps. */
  relatesTo?: number;
}

const dateOf = (m: Minutes | null): Date | null => (m === null ? null : new Date(m * 60_000));

function stayCells(s: SyntheticStay): Cell[] {
  return [
    s.personId, s.stayId, dateOf(s.admission), dateOf(s.ready), dateOf(s.discharge), s.municipality, s.residence,
    s.careType, s.unit, s.cause, dateOf(s.death), dateOf(s.admissionNotice), s.sipNeeded, dateOf(s.sipInvitation),
    s.careContact, s.days, s.billedDays, s.price, s.amount,
  ];
}

/** Recomputes days, billed days and amount after a seeded change of dates. */
function withDates(s: SyntheticStay, change: Partial<SyntheticStay>): SyntheticStay {
  const next = { ...s, ...change };
  if (next.ready !== null && next.discharge !== null) {
    const days = Math.round((next.discharge - next.ready) / MIN_PER_DAY);
    next.days = days;
    next.billedDays = billedDaysOf(Math.max(0, days));
    next.amount = next.billedDays * PRICE_2023;
  }
  return next;
}

export function buildSample(): { rows: SeededRow[] } {
  const rand = prng(20231031);
  const clean: SyntheticStay[] = [];
  const ids = new Set<string>();
  for (let i = 0; clean.length < CLEAN_STAYS; i++) {
    const s = cleanStay(rand, i, OCT_1, OCT_31);
    if (ids.has(s.personId)) continue; // one stay per person: no accidental overlaps
    ids.add(s.personId);
    clean.push(s);
  }
  // Clean stays used as a base for seeded rows must have enough days for the error to show.
  const withDays = (min: number, skip: number) => clean.filter((s) => (s.days ?? 0) >= min)[skip];
  const d = (y: number, m: number, day: number, hh = 0, mm = 0) => epochDayOf(y, m, day) * MIN_PER_DAY + hh * 60 + mm;
  let serial = 0;
  const fresh = (base: SyntheticStay, n: number): SyntheticStay => ({
    ...base,
    personId: syntheticPersonId(epochDayOf(1938, 3, 1) + n * 97, 500 + serial++),
    stayId: `VT${String(4_000_000 + n).padStart(8, "0")}`,
  });

  const seeded: SeededRow[] = [];
  const badCheck = fresh(withDays(4, 0), 1);
  const last = Number(badCheck.personId.slice(-1));
  seeded.push({
    stay: { ...badCheck, personId: badCheck.personId.slice(0, -1) + String((last + 1) % 10) },
    seeded: { code: "INVALID_PERSON_ID", description: "check digit off by one" },
  });
  seeded.push({
    stay: { ...fresh(withDays(5, 1), 2), residence: "Göteborg" },
    seeded: { code: "NOT_RESIDENT", description: "registered in Göteborg, invoiced to a Halland municipality" },
  });
  const died = fresh(withDays(6, 2), 3);
  seeded.push({
    stay: { ...died, death: died.discharge, cause: "Avliden" },
    seeded: { code: "DECEASED", description: "died on the discharge day, cause Avliden" },
  });
  // A base whose ready date is late enough that the discharge stays inside October.
  const early = fresh(clean.filter((s) => (s.days ?? 0) >= 3 && s.ready! >= (OCT_1 + 5) * MIN_PER_DAY)[3], 4);
  seeded.push({
    stay: { ...early, discharge: early.ready! - 2 * MIN_PER_DAY, days: 0, billedDays: 0, amount: 0 },
    seeded: { code: "DISCHARGE_BEFORE_READY", description: "discharged two days before the ready date" },
  });
  const beforeAdm = fresh(withDays(2, 4), 5);
  seeded.push({
    stay: {
      ...beforeAdm,
      admission: beforeAdm.ready! + 2 * MIN_PER_DAY + 10 * 60,
      admissionNotice: beforeAdm.ready! + 2 * MIN_PER_DAY + 13 * 60,
      sipNeeded: "Nej",
      sipInvitation: null,
    },
    seeded: { code: "READY_BEFORE_ADMISSION", description: "ready date two days before the admission" },
  });
  const dupBase = 40;
  seeded.push({
    stay: { ...clean[dupBase] },
    seeded: { code: "DUPLICATE_STAY", description: "exact copy of another row (same person and stay id)" },
    relatesTo: dupBase,
  });
  const overlapBase = clean.findIndex((s, i) => i > 60 && (s.discharge! - s.admission) / MIN_PER_DAY >= 6);
  const ob = clean[overlapBase];
  seeded.push({
    stay: withDates(
      { ...ob, stayId: `VT${String(4_000_100).padStart(8, "0")}` },
      {
        admission: ob.admission + 2 * MIN_PER_DAY,
        admissionNotice: ob.admission + 2 * MIN_PER_DAY + 60,
        sipNeeded: "Nej",
        sipInvitation: null,
        ready: Math.floor(ob.admission / MIN_PER_DAY + 3) * MIN_PER_DAY,
        discharge: ob.discharge! + 4 * MIN_PER_DAY > OCT_31 * MIN_PER_DAY ? ob.discharge! : ob.discharge! + 4 * MIN_PER_DAY,
      },
    ),
    seeded: { code: "OVERLAPPING_STAYS", description: "same person, another stay id, admitted during the other stay" },
    relatesTo: overlapBase,
  });
  const mism = fresh(withDays(4, 5), 6);
  seeded.push({
    stay: mism,
    cells: { [COL["Antal dagar"]]: (mism.days ?? 0) + 2 },
    seeded: { code: "DAYS_MISMATCH", description: "Antal dagar two more than the dates give" },
  });
  const amt = fresh(withDays(6, 6), 7);
  seeded.push({
    stay: amt,
    cells: { [COL["Belopp"]]: (amt.amount ?? 0) + PRICE_2023 },
    seeded: { code: "AMOUNT_MISMATCH", description: "Belopp one day's price too high" },
  });
  seeded.push({
    stay: { ...fresh(withDays(2, 7), 8), ready: null },
    seeded: { code: "MISSING_FIELD", description: "Utskrivningsklar datum empty" },
  });
  seeded.push({
    stay: { ...fresh(withDays(3, 8), 9), discharge: null, days: null, billedDays: null, amount: null, cause: "" },
    seeded: { code: "STILL_ADMITTED", description: "no discharge date" },
  });
  seeded.push({
    stay: fresh(withDays(2, 9), 10),
    cells: { [COL["Antal dagar"]]: { error: "#N/A" } },
    seeded: { code: "INVALID_VALUE", description: "#N/A in Antal dagar" },
  });
  const textDate = withDates(fresh(withDays(1, 10), 11), {
    ready: d(2023, 10, 2),
    discharge: d(2023, 10, 5),
    admission: d(2023, 9, 28, 14, 10),
    admissionNotice: d(2023, 9, 28, 16, 0),
    sipInvitation: null,
    sipNeeded: "Nej",
  });
  seeded.push({
    stay: textDate,
    cells: { [COL["Utskrivningsdatum"]]: "2023-10-05" },
    seeded: { code: null, description: "Utskrivningsdatum as the text 2023-10-05: must be read as a date" },
  });
  const textNum = fresh(withDays(5, 11), 12);
  seeded.push({
    stay: textNum,
    cells: { [COL["Antal dagar"]]: String(textNum.days) },
    seeded: { code: null, description: "Antal dagar as text: must be read as a number" },
  });
  const sept = fresh(withDays(2, 12), 13);
  seeded.push({
    stay: withDates(sept, {
      admission: d(2023, 9, 10, 8, 30),
      admissionNotice: d(2023, 9, 10, 11, 0),
      ready: d(2023, 9, 14),
      discharge: d(2023, 9, 19),
      sipNeeded: "Nej",
      sipInvitation: null,
    }),
    seeded: { code: "OUTSIDE_PERIOD", description: "discharged 2023-09-19, outside the period 2023-10" },
  });
  const long = fresh(withDays(2, 13), 14);
  seeded.push({
    stay: withDates(long, {
      admission: d(2023, 8, 28, 10, 0),
      admissionNotice: d(2023, 8, 28, 12, 0),
      ready: d(2023, 9, 1),
      discharge: d(2023, 10, 20),
      sipNeeded: "Nej",
      sipInvitation: null,
    }),
    seeded: { code: "LONG_STAY", description: "49 discharge-ready days" },
  });
  const late = fresh(withDays(3, 14), 15);
  seeded.push({
    stay: { ...late, admissionNotice: late.admission + 3 * MIN_PER_DAY },
    seeded: { code: "ADMISSION_NOTICE_LATE", description: "admission notice three days after admission" },
  });
  seeded.push({
    stay: { ...fresh(withDays(4, 15), 16), sipNeeded: "Ja", sipInvitation: null },
    seeded: { code: "SIP_INVITATION_MISSING", description: "SIP needed, no invitation" },
  });
  seeded.push({
    stay: { ...fresh(withDays(4, 16), 17), careContact: "" },
    seeded: { code: "NO_CARE_CONTACT", description: "no care contact named", requiresCondition: "careContact" },
  });

  // Interleave: a seeded row after every ~20 clean rows, so they sit among ordinary rows.
  const rows: SeededRow[] = [];
  let k = 0;
  clean.forEach((s, i) => {
    rows.push({ stay: s });
    if (i % 20 === 19 && k < seeded.length) rows.push(seeded[k++]);
  });
  while (k < seeded.length) rows.push(seeded[k++]);
  // relatesTo indexed clean stays; keep the clean stay object to find its Excel row later.
  for (const r of rows) if (r.relatesTo !== undefined) (r as SeededRow & { twin?: SyntheticStay }).twin = clean[r.relatesTo];
  return { rows };
}

export async function writeSample(outPath = SAMPLE_PATH, manifestPath = MANIFEST_PATH): Promise<SeededError[]> {
  const { rows } = buildSample();
  const wb = new ExcelJS.Workbook();
  wb.creator = "utskrivningsklar-granskning sample generator";
  // Fixed dates: the file's bytes must not depend on the day it was generated.
  wb.created = new Date(Date.UTC(2023, 10, 1));
  wb.modified = new Date(Date.UTC(2023, 10, 1));
  const ws = wb.addWorksheet("Fakturaunderlag");
  ws.getCell("A1").value = "Fakturaunderlag – utskrivningsklara patienter";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = "Period: 2023-10";
  const header = ws.getRow(HEADER_ROW);
  HEADERS.forEach((h, i) => (header.getCell(i + 1).value = h));
  header.font = { bold: true };

  const dateCols = new Set([COL["Utskrivningsklar datum"], COL["Utskrivningsdatum"], COL["Dödsdatum"]]);
  const timeCols = new Set([COL["Inskrivningsdatum"], COL["Inskrivningsmeddelande skickat"], COL["Kallelse SIP skickad"]]);
  const manifest: SeededError[] = [];
  const rowOfStay = new Map<SyntheticStay, number>();
  rows.forEach((r, i) => rowOfStay.set(r.stay, HEADER_ROW + 1 + i));

  rows.forEach((r, i) => {
    const excelRow = HEADER_ROW + 1 + i;
    const cells = stayCells(r.stay);
    for (const [c, v] of Object.entries(r.cells ?? {})) cells[Number(c)] = v as Cell;
    const row = ws.getRow(excelRow);
    cells.forEach((v, c) => {
      if (v === null || v === "") return;
      const cell = row.getCell(c + 1);
      cell.value = v as ExcelJS.CellValue;
      if (v instanceof Date) cell.numFmt = timeCols.has(c) ? "yyyy-mm-dd hh:mm" : dateCols.has(c) ? "yyyy-mm-dd" : "yyyy-mm-dd";
      if (c === COL["Pris per dygn"] || c === COL["Belopp"]) cell.numFmt = "# ##0";
    });
    if (r.seeded) {
      const twin = (r as SeededRow & { twin?: SyntheticStay }).twin;
      manifest.push({ ...r.seeded, row: excelRow, ...(twin ? { relatedRow: rowOfStay.get(twin) } : {}) });
    }
  });

  const first = HEADER_ROW + 1;
  const lastRow = HEADER_ROW + rows.length;
  const total = ws.getRow(lastRow + 1);
  total.getCell(1).value = "Summa";
  total.font = { bold: true };
  const sum = (c: number) =>
    rows.reduce((s, r) => {
      const override = r.cells?.[c];
      const v = override !== undefined ? override : stayCells(r.stay)[c];
      return s + (typeof v === "number" ? v : 0);
    }, 0);
  for (const name of ["Antal dagar", "Debiterade dagar", "Belopp"] as const) {
    const c = COL[name];
    const letter = ws.getColumn(c + 1).letter;
    total.getCell(c + 1).value = { formula: `SUM(${letter}${first}:${letter}${lastRow})`, result: sum(c) };
  }
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 16 : 14));
  ws.views = [{ state: "frozen", ySplit: HEADER_ROW }];

  const notes = wb.addWorksheet("Anteckningar");
  notes.getCell("A1").value = "Anteckningar";
  notes.getCell("A2").value = "Exempelfil med påhittade (syntetiska) personnummer – inga verkliga personer.";
  notes.getCell("A3").value = "Synthetic example: personal identity numbers are invented; they do not belong to real people.";
  notes.getCell("A4").value = "Kontaktperson";
  notes.getCell("B4").value = "Ekonomienheten";

  mkdirSync(path.dirname(outPath), { recursive: true });
  writeFileSync(outPath, await withFixedZipDates(Buffer.from(await wb.xlsx.writeBuffer())));
  writeFileSync(manifestPath, JSON.stringify({ sheet: "Fakturaunderlag", headerRow: HEADER_ROW, totalRow: lastRow + 1, seeded: manifest }, null, 2) + "\n");
  return manifest;
}

/** The zip entries carry the time of writing; pin them so the committed sample is byte-stable. */
async function withFixedZipDates(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new JSZip();
  const date = new Date(Date.UTC(2023, 10, 1));
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("nodebuffer"), { date, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

if (require.main === module) {
  writeSample().then(
    (m) => console.log(`Wrote ${path.relative(process.cwd(), SAMPLE_PATH)} with ${m.length} seeded rows; manifest ${path.relative(process.cwd(), MANIFEST_PATH)}`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
