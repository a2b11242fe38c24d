import { epochDay } from "../../../src/core/cells/localDate";
import type { LocalDateTime } from "../../../src/core/cells/localDate";
import { billedDaysPerYear, countReadyDays, type Counting } from "../../../src/core/calendar/dayCount";
import type { Stay } from "../../../src/core/model";

const at = (y: number, m: number, d: number, hh?: number, mm = 0): LocalDateTime => ({
  day: epochDay(y, m, d),
  minute: hh === undefined ? null : hh * 60 + mm,
});

function stay(p: Partial<Stay>): Stay {
  return {
    sheet: "S", row: 2, personId: null, personIdRaw: null, stayId: null, municipality: "Halmstad",
    residenceMunicipality: null, careType: "somatic", careTypeRaw: null, unit: null, dischargeCause: null,
    admission: null, ready: null, discharge: null, death: null, admissionNotice: null, planningNeeded: null,
    sipInvitation: null, careContact: null, readyWithdrawn: null, newReady: null, statedDays: null,
    billedDays: null, pricePerDay: null, amount: null, ...p,
  };
}

const calendar: Counting = { unit: "calendar", start: "readyDate", cutoffHour: null };
const weekdays: Counting = { unit: "weekdays", start: "readyDate", cutoffHour: null };
const noon: Counting = { unit: "calendar", start: "noticeTime", cutoffHour: 12 };

describe("countReadyDays", () => {
  it("calendar days = discharge − ready; same day is 0", () => {
    expect(countReadyDays(stay({ ready: at(2023, 3, 5), discharge: at(2023, 3, 9) }), calendar)).toBe(4);
    expect(countReadyDays(stay({ ready: at(2023, 3, 5, 9), discharge: at(2023, 3, 5, 15) }), calendar)).toBe(0);
    // across a month and a leap day: 2024-02-27 → 2024-03-02 = 4 days (27, 28, 29, 1)
    expect(countReadyDays(stay({ ready: at(2024, 2, 27), discharge: at(2024, 3, 2) }), calendar)).toBe(4);
  });

  it("null when not computable", () => {
    expect(countReadyDays(stay({ ready: null, discharge: at(2023, 3, 9) }), calendar)).toBeNull();
    expect(countReadyDays(stay({ ready: at(2023, 3, 5), discharge: null }), calendar)).toBeNull();
    expect(countReadyDays(stay({ ready: at(2023, 3, 9), discharge: at(2023, 3, 5) }), calendar)).toBeNull();
  });

  it("counts from the new notice when ready status was withdrawn and set again", () => {
    const s = stay({ ready: at(2023, 3, 1), readyWithdrawn: at(2023, 3, 3), newReady: at(2023, 3, 7), discharge: at(2023, 3, 10) });
    expect(countReadyDays(s, calendar)).toBe(3); // 10 − 7
    // withdrawn without a new notice: the original ready date stays (the check reports it)
    expect(countReadyDays({ ...s, newReady: null }, calendar)).toBe(9);
    // a new notice without withdrawal is ignored
    expect(countReadyDays({ ...s, readyWithdrawn: null }, calendar)).toBe(9);
  });

  it("cut-off hour moves day 0 to the next day at or after 12:00", () => {
    const base = { discharge: at(2023, 3, 9) };
    expect(countReadyDays(stay({ ...base, ready: at(2023, 3, 5, 11, 59) }), noon)).toBe(4);
    expect(countReadyDays(stay({ ...base, ready: at(2023, 3, 5, 12, 0) }), noon)).toBe(3);
    expect(countReadyDays(stay({ ...base, ready: at(2023, 3, 5, 16, 30) }), noon)).toBe(3);
    // no time: counts as before the cut-off (ASSUMED)
    expect(countReadyDays(stay({ ...base, ready: at(2023, 3, 5) }), noon)).toBe(4);
    // readyDate start ignores the time
    expect(countReadyDays(stay({ ...base, ready: at(2023, 3, 5, 16, 30) }), calendar)).toBe(4);
    // same-day discharge after a late notice stays 0, never −1
    expect(countReadyDays(stay({ ready: at(2023, 3, 5, 13), discharge: at(2023, 3, 5, 18) }), noon)).toBe(0);
  });

  it("weekdays skip weekends, Easter, midsummer and Christmas", () => {
    // Easter 2024: ready Thu 03-28, discharge Tue 04-02: days 28 (work), 29 Good Friday, 30 Sat, 31 Sun, 04-01 Easter Monday → 1
    expect(countReadyDays(stay({ ready: at(2024, 3, 28), discharge: at(2024, 4, 2) }), weekdays)).toBe(1);
    expect(countReadyDays(stay({ ready: at(2024, 3, 28), discharge: at(2024, 4, 2) }), calendar)).toBe(5);
    // Midsummer 2023: ready Wed 06-21, discharge Tue 06-27: 21, 22 (work), 23 eve, 24 Sat, 25 Sun, 26 Mon (work) → 3
    expect(countReadyDays(stay({ ready: at(2023, 6, 21), discharge: at(2023, 6, 27) }), weekdays)).toBe(3);
    // Christmas 2024: ready Mon 12-23, discharge Fri 12-27: 23 (work), 24 eve, 25, 26 holidays → 1
    expect(countReadyDays(stay({ ready: at(2024, 12, 23), discharge: at(2024, 12, 27) }), weekdays)).toBe(1);
    // weekdays with a cut-off: ready Thu 2024-03-28 14:00 → day 0 = Good Friday; up to Tue 04-02 → 0 workdays
    const wkNoon: Counting = { unit: "weekdays", start: "noticeTime", cutoffHour: 12 };
    expect(countReadyDays(stay({ ready: at(2024, 3, 28, 14), discharge: at(2024, 4, 2) }), wkNoon)).toBe(0);
    expect(countReadyDays(stay({ ready: at(2024, 3, 28, 10), discharge: at(2024, 4, 2) }), wkNoon)).toBe(1);
  });
});


describe("billedDaysPerYear", () => {
  it("calendar: 2022-12-20 + 16 days, grace 3 → 9 days in 2022 (12-23..12-31), 4 in 2023", () => {
    expect(billedDaysPerYear(epochDay(2022, 12, 20), 3, 16, "calendar")).toEqual([
      { year: 2022, days: 9 },
      { year: 2023, days: 4 },
    ]);
  });
  it("weekdays: from Mon 2023-12-18, 17 workdays, grace 3 → 5 in 2023, 9 in 2024", () => {
    expect(billedDaysPerYear(epochDay(2023, 12, 18), 3, 17, "weekdays")).toEqual([
      { year: 2023, days: 5 },
      { year: 2024, days: 9 },
    ]);
  });
  it("nothing billed within the grace days; a day 0 on 1 January after a cut-off shift", () => {
    expect(billedDaysPerYear(epochDay(2023, 3, 1), 3, 3, "calendar")).toEqual([]);
    expect(billedDaysPerYear(epochDay(2024, 1, 1), 0, 2, "calendar")).toEqual([{ year: 2024, days: 2 }]);
  });
});
