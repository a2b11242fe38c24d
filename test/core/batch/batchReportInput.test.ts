/**
 * The follow-up reports over a batch (batchReportInputOf): the combined basis, each stay found
 * again on its `[file]sheet` among its own file's kept stays (CompactStays), the findings named
 * the same way. Two files hold what one file would: the reports count the same.
 */
import { getPreset } from "../../../src/core/agreements/presets";
import { batchReportInputOf } from "../../../src/core/batch/batchReportInput";
import { CompactStays } from "../../../src/core/batch/compactStays";
import { combineReviews } from "../../../src/core/batch/reviewBatch";
import type { CellValue, WorkbookGrids } from "../../../src/core/cells/cellValue";
import { epochDay } from "../../../src/core/cells/localDate";
import { reportInputOf, reportSpecs } from "../../../src/core/reports";
import { reviewWorkbook } from "../../../src/core/review/reviewWorkbook";
import { keyWorkbookStays } from "../../../src/core/stays/keyWorkbook";

/** Excel 1900 serial of a 2023 January day: 2023-01-01 is 44927. */
const jan = (d: number, hour = 0) => 44926 + d + hour / 24;
const HEADER = ["Personnummer", "Vårdtillfälle", "Inskrivningsdatum", "Inskrivningsmeddelande skickat", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Fast vårdkontakt"];
const A: CellValue[][] = [
  // Notice 20 h after admission, contact named; ready 10th, out 14th: 4 days.
  ["19400101-1231", "K-1", jan(2, 8), jan(3, 4), jan(10), jan(14), "Kalmar", "Eva"],
  // Notice 30 h after admission, no contact; 1 day.
  ["19400102-1230", "K-2", jan(2, 8), jan(3, 14), jan(10), jan(11), "Kalmar", ""],
];
const B: CellValue[][] = [
  // Notice 2 h after admission, contact named; 5 days.
  ["19400104-1238", "K-3", jan(5, 8), jan(5, 10), jan(12), jan(17), "Kalmar", "Per"],
  // The notice cell cannot be read: not determinable (not late); contact named; 3 days.
  ["19400105-1237", "K-4", jan(5, 8), "när som helst", jan(12), jan(15), "Kalmar", "Eva"],
];
const profile = getPreset("kalmar-2019")!;
const referenceDay = epochDay(2023, 2, 15);
const grid = (rows: CellValue[][]): WorkbookGrids => ({ sheets: [{ name: "Januari", values: [HEADER, ...rows] }], dateSystem: "1900" });

function batchInput() {
  const reviews = [
    { file: "2023-01a.xlsx", rows: A },
    { file: "2023-01b.xlsx", rows: B },
  ].map(({ file, rows }) => {
    const g = grid(rows);
    const result = reviewWorkbook(g, { profile, referenceDay });
    return { file, result, stays: CompactStays.ofWorkbook(g, { sheets: ["Januari"], referenceYear: 2023 }).compact };
  });
  return batchReportInputOf(combineReviews(reviews, profile), reviews);
}

function oneFileInput() {
  const g = grid([...A, ...B]);
  return reportInputOf(reviewWorkbook(g, { profile, referenceDay }), keyWorkbookStays(g, { sheets: ["Januari"], referenceYear: 2023 }));
}

describe("batchReportInputOf", () => {
  const [notice, delayed] = reportSpecs(["delayedStays", "noticeAndContact"], batchInput(), { lang: "sv", reveal: false }).reverse();

  it("reads the notice and the contact from each file's kept stays, an unreadable cell not determinable", () => {
    // Kalmar 2023-01, 4 stays. Notice: in time K-1 and K-3, late K-2, K-4 unreadable → 2 of 3.
    // Contact: K-1, K-3, K-4 named, K-2 empty → 3 of 4. Both: K-1, K-3 of the 3 determinable → 2 of 3.
    expect(notice.tables[0].rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[6], r[7], r[9], r[10]])).toEqual([["Kalmar", "2023-01", 4, 2, 3, 3, 4, 2, 3]]);
  });

  it("counts as one file holding the same rows would", () => {
    const [oneNotice] = reportSpecs(["noticeAndContact"], oneFileInput(), { lang: "sv", reveal: false });
    expect(notice.tables[0].rows).toEqual(oneNotice.tables[0].rows);
  });

  it("names each delayed stay's file, sheet and row, the identity number masked as written", () => {
    // 3 days or more: K-1 (4 days, file a row 2), K-3 (5, file b row 2), K-4 (3, file b row 3).
    expect(delayed.tables[1].rows.map((r) => [r[1], r[2], r[3], r[4], r[8]])).toEqual([
      ["[2023-01a.xlsx]Januari", 2, "id:K-1", "19400101-****", 4],
      ["[2023-01b.xlsx]Januari", 2, "id:K-3", "19400104-****", 5],
      ["[2023-01b.xlsx]Januari", 3, "id:K-4", "19400105-****", 3],
    ]);
    const shown = reportSpecs(["delayedStays"], batchInput(), { lang: "sv", reveal: true })[0];
    expect(shown.tables[1].rows[0][4]).toBe("19400101-1231");
  });
});
