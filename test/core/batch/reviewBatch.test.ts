/**
 * Several files reviewed as one: one group per municipality × care type × period across files
 * (one average from all its stays), a stay invoiced in two files counted once, a re-invoiced
 * stay counted in its latest version, and every cross-file message agreeing with the figures.
 */
import { getPreset } from "../../../src/core/agreements/presets";
import { combineReviews, rowPlace, type BatchResult } from "../../../src/core/batch/reviewBatch";
import { batchSummarySpec } from "../../../src/core/batch/batchSheet";
import { CompactStays } from "../../../src/core/batch/compactStays";
import { specProblems } from "../../../src/core/sheets/sheetSpec";
import { epochDay } from "../../../src/core/cells/localDate";
import { findRow } from "../../../src/core/figures/figureBasis";
import { recomputeFigures } from "../../../src/core/figures/computeFigures";
import { reviewWorkbook } from "../../../src/core/review/reviewWorkbook";
import { keyWorkbookStays } from "../../../src/core/stays/keyWorkbook";
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import { grids } from "./fixtures";

const NAMES = ["2023-09.xlsx", "2023-10.xlsx", "2023-11.xlsx"];

function batch(profile: AgreementProfile, names = NAMES, compact: false | "index" | "workbook" = false): BatchResult {
  const reviews = names.map((file) => {
    const g = grids(file);
    const result = reviewWorkbook(g, { profile, referenceDay: epochDay(2023, 12, 15) });
    const index = keyWorkbookStays(g, { sheets: result.sheets.map((s) => s.name), referenceYear: 2023 });
    return { file, result, stays: compact === "index" ? CompactStays.of(index) : compact === "workbook" ? CompactStays.ofWorkbook(g, { sheets: result.sheets.map((s) => s.name), referenceYear: 2023 }).compact : index };
  });
  return combineReviews(reviews, profile);
}

const law = getPreset("lag-2017-612")!;
const halland = getPreset("halland-2022")!;

