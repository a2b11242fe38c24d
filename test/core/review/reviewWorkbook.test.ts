import { getPreset, copyProfile } from "../../../src/core/agreements/presets";
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import type { CellValue, SheetGrid } from "../../../src/core/cells/cellValue";
import { epochDay } from "../../../src/core/cells/localDate";
import { recomputeFigures } from "../../../src/core/figures/computeFigures";
import { figureBasisBytes } from "../../../src/core/figures/figureBasis";
import { Arena } from "../../../src/core/memory/arena";
import { reviewWorkbook } from "../../../src/core/review/reviewWorkbook";
import { ReviewError } from "../../../src/core/review/reviewError";

/** Excel 1900 serial of an October 2023 day: 2023-10-01 is 45200. */
const oct = (d: number) => 45199 + d;

/** A Luhn-valid 12-digit number for a synthetic person born 1940-01-<day>, serial 123<n>. */
function pnr(day: number, n: number): string {
  const ten = `4001${String(day).padStart(2, "0")}123${n}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return `19${ten.slice(0, 9)}${(10 - (sum % 10)) % 10}`;
}

const HEADER = ["Personnummer", "Inskrivningsdatum", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Verksamhetsområde", "Antal dagar"];

/** Five Halmstad somatic stays discharged in October 2023 with 0, 3, 5, 1 and 4 ready days (sum 13). */
function invoiceSheet(): SheetGrid {
  const days: [number, number][] = [[2, 2], [3, 6], [10, 15], [20, 21], [24, 28]];
  const rows: CellValue[][] = [["Fakturaunderlag oktober 2023"], [], HEADER];
  days.forEach(([ready, discharge], i) =>
    rows.push([pnr(i + 1, i), oct(ready) - 1, oct(ready), oct(discharge), "Halmstad", "Somatik", discharge - ready]),
  );
  rows.push(["Summa", "", "", "", "", "", 13]);
  return { name: "Oktober", values: rows };
}

const notes: SheetGrid = { name: "Anteckningar", values: [["Att göra"], ["ring regionen"]] };
const today = epochDay(2023, 11, 15);
const halland = getPreset("halland-2022") as AgreementProfile;
const law = getPreset("lag-2017-612") as AgreementProfile;

describe("reviewWorkbook", () => {
  it("reviews only the invoice-basis sheet, with header row, period from the title and figures", () => {
    const result = reviewWorkbook({ sheets: [notes, invoiceSheet()], dateSystem: "1900" }, { profile: halland, referenceDay: today });
    expect(result.sheets.map((s) => [s.name, s.headerRow, s.rows])).toEqual([["Oktober", 3, 5]]);
    expect(result.sheets[0].skipped).toEqual([{ fromRow: 9, toRow: 9, reason: "total" }]);
    const [group] = result.figures.groups;
    // 13 days / 5 stays = 2.60 > 2.3: excessAverage (2.60 − 2.30) × 5 = 1.50 days; × 10 500 kr (2023) = 15 750 kr.
    expect(group).toMatchObject({ municipality: "Halmstad", careType: "somatic", period: "2023-10", stays: 5, zeroDayStays: 1, days: 13, average: 2.6, benchmark: 2.3, liableDays: 1.5, amount: 15750, invoicedDays: 13 });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.assumptions.map((a) => a.en).join("\n")).toMatch(/read from the sheet's title/);
    // The profile's own ASSUMED readings are shown too.
    for (const a of halland.assumptions) expect(result.assumptions).toContainEqual(a);
  });

  it("keeps only the figure basis's memory in the result", () => {
    const big = invoiceSheet();
    const result = reviewWorkbook({ sheets: [notes, big], dateSystem: "1900" }, { profile: law, referenceDay: today });
    // The basis's columns share one reservation sized for the basis alone: the invoice sheet's
    // 9 grid rows (the notes sheet is no invoice basis and is not read).
    const buffer = result.basis.statedDays.buffer;
    expect(buffer.byteLength).toBe(Arena.aligned(figureBasisBytes(big.values.length)));
    expect(result.basis.row.buffer).toBe(buffer);
  });

  it("bills individual days past the grace period under the law's default", () => {
    const result = reviewWorkbook({ sheets: [invoiceSheet()], dateSystem: "1900" }, { profile: law, referenceDay: today });
    // max(0, d − 3) over 0, 3, 5, 1, 4 = 0 + 0 + 2 + 0 + 1 = 3 days × 10 500 = 31 500 kr.
    expect(result.figures.groups[0]).toMatchObject({ liableDays: 3, amount: 31500 });
    expect(result.figures.totals).toMatchObject({ stays: 5, days: 13, liableDays: 3, amount: 31500 });
    // The sheet states no amounts: nothing invoiced to compare with.
    expect(result.figures.totals).toMatchObject({ invoicedAmount: null, difference: null });
  });

  it("recomputes figures under a changed profile from the basis alone (the what-if path)", () => {
    const result = reviewWorkbook({ sheets: [invoiceSheet()], dateSystem: "1900" }, { profile: halland, referenceDay: today });
    const copied = copyProfile(halland, { somatic: { benchmark: 2.0 } });
    if (!copied.ok) throw new Error(copied.problems.join("; "));
    const lower = copied.profile;
    // (2.60 − 2.00) × 5 = 3.00 days × 10 500 = 31 500 kr.
    expect(recomputeFigures(result.basis, lower).groups[0]).toMatchObject({ liableDays: 3, amount: 31500 });
    // Disputing the 5-day stay (row 6): 8 days / 4 stays = 2.00 ≤ 2.3, nothing owed.
    const disputed = recomputeFigures(result.basis, halland, { excludeRows: new Set(["Oktober!6"]) });
    expect(disputed.groups[0]).toMatchObject({ stays: 4, days: 8, average: 2, liableDays: 0, amount: 0 });
  });

  it("sorts findings by sheet and row and counts them", () => {
    const sheet = invoiceSheet();
    const values = sheet.values.map((r) => [...r]);
    values[4][0] = "19400102-1231"; // wrong check digit on Excel row 5
    values[7][3] = oct(19); // discharge 2023-10-19 before ready 2023-10-20 on Excel row 8
    const result = reviewWorkbook({ sheets: [{ ...sheet, values }], dateSystem: "1900" }, { profile: halland, referenceDay: today });
    const rows = result.findings.map((f) => f.row);
    expect(rows).toEqual([...rows].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(result.findings.find((f) => f.code === "INVALID_PERSON_ID")?.row).toBe(5);
    expect(result.findings.find((f) => f.code === "DISCHARGE_BEFORE_READY")?.row).toBe(8);
    expect(result.counts.byCode.INVALID_PERSON_ID).toBe(1);
    expect(result.counts.bySeverity.error).toBe(result.findings.filter((f) => f.severity === "error").length);
    // The row with discharge before ready leaves the figures: 4 stays remain.
    expect(result.figures.groups[0].stays).toBe(4);
  });

  it("counts a same-day discharge at an earlier clock time than the ready time with 0 days, and says so", () => {
    const sheet = invoiceSheet();
    const values = sheet.values.map((r) => [...r]);
    // Row 4 (first stay): ready 2023-10-02 14:00, discharged 2023-10-02 09:00.
    values[3][2] = oct(2) + 14 / 24;
    values[3][3] = oct(2) + 9 / 24;
    const result = reviewWorkbook({ sheets: [{ ...sheet, values }], dateSystem: "1900" }, { profile: halland, referenceDay: today });
    const f = result.findings.find((x) => x.code === "DISCHARGE_BEFORE_READY");
    expect(f).toMatchObject({ row: 4, severity: "warning" });
    expect(f?.message.en).toMatch(/counted with 0 days/);
    // Still 5 stays and 13 days (0 + 3 + 5 + 1 + 4), one of them a 0-day stay.
    expect(result.figures.groups[0]).toMatchObject({ stays: 5, days: 13, zeroDayStays: 1 });
    expect(result.figures.groups[0].rows).toContainEqual({ sheet: "Oktober", row: 4 });
  });

  it("says plainly when no sheet is an invoice basis", () => {
    expect(() => reviewWorkbook({ sheets: [notes], dateSystem: "1900" }, { profile: law, referenceDay: today })).toThrow(ReviewError);
    try {
      reviewWorkbook({ sheets: [notes], dateSystem: "1900" }, { profile: law, referenceDay: today });
    } catch (e) {
      expect((e as ReviewError).bilingual.sv).toMatch(/Hittade inget fakturaunderlag/);
    }
  });

  it("uses the caller's invoice period over the title's", () => {
    const result = reviewWorkbook(
      { sheets: [invoiceSheet()], dateSystem: "1900" },
      { profile: law, referenceDay: today, invoicePeriod: { fromDay: epochDay(2023, 11, 1), toDay: epochDay(2023, 11, 30) } },
    );
    expect(result.findings.filter((f) => f.code === "OUTSIDE_PERIOD")).toHaveLength(5);
  });
});
