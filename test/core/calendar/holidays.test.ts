import { epochDay, formatDay } from "../../../src/core/cells/localDate";
import {
  countSwedishWorkdays,
  easterSunday,
  isSwedishHoliday,
  isSwedishWorkday,
  swedishHolidays,
} from "../../../src/core/calendar/holidays";

const list = (year: number) => swedishHolidays(year).map((h) => `${formatDay(h.day)} ${h.name.sv}`);

describe("Swedish holidays", () => {
  it("Easter by the Gregorian computus", () => {
    expect(formatDay(easterSunday(2023))).toBe("2023-04-09");
    expect(formatDay(easterSunday(2024))).toBe("2024-03-31");
    expect(formatDay(easterSunday(2019))).toBe("2019-04-21");
    expect(formatDay(easterSunday(2025))).toBe("2025-04-20");
    expect(formatDay(easterSunday(2038))).toBe("2038-04-25"); // latest possible date
    expect(formatDay(easterSunday(2285))).toBe("2285-03-22"); // earliest possible date
  });

  it("lists 2023", () => {
    expect(list(2023)).toEqual([
      "2023-01-01 Nyårsdagen",
      "2023-01-06 Trettondedag jul",
      "2023-04-07 Långfredagen",
      "2023-04-09 Påskdagen",
      "2023-04-10 Annandag påsk",
      "2023-05-01 Första maj",
      "2023-05-18 Kristi himmelsfärdsdag",
      "2023-05-28 Pingstdagen",
      "2023-06-06 Sveriges nationaldag",
      "2023-06-23 Midsommarafton",
      "2023-06-24 Midsommardagen",
      "2023-11-04 Alla helgons dag",
      "2023-12-24 Julafton",
      "2023-12-25 Juldagen",
      "2023-12-26 Annandag jul",
      "2023-12-31 Nyårsafton",
    ]);
  });

  it("lists 2024", () => {
    expect(list(2024)).toEqual([
      "2024-01-01 Nyårsdagen",
      "2024-01-06 Trettondedag jul",
      "2024-03-29 Långfredagen",
      "2024-03-31 Påskdagen",
      "2024-04-01 Annandag påsk",
      "2024-05-01 Första maj",
      "2024-05-09 Kristi himmelsfärdsdag",
      "2024-05-19 Pingstdagen",
      "2024-06-06 Sveriges nationaldag",
      "2024-06-21 Midsommarafton",
      "2024-06-22 Midsommardagen",
      "2024-11-02 Alla helgons dag",
      "2024-12-24 Julafton",
      "2024-12-25 Juldagen",
      "2024-12-26 Annandag jul",
      "2024-12-31 Nyårsafton",
    ]);
  });

  it("midsummer and All Saints' fall on the Saturday of their window", () => {
    // 2021: June 20 is a Sunday → Saturday June 26; Oct 31 is a Sunday → Saturday Nov 6.
    const names = list(2021);
    expect(names).toContain("2021-06-26 Midsommardagen");
    expect(names).toContain("2021-06-25 Midsommarafton");
    expect(names).toContain("2021-11-06 Alla helgons dag");
    // 2020: June 20 is a Saturday; Oct 31 is a Saturday.
    expect(list(2020)).toContain("2020-06-20 Midsommardagen");
    expect(list(2020)).toContain("2020-10-31 Alla helgons dag");
  });

  it("tells workdays", () => {
    expect(isSwedishWorkday(epochDay(2024, 3, 28))).toBe(true); // Maundy Thursday is a workday
    expect(isSwedishWorkday(epochDay(2024, 3, 29))).toBe(false); // Good Friday
    expect(isSwedishWorkday(epochDay(2024, 4, 1))).toBe(false); // Easter Monday
    expect(isSwedishWorkday(epochDay(2024, 4, 2))).toBe(true);
    expect(isSwedishWorkday(epochDay(2024, 6, 21))).toBe(false); // midsommarafton, a Friday
    expect(isSwedishWorkday(epochDay(2024, 12, 24))).toBe(false); // julafton, a Tuesday
    expect(isSwedishWorkday(epochDay(2024, 12, 31))).toBe(false); // nyårsafton, a Tuesday
    expect(isSwedishWorkday(epochDay(2024, 3, 30))).toBe(false); // a Saturday
    expect(isSwedishHoliday(epochDay(2024, 3, 30))).toBe(false); // påskafton is not in the list
    expect(isSwedishHoliday(epochDay(2024, 6, 6))).toBe(true);
  });

  it("counts workdays in a half-open range, across years", () => {
    // 2024-03-25 (Mon) .. 2024-04-08 (Mon) exclusive: Mon–Thu 25–28 (4), Fri 29 holiday,
    // Mon Apr 1 holiday, Tue–Fri Apr 2–5 (4) → 8.
    expect(countSwedishWorkdays(epochDay(2024, 3, 25), epochDay(2024, 4, 8))).toBe(8);
    // 2023-12-22 (Fri) .. 2024-01-09 (Tue) exclusive: Dec 22 (1), Dec 27, 28, 29 (3), Jan 2, 3, 4, 5 (4), Jan 8 (1) → 9.
    // (Dec 25, 26 holidays; Dec 24, 31 Sundays anyway; Jan 1 holiday; Jan 6 Saturday.)
    expect(countSwedishWorkdays(epochDay(2023, 12, 22), epochDay(2024, 1, 9))).toBe(9);
    expect(countSwedishWorkdays(epochDay(2024, 1, 9), epochDay(2024, 1, 9))).toBe(0);
    expect(countSwedishWorkdays(epochDay(2024, 1, 9), epochDay(2024, 1, 1))).toBe(0);
  });

  it("agrees with a day-by-day count over several years", () => {
    const from = epochDay(2017, 12, 1);
    const to = epochDay(2021, 2, 1);
    let slow = 0;
    for (let d = from; d < to; d++) if (isSwedishWorkday(d)) slow++;
    expect(countSwedishWorkdays(from, to)).toBe(slow);
    expect(slow).toBeGreaterThan(700);
  });
});
