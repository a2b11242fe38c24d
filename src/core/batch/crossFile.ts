/**
 * One stay in several files (a review of a folder of monthly bases): the same stay invoiced again
 * with the same identifying fields (CROSS_FILE_DUPLICATE), or re-invoiced with other dates,
 * municipality or unit (CROSS_FILE_REINVOICED). A stay is "the same" when its base key is: the
 * stay id where the sheet has one, else the digest of its identifying fields (stays/stayKey.ts),
 * so without a stay id only a duplicate can be recognised, not a re-invoice.
 *
 * What the figures do (and every message says): the stay counts once. The latest version counts
 * (the fingerprint of its last occurrence, files in the order reviewed), on its first countable
 * occurrence; ASSUMED: a later invoice corrects an earlier one. The rows of the stay in the other
 * files leave the figures; what they invoice stays in the invoiced totals, so the difference
 * shows the double invoicing. Repeats within one file are left to DUPLICATE_STAY as before.
 */
import { formatDay, type LocalDateTime } from "../cells/localDate";
import { severityOf } from "../checks/catalog";
import type { Bilingual, Finding } from "../model";
import type { Field } from "../sheet/fields";
import { baseOfKey, type KeyedStay } from "../stays/stayKey";
import type { KeyedStays, StayDetails } from "./compactStays";

/** A place in a batch: file, sheet and Excel row. */
export interface BatchPlace {
  file: string;
  sheet: string;
  row: number;
}

/** A finding of a batch review: every finding names its file; a cross-file one also the other rows. */
export interface BatchFinding extends Finding {
  /** The file of the row (empty for a finding about the combined figures). */
  file: string;
  /** The other files' rows of the same stay (cross-file findings). */
  related?: BatchPlace[];
}

export interface CrossFileInput {
  file: string;
  /** The file's stays by key (keyWorkbookStays over the reviewed sheets, or its CompactStays), with their fields. */
  stays: KeyedStays;
  /** Whether the file's own review counted the row in its figures. */
  inFigures: (sheet: string, row: number) => boolean;
  /** The stay id column's letter per sheet, where mapped (for the finding's columns). */
  stayIdColumn?: (sheet: string) => string | null;
}

export interface CrossFileOutcome {
  findings: BatchFinding[];
  /** Per input (same order), `${sheet}!${row}` of rows another file's row counts for. */
  leaveOut: Set<string>[];
  /** Stays met in more than one file. */
  stays: number;
}

interface Occurrence {
  f: number;
  stay: KeyedStay;
  countable: boolean;
}

export function crossFileStays(files: readonly CrossFileInput[]): CrossFileOutcome {
  if (files.length < 2) return { findings: [], leaveOut: files.map(() => new Set<string>()), stays: 0 };
  const byBase = new Map<string, Occurrence[]>();
  files.forEach((input, f) => {
    for (const stay of input.stays.stays) {
      const base = baseOfKey(stay.key);
      const list = byBase.get(base);
      const occ = { f, stay, countable: false };
      if (list) list.push(occ);
      else byBase.set(base, [occ]);
    }
  });

  const leaveOut = files.map(() => new Set<string>());
  const findings: BatchFinding[] = [];
  let stays = 0;
  for (const [base, list] of byBase) {
    if (list[0].f === list[list.length - 1].f) continue; // one file only (lists are in file order)
    stays++;
    for (const o of list) o.countable = files[o.f].inFigures(o.stay.sheet, o.stay.row);
    const counted = countedOccurrence(list);
    if (counted) {
      for (const o of list) if (o.f !== counted.f && o.countable) leaveOut[o.f].add(`${o.stay.sheet}!${o.stay.row}`);
    }
    list.forEach((o, j) => {
      const inCombined = o.countable && counted !== null && o.f === counted.f;
      if (o.f === list[0].f) {
        // A row of the first file: a finding only when it leaves the figures (the later rows name it otherwise).
        if (!o.countable || inCombined) return;
        let q = j + 1;
        while (list[q].f === o.f) q++; // the nearest row of a later file
        findings.push(crossFileFinding(files, base, o, list[q], counted, false));
        return;
      }
      let p = j - 1;
      while (list[p].f === o.f) p--; // the nearest row of an earlier file
      findings.push(crossFileFinding(files, base, o, list[p], counted, inCombined));
    });
  }
  return { findings, leaveOut, stays };
}

/**
 * The occurrence the figures count: the first countable one of the latest version (the run of
 * equal fingerprints at the end); when none of those can be counted, the latest countable one.
 */
function countedOccurrence(list: readonly Occurrence[]): Occurrence | null {
  const latest = list[list.length - 1].stay.fingerprint;
  let start = list.length - 1;
  while (start > 0 && list[start - 1].stay.fingerprint === latest) start--;
  for (let j = start; j < list.length; j++) if (list[j].countable) return list[j];
  for (let j = start - 1; j >= 0; j--) if (list[j].countable) return list[j];
  return null;
}

const IDENTIFYING: Field[] = ["personId", "admissionDate", "readyDate", "dischargeDate", "municipality", "unit"];

