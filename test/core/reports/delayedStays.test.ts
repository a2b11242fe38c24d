import { reportSpec } from "../../../src/core/reports";
import { specProblems } from "../../../src/core/sheets/sheetSpec";
import { reportInput } from "./basis";

describe("report: stays of 3 days or more (Västerbotten)", () => {
  const input = reportInput();
  const sv = reportSpec("delayedStays", input, { lang: "sv", reveal: false });
  const key = (sheet: string, row: number) => input.keys.at(sheet, row)!.key;

  it("lists each stay of 3 days or more with municipality, sheet, row, key, masked identity number and dates", () => {
    // 3 days or more: rows 3 (4 days), 4 (3), 6 (3), 7 (10), 8 (5) of Halmstad and 5 (6) of Kungsbacka.
    // Not: rows 2 (0), 9 (2), Blad2 2 (0) and 3 (2); row 12 has no ready date.
    // Row 5's stay id is shaped like an identity number: masked in the key as well.
    expect(sv.tables[1].rows).toEqual([
      ["Halmstad", "Underlag", 3, key("Underlag", 3), "19800101-****", "Somatik", "2023-01-05", "2023-01-09", 4, "2023-01"],
      ["Halmstad", "Underlag", 4, key("Underlag", 4), null, "Somatik", "2023-02-01", "2023-02-04", 3, "2023-02"],
      ["Halmstad", "Underlag", 6, key("Underlag", 6), null, "Psykiatri", "2023-03-01", "2023-03-04", 3, "2023-03"],
      ["Halmstad", "Underlag", 7, key("Underlag", 7), null, "Psykiatri", "2023-04-01", "2023-04-11", 10, "2023-04"],
      ["Halmstad", "Underlag", 8, key("Underlag", 8), null, "Somatik", "2023-07-28", "2023-08-02", 5, "2023-08"],
      ["Kungsbacka", "Underlag", 5, "id:19800101****", null, "Somatik", "2023-01-20", "2023-01-26", 6, "2023-01"],
    ]);
    expect(key("Underlag", 3)).toMatch(/^h:[0-9a-f]{16}$/);
    expect(key("Underlag", 5)).toBe("id:198001011234");
  });

  it("revealed on request: the identity number and the stay id as written", () => {
    const shown = reportSpec("delayedStays", input, { lang: "sv", reveal: true });
    expect(shown.tables[1].rows[0][4]).toBe("19800101-1234");
    expect(shown.tables[1].rows[5][3]).toBe("id:198001011234");
  });

  it("per municipality: all stays, those of 3 days or more and their share, with a column chart", () => {
    // Halmstad: rows 2, 3, 4, 6, 7, 8 and Blad2 row 3 = 7 stays, 5 of 3+ days → 5/7.
    // Kungsbacka: rows 5, 9 and Blad2 row 2 = 3 stays, 1 → 1/3.
    expect(sv.tables[0].rows).toEqual([
      ["Halmstad", 7, 5, 5 / 7],
      ["Kungsbacka", 3, 1, 1 / 3],
    ]);
    expect(sv.charts).toEqual([{ kind: "column", title: "Vårdtillfällen 3 dagar eller fler per kommun", table: "R_Langa_Summering", category: 0, series: [2] }]);
    expect(specProblems(sv)).toEqual([]);
  });

  it("says rows are as last read and the key finds the stay again, in English too", () => {
    expect(sv.notes.join("\n")).toMatch(/Rad = raden vid senaste läsningen/);
    const en = reportSpec("delayedStays", input, { lang: "en", reveal: false });
    expect(en.tables[1].columns.map((c) => c.title)).toEqual(["Municipality", "Sheet", "Row", "Key", "Identity number", "Care type", "Discharge-ready", "Discharged", "Days", "Month"]);
    expect(en.notes.join("\n")).toMatch(/Row = the row as last read/);
    expect(specProblems(en)).toEqual([]);
  });
});
