/**
 * Reads an invoice-basis sheet into a table of stays (stayTable.ts): one per data row below the header. Blank rows,
 * repeated header rows and total rows are skipped and reported; an unreadable cell leaves its
 * field empty and becomes an INVALID_VALUE finding naming sheet, row, column and value.
 *
 * Built for a million rows: numbers take a fast path before any string work, repeated texts
 * (municipality, unit, care type) and dates are interned, and values go straight into typed
 * columns: no object per row.
 */
import { isExcelError, isFormulaWithoutValue, type CellValue, type DateSystem, type SheetGrid } from "../cells/cellValue";
import { dateFromSerial, parseDateCell, slashDateOrder } from "../cells/dates";
import { severityOf } from "../checks/catalog";
import { formatNumber, shortText } from "../checks/messages";
import type { LocalDateTime } from "../cells/localDate";
import { quoteId } from "../cells/mask";
import { parseNumberCell } from "../cells/numbers";
import { fastPersonNumber, parsePersonId } from "../cells/personId";
import { normalizeText } from "../cells/text";
import type { Bilingual, CareType, Finding, MappingOverride, SkippedRows, Stay } from "../model";
import { careTypeOf, emptyCareTypeCounts, sheetCareType, unitCareType, type CareTypeDecision } from "./careTypeHints";
import { detectSheet } from "./detectSheet";
import { FIELD_LABELS, type Field } from "./fields";
import type { SheetReading } from "./sheetReading";
import { CARE_CODE, COUNT_DATE_FIELDS, EMPTY, LAZY, NUMBER_BIT, StayTable, type LazyText, type LazyTextSource } from "./stayTable";

export { careTypeOf };

// Module-local copies of what the row loop uses on every cell: under a CommonJS transform an
// imported binding is read through an accessor call (measurable at a million rows).
const NONE = EMPTY;
const COUNT_DATES = COUNT_DATE_FIELDS;
const PSYCHIATRIC_CODE: number = CARE_CODE.psychiatric;
const LAZY_PERSON = LAZY.personIdRaw;
const LAZY_STAY_ID = LAZY.stayId;
const LAZY_CONTACT = LAZY.careContact;
const parsePersonIdCell = parsePersonId;
const fastPerson = fastPersonNumber;

export interface ReadOptions {
  dateSystem: DateSystem;
  override?: MappingOverride;
  /** Decides the century of ten-digit identity numbers (the year of the review). */
  referenceYear: number;
  /** The user's care type for every row of the sheet (wins over the column and every hint). */
  careType?: CareType;
}

/** How a field's cells are read. */
const enum Kind {
  PersonId,
  Text,
  Id,
  CareType,
  Contact,
  Date,
  Number,
  Bool,
}

const KIND: Record<Field, Kind> = {
  personId: Kind.PersonId,
  stayId: Kind.Id,
  admissionDate: Kind.Date,
  readyDate: Kind.Date,
  dischargeDate: Kind.Date,
  municipality: Kind.Text,
  residenceMunicipality: Kind.Text,
  careType: Kind.CareType,
  unit: Kind.Text,
  dischargeCause: Kind.Text,
  deathDate: Kind.Date,
  statedDays: Kind.Number,
  billedDays: Kind.Number,
  pricePerDay: Kind.Number,
  amount: Kind.Number,
  admissionNoticeTime: Kind.Date,
  planningNeeded: Kind.Bool,
  sipInvitationTime: Kind.Date,
  careContact: Kind.Contact,
  readyWithdrawnDate: Kind.Date,
  newReadyDate: Kind.Date,
};

interface Reader {
  field: Field;
  kind: Kind;
  /** Index into a row of `values` (absolute column − originColumn); −1 when left of the grid. */
  index: number;
  letter: string;
  /** The header text, trimmed and lower-cased, to spot repeated header rows. */
  headerLower: string;
  /** Under a two-row header, the column's text in the group row (lower-cased; "" if none). */
  upperLower: string;
  /** The table column that dates, numbers and texts of this field go to. */
  column: Int32Array | Float64Array | null;
  /** A number field's presence bit (NUMBER_BIT). */
  bit: number;
  /** A number field's largest plausible size (|value|); beyond it the value is a finding, not arithmetic. */
  limit: number;
  /** The last text cell read in this column and its text index: sorted sheets repeat a value for many rows. */
  lastCell: CellValue | undefined;
  lastText: number;
}

/**
 * The texts the table does not copy (stay ids, care contacts, identity numbers as written),
 * read again from the grid: the cell's text as the reader saw it, trimmed, a number written out.
 */
class GridTexts implements LazyTextSource {
  /** The reader sets a row's bit only for a non-blank text. */
  readonly nonBlank = true;

  constructor(
    private readonly values: SheetGrid["values"],
    private readonly originRow: number,
    private readonly columns: Record<LazyText, number>,
  ) {}

  text(_i: number, excelRow: number, which: LazyText): string {
    const cell = this.values[excelRow - this.originRow]?.[this.columns[which]];
    return typeof cell === "string" ? cell.trim() : String(cell);
  }
}

