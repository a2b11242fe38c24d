import fc from "fast-check";
import type { CellValue } from "../../../src/core/cells/cellValue";
import { dateFromSerial, parseDateCell, stockholmOffset, type DateParse } from "../../../src/core/cells/dates";
import { epochDay, formatDateTime, formatDay } from "../../../src/core/cells/localDate";

/** "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" for an ok parse, "invalid"/"empty" otherwise. */
function show(p: DateParse): string {
  if (p.kind === "ok") return formatDateTime(p.value);
  return p.kind;
}
const d1900 = (v: CellValue) => show(parseDateCell(v, "1900"));
const d1904 = (v: CellValue) => show(parseDateCell(v, "1904"));

describe("Excel serials, 1900 system", () => {
  test("serial 1 is 1900-01-01: 70 years × 365 + 17 leap days = 25 567 days before 1970", () => {
    expect(d1900(1)).toBe("1900-01-01");
    expect(dateFromSerial(1, "1900")).toEqual({ day: -25567, minute: null });
  });

  test("59 is 28 Feb 1900, 60 (the phantom 29 Feb) is invalid, 61 is 1 Mar 1900", () => {
    expect(d1900(59)).toBe("1900-02-28");
    expect(d1900(61)).toBe("1900-03-01");
    const p = parseDateCell(60, "1900");
    expect(p.kind).toBe("invalid");
    if (p.kind === "invalid") {
      expect(p.reason.en).toMatch(/29 February 1900/);
      expect(p.reason.sv).toMatch(/29 februari 1900/);
    }
    // 60.5 is noon of the phantom day: still invalid.
    expect(d1900(60.5)).toBe("invalid");
  });

  test("serial 25569 is the epoch; 45000 is 2023-03-15", () => {
    expect(dateFromSerial(25569, "1900")).toEqual({ day: 0, minute: null });
    // 45000 − 25569 = 19431 days; 2023-01-01 is day 19358 (53×365 + 13 leap days); 19431 − 19358 = 73 → 15 March.
    expect(d1900(45000)).toBe("2023-03-15");
  });

  test("the last valid serial is 9999-12-31; out of range is invalid", () => {
    expect(d1900(2958465)).toBe("9999-12-31");
    expect(d1900(2958466)).toBe("invalid");
    expect(d1900(0)).toBe("invalid");
    expect(d1900(-1)).toBe("invalid");
    expect(d1900(0.5)).toBe("invalid"); // a time of day alone is no date
    expect(d1900(Number.NaN)).toBe("invalid");
    expect(d1900(Infinity)).toBe("invalid");
  });

  test("time fractions round to the nearest minute", () => {
    expect(d1900(45000.5)).toBe("2023-03-15 12:00"); // 0.5 × 1440 = 720
    expect(d1900(45000.25)).toBe("2023-03-15 06:00");
    expect(d1900(45000 + (14 * 60 + 22) / 1440)).toBe("2023-03-15 14:22");
    // 10:00:29 → 600.48 minutes → 10:00; 10:00:31 → 600.52 → 10:01
    expect(d1900(45000 + (600 * 60 + 29) / 86400)).toBe("2023-03-15 10:00");
    expect(d1900(45000 + (600 * 60 + 31) / 86400)).toBe("2023-03-15 10:01");
    // 23:59:50 rounds to 24:00, i.e. midnight of the next day
    expect(d1900(45000 + (1439 * 60 + 50) / 86400)).toBe("2023-03-16 00:00");
    // 28 Feb 1900 23:59:50 rolls over the phantom day to 1 March
    expect(d1900(59 + (1439 * 60 + 50) / 86400)).toBe("1900-03-01 00:00");
  });

  test("an integer serial has no time (minute null)", () => {
    const p = parseDateCell(45000, "1900");
    expect(p.kind === "ok" && p.value.minute).toBeNull();
  });
});

describe("Excel serials, 1904 system", () => {
  test("serial 0 is 1904-01-01 and serials are 1462 days behind the 1900 system", () => {
    expect(d1904(0)).toBe("1904-01-01");
    expect(d1904(1)).toBe("1904-01-02");
    expect(d1904(45000 - 1462)).toBe("2023-03-15");
    expect(d1904(0.5)).toBe("1904-01-01 12:00");
    // no phantom day in 1904: serial 60 is an ordinary day (1904-03-01; 1904 is a leap year: Jan 31 + Feb 29 = 60)
    expect(d1904(60)).toBe("1904-03-01");
  });

  test("range 0..2957003", () => {
    expect(d1904(2957003)).toBe("9999-12-31");
    expect(d1904(2957004)).toBe("invalid");
    expect(d1904(-1)).toBe("invalid");
  });
});

