/**
 * Slash dates whose order the cells leave open (10/11/2023) and rows that decide it
 * (25/11/2023 only day first, 11/25/2023 only month first): one order per column, decided by
 * the rows that decide, said once per column among the assumptions.
 */
import fc from "fast-check";
import { getPreset } from "../../../src/core/agreements/presets";
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import type { CellValue } from "../../../src/core/cells/cellValue";
import { epochDay, formatDay } from "../../../src/core/cells/localDate";
import { reviewWorkbook } from "../../../src/core/review/reviewWorkbook";
import { readSheet } from "../../../src/core/sheet/readSheet";
import { staysOf } from "../../../src/core/sheet/stayTable";

const HEADER = ["Personnummer", "Utskrivningsklar datum", "Utskrivningsdatum"];
const OPTS = { dateSystem: "1900" as const, referenceYear: 2023 };
const read = (rows: CellValue[][]) => readSheet({ name: "Okt", values: [HEADER, ...rows] }, OPTS);
const row = (ready: CellValue, discharge: CellValue = "2023-12-31"): CellValue[] => ["19121212-1212", ready, discharge];
const readyDays = (r: ReturnType<typeof read>) => staysOf(r.table).map((s) => (s.ready ? formatDay(s.ready.day) : null));

describe("slash dates, one order per column", () => {
  test("ambiguous and undecided: read day first (Swedish), said once for the column", () => {
    const r = read([row("10/11/2023"), row("3/4/2023"), row("10/11/2023 14:05")]);
    expect(readyDays(r)).toEqual(["2023-11-10", "2023-04-03", "2023-11-10"]);
    expect(r.notes?.map((n) => n.en)).toEqual([
      'ASSUMED: in sheet "Okt", column B (Discharge-ready date) 3 slash dates (e.g. row 2 "10/11/2023") read either as day/month or as month/day, and no row decides: they are read as day/month/year (the Swedish order).',
    ]);
    expect(r.notes![0].sv).toContain('bladet "Okt", kolumn B (Utskrivningsklar datum)');
    expect(r.findings).toEqual([]);
  });

  test("a row that reads only month first decides the column, rows above it included", () => {
    const r = read([row("10/11/2023"), row("11/25/2023"), row("2/3/2023")]);
    expect(readyDays(r)).toEqual(["2023-10-11", "2023-11-25", "2023-02-03"]);
    expect(r.findings).toEqual([]);
    expect(r.notes?.map((n) => n.en)).toEqual([
      'In sheet "Okt", column B (Discharge-ready date) slash dates are read as month/day/year: row 3 "11/25/2023" reads only so, which decides 2 dates that could read either way.',
    ]);
  });

  test("a row that reads only day first keeps the Swedish order, and says it decided", () => {
    const r = read([row("10/11/2023"), row("25/11/2023")]);
    expect(readyDays(r)).toEqual(["2023-11-10", "2023-11-25"]);
    expect(r.notes?.map((n) => n.en)).toEqual([
      'In sheet "Okt", column B (Discharge-ready date) slash dates are read as day/month/year: row 3 "25/11/2023" reads only so, which decides 1 date that could read either way.',
    ]);
  });

  test("unambiguous day-first dates alone need no note", () => {
    const r = read([row("25/11/2023"), row("5/5/2023")]);
    expect(readyDays(r)).toEqual(["2023-11-25", "2023-05-05"]);
    expect(r.notes).toEqual([]);
  });

  test("rows that disagree: the more of them win, the others are errors that name the order", () => {
    const r = read([row("25/11/2023"), row("11/25/2023"), row("26/11/2023"), row("10/11/2023")]);
    expect(readyDays(r)).toEqual(["2023-11-25", null, "2023-11-26", "2023-11-10"]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: "INVALID_VALUE", row: 3, columns: ["B"] });
    expect(r.findings[0].message.en).toContain('"11/25/2023" is no date as day/month/year, the order the column\'s dates are read in');
    expect(r.notes?.[0].en).toMatch(/^ASSUMED: in sheet "Okt", column B .* only as day\/month on 2 rows .* only as month\/day on 1 .* read as day\/month\/year/);
  });

  test("each column decides for itself", () => {
    const r = read([row("10/11/2023", "10/12/2023"), row("11/25/2023", "25/12/2023")]);
    expect(readyDays(r)).toEqual(["2023-10-11", "2023-11-25"]);
    expect(staysOf(r.table).map((s) => formatDay(s.discharge!.day))).toEqual(["2023-12-10", "2023-12-25"]);
    expect(r.notes?.map((n) => n.en)).toEqual([
      expect.stringMatching(/^In sheet "Okt", column B \(Discharge-ready date\) slash dates are read as month\/day\/year: row 3/),
      expect.stringMatching(/^In sheet "Okt", column C \(Discharge date\) slash dates are read as day\/month\/year: row 3/),
    ]);
  });

  test("a review reads in chunks: a deciding row far down still decides the first rows, and the note is shown once", () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 9000; i++) rows.push(["19121212-1212", i === 8500 ? "10/25/2023" : "10/11/2023", "10/30/2023"]);
    const result = reviewWorkbook(
      { sheets: [{ name: "Okt", values: [HEADER, ...rows] }], dateSystem: "1900" },
      { profile: getPreset("lag-2017-612") as AgreementProfile, referenceDay: epochDay(2023, 11, 15) },
    );
    const notes = result.assumptions.filter((a) => a.en.includes('sheet "Okt", column B'));
    expect(notes.map((n) => n.en)).toEqual([
      'In sheet "Okt", column B (Discharge-ready date) slash dates are read as month/day/year: row 8502 "10/25/2023" reads only so, which decides 8999 dates that could read either way.',
    ]);
    // Month first: 8999 stays 11 October → 30 October (19 days), one 25 → 30 October (5 days):
    // 8999 × 19 + 5 = 170 986. Day first would have read 10 November and failed 10/30/2023.
    expect(result.figures.totals.days).toBe(8999 * 19 + 5);
    expect(result.findings.filter((f) => f.code === "INVALID_VALUE")).toEqual([]);
  });

  test("one order per column, any dates: with one deciding row, every row reads as its true date (property)", () => {
    const date = fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(fc.constantFrom("dayFirst", "monthFirst"), fc.array(date, { minLength: 1, maxLength: 30 }), fc.nat(), fc.integer({ min: 13, max: 28 }), (order, dates, at, bigDay) => {
        // One row whose day is above 12: it can only be read one way.
        const all = [...dates];
        all.splice(at % (all.length + 1), 0, { month: 1 + (at % 12), day: bigDay });
        const text = (d: { month: number; day: number }) => (order === "dayFirst" ? `${d.day}/${d.month}/2023` : `${d.month}/${d.day}/2023`);
        const r = read(all.map((d) => row(text(d))));
        expect(readyDays(r)).toEqual(all.map((d) => formatDay(epochDay(2023, d.month, d.day))));
        expect(r.findings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
