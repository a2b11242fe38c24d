/**
 * The engine's entry point: grids in, review result out. Reads every invoice-basis sheet,
 * runs the checks, computes the figures. Pure: no clock (today is passed in), no I/O.
 */
import type { AgreementProfile } from "../agreements/profileSchema";
import type { WorkbookGrids } from "../cells/cellValue";
import { civilDate } from "../cells/localDate";
import { runChecks } from "../checks/runChecks";
import { buildFigureBasis, figureBasisBytes } from "../figures/figureBasis";
import { recomputeFigures } from "../figures/computeFigures";
import { Arena } from "../memory/arena";
import type { Finding, FindingCode, MappingOverride, Severity } from "../model";
import { readSheet } from "../sheet/readSheet";
import type { SheetReading } from "../sheet/sheetReading";
import { stayTableBytes } from "../sheet/stayTable";
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
}

/** Below this the reader does not believe a sheet is an invoice basis (unless the caller names it). */
const MIN_CONFIDENCE = 0.5;

export function reviewWorkbook(input: WorkbookGrids, options: ReviewOptions): ReviewResult {
  const { profile, referenceDay } = options;
  const referenceYear = civilDate(referenceDay).year;
  // All the typed memory of a review reserved at once, while the heap holds only the grid
  // (memory/arena.ts): the stay tables, and apart from them the figure basis, which the result
  // keeps for the what-if path (the tables' memory goes when the review ends).
  let tableBytes = 0;
  let rowsAtMost = 0;
  for (const sheet of input.sheets) {
    rowsAtMost += sheet.values.length;
    tableBytes += stayTableBytes(sheet.values.length);
  }
  const arena = Arena.reserve(tableBytes);
  const basisArena = Arena.reserve(figureBasisBytes(rowsAtMost));
  const readings: SheetReading[] = [];
  for (const sheet of input.sheets) {
    const named = options.sheets?.includes(sheet.name) ?? false;
    if (options.sheets && !named) continue;
    const reading = readSheet(sheet, {
      dateSystem: input.dateSystem,
      override: options.mappingOverrides?.[sheet.name],
      referenceYear,
      arena,
    });
    if (reading.headerRow === null) continue;
    if (!named && reading.confidence < MIN_CONFIDENCE) continue;
    readings.push(reading);
  }
  if (readings.length === 0) {
    throw new ReviewError("NO_INVOICE_SHEET", {
      sv: "Hittade inget fakturaunderlag: inget blad har rubriker som personnummer, utskrivningsklar datum och utskrivningsdatum.",
      en: "No invoice basis found: no sheet has headers such as personal identity number, discharge-ready date and discharge date.",
    });
  }

  const statedPeriod = readings.find((r) => r.statedPeriod)?.statedPeriod ?? null;
  const invoicePeriod =
    options.invoicePeriod ?? (statedPeriod ? { fromDay: statedPeriod.fromDay, toDay: statedPeriod.toDay } : null);

  // The cross-row checks' scratch comes from the basis's reservation, and goes back before the
  // basis takes it: pages already touched once, not fresh ones.
  const checked = runChecks(readings, { profile, referenceDay, invoicePeriod, arena: basisArena });
  const errorRows = new Set<string>();
  for (const f of checked.findings) if (f.severity === "error" && f.row !== null) errorRows.add(`${f.sheet}!${f.row}`);

  const basis = buildFigureBasis(
    readings.map((r) => r.table),
    { openStaysUntilDay: options.countOpenStays && invoicePeriod ? invoicePeriod.toDay : null, errorRows, arena: basisArena },
  );
  const figures = recomputeFigures(basis, profile);

  const findings = sortFindings(
    [...readings.flatMap((r) => r.findings), ...checked.findings, ...figures.findings],
    readings.map((r) => r.sheet),
  );

  return {
    profile,
    assumptions: engineAssumptions(profile, {
      dateSystem: input.dateSystem,
      invoicePeriod,
      periodFromTitle: !options.invoicePeriod && statedPeriod ? statedPeriod.label : null,
      countOpenStays: options.countOpenStays ?? false,
    }),
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
