/** What a user sees of our marks in the fake workbook: the rules evaluated against the helper sheet, as Excel would. */
import { HELPER_SHEET, isMarkFormula } from "../../../src/adapters/excel/marks";
import { parseAddress, type FakeWorkbookState } from "../../fakes/excel/state";

/** The mark code shown on a row of a sheet (0 = none). */
export function shownCode(state: FakeWorkbookState, sheetName: string, row: number): number {
  const sheet = state.sheets.find((s) => s.name === sheetName)!;
  const helper = state.sheets.find((s) => s.name === HELPER_SHEET);
  let shown = 0;
  for (const cf of sheet.conditionalFormats) {
    const m = /^=INDEX\('?_granskning_marks'?!\$([A-Z]+):\$\1,ROW\(\)\)=(\d)$/.exec(cf.formula ?? "");
    if (!m || !helper) continue;
    const rect = parseAddress(cf.address)!;
    if (row - 1 < rect.r0 || row - 1 > rect.r1) continue;
    if ((helper.values[row - 1]?.[m[1].charCodeAt(0) - 65] ?? 0) === Number(m[2])) shown = Number(m[2]);
  }
  return shown;
}

/** The user's own part of a sheet: values, fills, number formats and the rules that are not ours. */
export function userPart(state: FakeWorkbookState, sheetName: string) {
  const s = state.sheets.find((x) => x.name === sheetName)!;
  return JSON.parse(JSON.stringify({ values: s.values, fills: s.fills, numberFormats: s.numberFormats, userFormats: s.conditionalFormats.filter((c) => !isMarkFormula(c.formula ?? "")) })) as {
    values: typeof s.values;
    fills: typeof s.fills;
    numberFormats: typeof s.numberFormats;
    userFormats: typeof s.conditionalFormats;
  };
}