/** The table column of a field read by kind Date, Number or Text. */
function columnOf(table: StayTable, field: Field): Int32Array | Float64Array | null {
  switch (field) {
    case "admissionDate": return table.admission;
    case "readyDate": return table.ready;
    case "dischargeDate": return table.discharge;
    case "deathDate": return table.death;
    case "admissionNoticeTime": return table.admissionNotice;
    case "sipInvitationTime": return table.sipInvitation;
    case "readyWithdrawnDate": return table.readyWithdrawn;
    case "newReadyDate": return table.newReady;
    case "municipality": return table.municipality;
    case "residenceMunicipality": return table.residenceMunicipality;
    case "unit": return table.unit;
    case "dischargeCause": return table.dischargeCause;
    case "statedDays": return table.statedDays;
    case "billedDays": return table.billedDays;
    case "pricePerDay": return table.pricePerDay;
    case "amount": return table.amount;
    default: return null;
  }
}

/** Words that open a total row ("Summa", "Totalt", "Summa Halmstad", "Total:"). */
const TOTAL_WORDS = new Set(["summa", "totalt", "total", "totalsumma", "delsumma", "subtotal", "totals", "summering", "grand"]);

export function readSheet(sheet: SheetGrid, options: ReadOptions): SheetReading {
  const reader = new SheetReader(sheet, options);
  reader.readAll();
  return reader.reading;
}

/**
 * A sheet read in chunks: the review reads a few thousand rows into one small table, checks
 * them and adds them to the figures, then reads the next into the same table, so a million
 * rows never need a million rows of columns (memory freshly paged in costs more than the work
 * on it). `reading.table` is the table being filled: the whole sheet with readAll(), the current
 * chunk with readChunk().
 */
export class SheetReader {
  readonly reading: SheetReading;
  private readonly context: RowContext | null = null;
  private readonly readers: Reader[] = [];
  private readonly personReader: Reader | undefined;
  private readonly headersToMatch: number = 0;
  private readonly originRow: number;
  /** The next grid row to read. */
  private next: number;
  /** The reading state of stayAt(), and where its (already reported) findings go. */
  private again: RowContext | null = null;
  private readonly againFindings: Finding[] = [];
  /** The first data row's index in the grid. */
  private readonly firstData: number = 0;
  /** Per column (index into a row), whether its slash dates are month first: decided once, on its first slash date. */
  private readonly slashOrders = new Map<number, boolean>();

  /** `chunkRows`: the table's size for readChunk(); default: the whole sheet. */
  constructor(
    private readonly sheet: SheetGrid,
    private readonly options: ReadOptions,
    chunkRows?: number,
  ) {
    const detection = detectSheet(sheet, options.override);
    this.originRow = sheet.originRow ?? 1;
    const originColumn = sheet.originColumn ?? 0;
    const dataRows = detection.headerIndex === null ? 0 : Math.max(0, sheet.values.length - detection.headerIndex - 1);
    const table = new StayTable(sheet.name, chunkRows === undefined ? dataRows : Math.min(chunkRows, dataRows));
    this.reading = {
      sheet: sheet.name,
      headerRow: detection.headerRow,
      rows: 0,
      mapping: detection.mapping,
      unmappedHeaders: detection.unmappedHeaders,
      missingFields: detection.missingFields,
      skipped: [],
      table,
      findings: [],
      statedPeriod: detection.statedPeriod,
      confidence: detection.confidence,
      careType: {
        sheet: options.careType
          ? { type: options.careType, source: "user", text: null }
          : sheetCareType(sheet.name, detection.headerIndex === null ? [] : sheet.values.slice(0, detection.headerIndex)),
        column: detection.mapping.some((m) => m.field === "careType"),
        counts: emptyCareTypeCounts(),
      },
      notes: [],
    };
    this.next = sheet.values.length;
    if (detection.headerIndex === null) return;
    this.next = this.firstData = detection.headerIndex + 1;

    if (detection.headerRows === 2) this.reading.notes!.push(twoRowHeaderNote(sheet.name, detection.headerRow! - 1));
    const textsOf = (m: { column: number; header: string }) => detection.headerTexts.get(m.column) ?? [m.header];
    this.readers = detection.mapping.map((m) => ({
      field: m.field,
      kind: KIND[m.field],
      index: m.column - originColumn,
      letter: m.letter,
      headerLower: textsOf(m)[textsOf(m).length - 1].trim().toLowerCase(),
      upperLower: textsOf(m).length > 1 ? textsOf(m)[0].trim().toLowerCase() : "",
      column: columnOf(table, m.field),
      bit: m.field in NUMBER_BIT ? NUMBER_BIT[m.field as keyof typeof NUMBER_BIT] : 0,
      limit: NUMBER_LIMIT[m.field] ?? Infinity,
      lastCell: undefined,
      lastText: NONE,
    }));
    this.personReader = this.readers.find((r) => r.field === "personId");
    this.headersToMatch = this.readers.filter((r) => r.headerLower !== "").length;
    const lazyColumn = (field: Field) => this.readers.find((r) => r.field === field)?.index ?? -1;
    table.lazyTexts = new GridTexts(sheet.values, this.originRow, {
      personIdRaw: lazyColumn("personId"),
      stayId: lazyColumn("stayId"),
      careContact: lazyColumn("careContact"),
    });
    this.context = new RowContext(sheet.name, options, this.readers, this.reading.findings, table, this.monthFirst, this.reading.careType);
  }

  /** Reads every remaining row into the table (sized for the whole sheet). */
  readAll(): void {
    this.fill(Infinity);
  }

