import { getPreset } from "../../../src/core/agreements/presets";
import { reportSpec } from "../../../src/core/reports";
import { specProblems } from "../../../src/core/sheets/sheetSpec";
import { reportInput } from "./basis";

describe("report: admission notice within 24 h and named care contact (Kalmar)", () => {
  const en = reportSpec("noticeAndContact", reportInput(getPreset("kalmar-2019")!), { lang: "en", reveal: false });
  const MISSING_COLUMN = "not computable: column missing";
  const MISSING_DATA = "not computable: data missing";

  it("per municipality and month: counts, what can be determined and the shares; never 0 % for a missing column", () => {
    // Columns: stays | notice in 24 h, determinable, share | contact named, determinable, share | both, determinable, share.
    expect(en.tables[0].rows).toEqual([
      // row 2: notice 23 h after admission, contact Eva → yes, yes; row 3: 25 h, no contact → no, no.
      ["Halmstad", "2023-01", 2, 1, 2, 0.5, 1, 2, 0.5, 1, 2, 0.5],
      // row 4: dates only, notice the day after admission → in time; contact Ali.
      ["Halmstad", "2023-02", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      // row 6: no notice at all → not in time; contact Bo → both no.
      ["Halmstad", "2023-03", 1, 0, 1, 0, 1, 1, 1, 0, 1, 0],
      // row 7: notice exactly 24 h after admission → in time.
      ["Halmstad", "2023-04", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      // Blad2 row 3: the sheet has neither column.
      ["Halmstad", "2023-06", 1, null, 0, MISSING_COLUMN, null, 0, MISSING_COLUMN, null, 0, MISSING_COLUMN],
      // row 8: dates only, two days later → late; contact X.
      ["Halmstad", "2023-08", 1, 0, 1, 0, 1, 1, 1, 0, 1, 0],
      // row 5: no admission date → cannot tell; a blank contact is none.
      ["Kungsbacka", "2023-01", 1, null, 0, MISSING_DATA, 0, 1, 0, null, 0, MISSING_DATA],
      ["Kungsbacka", "2023-05", 1, null, 0, MISSING_COLUMN, null, 0, MISSING_COLUMN, null, 0, MISSING_COLUMN],
      // row 9: the notice cell could not be read (INVALID_VALUE) → cannot tell; contact Y.
      ["Kungsbacka", "2023-07", 1, null, 0, MISSING_DATA, 1, 1, 1, null, 0, MISSING_DATA],
    ]);
    expect(specProblems(en)).toEqual([]);
  });

  it("names the sheet without the columns as not computable, and the total", () => {
    expect(en.notes).toContain("ASSUMED/not computable: sheet Blad2 has no column for Admission notice, Admission date, Care contact; its stays are not in the share (not shown as 0 %).");
    // In time: rows 2, 4, 7 = 3 of the determinable rows 2, 3, 4, 6, 7, 8 = 6 → 50.0 %; 10 stays in all.
    expect(en.notes).toContain("In all: 3 of 6 determinable (10 stays) with the notice within 24 h, 50.0 %.");
    expect(en.notes).toContain("The agreement (somatic) makes the admission notice a condition: yes; the care contact: yes.");
  });

  it("in Swedish", () => {
    const sv = reportSpec("noticeAndContact", reportInput(getPreset("kalmar-2019")!), { lang: "sv", reveal: false });
    expect(sv.tables[0].rows[4][5]).toBe("ej beräkningsbar: kolumn saknas");
    expect(sv.notes).toContain("Totalt: 3 av 6 avgörbara (10 vårdtillfällen) med meddelande inom 24 h, 50,0 %.");
    expect(sv.name).toBe("Inskrivning och vårdkontakt");
  });
});