describe("dates as text", () => {
  test.each([
    ["2023-03-05", "2023-03-05"],
    ["2023-03-05 14:22", "2023-03-05 14:22"],
    ["2023-03-05T14:22", "2023-03-05 14:22"],
    ["2023-03-05T14:22:00", "2023-03-05 14:22"],
    ["2023-03-05 14:22:45", "2023-03-05 14:23"],
    ["2023-03-05 14:22:00.000", "2023-03-05 14:22"],
    ["2023-03-05 kl 14.22", "2023-03-05 14:22"],
    ["2023-3-5", "2023-03-05"],
    ["2023/03/05", "2023-03-05"],
    ["  2023-03-05  ", "2023-03-05"],
    ["20230305", "2023-03-05"],
    ["20230305 1422", "2023-03-05 14:22"],
    ["5/3/2023", "2023-03-05"],
    ["05/03/2023 14:22", "2023-03-05 14:22"],
    ["05.03.2023", "2023-03-05"],
    ["5-3-2023", "2023-03-05"],
    ["45000", "2023-03-15"],
    ["45000,5", "2023-03-15 12:00"],
    ["45000.25", "2023-03-15 06:00"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
  ])("%s → %s", (text, expected) => {
    expect(d1900(text)).toBe(expected);
  });

  test("a serial as text follows the date system", () => {
    expect(d1904("0")).toBe("1904-01-01");
    expect(d1900("60")).toBe("invalid");
  });

  test("explicit UTC offsets convert to Stockholm time (CET/CEST)", () => {
    // July: CEST, UTC+2
    expect(d1900("2023-07-01T12:00:00Z")).toBe("2023-07-01 14:00");
    // January: CET, UTC+1, crossing midnight
    expect(d1900("2023-01-15T23:30:00Z")).toBe("2023-01-16 00:30");
    expect(d1900("2023-03-05T14:22:00+01:00")).toBe("2023-03-05 14:22");
    expect(d1900("2023-07-01T14:22:00+0200")).toBe("2023-07-01 14:22");
    // 2023-03-26 is the last Sunday of March: summer time starts at 01:00 UTC
    expect(d1900("2023-03-26T00:59Z")).toBe("2023-03-26 01:59");
    expect(d1900("2023-03-26T01:00Z")).toBe("2023-03-26 03:00");
    // 2023-10-29 is the last Sunday of October: it ends at 01:00 UTC
    expect(d1900("2023-10-29T00:59Z")).toBe("2023-10-29 02:59");
    expect(d1900("2023-10-29T01:00Z")).toBe("2023-10-29 02:00");
  });

  test("before 1996 summer time ended on the last Sunday of September", () => {
    // 1995-09-24 was the last Sunday of September 1995
    const utc = (epochDay(1995, 9, 24) * 1440) + 60;
    expect(stockholmOffset(utc - 1)).toBe(120);
    expect(stockholmOffset(utc)).toBe(60);
  });

  test.each([
    ["2023-02-30", /no such date/],
    ["2023-13-01", /no such date/],
    ["2023-00-10", /no such date/],
    ["1900-02-29", /no such date/],
    ["31/4/2023", /no such date/],
    ["2023-03-05 24:00", /time of day/],
    ["2023-03-05 12:60", /time of day/],
    ["5/3/23", /two-digit year/],
    ["abc", /not a date/],
    ["2023-03", /not a date/],
    ["230305", /not a date/],
    ["999999", /not a date/],
    ["#N/A", /Excel error value #N\/A/],
    ["#value!", /Excel error value #VALUE!/],
  ])("%s is invalid (%s)", (text, reason) => {
    const p = parseDateCell(text, "1900");
    expect(p.kind).toBe("invalid");
    if (p.kind === "invalid") {
      expect(p.reason.en).toMatch(reason);
      expect(p.reason.sv.length).toBeGreaterThan(0);
    }
  });

  test("booleans are invalid; blanks are empty", () => {
    expect(d1900(true)).toBe("invalid");
    expect(d1900(false)).toBe("invalid");
    expect(d1900("")).toBe("empty");
    expect(d1900("   ")).toBe("empty");
    expect(d1900(null)).toBe("empty");
    expect(d1900(undefined)).toBe("empty");
  });
});

describe("properties", () => {
  const anyCell = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom<CellValue>(null, undefined, "", "#N/A", NaN, Infinity, -Infinity, 1e308, -0),
    fc.stringMatching(/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}( \d{1,2}:\d{1,2})?$/),
  );

  test("never throws, and an ok result is a whole day and a minute in 0..1439", () => {
    fc.assert(
      fc.property(anyCell, fc.constantFrom<"1900" | "1904">("1900", "1904"), (v, system) => {
        const p = parseDateCell(v, system);
        if (p.kind === "ok") {
          expect(Number.isInteger(p.value.day)).toBe(true);
          if (p.value.minute !== null) {
            expect(p.value.minute).toBeGreaterThanOrEqual(0);
            expect(p.value.minute).toBeLessThan(1440);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("serial → day → ISO text → day round-trips (both systems)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const a = parseDateCell(serial, "1900");
        expect(a.kind).toBe("ok");
        if (a.kind !== "ok") return;
        expect(a.value.day).toBe(serial - 25569);
        const b = parseDateCell(formatDay(a.value.day), "1900");
        expect(b).toEqual(a);
        // The 1904 system starts 1462 days later (1904-01-01 is 1900-serial 1462)
        if (serial >= 1462) expect(parseDateCell(serial - 1462, "1904")).toEqual(a);
      }),
    );
  });
});

describe("dates with month names", () => {
  const SV_FULL = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
  const SV_SHORT = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
  const EN_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const EN_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

  test.each([
    ["7 okt 2023", "2023-10-07"],
    ["7 okt. 2023", "2023-10-07"],
    ["7 Okt 2023", "2023-10-07"],
    ["7 oktober 2023 14:05", "2023-10-07 14:05"],
    ["7 oktober 2023 kl. 14.05", "2023-10-07 14:05"],
    ["07-Oct-2023", "2023-10-07"],
    ["7 Oct 2023", "2023-10-07"],
    ["Oct 7, 2023", "2023-10-07"],
    ["October 7th 2023 14:05", "2023-10-07 14:05"],
    ["1 mars 2024", "2024-03-01"],
    ["29 feb 2024", "2024-02-29"],
    ["7 sept. 2023", "2023-09-07"],
  ])("%s is %s", (text, expected) => {
    expect(d1900(text)).toBe(expected);
  });

  test.each([
    ["30 feb 2023", /no such date/],
    ["7 okt 2023 25:00", /time of day/],
    ["7 oktob 2023", /not a date/],
  ])("%s is invalid (%s)", (text, reason) => {
    const p = parseDateCell(text, "1900");
    expect(p.kind).toBe("invalid");
    if (p.kind === "invalid") expect(p.reason.en).toMatch(reason);
  });

  test("every month in every written form reads as its date (property)", () => {
    const form = fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      year: fc.integer({ min: 1900, max: 2100 }),
      dayFraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      names: fc.constantFrom(SV_FULL, SV_SHORT, EN_FULL, EN_SHORT),
      dot: fc.boolean(),
      letterCase: fc.constantFrom("lower", "upper", "title"),
      order: fc.constantFrom("day-first", "day-first-dashes", "month-first"),
      time: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))),
    });
    fc.assert(
      fc.property(form, (f) => {
        const day = 1 + Math.floor(f.dayFraction * daysIn(f.year, f.month));
        const base = f.names[f.month - 1];
        let name = f.letterCase === "upper" ? base.toUpperCase() : f.letterCase === "lower" ? base.toLowerCase() : base[0].toUpperCase() + base.slice(1).toLowerCase();
        // A dot only ends an abbreviation ("okt."), not a full name that happens to be short ("maj").
        if (f.dot && (f.names === SV_SHORT || f.names === EN_SHORT)) name += ".";
        let text =
          f.order === "day-first" ? `${day} ${name} ${f.year}` : f.order === "day-first-dashes" ? `${String(day).padStart(2, "0")}-${name}-${f.year}` : `${name} ${day}, ${f.year}`;
        let expected = `${f.year}-${String(f.month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        if (f.time) {
          const hm = `${String(f.time[0]).padStart(2, "0")}:${String(f.time[1]).padStart(2, "0")}`;
          text += ` ${hm}`;
          expected += ` ${hm}`;
        }
        expect(d1900(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
