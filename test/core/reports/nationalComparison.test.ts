import { copyProfile, getPreset } from "../../../src/core/agreements/presets";
import { NATIONAL_AVERAGE_NOTE } from "../../../src/core/agreements/nationalAverages";
import { reportSpec } from "../../../src/core/reports";
import { specProblems, type SheetSpec } from "../../../src/core/sheets/sheetSpec";
import { reportInput } from "./basis";

const table = (spec: SheetSpec, name: string) => spec.tables.find((t) => t.name === name)!;
const SOURCE_2021 = "Region Halland's agreement (GNHH 2023-02-22) quoting the 2021 national average";

describe("report: monthly average against the national average (Halland)", () => {
  // Halland counts 0-day stays in the average. The table has no 2023 figure: somatic uses 2021's 2.3,
  // psychiatric 2020's 4.0 (SKR), each said so.
  const en = reportSpec("nationalComparison", reportInput(getPreset("halland-2022")!), { lang: "en", reveal: false });

  it("somatic: average with 0-day stays, without them, the national figure, its year and source, the difference", () => {
    expect(table(en, "R_Riket_Somatik").rows).toEqual([
      // rows 2 (0) and 3 (4): 4 / 2 = 2.00; without 0-day stays 4 / 1 = 4.00; 2.00 − 2.3 = −0.30.
      ["Halmstad", "2023-01", 2, 1, 4, 2, 4, 2.3, "2021", SOURCE_2021, -0.3],
      ["Halmstad", "2023-02", 1, 0, 3, 3, 3, 2.3, "2021", SOURCE_2021, 0.7],
      ["Halmstad", "2023-08", 1, 0, 5, 5, 5, 2.3, "2021", SOURCE_2021, 2.7],
      ["Kungsbacka", "2023-01", 1, 0, 6, 6, 6, 2.3, "2021", SOURCE_2021, 3.7],
      ["Kungsbacka", "2023-07", 1, 0, 2, 2, 2, 2.3, "2021", SOURCE_2021, -0.3],
    ]);
  });

  it("psychiatric separately: a month of only 0-day stays has no average without them", () => {
    expect(table(en, "R_Riket_Psykiatri").rows).toEqual([
      ["Halmstad", "2023-03", 1, 0, 3, 3, 3, 4, "2020", "SKR", -1],
      ["Halmstad", "2023-04", 1, 0, 10, 10, 10, 4, "2020", "SKR", 6],
      ["Halmstad", "2023-06", 1, 0, 2, 2, 2, 4, "2020", "SKR", -2],
      // Blad2 row 2: 0 days → 0 / 1 = 0.00; without 0-day stays: none → empty; 0.00 − 4.0 = −4.00.
      ["Kungsbacka", "2023-05", 1, 1, 0, 0, null, 4, "2020", "SKR", -4],
    ]);
  });

  it("Halland's chart: a line per municipality and the national average as a second series", () => {
    const data = table(en, "R_Riket_Somatik_Diagram");
    expect(data.columns.map((c) => c.title)).toEqual(["Month", "Halmstad", "Kungsbacka", "National average"]);
    expect(data.rows[0]).toEqual(["2023-01", 2, 6, 2.3]);
    expect(data.rows[2]).toEqual(["2023-03", null, null, 2.3]);
    expect(data.rows).toHaveLength(8); // January to August
    expect(en.charts[0]).toEqual({ kind: "line", title: "Somatic: monthly average against the national average", table: "R_Riket_Somatik_Diagram", category: 0, series: [1, 2, 3] });
    expect(en.charts).toHaveLength(2);
    expect(specProblems(en)).toEqual([]);
  });

  it("carries the 0-day caveat and says which year's figure stands in", () => {
    expect(en.notes).toContain(`Somatic: ${NATIONAL_AVERAGE_NOTE.en}`);
    expect(en.notes).toContain("Somatic: The national average for 2023 is not in the table; the latest before it is 2021 (2.3).");
    expect(en.notes).toContain("Psychiatric: The national average for 2023 is not in the table; the latest before it is 2020 (4).");
  });

  it("an agreement without 0-day stays: the average leaves them out and there is no caveat", () => {
    const r = copyProfile(getPreset("halland-2022")!, { somatic: { zeroDays: false }, psychiatric: { zeroDays: false } });
    if (!r.ok) throw new Error(r.problems.join("; "));
    const sv = reportSpec("nationalComparison", reportInput(r.profile), { lang: "sv", reveal: false });
    // Halmstad 2023-01 without row 2's 0 days: 4 / 1 = 4.00; 4.00 − 2.3 = 1.70.
    expect(table(sv, "R_Riket_Somatik").rows[0]).toEqual(["Halmstad", "2023-01", 2, 1, 4, 4, 4, 2.3, "2021", SOURCE_2021, 1.7]);
    expect(sv.notes.join("\n")).not.toContain(NATIONAL_AVERAGE_NOTE.sv);
    expect(sv.name).toBe("Jämfört med riket");
  });
});
