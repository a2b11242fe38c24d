/**
 * The engine's entry point: grids in, review result out. Reads every invoice-basis sheet,
 * runs the checks, computes the figures. Pure: no clock (today is passed in), no I/O.
 */
import type { AgreementProfile } from "../agreements/profileSchema";
import type { WorkbookGrids } from "../cells/cellValue";
import { civilDate } from "../cells/localDate";
import { crossRowBytes, type RowSource } from "../checks/crossRowChecks";
import { CheckRun } from "../checks/runChecks";
import { FigureBasisBuilder, figureBasisBytes } from "../figures/figureBasis";
import { recomputeFigures } from "../figures/computeFigures";
import { Arena } from "../memory/arena";
import type { CareType, Finding, FindingCode, MappingOverride, Severity } from "../model";
import { SheetReader } from "../sheet/readSheet";
import type { SheetReading } from "../sheet/sheetReading";
import { engineAssumptions } from "./assumptions";
import { ReviewError } from "./reviewError";
import type { ReviewResult, SheetSummary } from "./result";

export interface ReviewOptions {
  profile: AgreementProfile;
  /** Today as an epoch day: dates after it are OUTSIDE_PERIOD. Injected so the core reads no clock. */
  referenceDay: number;
  /** The invoiced period (epoch days, inclusive); else taken from the title rows; else only future dates are checked. */
  invoicePeriod?: { fromDay: number; toDay: number } | null;
  /** Per sheet name: the user's corrections of the column mapping. */
  mappingOverrides?: Record<string, MappingOverride>;
  /** Count still-admitted stays' days up to the period end (DOMAIN.md §2). Default false. */
  countOpenStays?: boolean;
  /** Review only these sheets; default every sheet that looks like an invoice basis. */
  sheets?: string[];
  /**
   * Per sheet name: the care type of every row of the sheet, the user's decision where no column
   * states it (or states it wrongly). Without it the care type comes from the column, the sheet's
   * name or title, the unit's name, and somatic as the last resort; the result's assumptions and
   * each sheet's `careType` say how each sheet was decided.
   */
  careTypeBySheet?: Record<string, CareType>;
}

/** Rows per chunk: a table of this many rows (~0.5 MB) stays in the processor's cache while it is checked. */
const CHUNK_ROWS = 4096;

/** Below this the reader does not believe a sheet is an invoice basis (unless the caller names it). */
const MIN_CONFIDENCE = 0.5;

export function reviewWorkbook(input: WorkbookGrids, options: ReviewOptions): ReviewResult {
  const { profile, referenceDay } = options;
  const referenceYear = civilDate(referenceDay).year;
  // Each sheet is read a chunk at a time into one small table; every chunk is checked and added
  // to the figure basis before the next is read into the same memory, so a million rows never
  // need a million rows of columns (freshly paged-in memory costs more than the work on it).
  const sheetReaders: SheetReader[] = [];
  let rowsAtMost = 0;
  for (const sheet of input.sheets) {
    const named = options.sheets?.includes(sheet.name) ?? false;
    if (options.sheets && !named) continue;
    const reader = new SheetReader(sheet, { dateSystem: input.dateSystem, override: options.mappingOverrides?.[sheet.name], referenceYear, careType: options.careTypeBySheet?.[sheet.name] }, CHUNK_ROWS);
    if (reader.reading.headerRow === null) continue;
    if (!named && reader.reading.confidence < MIN_CONFIDENCE) continue;
    sheetReaders.push(reader);
    rowsAtMost += sheet.values.length;
  }
  if (sheetReaders.length === 0) {
    throw new ReviewError("NO_INVOICE_SHEET", {
      sv: "Hittade inget fakturaunderlag: inget blad har rubriker som personnummer, utskrivningsklar datum och utskrivningsdatum.",
      en: "No invoice basis found: no sheet has headers such as personal identity number, discharge-ready date and discharge date.",
    });
  }
  const readings = sheetReaders.map((r) => r.reading);

  const statedPeriod = readings.find((r) => r.statedPeriod)?.statedPeriod ?? null;
  const invoicePeriod =
    options.invoicePeriod ?? (statedPeriod ? { fromDay: statedPeriod.fromDay, toDay: statedPeriod.toDay } : null);

  // The typed memory that lives through the whole review, reserved before any row is read
  // (memory/arena.ts): the cross-row columns, and apart from them the figure basis, which the
  // result keeps for the what-if path.
  const crossArena = Arena.reserve(crossRowBytes(rowsAtMost));
  const basisArena = Arena.reserve(figureBasisBytes(rowsAtMost));
  // Checks and figures agree on which open stays enter: the same day for both.
  const openStaysUntilDay = options.countOpenStays && invoicePeriod ? invoicePeriod.toDay : null;
  const run = new CheckRun(readings, { profile, referenceDay, invoicePeriod, arena: crossArena, openStaysUntilDay }, rowsAtMost);
  const building = new FigureBasisBuilder(readings.map((r) => r.sheet), rowsAtMost, { openStaysUntilDay, errorRows: new Set(), arena: basisArena });
  sheetReaders.forEach((reader, k) => {
    const context = run.contexts[k];
    const lazyTexts = reader.reading.table.lazyTexts;
    // Cross-row findings are made after the chunks are gone: their rows are read again from the grid.
    const source: RowSource = {
      stayId: (_i, row) => lazyTexts.text(0, row, "stayId"),
      stay: (_i, row) => reader.stayAt(row)!,
    };
    while (reader.readChunk()) {
      run.rows(context, source);
      building.add(reader.reading.table);
    }
  });

  const checked = run.finish();
  const errorRows = new Set<string>();
  for (const f of checked.findings) if (f.severity === "error" && f.row !== null) errorRows.add(`${f.sheet}!${f.row}`);
  const basis = building.finish(errorRows);
  const figures = recomputeFigures(basis, profile);

  const findings = sortFindings(
    [...readings.flatMap((r) => r.findings), ...checked.findings, ...figures.findings],
    readings.map((r) => r.sheet),
  );

  return {
    profile,
    assumptions: [
      ...engineAssumptions(profile, {
        dateSystem: input.dateSystem,
        invoicePeriod,
        periodFromTitle: !options.invoicePeriod && statedPeriod ? statedPeriod.label : null,
        countOpenStays: options.countOpenStays ?? false,
        careTypes: readings.map((r) => ({ sheet: r.sheet, decision: r.careType })),
      }),
      // Per sheet, what the reader decided where the cells leave a choice (read to the end by now).
      ...readings.flatMap((r) => r.notes ?? []),
    ],
    sheets: readings.map(summarize),
    figures,
    findings,
    counts: countFindings(findings),
    checks: checked.statuses,
    basis,
  };
}

function summarize(r: SheetReading): SheetSummary {
  return {
    name: r.sheet,
    headerRow: r.headerRow,
    rows: r.rows,
    mapping: r.mapping,
    unmappedHeaders: r.unmappedHeaders,
    missingFields: r.missingFields,
    skipped: r.skipped,
    careType: r.careType,
  };
}

/** Sheet order as in the workbook, then row; sheet-level findings (row null) first. */
function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const rank = new Map(sheetOrder.map((s, i) => [s, i]));
  return findings.sort(
    (a, b) =>
      (rank.get(a.sheet) ?? -1) - (rank.get(b.sheet) ?? -1) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

function countFindings(findings: Finding[]): ReviewResult["counts"] {
  const byCode: Partial<Record<FindingCode, number>> = {};
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    bySeverity[f.severity]++;
  }
  return { byCode, bySeverity };
}