  /** Empties the table and reads the next rows into it, as many as it holds. false: none were left. */
  readChunk(): boolean {
    const table = this.reading.table;
    table.clear();
    if (this.context === null || this.next >= this.sheet.values.length) return false;
    this.fill(table.capacity);
    return table.length > 0;
  }

  /** Row `excelRow` read again, alone, as a Stay of its own (for a finding's message). */
  stayAt(excelRow: number): Stay | null {
    const row = this.sheet.values[excelRow - this.originRow];
    if (this.context === null || row === undefined) return null;
    // One table of one row and its reading state, made on first use and reused: a sheet copied
    // twice asks for hundreds of thousands of rows. Its findings were made the first time.
    if (this.again === null) {
      const one = new StayTable(this.sheet.name, 1);
      one.lazyTexts = this.reading.table.lazyTexts;
      const readers = this.readers.map((r) => ({ ...r, column: columnOf(one, r.field), lastCell: undefined }));
      // Its own counts: a row read again was counted the first time.
      const careType = { ...this.reading.careType, counts: emptyCareTypeCounts() };
      this.again = new RowContext(this.sheet.name, this.options, readers, this.againFindings, one, this.monthFirst, careType);
    }
    const one = this.again.table;
    one.clear();
    this.againFindings.length = 0;
    this.again.readRow(row, excelRow);
    return one.stay(0);
  }

  /**
   * Whether a column's slash dates are month first. 10/11/2023 reads either way; 25/11/2023
   * only day first and 11/25/2023 only month first. The whole column is looked at, once, on its
   * first slash date: the rows that decide set the order for all, the more of them when they
   * disagree; where none decides, the Swedish day first. The order is stated as a note.
   */
  private readonly monthFirst = (reader: Reader): boolean => {
    const known = this.slashOrders.get(reader.index);
    if (known !== undefined) return known;
    const seen = { dayFirst: 0, monthFirst: 0, either: 0 };
    const example: Partial<Record<keyof typeof seen, { row: number; text: string }>> = {};
    const values = this.sheet.values;
    for (let r = this.firstData; r < values.length; r++) {
      const v = values[r]?.[reader.index];
      if (typeof v !== "string" || v.indexOf("/") < 0) continue;
      const order = slashDateOrder(v);
      if (order === null) continue;
      seen[order]++;
      example[order] ??= { row: this.originRow + r, text: v.trim() };
    }
    const monthFirst = seen.monthFirst > seen.dayFirst;
    const note = slashOrderNote(this.sheet.name, reader, seen, example, monthFirst);
    if (note) this.reading.notes!.push(note);
    this.slashOrders.set(reader.index, monthFirst);
    return monthFirst;
  };

  private fill(limit: number): void {
    const ctx = this.context;
    if (ctx === null) return;
    const { values } = this.sheet;
    const { reading, readers, personReader, headersToMatch, originRow, options } = this;
    const table = reading.table;
    let r = this.next;
    for (; r < values.length && table.length < limit; r++) {
      const row = values[r] ?? [];
      const excelRow = originRow + r;
      if (isBlankRow(row)) skip(reading.skipped, excelRow, "blank");
      else if (headersToMatch > 0 && isRepeatedHeader(row, readers, headersToMatch)) skip(reading.skipped, excelRow, "repeated-header");
      else if (isTotalRow(row, personReader, options.referenceYear)) skip(reading.skipped, excelRow, "total");
      else {
        ctx.readRow(row, excelRow);
        reading.rows++;
      }
    }
    this.next = r;
  }
}

const ORDER_NAME = {
  day: { sv: "dag/månad/år", en: "day/month/year" },
  month: { sv: "månad/dag/år", en: "month/day/year" },
};

/** What a column's slash dates were read as, where the cells leave it open or a row decides; null where nothing needs saying. */
function slashOrderNote(
  sheet: string,
  reader: Reader,
  seen: { dayFirst: number; monthFirst: number; either: number },
  example: Partial<Record<"dayFirst" | "monthFirst" | "either", { row: number; text: string }>>,
  monthFirst: boolean,
): Bilingual | null {
  const label = FIELD_LABELS[reader.field];
  const where = { sv: `bladet "${sheet}", kolumn ${reader.letter} (${label.sv})`, en: `sheet "${sheet}", column ${reader.letter} (${label.en})` };
  const order = monthFirst ? ORDER_NAME.month : ORDER_NAME.day;
  const ex = (e: { row: number; text: string } | undefined) => (e ? `rad ${e.row} "${e.text}"` : "");
  const exEn = (e: { row: number; text: string } | undefined) => (e ? `row ${e.row} "${e.text}"` : "");
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  if (seen.dayFirst > 0 && seen.monthFirst > 0) {
    return {
      sv: `ANTAGET: i ${where.sv} går datum med snedstreck bara att läsa som dag/månad på ${seen.dayFirst} rader (t.ex. ${ex(example.dayFirst)}) och bara som månad/dag på ${seen.monthFirst} (t.ex. ${ex(example.monthFirst)}). Kolumnen läses som ${order.sv}, som flest rader visar; rader som bara går att läsa åt andra hållet blir fel.`,
      en: `ASSUMED: in ${where.en} slash dates read only as day/month on ${n(seen.dayFirst, "row")} (e.g. ${exEn(example.dayFirst)}) and only as month/day on ${seen.monthFirst} (e.g. ${exEn(example.monthFirst)}). The column is read as ${order.en}, as most of them show; rows that read only the other way are errors.`,
    };
  }
  const decider = monthFirst ? example.monthFirst : example.dayFirst;
  if (decider && (monthFirst || seen.either > 0)) {
    return {
      sv: `I ${where.sv} läses datum med snedstreck som ${order.sv}: ${ex(decider)} går bara att läsa så${seen.either > 0 ? `, och det avgör ${seen.either} datum som annars kunde läsas åt båda hållen` : ""}.`,
      en: `In ${where.en} slash dates are read as ${order.en}: ${exEn(decider)} reads only so${seen.either > 0 ? `, which decides ${n(seen.either, "date")} that could read either way` : ""}.`,
    };
  }
  if (seen.either > 0) {
    return {
      sv: `ANTAGET: i ${where.sv} kan ${seen.either} datum med snedstreck (t.ex. ${ex(example.either)}) läsas både som dag/månad och som månad/dag, och ingen rad avgör: de läses som dag/månad/år (svensk ordning).`,
      en: `ASSUMED: in ${where.en} ${n(seen.either, "slash date")} (e.g. ${exEn(example.either)}) read either as day/month or as month/day, and no row decides: ${seen.either === 1 ? "it is" : "they are"} read as day/month/year (the Swedish order).`,
    };
  }
  return null;
}

