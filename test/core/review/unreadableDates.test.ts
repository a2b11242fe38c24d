/** A date the count needs that cannot be read: the row leaves the figures (an error saying so), its invoice stays in the invoiced totals. */
import { getPreset } from "../../../src/core/agreements/presets";
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import { FORMULA_WITHOUT_VALUE, type CellValue } from "../../../src/core/cells/cellValue";
import { epochDay } from "../../../src/core/cells/localDate";
import { findRow } from "../../../src/core/figures/figureBasis";
import { reviewWorkbook } from "../../../src/core/review/reviewWorkbook";

const law = getPreset("lag-2017-612") as AgreementProfile;
/** Excel 1900 serial of an October 2023 day: 2023-10-01 is 45200. */
const oct = (d: number) => 45199 + d;
const HEADER = ["Personnummer", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Vårdform", "Antal dagar", "Debiterade dagar", "Belopp"];

// Row 2: a clean stay, ready 10-02 → discharged 10-12: 10 days, 7 billed × 10 500 = 73 500 kr.
// Rows 3–5: the same stay as stated, with a date that cannot be read.
const rows: CellValue[][] = [
  HEADER,
  ["19400101-1231", oct(2), oct(12), "Halmstad", "Somatik", 10, 7, 73500],
  ["19400102-1230", "okänt datum", oct(12), "Halmstad", "Somatik", 10, 7, 73500],
  ["19400103-1239", oct(2), "#N/A", "Halmstad", "Somatik", 10, 7, 73500],
  ["19400104-1238", oct(2), FORMULA_WITHOUT_VALUE, "Halmstad", "Somatik", 10, 7, 73500],
];

describe("an unreadable date the count needs", () => {
  // countOpenStays: an unreadable discharge date must not pass for a stay still open.
  const result = reviewWorkbook(
    { sheets: [{ name: "Okt", values: rows }], dateSystem: "1900" },
    { profile: law, referenceDay: epochDay(2023, 11, 15), invoicePeriod: { fromDay: epochDay(2023, 10, 1), toDay: epochDay(2023, 10, 31) }, countOpenStays: true },
  );
  const invalid = result.findings.filter((f) => f.code === "INVALID_VALUE");

  it("is an error saying the row is left out of the figures, in both languages", () => {
    expect(invalid.map((f) => [f.row, f.fields[0], f.severity])).toEqual([
      [3, "readyDate", "error"],
      [4, "dischargeDate", "error"],
      [5, "dischargeDate", "error"],
    ]);
    for (const f of invalid) {
      expect(f.message.en).toMatch(/the row is left out of the figures/);
      expect(f.message.sv).toMatch(/raden tas inte med i beräkningen/);
      expect(`${f.message.en} ${f.message.sv}`).not.toMatch(/treated as empty|behandlas som tomt/);
    }
    expect(invalid[2].message.en).toMatch(/formula without a stored value/);
  });

  it("leaves the rows out of the recomputed figures, and not as open stays", () => {
    for (const row of [3, 4, 5]) expect(findRow(result.basis, `Okt!${row}`)).toBe(-1);
    expect(result.basis.left).toMatchObject({ unreadableDates: 3, open: 0 });
    expect(result.figures.groups).toHaveLength(1);
    expect(result.figures.groups[0]).toMatchObject({ stays: 1, days: 10, liableDays: 7, amount: 73500, invoicedAmount: 73500 });
    // No STILL_ADMITTED or LONG_STAY for a discharge date that is there but unreadable.
    expect(result.findings.filter((f) => f.code === "STILL_ADMITTED" || f.code === "LONG_STAY")).toEqual([]);
  });

  it("keeps their stated days and amounts in the invoiced totals, so the difference shows what is at stake", () => {
    // Invoiced: 4 × 73 500 = 294 000 kr; the model gives 73 500 kr for the one countable row:
    // difference 294 000 − 73 500 = 220 500 kr, the three rows' 3 × 73 500.
    expect(result.figures.totals).toMatchObject({
      stays: 1,
      amount: 73500,
      invoicedAmount: 294000,
      difference: 220500,
      leftOut: { rows: 3, invoicedDays: 30, invoicedBilledDays: 21, invoicedAmount: 220500 },
    });
  });
});
