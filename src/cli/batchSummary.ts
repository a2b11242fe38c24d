/**
 * The summary workbook of a batch review (--out DIR): the core's summary sheet (figures across
 * files, the files read, the cross-file findings) written as a new workbook, never over an input.
 */
import { batchSummarySpec, type BatchResult, type SheetSpec } from "../core";
import { checkSpecWorkbookTarget, writeSpecWorkbook } from "../adapters/xlsx/specWorkbook";

export interface BatchSummaryOptions {
  lang: "sv" | "en";
  reveal: boolean;
  today: string;
  force: boolean;
  /** The reviewed files: never written over. */
  inputs: readonly string[];
  /** Sheets after the summary (the follow-up reports over all files, --report). */
  sheets?: readonly SheetSpec[];
}

/** Throws XlsxError when the workbook may not be written there (an input, an existing file without force). */
export function checkBatchSummaryTarget(file: string, options: Pick<BatchSummaryOptions, "force" | "inputs">): void {
  checkSpecWorkbookTarget(file, { force: options.force, inputs: options.inputs });
}

export async function writeBatchSummary(batch: BatchResult, file: string, options: BatchSummaryOptions): Promise<void> {
  const spec = batchSummarySpec(batch, { lang: options.lang, reveal: options.reveal, today: options.today });
  await writeSpecWorkbook([spec, ...(options.sheets ?? [])], file, { force: options.force, inputs: options.inputs });
}
