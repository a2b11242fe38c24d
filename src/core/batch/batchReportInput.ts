/**
 * The follow-up reports' input for a batch review (the counterpart of reports/reportInputOf):
 * the combined figure basis, so a month's stays from all files are one group, each stay on its
 * sheet named `[file]sheet`, found again among its own file's keyed stays. The findings and the
 * disputes are named the same way, so a report reads them as it reads one file's.
 */
import type { FoundDispute } from "../disputes/match";
import type { Field } from "../sheet/fields";
import type { KeyedStay } from "../stays/stayKey";
import type { ReportInput, ReportStay, ReportStays } from "../reports/reportInput";
import { qualifiedSheet, splitQualifiedSheet } from "./combineBases";
import type { KeyedStays } from "./compactStays";
import type { BatchResult } from "./reviewBatch";

/** A file's keyed stays, as the batch kept them (BatchFileReview has this shape). */
export interface BatchFileStays {
  file: string;
  stays: KeyedStays;
}

/** Each file's stays by their own sheet and row, asked for by `[file]sheet` and row. */
class BatchReportStays implements ReportStays {
  private readonly byFile = new Map<string, { stays: KeyedStays; byPlace: Map<string, KeyedStay> | null }>();

  constructor(files: readonly BatchFileStays[]) {
    for (const f of files) this.byFile.set(f.file, { stays: f.stays, byPlace: null });
  }

  at(sheet: string, row: number): KeyedStay | undefined {
    const { file, sheet: own } = splitQualifiedSheet(sheet);
    const entry = file === null ? undefined : this.byFile.get(file);
    if (!entry) return undefined;
    // Built on first use: a report that names no stay leaves it unbuilt.
    if (entry.byPlace === null) entry.byPlace = new Map(entry.stays.stays.map((k) => [`${k.sheet}\u0000${k.row}`, k]));
    return entry.byPlace.get(`${own}\u0000${row}`);
  }

  fieldsAt(sheet: string, row: number): ReportStay | undefined {
    const keyed = this.at(sheet, row);
    if (!keyed) return undefined;
    const { stays } = this.byFile.get(splitQualifiedSheet(sheet).file!)!;
    const details = stays.stay(keyed.key);
    // The number as its cell has it, as one file's report shows it (masked the same way).
    return details && stays.personIdAsWritten ? { ...details, personIdRaw: stays.personIdAsWritten(keyed.key) } : details;
  }
}

/**
 * The reports' input over all files of a batch: `stays` are the files' keyed stays (the batch's
 * reviews), `found` the disputes found in them as qualifiedMatches names them.
 */
export function batchReportInputOf(batch: BatchResult, stays: readonly BatchFileStays[], found?: readonly FoundDispute[]): ReportInput {
  const sheetFields = new Map<string, Set<Field>>();
  for (const f of batch.files) {
    for (const s of f.sheets) sheetFields.set(qualifiedSheet(f.file, s.name), new Set(s.mapping.map((m) => m.field)));
  }
  // A row's findings on its `[file]sheet`; those about the combined figures name no file and stay as they are.
  const findings = batch.findings.map((f) => (f.file === "" ? f : { ...f, sheet: qualifiedSheet(f.file, f.sheet) }));
  return { basis: batch.basis, profile: batch.profile, keys: new BatchReportStays(stays), sheetFields, findings, found };
}
