import { disputeSheetSpec, DISPUTE_SHEET_TITLES } from "../../../src/core/disputes/disputeSheet";
import { EXPORT_COLUMNS, readDisputeList } from "../../../src/core/disputes/exportList";
import { matchDisputes } from "../../../src/core/disputes/match";
import { layoutSheet, specProblems } from "../../../src/core/sheets/sheetSpec";
import { StayKeyIndex } from "../../../src/core/stays/stayKey";
import { staysWithDays } from "../figures/stays";
import { disputeOn } from "./helpers";

function setup() {
  const stays = staysWithDays([1, 4, 6], "2023-03-20");
  stays.forEach((s, i) => {
    s.stayId = `V-${i + 1}`;
    s.personIdRaw = "19121212-1212";
  });
  const index = StayKeyIndex.of(stays);
  const disputes = [disputeOn(index, "Underlag", 3, "NOT_RESIDENT", { comment: "=1+1" }), disputeOn(index, "Underlag", 4, "AMOUNT_MISMATCH")];
  // The sheet re-read with V-3 gone: its dispute is orphaned.
  const later = StayKeyIndex.of(stays.slice(0, 2));
  return { match: matchDisputes(disputes, later) };
}

const cell = (spec: ReturnType<typeof disputeSheetSpec>, row: number, id: string) => spec.tables[0].rows[row][EXPORT_COLUMNS.findIndex((c) => c.id === id)];

describe("disputeSheetSpec", () => {
  it("lists found and orphaned disputes in the export's columns, as a spec the hosts can render", () => {
    const { match } = setup();
    expect([match.found.length, match.orphaned.length]).toEqual([1, 1]);
    const spec = disputeSheetSpec({ match, lang: "sv" });
    expect(specProblems(spec)).toEqual([]);
    expect(spec.tables[0].columns.map((c) => c.title)).toEqual(EXPORT_COLUMNS.map((c) => c.title.sv));
    expect(spec.tables[0].rows.map((_, i) => cell(spec, i, "stayId"))).toEqual(["V-2", "V-3"]);
    expect(cell(spec, 0, "comment")).toBe("=1+1");
    expect(spec.notes[0]).toBe("2 bestridanden: 1 tillämpade, 0 vars vistelse har ändrade uppgifter (visas, tillämpas inte), 1 vars vistelse inte finns i bladet (visas, tillämpas inte).");
    const formats = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c.id, spec.tables[0].columns[i].format]));
    expect(formats).toMatchObject({ days: "integer", amount: "kronor", row: "integer", personId: "text", at: "text" });
    expect(spec.tables[0].totalsLabel).toBeUndefined();
  });

  it("masks identity numbers unless revealed, and says which in the title", () => {
    const { match } = setup();
    const masked = disputeSheetSpec({ match, lang: "en" });
    expect(masked.title).toBe(DISPUTE_SHEET_TITLES.masked.en);
    expect(cell(masked, 0, "personId")).toBe("19121212-****");
    expect(JSON.stringify(masked)).not.toContain("19121212-1212");
    const revealed = disputeSheetSpec({ match, lang: "en", reveal: true });
    expect(revealed.title).toBe(DISPUTE_SHEET_TITLES.revealed.en);
    expect(cell(revealed, 0, "personId")).toBe("19121212-1212");
  });

  it("a revealed sheet, as the layout places it, reads back as the same disputes", () => {
    const { match } = setup();
    const spec = disputeSheetSpec({ match, lang: "sv", reveal: true });
    const layout = layoutSheet(spec);
    const grid: (string | number | null)[][] = [];
    grid[0] = [spec.title];
    spec.notes.forEach((n, i) => (grid[layout.noteRows[i] - 1] = [n]));
    const t = layout.tables[0];
    grid[t.captionRow - 1] = [spec.tables[0].caption];
    grid[t.headerRow - 1] = spec.tables[0].columns.map((c) => c.title);
    spec.tables[0].rows.forEach((r, i) => (grid[t.firstDataRow - 1 + i] = r));
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    const back = readDisputeList(grid);
    expect(back.problems).toEqual([]);
    expect(back.disputes.map((d) => [d.stay.stayId, d.reason, d.comment])).toEqual([["V-2", "NOT_RESIDENT", "=1+1"], ["V-3", "AMOUNT_MISMATCH", ""]]);
  });
});
