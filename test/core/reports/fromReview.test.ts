/** The reports from a real review: the reader's stays, the key index of the same grid, all five sheets. */
import { getPreset } from "../../../src/core/agreements/presets";
import type { CellValue } from "../../../src/core/cells/cellValue";
import { epochDay } from "../../../src/core/cells/localDate";
import { REPORT_IDS, reportInputOf, reportSpecs } from "../../../src/core/reports";
import { reviewWorkbook } from "../../../src/core/review/reviewWorkbook";
import { specProblems, type SheetSpec } from "../../../src/core/sheets/sheetSpec";
import { keyWorkbookStays } from "../../../src/core/stays/keyWorkbook";

/** Excel 1900 serial of a 2023 January day: 2023-01-01 is 44927. */
const jan = (d: number, hour = 0) => 44926 + d + hour / 24;
const HEADER = ["Personnummer", "Inskrivningsdatum", "Inskrivningsmeddelande skickat", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Fast vårdkontakt"];
const ROWS: CellValue[][] = [
  // Notice 20 h after admission, contact named; ready 10th, out 14th: 4 days.
  ["19400101-1231", jan(2, 8), jan(3, 4), jan(10), jan(14), "Kalmar", "Eva"],
  // Notice 30 h after admission, no contact; 1 day. The municipality cell holds an identity number.
  ["19400102-1230", jan(2, 8), jan(3, 14), jan(10), jan(11), "Kalmar 19400103-1239", ""],
];

function review() {
  const grids = { sheets: [{ name: "Januari", values: [HEADER, ...ROWS] }], dateSystem: "1900" as const };
  const result = reviewWorkbook(grids, { profile: getPreset("kalmar-2019")!, referenceDay: epochDay(2023, 2, 15) });
  const keys = keyWorkbookStays(grids, { sheets: ["Januari"], referenceYear: 2023 });
  return reportInputOf(result, keys);
}

function strings(spec: SheetSpec): string[] {
  return [spec.name, spec.title, ...spec.notes, ...spec.tables.flatMap((t) => [t.caption, ...t.columns.map((c) => c.title), ...t.rows.flat().filter((c): c is string => typeof c === "string")])];
}

describe("the reports from a review", () => {
  const input = review();
  const all = reportSpecs("all", input, { lang: "sv", reveal: false });

  it("makes every report, each renderable, with sheet and table names unique in the workbook", () => {
    expect(all).toHaveLength(REPORT_IDS.length);
    for (const s of all) expect(specProblems(s)).toEqual([]);
    expect(new Set(all.map((s) => s.name)).size).toBe(all.length);
    const tables = all.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
    expect(new Set(tables).size).toBe(tables.length);
  });

  it("reads the notice, the contact and the keys from the reviewed rows", () => {
    const notice = all[REPORT_IDS.indexOf("noticeAndContact")];
    // Row 2: 20 h → in time, Eva; row 3: 30 h → late, no contact. Two municipalities by name.
    expect(notice.tables[0].rows.map((r) => [r[0], r[3], r[4], r[6], r[7]])).toEqual([
      ["Kalmar", 1, 1, 1, 1],
      ["Kalmar 19400103-****", 0, 1, 0, 1],
    ]);
    const delayed = all[REPORT_IDS.indexOf("delayedStays")];
    // Only row 2 has 3 days or more; its key is the digest of its identifying fields.
    expect(delayed.tables[1].rows).toEqual([["Kalmar", "Januari", 2, input.keys.at("Januari", 2)!.key, "19400101-****", "Somatik", "2023-01-10", "2023-01-14", 4, "2023-01"]]);
  });

  it("masks identity numbers in every text of every report unless revealed", () => {
    for (const s of all) for (const t of strings(s)) expect(t).not.toMatch(/1239|1231/);
    const shown = reportSpecs(["delayedStays"], input, { lang: "en", reveal: true });
    expect(strings(shown[0])).toContain("19400101-1231");
  });
});