function twoRowHeaderNote(sheet: string, firstRow: number): Bilingual {
  return {
    sv: `Bladet "${sheet}": rubriken läses ur två rader (${firstRow}–${firstRow + 1}), en grupprad över fältnamnen.`,
    en: `Sheet "${sheet}": the header is read from two rows (${firstRow}–${firstRow + 1}), a group row above the field names.`,
  };
}

function skip(runs: SkippedRows[], row: number, reason: SkippedRows["reason"]): void {
  const last = runs.length > 0 ? runs[runs.length - 1] : undefined;
  if (last && last.reason === reason && last.toRow === row - 1) last.toRow = row;
  else runs.push({ fromRow: row, toRow: row, reason });
}

function isBlankCell(v: CellValue): boolean {
  if (typeof v === "string") {
    if (v.length === 0) return true;
    const c = v.charCodeAt(0);
    // Only a text that starts with white space can be blank: skip trim() for the rest.
    return c <= 32 || c === 160 || c >= 0x1680 ? v.trim() === "" : false;
  }
  return v === null || v === undefined;
}

function isBlankRow(row: readonly CellValue[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

/**
 * The header texts again (a multi-page export repeats them): two mapped columns hold their
 * header text. A repeated header has text in every mapped column, so the first two text cells
 * decide: data rows cost two cheap comparisons, not one per column.
 */
function isRepeatedHeader(row: readonly CellValue[], readers: Reader[], headersToMatch: number): boolean {
  const needed = Math.min(2, headersToMatch);
  let matches = 0;
  let texts = 0;
  for (const r of readers) {
    if (r.headerLower === "" || r.index < 0) continue;
    const v = row[r.index];
    if (typeof v !== "string" || v === "") continue;
    // A two-row header repeats both rows: the group row matches by the columns' group texts.
    if (!sameHeader(v, r.headerLower) && !(r.upperLower !== "" && sameHeader(v, r.upperLower))) return false;
    if (++matches >= needed) return true;
    if (++texts >= 2) return false;
  }
  return false;
}

const isPad = (c: number) => c <= 32 || c === 160;

/**
 * Whether a cell holds the header text, ignoring case and padding. Runs on every text cell of
 * every row, so it rules out the usual case (other length, other first letter) allocating nothing.
 */
function sameHeader(v: string, headerLower: string): boolean {
  let a = 0;
  let b = v.length;
  while (a < b && isPad(v.charCodeAt(a))) a++;
  while (b > a && isPad(v.charCodeAt(b - 1))) b--;
  if (b - a !== headerLower.length || b === a) return false;
  if ((v.charCodeAt(a) | 32) !== (headerLower.charCodeAt(0) | 32)) return false;
  return v.slice(a, b).toLowerCase() === headerLower;
}

/**
 * A total row: its first text cell opens with a total word, and it names no person (so a
 * patient row is never taken for a total, whatever its unit is called).
 */
function isTotalRow(row: readonly CellValue[], personReader: Reader | undefined, referenceYear: number): boolean {
  let first: string | undefined;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === "string" && !isBlankCell(v)) {
      first = v;
      break;
    }
  }
  if (first === undefined) return false;
  const c = first.trimStart().charCodeAt(0) | 32; // lower-case ASCII letter
  if (c !== 115 && c !== 116 && c !== 100 && c !== 103) return false; // s, t, d, g
  const word = normalizeText(first).split(" ")[0];
  if (!TOTAL_WORDS.has(word)) return false;
  if (personReader && personReader.index >= 0) {
    const p = parsePersonId(row[personReader.index], referenceYear);
    if (p.kind === "ok") return false;
  }
  return true;
}

