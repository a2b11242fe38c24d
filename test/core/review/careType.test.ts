/** The care type where no column states it: the sheet's name or title, the unit, somatic last; shown, and the user's to change. */
import { getPreset } from "../../../src/core/agreements/presets";
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import type { CellValue, SheetGrid } from "../../../src/core/cells/cellValue";
import { epochDay } from "../../../src/core/cells/localDate";
import { reviewWorkbook, type ReviewOptions } from "../../../src/core/review/reviewWorkbook";

const law = getPreset("lag-2017-612") as AgreementProfile;
/** Excel 1900 serial of a March 2018 day: 2018-03-01 is 43160. */
const mar2018 = (d: number) => 43159 + d;
const HEADER = ["Personnummer", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Avdelning"];
const PNR = ["19400101-1231", "19400102-1230", "19400103-1239"];

/** Stays ready 2018-03-01, discharged 2018-03-11: 10 days each. */
function sheet(name: string, units: string[], title: CellValue[][] = []): SheetGrid {
  const rows: CellValue[][] = [...title, HEADER, ...units.map((u, i) => [PNR[i], mar2018(1), mar2018(11), "Halmstad", u])];
  return { name, values: rows };
}

const review = (sheets: SheetGrid[], extra: Partial<ReviewOptions> = {}) =>
  reviewWorkbook({ sheets, dateSystem: "1900" }, { profile: law, referenceDay: epochDay(2018, 4, 15), ...extra });

const careOf = (r: ReturnType<typeof review>) => r.figures.groups.map((g) => [g.careType, g.stays, g.liableDays]);
const assumptionsEn = (r: ReturnType<typeof review>) => r.assumptions.map((a) => a.en);

describe("care type without a care-type column", () => {
  it("takes it from the sheet's name, and shows the decision with its row count", () => {
    const r = review([sheet("Psykiatri mars", ["Avd 12", "Avd 14"])]);
    // Psychiatric care in 2018 has 30 grace days (the law's transition rule): 10 days each → 0 liable.
    // Taken as somatic (3 grace days) they would be 2 × (10 − 3) = 14 liable days.
    expect(careOf(r)).toEqual([["psychiatric", 2, 0]]);
    expect(assumptionsEn(r)).toContain('Care type on sheet "Psykiatri mars": 2 rows as psychiatric care by the sheet\'s name "Psykiatri mars". Choose the sheet\'s care type if this is wrong.');
    expect(r.sheets[0].careType).toMatchObject({ sheet: { type: "psychiatric", source: "sheetName" }, column: false, counts: { sheet: { psychiatric: 2, somatic: 0 }, fallback: 0 } });
    expect(r.findings.filter((f) => f.code === "MISSING_FIELD" && f.fields[0] === "careType")).toEqual([]);
  });

  it("takes it from a title row above the header", () => {
    const r = review([sheet("Underlag", ["Avd 12"], [["Fakturaunderlag psykiatrisk vård mars 2018"], []])]);
    expect(careOf(r)).toEqual([["psychiatric", 1, 0]]);
    expect(assumptionsEn(r).join("\n")).toContain('1 row as psychiatric care by the sheet\'s title "Fakturaunderlag psykiatrisk vård mars 2018"');
  });

  it("else from the unit's name, and only as the last resort somatic, saying how many rows each way", () => {
    const r = review([sheet("Blad1", ["Psykiatrisk avd 3", "Medicin 2", "Avd 9"])]);
    // psychiatric 10 days: 0 liable; somatic (unit) and somatic (fallback): 7 + 7 = 14.
    expect(careOf(r)).toEqual([["somatic", 2, 14], ["psychiatric", 1, 0]]);
    const line = assumptionsEn(r).find((a) => a.startsWith('Care type on sheet "Blad1"'));
    expect(line).toBe('Care type on sheet "Blad1": 1 row as psychiatric care by the unit\'s name; 1 row as somatic care by the unit\'s name; 1 row as somatic care, since nothing states the care type (ASSUMED). Choose the sheet\'s care type if this is wrong.');
    // The one row with no hint is the finding, with its count.
    const missing = r.findings.filter((f) => f.code === "MISSING_FIELD" && f.fields[0] === "careType");
    expect(missing).toHaveLength(1);
    expect(missing[0].message.en).toMatch(/care type of 1 row/);
  });

  it("is the column's where the column states it; the hints fill only its empty cells", () => {
    const values: CellValue[][] = [
      [...HEADER, "Vårdform"],
      [PNR[0], mar2018(1), mar2018(11), "Halmstad", "Avd 1", "Somatik"],
      [PNR[1], mar2018(1), mar2018(11), "Halmstad", "Avd 2", ""],
    ];
    const r = review([{ name: "Psykiatri", values }]);
    expect(careOf(r)).toEqual([["somatic", 1, 7], ["psychiatric", 1, 0]]);
    expect(r.sheets[0].careType.counts).toMatchObject({ column: { somatic: 1, psychiatric: 0 }, sheet: { psychiatric: 1, somatic: 0 } });
  });

  it("is the user's where the user chooses it for a sheet, over every hint and the column", () => {
    const r = review([sheet("Blad1", ["Psykiatrisk avd 3", "Medicin 2", "Avd 9"])], { careTypeBySheet: { Blad1: "psychiatric" } });
    expect(careOf(r)).toEqual([["psychiatric", 3, 0]]);
    expect(assumptionsEn(r)).toContain('Care type on sheet "Blad1": 3 rows as psychiatric care as the user chose for the sheet.');
    expect(r.findings.filter((f) => f.code === "MISSING_FIELD")).toEqual([]);
    const back = review([sheet("Psykiatri", ["Avd 1"])], { careTypeBySheet: { Psykiatri: "somatic" } });
    expect(careOf(back)).toEqual([["somatic", 1, 7]]);
  });
});
