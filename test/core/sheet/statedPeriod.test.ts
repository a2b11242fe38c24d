import { epochDay, formatDay } from "../../../src/core/cells/localDate";
import { findStatedPeriod, periodFromText } from "../../../src/core/sheet/statedPeriod";

const range = (text: string) => {
  const p = periodFromText(text);
  return p ? `${formatDay(p[0])}..${formatDay(p[1])}` : null;
};

describe("periodFromText", () => {
  test.each([
    ["Fakturaunderlag oktober 2023", "2023-10-01..2023-10-31"],
    ["FAKTURAUNDERLAG OKTOBER 2023", "2023-10-01..2023-10-31"],
    ["Januari 2024", "2024-01-01..2024-01-31"],
    ["Invoice basis February 2024", "2024-02-01..2024-02-29"],
    ["Underlag feb 2023", "2023-02-01..2023-02-28"],
    ["Mars 2023", "2023-03-01..2023-03-31"],
    ["Period: maj 2023", "2023-05-01..2023-05-31"],
    ["Period: 2023-10", "2023-10-01..2023-10-31"],
    ["Period 2023-1", "2023-01-01..2023-01-31"],
    ["Period 202310", "2023-10-01..2023-10-31"],
    ["Period 10/2023", "2023-10-01..2023-10-31"],
    ["Period 2023-10-01 - 2023-10-31", "2023-10-01..2023-10-31"],
    ["Period 2023-10-01 – 2023-12-31", "2023-10-01..2023-12-31"],
    ["Utskrivna 2023-10-01 t.o.m. 2023-10-15", "2023-10-01..2023-10-15"],
    ["Oktober–december 2023", "2023-10-01..2023-12-31"],
    ["nov 2023 - jan 2024", "2023-11-01..2024-01-31"],
    ["Kvartal 3 2023", "2023-07-01..2023-09-30"],
    ["Q1 2024", "2024-01-01..2024-03-31"],
    ["2024 Q2", "2024-04-01..2024-06-30"],
    ["Halvår 2 2023", "2023-07-01..2023-12-31"],
  ])("%s → %s", (text, expected) => {
    expect(range(text)).toBe(expected);
  });

  test.each([
    ["Fakturaunderlag"],
    ["Utskriven 2023-10-05"],
    ["Skapad 5/11/2023"],
    ["Period 2023-13"],
    ["Period 2023-10-31 - 2023-10-01"],
    ["Marsvin 2023"],
    ["Region Halland"],
  ])("%s names no period", (text) => {
    expect(periodFromText(text)).toBeNull();
  });
});

describe("findStatedPeriod", () => {
  test("the first title row that names a period, with its text as label", () => {
    expect(findStatedPeriod([["Region Halland"], [null, "  Fakturaunderlag januari 2024 "]])).toEqual({
      fromDay: epochDay(2024, 1, 1),
      toDay: epochDay(2024, 1, 31),
      label: "Fakturaunderlag januari 2024",
    });
  });

  test("a label cell and a value cell are read together", () => {
    expect(findStatedPeriod([["Period:", "2023-10"]])?.label).toBe("Period: 2023-10");
    expect(findStatedPeriod([["Period", 45000, "2023-10"]])?.label).toBe("Period 2023-10");
    // split over cells: "oktober" | "2023" names a month only together
    expect(findStatedPeriod([["Fakturaunderlag", "oktober", 2023, "2023"]])).toEqual({
      fromDay: epochDay(2023, 10, 1),
      toDay: epochDay(2023, 10, 31),
      label: "Fakturaunderlag oktober 2023",
    });
    // a cell that names a period on its own keeps its own label when the row says something else
    expect(findStatedPeriod([["Januari 2024", "Utskrivna 2023-12-01 - 2023-12-31"]])?.label).toBe("Januari 2024");
  });

  test("nothing stated: null", () => {
    expect(findStatedPeriod([])).toBeNull();
    expect(findStatedPeriod([["Fakturaunderlag"], [1, true, null]])).toBeNull();
  });
});
