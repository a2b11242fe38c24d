/** Workbook states for the browser tests: the committed sample, and one with no invoice basis. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadXlsxState } from "../fakes/excel/loadXlsx";
import { makeSheet, makeWorkbook, type FakeWorkbookState } from "../fakes/excel/state";
import { REPO } from "./distFiles";

const SAMPLE = path.join(REPO, "samples", "fakturaunderlag-exempel.xlsx");

/** What the sample's generator seeded: the sheet, its header row and the rows with each error. */
export const SAMPLE_SEEDED: { sheet: string; headerRow: number; totalRow: number; seeded: { code: string; row: number; relatedRow?: number }[] } = JSON.parse(
  readFileSync(path.join(REPO, "samples", "fakturaunderlag-exempel.seeded.json"), "utf8"),
);

let cached: Promise<FakeWorkbookState> | null = null;

/** The sample workbook as the fake host's state (fresh copy each call: the pane may change it). */
export async function sampleState(): Promise<FakeWorkbookState> {
  cached ??= loadXlsxState(SAMPLE);
  return structuredClone(await cached);
}

export function noInvoiceState(): FakeWorkbookState {
  return makeWorkbook([
    makeSheet("Anteckningar", [["Möte med kommunen"], ["Att göra: stäm av oktober"]]),
    makeSheet("Tomt", []),
  ]);
}

/**
 * The sample's data rows repeated until the sheet has about `rows` data rows (a large region's
 * month). Every copy duplicates its original, so findings run into the thousands.
 */
export async function largeState(rows: number): Promise<FakeWorkbookState> {
  const state = await sampleState();
  const sheet = state.sheets.find((s) => s.name === SAMPLE_SEEDED.sheet)!;
  const head = sheet.values.slice(0, SAMPLE_SEEDED.headerRow);
  const data = sheet.values.slice(SAMPLE_SEEDED.headerRow, SAMPLE_SEEDED.totalRow - 1);
  const body: typeof data = [];
  while (body.length < rows) body.push(...data.map((r) => [...r]));
  sheet.values = [...head, ...body.slice(0, rows)];
  return state;
}
