/** What the engine itself gives for a fake workbook: the expectation the screen is held to. */
import { getPreset } from "../../src/core/agreements/presets";
import type { AgreementProfile } from "../../src/core/agreements/profileSchema";
import { figuresByMunicipality } from "../../src/core/figures/byMunicipality";
import type { CellValue } from "../../src/core/cells/cellValue";
import { reviewWorkbook } from "../../src/core/review/reviewWorkbook";
import { formatFor } from "../../src/taskpane/shared/format";
import { todayEpochDay } from "../../src/taskpane/paneModel";
import type { FakeWorkbookState } from "../fakes/excel/state";

export interface ShownMunicipality {
  municipality: string;
  amount: string;
  invoiced: string;
  difference: string;
}

export function engineFigures(state: FakeWorkbookState, sheet: string, profile: AgreementProfile | string) {
  const p = typeof profile === "string" ? getPreset(profile)! : profile;
  const values = state.sheets.find((s) => s.name === sheet)!.values as CellValue[][];
  return reviewWorkbook(
    { sheets: [{ name: sheet, values, originRow: 1, originColumn: 0 }], dateSystem: state.date1904 ? "1904" : "1900" },
    { profile: p, referenceDay: todayEpochDay(new Date()), sheets: [sheet] },
  );
}

/** The engine's figures per municipality, as the overview writes them (Swedish). */
export function expectedRows(state: FakeWorkbookState, sheet: string, profile: AgreementProfile | string): { rows: ShownMunicipality[]; total: string } {
  const result = engineFigures(state, sheet, profile);
  const f = formatFor("sv");
  return {
    rows: figuresByMunicipality(result.figures.groups).map((m) => ({
      municipality: m.municipality,
      amount: f.money(m.totals.amount),
      invoiced: f.money(m.totals.invoicedAmount),
      difference: f.signed(m.totals.difference),
    })),
    total: f.kr(result.figures.totals.amount),
  };
}