const CARE_TYPE_CACHE_LIMIT = 10_000;
/** Serials below this (2100-01-01 in the 1900 system) share their date-only values. */
const DAY_TABLE_SIZE = 73_051;
/** Days whose minutes get a table of shared date-times (5.6 KB each). */
const DAY_TIME_TABLES = 2_000;
const MINUTES_PER_DAY = 1440;
/** 1970-01-01 as a 1900-system serial (valid after the phantom 29 Feb 1900). */
const SERIAL_OF_EPOCH = 25_569;
/** A column of names (care contacts) is mostly distinct: past this many keys interning only costs memory. */
const INTERN_LIMIT = 50_000;

/** Per-sheet reading state: the table being written, interned texts and dates, the findings list. */
class RowContext {
  private readonly texts = new Map<string | number, number>();
  private readonly careTypes = new Map<number, CareType>();
  private readonly noContacts = new Map<string, boolean>();
  private readonly bools = new Map<string, boolean | null | undefined>();
  /** Date index per whole serial (date without a time), 0 until seen (real indices start at 1). */
  private readonly dayOnly = new Int32Array(DAY_TABLE_SIZE);
  /** Per day (1900 serial), the date index of each minute; made for at most DAY_TIME_TABLES days. */
  private readonly dayTimes: Int32Array[] = [new Int32Array(0)];
  /** Per day (1900 serial), its table's place in dayTimes (0 = none yet): a typed index, because
   *  an array indexed by serials up to 73,050 would be a slow sparse (dictionary) array. */
  private readonly dayTimeSlot = new Int32Array(DAY_TABLE_SIZE + 1);
  /** Dates from texts and odd serials, by day and minute. */
  private readonly otherDates = new Map<number, number>();

  /** The care type of rows the column does not decide: the user's (wins over the column too), the sheet's (CARE_CODE; 0 none). */
  private readonly userCare: number;
  private readonly sheetCare: number;
  /** Per unit text index: 0 not yet seen, 1 somatic, 2 psychiatric, 3 no hint. */
  private readonly unitCare = new Map<number, number>();

  constructor(
    private readonly sheet: string,
    private readonly options: ReadOptions,
    private readonly readers: Reader[],
    private readonly findings: Finding[],
    readonly table: StayTable,
    /** Whether a column's slash dates are month first (SheetReader.monthFirst). */
    private readonly monthFirst: (reader: Reader) => boolean,
    private readonly careType: CareTypeDecision,
  ) {
    const decided = careType.sheet;
    this.userCare = decided?.source === "user" ? CARE_CODE[decided.type] : 0;
    this.sheetCare = decided !== null && decided.source !== "user" ? CARE_CODE[decided.type] : 0;
  }

  readRow(row: readonly CellValue[], excelRow: number): void {
    const i = this.table.addRow(excelRow);
    const readers = this.readers;
    for (let r = 0; r < readers.length; r++) {
      const reader = readers[r];
      if (reader.index < 0) continue;
      const cell = row[reader.index];
      if (cell === undefined || cell === null || cell === "") continue;
      switch (reader.kind) {
        case Kind.Date:
          this.readDate(i, reader, cell, excelRow);
          break;
        case Kind.Number:
          this.readNumber(i, reader, cell, excelRow);
          break;
        case Kind.Text:
          this.readText(i, reader, cell, excelRow);
          break;
        case Kind.PersonId:
          this.readPersonId(i, reader, cell, excelRow);
          break;
        case Kind.Id:
          this.readId(i, reader, cell, excelRow);
          break;
        case Kind.CareType:
          this.readCareType(i, reader, cell, excelRow);
          break;
        case Kind.Contact:
          this.readContact(i, reader, cell, excelRow);
          break;
        case Kind.Bool:
          this.readBool(i, reader, cell, excelRow);
          break;
      }
    }
    this.decideCareType(i);
  }

  /**
   * The row's care type: the user's choice for the sheet, else the column, else the sheet's
   * name or title, else the unit's name; else none (the figures count it as somatic). Counted
   * per way, so the review can show how each sheet was decided.
   */
  private decideCareType(i: number): void {
    const t = this.table;
    const counts = this.careType.counts;
    let code = this.userCare;
    if (code !== 0) {
      t.careType[i] = code;
      if (code === PSYCHIATRIC_CODE) counts.user.psychiatric++;
      else counts.user.somatic++;
      return;
    }
    code = t.careType[i];
    if (code !== 0) {
      if (code === PSYCHIATRIC_CODE) counts.column.psychiatric++;
      else counts.column.somatic++;
      return;
    }
    code = this.sheetCare;
    if (code !== 0) {
      t.careType[i] = code;
      if (code === PSYCHIATRIC_CODE) counts.sheet.psychiatric++;
      else counts.sheet.somatic++;
      return;
    }
    const unit = t.unit[i];
    if (unit !== NONE) {
      let kind = this.unitCare.get(unit);
      if (kind === undefined) {
        const type = unitCareType(t.texts[unit] as string);
        kind = type === null ? 3 : CARE_CODE[type];
        this.unitCare.set(unit, kind);
      }
      if (kind !== 3) {
        t.careType[i] = kind;
        if (kind === PSYCHIATRIC_CODE) counts.unit.psychiatric++;
        else counts.unit.somatic++;
        return;
      }
    }
    counts.fallback++;
  }

