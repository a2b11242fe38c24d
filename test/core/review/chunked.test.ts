/**
 * The review reads each sheet in chunks of a few thousand rows (checking each chunk before the
 * next is read into the same memory). These tests hold it to the whole-sheet path: the same
 * findings and figures, whatever falls on a chunk boundary.
 */
import { getPreset } from "../../../src/core/agreements/presets";
import type { CellValue, WorkbookGrids } from "../../../src/core/cells/cellValue";
import { runChecks } from "../../../src/core/checks/runChecks";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import { recomputeFigures } from "../../../src/core/figures/computeFigures";
import { reviewWorkbook } from "../../../src/core/review/reviewWorkbook";
import { readSheet } from "../../../src/core/sheet/readSheet";
import { cleanStay, COL, epochDayOf, HEADERS, prng, stayToSerialRow } from "../../../scripts/bench-stays";

const OCT_1 = epochDayOf(2023, 10, 1);
const OCT_31 = epochDayOf(2023, 10, 31);
const TODAY = epochDayOf(2023, 11, 15);
const law = getPreset("lag-2017-612")!;

/** Two sheets of clean synthetic stays, with trouble planted on and around chunk boundaries (4,096 rows). */
function messyWorkbook(): WorkbookGrids {
  const rand = prng(42);
  const sheet = (name: string, rows: number, offset: number) => {
    const values: CellValue[][] = [[...HEADERS]];
    for (let i = 1; i < rows; i++) values.push(stayToSerialRow(cleanStay(rand, offset + i, OCT_1, OCT_31)));
    return { name, values };
  };
  const a = sheet("Oktober A", 9_000, 0);
  const b = sheet("Oktober B", 3_000, 100_000);
  const copyRow = (r: CellValue[]) => [...r];
  // A duplicate of row 10 far away, in the third chunk; and of A's row 20 on sheet B.
  a.values[8_500] = copyRow(a.values[9]);
  b.values[50] = copyRow(a.values[19]);
  // The same person, overlapping stays, on both sides of the first chunk boundary (grid rows 4,096/4,098).
  const person = a.values[4_095][COL.Personnummer];
  a.values[4_097] = copyRow(a.values[4_095]);
  a.values[4_097][COL["Vårdtillfälle"]] = "EXTRA-1";
  (a.values[4_097] as number[])[COL.Inskrivningsdatum] = (a.values[4_095][COL.Inskrivningsdatum] as number) + 1;
  expect(a.values[4_097][COL.Personnummer]).toBe(person);
  // Unreadable cells, blank rows, a repeated header and a total row in the middle.
  a.values[4_096][COL["Utskrivningsklar datum"]] = "#N/A";
  a.values[6_000][COL.Personnummer] = "19121212-1213";
  a.values[7_000] = [];
  a.values[7_001] = [...HEADERS];
  a.values[7_002] = ["Summa", "", "", "", "", "", "", "", "", "", "", "", "", "", "", 1234];
  a.values[8_999][COL["Antal dagar"]] = "tre";
  return { sheets: [a, b], dateSystem: "1900" };
}

describe("a review read in chunks", () => {
  const grids = messyWorkbook();
  const result = reviewWorkbook(grids, { profile: law, referenceDay: TODAY });

  // The whole-sheet path: every sheet read into one table, checked, then the basis.
  const readings = grids.sheets.map((s) => readSheet(s, { dateSystem: "1900", referenceYear: 2023 }));
  const checked = runChecks(readings, { profile: law, referenceDay: TODAY, invoicePeriod: null });
  const errorRows = new Set(checked.findings.filter((f) => f.severity === "error" && f.row !== null).map((f) => `${f.sheet}!${f.row}`));
  const basis = buildFigureBasis(
    readings.map((r) => r.table),
    { openStaysUntilDay: null, errorRows },
  );
  const whole = recomputeFigures(basis, law);

  test("finds what the whole-sheet path finds, on both sides of chunk boundaries", () => {
    const key = (f: { sheet: string; row: number | null; code: string; columns: string[]; message: { en: string } }) =>
      `${f.sheet}|${f.row}|${f.code}|${f.columns.join(",")}|${f.message.en}`;
    const fromReview = result.findings.filter((f) => f.code !== "PRICE_UNKNOWN" && !f.code.startsWith("BENCHMARK")).map(key).sort();
    const fromWhole = [...readings.flatMap((r) => r.findings), ...checked.findings].map(key).sort();
    expect(fromReview).toEqual(fromWhole);
    const codesAt = (sheet: string, row: number) => result.findings.filter((f) => f.sheet === sheet && f.row === row).map((f) => f.code);
    // Grid index i is Excel row i + 1.
    expect(codesAt("Oktober A", 8_501)).toContain("DUPLICATE_STAY");
    expect(codesAt("Oktober B", 51)).toContain("DUPLICATE_STAY");
    expect(codesAt("Oktober A", 4_098)).toContain("OVERLAPPING_STAYS");
    expect(codesAt("Oktober A", 4_097)).toContain("INVALID_VALUE");
    expect(codesAt("Oktober A", 6_001)).toContain("INVALID_PERSON_ID");
    expect(codesAt("Oktober A", 9_000)).toContain("INVALID_VALUE");
    const dup = result.findings.find((f) => f.sheet === "Oktober A" && f.row === 8_501 && f.code === "DUPLICATE_STAY")!;
    expect(dup.relatedRows).toEqual([10]);
  });

  test("reports the same rows, skipped rows and figures", () => {
    expect(result.sheets.map((s) => [s.name, s.rows, s.skipped])).toEqual(readings.map((r) => [r.sheet, r.rows, r.skipped]));
    expect(result.sheets[0].skipped.map((s) => s.reason)).toEqual(["blank", "repeated-header", "total"]);
    expect(result.figures.groups).toEqual(whole.groups);
    expect(result.figures.totals).toEqual(whole.totals);
  });
});
