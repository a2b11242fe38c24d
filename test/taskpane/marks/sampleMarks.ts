/**
 * The committed sample as the fake's state, with the user's own fill on a row and a rule of theirs,
 * and what the marks on it should be: the engine's findings per stay key, checked row by row.
 * Shared by the jsdom and the browser tests (Node side).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readXlsxFile } from "../../../src/adapters/xlsx/xlsxReader";
import { keyWorkbookStays, PRESETS, reviewWorkbook, SEVERITY_MARK_CODE, type Finding, type SheetGrid } from "../../../src/core";
import { todayEpochDay } from "../../../src/taskpane/paneModel";
import { makeSheet, makeWorkbook, type FakeCell, type FakeWorkbookState } from "../../fakes/excel/state";
import { shownCode } from "./shownMarks";

const REPO = path.join(__dirname, "..", "..", "..");
export const SAMPLE_SEEDED: { sheet: string; headerRow: number; totalRow: number } = JSON.parse(readFileSync(path.join(REPO, "samples", "fakturaunderlag-exempel.seeded.json"), "utf8"));

/** The sample as the fake's state: its cells as Office.js gives them (the xlsx reader's grid, which has the same form). */
export async function sampleState(): Promise<FakeWorkbookState> {
  const grids = await readXlsxFile(path.join(REPO, "samples", "fakturaunderlag-exempel.xlsx"));
  const grid = grids.sheets.find((s) => s.name === SAMPLE_SEEDED.sheet)!;
  expect(grid.originRow ?? 1).toBe(1);
  expect(grid.originColumn ?? 0).toBe(0);
  header = grid.values[SAMPLE_SEEDED.headerRow - 1].map((c) => String(c ?? ""));
  return makeWorkbook([makeSheet(grid.name, grid.values.map((r) => r.map((c) => (c === null || c === undefined ? "" : c)) as FakeCell[]))]);
}

/** The sample's sheet, its first and last data row (title rows above the header, a total row below). */
export const SHEET = SAMPLE_SEEDED.sheet;
export const FIRST = SAMPLE_SEEDED.headerRow + 1;
export const LAST = SAMPLE_SEEDED.totalRow - 1;

export const sheetOf = (state: FakeWorkbookState) => state.sheets.find((s) => s.name === SHEET)!;

export async function sampleWithUserFormats(): Promise<FakeWorkbookState> {
  const state = await sampleState();
  const sheet = sheetOf(state);
  sheet.fills.push({ address: `A${FIRST + 3}:C${FIRST + 3}`, color: "#FFFF00" });
  sheet.conditionalFormats.push({ id: "{user-1}", type: "Custom", address: `A${FIRST}:A${LAST}`, formula: `=$A${FIRST}=""`, fillColor: "#FF00FF", fontColor: null });
  return state;
}

/** A sort of the data rows by municipality, descending, then by stay id: the address and the fields. */
export function sortOfSample(): { address: string; fields: { key: number; ascending: boolean }[] } {
  const header = readHeader();
  const id = header.findIndex((h) => /vårdtillfälle/i.test(h));
  const municipality = header.findIndex((h) => /^kommun$/i.test(h.trim()));
  const lastColumn = String.fromCharCode(64 + header.length);
  return { address: `A${FIRST}:${lastColumn}${LAST}`, fields: [{ key: municipality, ascending: false }, { key: id, ascending: true }] };
}

let header: string[] | null = null;
function readHeader(): string[] {
  if (!header) throw new Error("load the sample first (sampleWithUserFormats)");
  return header;
}

const gridOf = (state: FakeWorkbookState) => ({ name: SHEET, values: sheetOf(state).values, originRow: 1, originColumn: 0 }) as SheetGrid;

/** The stays' keys in the sheet as it is now (a stay invoiced twice is two keys, told apart by content). */
export const keysNow = (state: FakeWorkbookState) => keyWorkbookStays({ sheets: [gridOf(state)], dateSystem: "1900" }, { sheets: [SHEET], referenceYear: new Date().getFullYear() });

/** The engine's own findings for the sheet (the pane's default agreement): the mark each stay key should show. */
export function expectedByKey(state: FakeWorkbookState): Map<string, number> {
  const result = reviewWorkbook({ sheets: [gridOf(state)], dateSystem: "1900" }, { profile: PRESETS[0], referenceDay: todayEpochDay(new Date()), sheets: [SHEET] });
  const index = keysNow(state);
  const want = new Map<string, number>();
  for (const f of result.findings as Finding[]) {
    const key = f.row === null ? undefined : index.at(SHEET, f.row)?.key;
    if (key !== undefined) want.set(key, Math.max(want.get(key) ?? 0, SEVERITY_MARK_CODE[f.severity]));
  }
  return want;
}

/** Rows whose shown mark is not their stay's. */
export function wrongRows(state: FakeWorkbookState, want: Map<string, number>): string[] {
  const wrong: string[] = [];
  const index = keysNow(state);
  for (let row = FIRST; row <= LAST; row++) {
    const key = index.at(SHEET, row)?.key ?? "";
    const code = want.get(key) ?? 0;
    const shown = shownCode(state, SHEET, row);
    if (shown !== code) wrong.push(`row ${row} (${key}): shows ${shown}, should ${code}`);
  }
  return wrong;
}