  private readDate(i: number, reader: Reader, cell: CellValue, excelRow: number): void {
    let value = NONE;
    if (typeof cell === "number") {
      if (cell >= 1 && cell < DAY_TABLE_SIZE && Math.floor(cell) === cell && cell !== 60) {
        // A date without a time: one shared value per day (ready and discharge dates repeat on
        // thousands of rows). An array index, not a map: this runs for every such cell.
        value = this.dayOnly[cell];
        if (value === NONE) value = this.dayOnly[cell] = this.table.addDate(dateFromSerial(cell, this.options.dateSystem)!);
      } else if (cell > 61 && cell < DAY_TABLE_SIZE && this.options.dateSystem === "1900") {
        value = this.dateTime(cell);
      } else {
        const v = dateFromSerial(cell, this.options.dateSystem);
        if (v !== null) value = this.otherDate(v);
      }
    }
    if (value === NONE) {
      const slash = typeof cell === "string" && cell.indexOf("/") > 0;
      const p = parseDateCell(cell, this.options.dateSystem, slash && this.monthFirst(reader));
      if (p.kind === "empty") return;
      if (p.kind === "invalid") {
        // Event columns (notice sent, withdrawn, died) are often kept as Ja/Nej: "Nej" is an
        // explicit no, read as empty; "Ja" says it happened but not when, which we cannot check.
        if (reader.field !== "admissionDate" && reader.field !== "readyDate" && reader.field !== "dischargeDate") {
          const yes = yesNo(cell);
          if (yes === false) return;
          if (yes === true) return this.invalid(reader, cell, excelRow, YES_WITHOUT_DATE);
        }
        return this.invalid(reader, cell, excelRow, p.reason);
      }
      value = this.otherDate(p.value);
    }
    (reader.column as Int32Array)[i] = value;
  }

  /** A date shared by day and minute (text dates repeat too: "2023-10-05" on many rows). */
  private otherDate(v: LocalDateTime): number {
    const key = v.day * 1441 + (v.minute ?? 1440);
    let k = this.otherDates.get(key);
    if (k === undefined) {
      k = this.table.addDate(v);
      if (this.otherDates.size < INTERN_LIMIT) this.otherDates.set(key, k);
    }
    return k;
  }

  /**
   * A date with a time (1900 system, after the phantom leap day): as dateFromSerial, but one
   * shared value per minute of each day seen (admission and notice times repeat across rows).
   */
  private dateTime(serial: number): number {
    const whole = Math.floor(serial);
    let minute = Math.round((serial - whole) * MINUTES_PER_DAY);
    let day = whole;
    if (minute >= MINUTES_PER_DAY) {
      minute -= MINUTES_PER_DAY;
      day += 1;
    }
    const slot = this.dayTimeSlot[day];
    let minutes: Int32Array;
    if (slot !== 0) minutes = this.dayTimes[slot];
    else {
      if (this.dayTimes.length > DAY_TIME_TABLES) return this.otherDate({ day: day - SERIAL_OF_EPOCH, minute });
      minutes = new Int32Array(MINUTES_PER_DAY);
      this.dayTimeSlot[day] = this.dayTimes.push(minutes) - 1;
    }
    let value = minutes[minute];
    if (value === NONE) value = minutes[minute] = this.table.addDate({ day: day - SERIAL_OF_EPOCH, minute });
    return value;
  }

  private readNumber(i: number, reader: Reader, cell: CellValue, excelRow: number): void {
    let value: number;
    if (typeof cell === "number" && cell - cell === 0) {
      value = cell; // finite: the fast path
    } else {
      const p = parseNumberCell(cell);
      if (p.kind === "empty") return;
      if (p.kind === "invalid") return this.invalid(reader, cell, excelRow, p.reason);
      value = p.value;
    }
    if (value > reader.limit || value < -reader.limit) return this.invalid(reader, cell, excelRow, tooLarge(reader), true);
    this.table.setNumber(reader.column as Float64Array, reader.bit, i, value);
  }

  /** A text, trimmed and shared: a million rows name a few hundred municipalities and units. NONE when empty. */
  private text(reader: Reader, cell: CellValue, excelRow: number): number {
    if (cell === reader.lastCell) return reader.lastText;
    if (typeof cell === "string" || typeof cell === "number") {
      let t = this.texts.get(cell);
      if (t === undefined) {
        let text: string;
        if (typeof cell === "number") {
          if (!Number.isFinite(cell)) {
            this.invalid(reader, cell, excelRow, { sv: "talet är inte ändligt", en: "the number is not finite" });
            return NONE;
          }
          text = String(cell);
        } else if (cell.charCodeAt(0) === 35 && (isFormulaWithoutValue(cell) || isExcelError(cell))) {
          this.invalid(reader, cell, excelRow, excelErrorReason(cell));
          return NONE;
        } else {
          text = cell.trim();
        }
        t = text === "" ? NONE : this.table.addText(text);
        if (this.texts.size < INTERN_LIMIT) this.texts.set(cell, t);
      }
      // Only a readable cell is remembered: an unreadable one must make its finding on every row.
      reader.lastCell = cell;
      reader.lastText = t;
      return t;
    }
    if (typeof cell === "boolean") this.invalid(reader, cell, excelRow, { sv: "ett sanningsvärde är ingen text", en: "a TRUE/FALSE value is not a text" });
    return NONE;
  }