function crossFileFinding(files: readonly CrossFileInput[], base: string, o: Occurrence, p: Occurrence, counted: Occurrence | null, inCombined: boolean): BatchFinding {
  const same = o.stay.fingerprint === p.stay.fingerprint;
  const code = same ? "CROSS_FILE_DUPLICATE" : "CROSS_FILE_REINVOICED";
  const other = place(files, p);
  const label = stayLabel(base);
  const first = same
    ? {
        sv: `Vistelsen ${label.sv} faktureras också i ${other.sv}, med samma patient, datum, kommun och avdelning.`,
        en: `The stay ${label.en} is also invoiced in ${other.en}, with the same patient, dates, municipality and unit.`,
      }
    : reinvoiced(label, other, files[p.f].stays.stay(p.stay.key), files[o.f].stays.stay(o.stay.key), p.f < o.f);
  const fate = inCombined
    ? { sv: `Raden räknas med; raden i ${other.sv} räknas inte.`, en: `This row is counted; the row in ${other.en} is not.` }
    : {
        sv: `Raden tas inte med i beräkningen (det den fakturerar står kvar i Fakturerat); ${counted ? `siffrorna räknar vistelsen på ${place(files, counted).sv}` : "ingen av vistelsens rader kan tas med i beräkningen"}.`,
        en: `This row is left out of the figures (what it invoices stays in Invoiced); ${counted ? `the figures count the stay on ${place(files, counted).en}` : "none of the stay's rows can enter the figures"}.`,
      };
  const related: BatchPlace[] = [where(files, p)];
  if (counted && counted !== o && counted !== p) related.push(where(files, counted));
  const idColumn = base.startsWith("id:") ? files[o.f].stayIdColumn?.(o.stay.sheet) ?? null : null;
  return {
    code,
    severity: severityOf(code),
    file: files[o.f].file,
    sheet: o.stay.sheet,
    row: o.stay.row,
    columns: idColumn ? [idColumn] : [],
    fields: base.startsWith("id:") ? ["stayId"] : IDENTIFYING,
    message: { sv: `${first.sv} ${fate.sv}`, en: `${first.en} ${fate.en}` },
    related,
  };
}

function where(files: readonly CrossFileInput[], o: Occurrence): BatchPlace {
  return { file: files[o.f].file, sheet: o.stay.sheet, row: o.stay.row };
}

function place(files: readonly CrossFileInput[], o: Occurrence): Bilingual {
  const file = files[o.f].file;
  return { sv: `${file}, ${o.stay.sheet} rad ${o.stay.row}`, en: `${file}, ${o.stay.sheet} row ${o.stay.row}` };
}

function stayLabel(base: string): Bilingual {
  if (base.startsWith("id:")) {
    const id = `"${base.slice(3)}"`;
    return { sv: id, en: id };
  }
  return { sv: "(utan vårdtillfälles-id)", en: "(no stay id)" };
}

function dateText(v: LocalDateTime | null): string {
  if (v === null) return "–";
  if (v.minute === null) return formatDay(v.day);
  const hh = String(Math.floor(v.minute / 60)).padStart(2, "0");
  const mm = String(v.minute % 60).padStart(2, "0");
  return `${formatDay(v.day)} ${hh}:${mm}`;
}

/**
 * What changed between the two invoicings, field by field (identity numbers named, not shown).
 * `otherFirst`: the other row is the earlier invoicing; else this row is, and the other re-invoices it.
 */
function reinvoiced(label: Bilingual, other: Bilingual, otherStay: StayDetails | undefined, thisStay: StayDetails | undefined, otherFirst: boolean): Bilingual {
  const [before, after] = otherFirst ? [otherStay, thisStay] : [thisStay, otherStay];
  const changes: Bilingual[] = [];
  if (before && after) {
    const dates: ["admission" | "ready" | "discharge", string, string][] = [
      ["admission", "inskrivning", "admission"],
      ["ready", "utskrivningsklar", "discharge-ready"],
      ["discharge", "utskrivning", "discharge"],
    ];
    for (const [field, sv, en] of dates) {
      const a = dateText(before[field]);
      const b = dateText(after[field]);
      if (a !== b) changes.push({ sv: `${sv} ${a} → ${b}`, en: `${en} ${a} → ${b}` });
    }
    const texts: ["municipality" | "unit", string, string][] = [
      ["municipality", "kommun", "municipality"],
      ["unit", "avdelning", "unit"],
    ];
    for (const [field, sv, en] of texts) {
      const a = String(before[field] ?? "–").trim();
      const b = String(after[field] ?? "–").trim();
      if (a.toLowerCase() !== b.toLowerCase()) changes.push({ sv: `${sv} ${a} → ${b}`, en: `${en} ${a} → ${b}` });
    }
    const person = (s: StayDetails) => s.personId?.normalized ?? (s.personIdRaw ?? "").replace(/\s+/g, "");
    if (person(before) !== person(after)) changes.push({ sv: "personnummer ändrat", en: "identity number changed" });
  }
  const list = (lang: "sv" | "en") => (changes.length ? changes.map((c) => c[lang]).join(", ") : lang === "sv" ? "andra uppgifter" : "other details");
  const rule = {
    sv: "Den senaste faktureringen gäller (ANTAGET: en senare faktura rättar en tidigare).",
    en: "The latest invoicing stands (ASSUMED: a later invoice corrects an earlier one).",
  };
  return otherFirst
    ? {
        sv: `Vistelsen ${label.sv} fakturerades redan i ${other.sv}, med andra uppgifter: ${list("sv")}. ${rule.sv}`,
        en: `The stay ${label.en} was invoiced before in ${other.en}, with other details: ${list("en")}. ${rule.en}`,
      }
    : {
        sv: `Vistelsen ${label.sv} faktureras igen i ${other.sv}, med andra uppgifter: ${list("sv")}. ${rule.sv}`,
        en: `The stay ${label.en} is invoiced again in ${other.en}, with other details: ${list("en")}. ${rule.en}`,
      };
}