describe("combineReviews", () => {
  const r = batch(law);
  const cross = r.findings.filter((f) => f.code.startsWith("CROSS_FILE"));

  it("finds the stay invoiced in two files, naming both files and rows", () => {
    const dup = cross.filter((f) => f.code === "CROSS_FILE_DUPLICATE");
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ file: "2023-10.xlsx", sheet: "Underlag", row: 2, severity: "error", columns: ["B"], related: [{ file: "2023-09.xlsx", sheet: "Underlag", row: 2 }] });
    expect(dup[0].message.en).toBe(
      'The stay "V-1" is also invoiced in 2023-09.xlsx, Underlag row 2, with the same patient, dates, municipality and unit. This row is left out of the figures (what it invoices stays in Invoiced); the figures count the stay on 2023-09.xlsx, Underlag row 2.',
    );
    expect(dup[0].message.sv).toMatch(/^Vistelsen "V-1" faktureras också i 2023-09\.xlsx, Underlag rad 2, .* Raden tas inte med i beräkningen/);
  });

  it("finds the stay re-invoiced with another discharge date, naming both, and counts the later one", () => {
    const again = cross.filter((f) => f.code === "CROSS_FILE_REINVOICED");
    // One on each row: the earlier row leaves the figures, so it says so too.
    expect(again).toHaveLength(2);
    const [earlier, later] = again;
    expect(later).toMatchObject({ file: "2023-10.xlsx", row: 4, severity: "warning", related: [{ file: "2023-09.xlsx", sheet: "Underlag", row: 3 }] });
    expect(later.message.en).toContain("was invoiced before in 2023-09.xlsx, Underlag row 3, with other details: discharge 2023-09-21 → 2023-09-24.");
    expect(later.message.en).toContain("This row is counted; the row in 2023-09.xlsx, Underlag row 3 is not.");
    expect(later.message.sv).toContain("utskrivning 2023-09-21 → 2023-09-24");
    expect(earlier).toMatchObject({ file: "2023-09.xlsx", row: 3, related: [{ file: "2023-10.xlsx", sheet: "Underlag", row: 4 }] });
    expect(earlier.message.en).toBe(
      'The stay "V-2" is invoiced again in 2023-10.xlsx, Underlag row 4, with other details: discharge 2023-09-21 → 2023-09-24. The latest invoicing stands (ASSUMED: a later invoice corrects an earlier one). This row is left out of the figures (what it invoices stays in Invoiced); the figures count the stay on 2023-10.xlsx, Underlag row 4.',
    );
    expect(r.crossFile).toEqual({ stays: 2, duplicates: 1, reinvoiced: 2, rowsLeftOut: 2 });
  });

  it("computes the figures once over all files, each stay once (hand-computed)", () => {
    // Law: liable = max(0, days − 3), 10 500 kr a day in 2023.
    // 2023-09: V-1 (5 days, from 2023-09.xlsx) + V-2 as re-invoiced (09-20→09-24: 4 days) = 2 stays, 9 days,
    //          liable 2 + 1 = 3 → 31 500 kr; invoiced 21 000 + 10 500 = 31 500.
    // 2023-10: V-3 (4 days, October file) + V-4 (2) + V-5 (0) from the November file = 3 stays, 6 days,
    //          liable 1 + 0 + 0 = 1 → 10 500 kr; invoiced 10 500 + 0 + 0.
    expect(r.figures.groups.map((g) => [g.municipality, g.period, g.stays, g.days, g.liableDays, g.amount, g.invoicedAmount])).toEqual([
      ["Halmstad", "2023-09", 2, 9, 3, 31500, 31500],
      ["Halmstad", "2023-10", 3, 6, 1, 10500, 10500],
    ]);
    // Left out: V-1 again in October (21 000) and V-2's first version (0): invoiced 63 000 in all, 42 000 owed.
    expect(r.figures.totals).toMatchObject({ stays: 5, amount: 42000, invoicedAmount: 63000, difference: 21000, leftOut: { rows: 2, invoicedAmount: 21000 } });
    const rows = r.figures.groups[0].rows.map(rowPlace);
    expect(rows).toEqual([
      { file: "2023-09.xlsx", sheet: "Underlag", row: 2 },
      { file: "2023-10.xlsx", sheet: "Underlag", row: 4 },
    ]);
  });

  it("one average per period from all its stays, not an average of the files' averages", () => {
    const h = batch(halland);
    // Halland: monthly average, benchmark 2.3, excess (average − 2.3) × stays, 0-day stays included.
    // 2023-09: 9 days / 2 stays = 4.50 → (4.50 − 2.30) × 2 = 4.40 liable days × 10 500 = 46 200 kr.
    // 2023-10: 6 days / 3 stays = 2.00 ≤ 2.3 → nothing owed (the files' own averages, 4.0 and 1.0,
    //          average 2.5 and would owe).
    expect(h.figures.groups.map((g) => [g.period, g.stays, g.days, g.average, g.liableDays, g.amount])).toEqual([
      ["2023-09", 2, 9, 4.5, 4.4, 46200],
      ["2023-10", 3, 6, 2, 0, 0],
    ]);
    // The what-if path runs on the combined basis as on a file's.
    expect(recomputeFigures(h.basis, law).totals.amount).toBe(42000);
  });

  it("every cross-file message says what the figures did with its row", () => {
    for (const f of cross) {
      const inFigures = findRow(r.basis, `[${f.file}]${f.sheet}!${f.row}`) >= 0;
      expect({ row: `${f.file}!${f.row}`, counted: /This row is counted/.test(f.message.en), sv: /Raden räknas med/.test(f.message.sv) }).toEqual({ row: `${f.file}!${f.row}`, counted: inFigures, sv: inFigures });
      expect(/left out of the figures/.test(f.message.en)).toBe(!inFigures);
    }
    // And the row a finding says counts is in the figures.
    expect(findRow(r.basis, "[2023-09.xlsx]Underlag!2")).toBeGreaterThanOrEqual(0);
    expect(findRow(r.basis, "[2023-09.xlsx]Underlag!3")).toBe(-1);
  });

  it("files in another order: the latest version is the one later in that order", () => {
    const back = batch(law, ["2023-10.xlsx", "2023-09.xlsx"]);
    const again = back.findings.find((f) => f.code === "CROSS_FILE_REINVOICED" && f.file === "2023-09.xlsx")!;
    // Now the September file is the later one: its V-2 (1 day) counts, the October version (4 days) does not.
    expect(again).toMatchObject({ file: "2023-09.xlsx", row: 3 });
    expect(again.message.en).toContain("discharge 2023-09-24 → 2023-09-21");
    const sept = back.figures.groups.find((g) => g.period === "2023-09")!;
    // V-1 (5 days) + V-2 (1 day) = 6 days; V-1 counts on the October file's row, the first in this order.
    expect([sept.stays, sept.days]).toEqual([2, 6]);
    expect(sept.rows.map(rowPlace)).toEqual([
      { file: "2023-09.xlsx", sheet: "Underlag", row: 3 },
      { file: "2023-10.xlsx", sheet: "Underlag", row: 2 },
    ]);
  });

  it("the compact stays (the grid let go) give the same findings and figures as the full index", () => {
    for (const how of ["index", "workbook"] as const) {
      const compact = batch(law, NAMES, how);
      expect(compact.findings).toEqual(r.findings);
      expect(compact.figures.totals).toEqual(r.figures.totals);
    }
  });

  it("names every finding's file and keeps each file's findings in row order", () => {
    expect(r.findings.every((f) => f.file === "" || NAMES.includes(f.file))).toBe(true);
    const files = r.findings.filter((f) => f.file !== "").map((f) => NAMES.indexOf(f.file));
    expect(files).toEqual([...files].sort((a, b) => a - b));
  });

  it("the summary sheet is a valid spec with the figures, the files and the cross-file findings", () => {
    const spec = batchSummarySpec(r, { lang: "en", today: "2023-12-15" });
    expect(specProblems(spec)).toEqual([]);
    const [figures, files, dupes] = spec.tables;
    // Average 9 / 2 = 4.5 and 6 / 3 = 2 (shown under the law too); no benchmark under the law.
    expect(figures.rows).toEqual([
      ["Halmstad", "somatic", "2023-09", 2, 9, 4.5, null, 3, 31500, 31500, 0],
      ["Halmstad", "somatic", "2023-10", 3, 6, 2, null, 1, 10500, 10500, 0],
    ]);
    expect(files.rows.map((row) => row.slice(0, 5))).toEqual([
      ["2023-09.xlsx", "Underlag", 2, 1, 1],
      ["2023-10.xlsx", "Underlag", 3, 2, 1],
      ["2023-11.xlsx", "Underlag", 2, 2, 0],
    ]);
    expect(dupes.rows.map((row) => row.slice(0, 4))).toEqual([
      ["2023-09.xlsx", "Underlag", 3, "CROSS_FILE_REINVOICED"],
      ["2023-10.xlsx", "Underlag", 2, "CROSS_FILE_DUPLICATE"],
      ["2023-10.xlsx", "Underlag", 4, "CROSS_FILE_REINVOICED"],
    ]);
    expect(spec.notes.join("\n")).toMatch(/3 files reviewed together/);
  });
});