  private readText(i: number, reader: Reader, cell: CellValue, excelRow: number): void {
    const t = this.text(reader, cell, excelRow);
    if (t !== NONE) (reader.column as Int32Array)[i] = t;
  }

  /**
   * Care contacts are mostly names (distinct): trimmed, not interned. A short "Nej", "Saknas"
   * or "Ingen" says there is none.
   */
  private readContact(i: number, reader: Reader, cell: CellValue, excelRow: number): void {
    const t = this.plainText(reader, cell, excelRow);
    if (t !== null && !(t.length <= NO_CONTACT_MAX_LENGTH && this.noContact(t))) this.table.lazy[i] |= LAZY_CONTACT;
  }

  /** Stay ids are mostly distinct: trimmed but not interned (a map of a million keys costs more than it saves). */
  private readId(i: number, reader: Reader, cell: CellValue, excelRow: number): void {
    const t = this.plainText(reader, cell, excelRow);
    if (t !== null) this.table.lazy[i] |= LAZY_STAY_ID;
  }

  private plainText(reader: Reader, cell: CellValue, excelRow: number): string | null {
    if (typeof cell === "string") {
      if (cell.charCodeAt(0) === 35 && (isFormulaWithoutValue(cell) || isExcelError(cell))) {
        this.invalid(reader, cell, excelRow, excelErrorReason(cell));
        return null;
      }
      const t = cell.trim();
      return t === "" ? null : t;
    }
    if (typeof cell === "number") {
      if (Number.isFinite(cell)) return String(cell);
      this.invalid(reader, cell, excelRow, { sv: "talet är inte ändligt", en: "the number is not finite" });
      return null;
    }
    if (typeof cell === "boolean") this.invalid(reader, cell, excelRow, { sv: "ett sanningsvärde är ingen text", en: "a TRUE/FALSE value is not a text" });
    return null;
  }

  private noContact(text: string): boolean {
    let no = this.noContacts.get(text);
    if (no === undefined) {
      no = isNoContact(text);
      if (this.noContacts.size < CARE_TYPE_CACHE_LIMIT) this.noContacts.set(text, no);
    }
    return no;
  }

  private readCareType(i: number, reader: Reader, cell: CellValue, excelRow: number): void {
    const raw = this.text(reader, cell, excelRow);
    if (raw === NONE) return;
    this.table.careTypeRaw[i] = raw;
    let type = this.careTypes.get(raw);
    if (type === undefined) {
      type = careTypeOf(this.table.texts[raw] as string);
      if (this.careTypes.size < CARE_TYPE_CACHE_LIMIT) this.careTypes.set(raw, type);
    }
    this.table.setCareType(i, type);
  }

  private readPersonId(i: number, reader: Reader, cell: CellValue, excelRow: number): void {
    if (typeof cell === "string") {
      // The usual forms as numbers straight into the table: no string or object per row.
      const fast = fastPerson(cell, this.options.referenceYear);
      if (fast !== null) {
        this.table.setPersonNumber(i, fast);
        this.table.lazy[i] |= LAZY_PERSON;
        return;
      }
    }
    const p = parsePersonIdCell(cell, this.options.referenceYear);
    if (p.kind === "empty") return;
    this.table.lazy[i] |= LAZY_PERSON; // the cell's text, read again only where a message needs it
    if (p.kind === "invalid") return this.invalid(reader, cell, excelRow, p.reason);
    this.table.setPerson(i, p.id);
  }

  private readBool(i: number, reader: Reader, cell: CellValue, excelRow: number): void {
    let b: boolean | null | undefined;
    if (typeof cell === "string") {
      // A few words on a million rows: yesNo's lower-cased copy is made once per distinct text.
      b = this.bools.get(cell);
      if (b === undefined && !this.bools.has(cell)) {
        b = yesNo(cell);
        if (this.bools.size < CARE_TYPE_CACHE_LIMIT) this.bools.set(cell, b);
      }
    } else {
      b = yesNo(cell);
    }
    if (b === undefined) {
      return this.invalid(reader, cell, excelRow, {
        sv: "förväntade Ja/Nej (J/N, X, 1/0)",
        en: "expected Yes/No (Ja/Nej, J/N, X, 1/0)",
      });
    }
    if (b !== null && reader.field === "planningNeeded") this.table.setPlanningNeeded(i, b);
  }

  private invalid(reader: Reader, cell: CellValue, excelRow: number, reason: Bilingual, implausible = false): void {
    // A date the count needs: the row is left out of the figures (its row is the last added).
    if (COUNT_DATES.has(reader.field)) this.table.unreadableDate[this.table.length - 1] = 1;
    this.findings.push(invalidValueFinding(this.sheet, excelRow, reader.letter, reader.field, cell, reason, implausible));
  }
}

function excelErrorReason(text: string): Bilingual {
  const code = text.trim().toUpperCase();
  return { sv: `Excel-felvärde ${code}, behandlas som saknat`, en: `Excel error value ${code}, treated as missing` };
}

/**
 * The largest plausible size of each number field: 100 years of days, a price per day of ten
 * million kronor, an amount of ten billion. Beyond it a value (1e308 prints as "Infinity kr")
 * is a finding and is left out of every sum.
 */
const NUMBER_LIMIT: Partial<Record<Field, number>> = { statedDays: 36_525, billedDays: 36_525, pricePerDay: 1e7, amount: 1e10 };
const NUMBER_FIELDS: ReadonlySet<Field> = new Set(Object.keys(NUMBER_LIMIT) as Field[]);

function tooLarge(reader: Reader): Bilingual {
  const n = { sv: formatNumber(reader.limit, "sv"), en: formatNumber(reader.limit, "en") };
  return { sv: `orimligt stort: mer än ${n.sv}`, en: `implausibly large: over ${n.en}` };
}

const YES_WITHOUT_DATE: Bilingual = {
  sv: "ett Ja utan datum eller klockslag; tidpunkten kan inte granskas",
  en: "a Yes without a date or time; the timing cannot be checked",
};

/** Longer than this a care-contact text is a name, not a "none" word. */
const NO_CONTACT_MAX_LENGTH = 12;
const NO_CONTACT = new Set(["saknas", "ingen", "ej utsedd", "inte utsedd", "none", "missing", "ej"]);
/** "Nej", "Saknas", "Ingen", "Ej utsedd": a care-contact cell that says there is none. */
function isNoContact(text: string): boolean {
  return yesNo(text) === false || NO_CONTACT.has(normalizeText(text));
}

const YES = new Set(["ja", "j", "x", "1", "true", "yes", "y", "sant"]);
const NO = new Set(["nej", "n", "0", "false", "no", "falskt", "-"]);

/** true / false, null for empty, undefined for unreadable. */
export function yesNo(cell: CellValue): boolean | null | undefined {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1 ? true : cell === 0 ? false : undefined;
  if (cell === null || cell === undefined) return null;
  const t = cell.trim().toLowerCase();
  if (t === "") return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

function rawText(cell: CellValue): string {
  if (isFormulaWithoutValue(cell)) return "";
  if (typeof cell === "string") return cell.trim();
  return String(cell);
}


/**
 * The INVALID_VALUE finding: sheet, row, column, field and the raw value in both languages.
 * A quote from the identity column is marked (quoteId) so that hosts mask it whole unless the
 * user reveals; it is never kept in `value`.
 */
export function invalidValueFinding(
  sheet: string,
  row: number,
  letter: string,
  field: Field,
  cell: CellValue,
  reason: Bilingual,
  /** Read, but not a plausible value (1e308 kr): said as such, not as unreadable. */
  implausible = false,
): Finding {
  const raw = rawText(cell);
  const isPerson = field === "personId";
  const excelError = isExcelError(cell);
  // An error code is no personal data: "#N/A" is shown as it is, even in the identity column.
  const shown: Bilingual = excelError
    ? { sv: raw.toUpperCase(), en: raw.toUpperCase() }
    : isPerson
      ? { sv: quoteId(clip(raw)), en: quoteId(clip(raw)) } // masked whole by the hosts
      : shortText(raw);
  const label = FIELD_LABELS[field];
  const where: Bilingual = { sv: `Bladet "${sheet}", rad ${row}, kolumn ${letter} (${label.sv})`, en: `Sheet "${sheet}", row ${row}, column ${letter} (${label.en})` };
  // What the figures do with the row: a date the count needs leaves the row out; else the field is empty.
  const leftOut = COUNT_DATE_FIELDS.has(field);
  const outcome = leftOut ? LEFT_OUT : NUMBER_FIELDS.has(field) ? IGNORED : TREATED_AS_EMPTY;
  const what: Bilingual = isFormulaWithoutValue(cell)
    ? { sv: "cellen är en formel utan sparat värde (öppna arbetsboken i Excel, räkna om och spara den)", en: "the cell is a formula without a stored value (open the workbook in Excel, recalculate and save it)" }
    : excelError
      ? { sv: `cellen har Excel-felvärdet ${shown.sv}`, en: `the cell holds the Excel error value ${shown.en}` }
      : implausible
        ? { sv: `värdet "${shown.sv}" är ${reason.sv}`, en: `the value "${shown.en}" is ${reason.en}` }
        : { sv: `värdet "${shown.sv}" kunde inte läsas (${reason.sv})`, en: `the value "${shown.en}" could not be read (${reason.en})` };
  const message: Bilingual = { sv: `${where.sv}: ${what.sv}; ${outcome.sv}`, en: `${where.en}: ${what.en}; ${outcome.en}` };
  const finding: Finding = {
    code: "INVALID_VALUE",
    severity: severityOf("INVALID_VALUE", leftOut ? "leftOut" : "main"),
    sheet,
    row,
    columns: [letter],
    fields: [field],
    message,
  };
  if (!isPerson && !isFormulaWithoutValue(cell)) finding.value = raw;
  return finding;
}

function clip(text: string): string {
  return text.length > 60 ? text.slice(0, 59) + "…" : text;
}

const TREATED_AS_EMPTY: Bilingual = { sv: "fältet behandlas som tomt.", en: "the field is treated as empty." };
const IGNORED: Bilingual = {
  sv: "värdet bortses från: det räknas inte in i det fakturerade och kontrolleras inte.",
  en: "the value is ignored: it is not in the invoiced sums and is not checked.",
};
const LEFT_OUT: Bilingual = {
  sv: "dagarna kan inte räknas, så raden tas inte med i beräkningen (dess angivna dagar och belopp står kvar i det fakturerade).",
  en: "its days cannot be counted, so the row is left out of the figures (its stated days and amount stay in the invoiced totals).",
};
