import { copyProfile, getPreset } from "../../../src/core/agreements/presets";
import type { AgreementProfile, CareRules } from "../../../src/core/agreements/profileSchema";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import { recomputeFigures } from "../../../src/core/figures/computeFigures";
import type { Stay } from "../../../src/core/model";
import { shuffled, stay, staysWithDays, tablesOf } from "./stays";

const NO_ERRORS = new Set<string>();
const figures = (stays: Stay[], profile: AgreementProfile, excludeRows?: Set<string>) =>
  recomputeFigures(buildFigureBasis(tablesOf(stays), { openStaysUntilDay: null, errorRows: NO_ERRORS }), profile, { excludeRows });

function variant(id: string, both: Partial<CareRules>, top: Partial<AgreementProfile> = {}): AgreementProfile {
  const r = copyProfile(getPreset(id)!, { ...top, somatic: both, psychiatric: both });
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.profile;
}

const halland = getPreset("halland-2022")!;
const law = getPreset("lag-2017-612")!;

// DOMAIN.md §3: 20 stays, 58 days in March 2023.
// Distribution: 4×0 + 4×1 + 4×2 + 2×3 + 2×5 + 2×6 + 2×9 = 0 + 4 + 8 + 6 + 10 + 12 + 18 = 58 days, 4+4+4+2+2+2+2 = 20 stays.
const EXAMPLE_DAYS = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 5, 5, 6, 6, 9, 9];
const example = () => staysWithDays(EXAMPLE_DAYS, "2023-03-20");

describe("average model: the DOMAIN.md §3 example", () => {
  it("excessAverage: 2.90 − 2.3 = 0.60 × 20 = 12.00 days × 10 500 = 126 000 kr", () => {
    const r = figures(example(), halland);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({
      municipality: "Halmstad", careType: "somatic", period: "2023-03",
      stays: 20, zeroDayStays: 4, days: 58, average: 2.9, benchmark: 2.3, longStays: 0,
      liableDays: 12, amount: 126000,
    });
    expect(r.findings).toEqual([]);
    expect(r.totals).toEqual({ stays: 20, days: 58, liableDays: 12, amount: 126000, invoicedAmount: null, difference: null, leftOut: { rows: 0, invoicedDays: null, invoicedBilledDays: null, invoicedAmount: null } });
  });

  it("individualExcess: Σ max(0, d − 2.3) = 2×0.7 + 2×2.7 + 2×3.7 + 2×6.7 = 27.60 days → 289 800 kr", () => {
    const g = figures(example(), variant("halland-2022", { excessFormula: "individualExcess" })).groups[0];
    expect(g.liableDays).toBe(27.6);
    expect(g.amount).toBe(289800); // 27.6 × 10 500
  });

  it("allDays: every day, 58 × 10 500 = 609 000 kr", () => {
    const g = figures(example(), variant("halland-2022", { excessFormula: "allDays" })).groups[0];
    expect(g.liableDays).toBe(58);
    expect(g.amount).toBe(609000);
  });

  it("zeroDays off: 58 / 16 = 3.625 → 3.63; (3.63 − 2.3) × 16 = 21.28 days → 223 440 kr", () => {
    const g = figures(example(), variant("halland-2022", { zeroDays: false })).groups[0];
    expect(g).toMatchObject({ stays: 20, zeroDayStays: 4, days: 58, average: 3.63, liableDays: 21.28, amount: 223440 });
  });

  it("rounding of the average: 1 decimal gives 3.6; (3.6 − 2.3) × 16 = 20.8 days → 218 400 kr", () => {
    const rounding = { averageDecimals: 1, liableDaysDecimals: 2, amountDecimals: 0 };
    const g = figures(example(), variant("halland-2022", { zeroDays: false, rounding })).groups[0];
    expect(g.average).toBe(3.6);
    expect(g.liableDays).toBe(20.8);
    expect(g.amount).toBe(218400);
  });

  it("at or below the benchmark nothing is owed (2.90 ≤ 3.0)", () => {
    const g = figures(example(), variant("halland-2022", { benchmark: 3.0 })).groups[0];
    expect(g).toMatchObject({ average: 2.9, liableDays: 0, amount: 0 });
  });

  it("excludeRows: without the two 9-day stays 40 / 18 = 2.22 ≤ 2.3 → 0", () => {
    const stays = example();
    const nine = stays.filter((s) => s.discharge!.day - s.ready!.day === 9).map((s) => `${s.sheet}!${s.row}`);
    expect(nine).toHaveLength(2);
    const r = figures(stays, halland, new Set([...nine, "Underlag!9999", "Nope!2", "garbage"]));
    expect(r.groups[0]).toMatchObject({ stays: 18, days: 40, average: 2.22, liableDays: 0, amount: 0 });
    expect(r.groups[0].rows.map((x) => x.row)).not.toContain(stays.find((s) => `${s.sheet}!${s.row}` === nine[0])!.row);
  });

  it("does not depend on the order of the stays", () => {
    const stays = [
      ...example(),
      ...staysWithDays([4, 7, 0, 2], "2023-04-03", { sheet: "Blad2", muni: "Kungsbacka", care: "psychiatric" }),
      ...staysWithDays([1, 2, 30], "2023-03-31", { sheet: "Blad2", muni: "Varberg", firstRow: 10, amount: 0.1 }),
    ];
    const a = figures(stays, halland);
    const b = figures(shuffled(stays), halland);
    const c = figures(shuffled(stays, 99).reverse(), halland);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.groups.map((g) => `${g.municipality}/${g.careType}/${g.period}`)).toEqual([
      "Halmstad/somatic/2023-03",
      "Kungsbacka/psychiatric/2023-04",
      "Varberg/somatic/2023-03",
    ]);
  });
});

describe("validity, benchmark and price unknown", () => {
  it("a period outside validFrom..validTo gets no amount and a BENCHMARK_UNKNOWN finding", () => {
    const r = figures(staysWithDays([5, 5], "2024-01-10"), halland);
    expect(r.groups[0]).toMatchObject({ period: "2024-01", average: 5, amount: null });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: "BENCHMARK_UNKNOWN", row: null, sheet: "" });
    expect(r.findings[0].message.en).toContain("2024-01");
    expect(r.findings[0].message.sv).toContain("2022-11-01 – 2023-12-31");
    expect(r.totals.amount).toBeNull();
  });

  it("benchmark null (Stockholm): amount null and the user is asked to enter it", () => {
    const r = figures(staysWithDays([5, 1], "2023-05-10"), getPreset("stockholm-2020")!);
    expect(r.groups[0]).toMatchObject({ benchmark: null, amount: null, average: 3 });
    expect(r.findings.map((f) => f.code)).toEqual(["BENCHMARK_UNKNOWN"]);
    expect(r.findings[0].message.en).toMatch(/benchmark .*missing.*enter it/);
  });

  it("price unknown for the period's year: amount null (never 0) and PRICE_UNKNOWN naming the year", () => {
    const open = variant("halland-2022", {}, { validTo: null });
    // 2025-02: days 5 and 1 → 3.00 > 2.3 → (0.7) × 2 = 1.40 days, but 2025 has no price.
    const r = figures(staysWithDays([5, 1], "2025-02-10"), open);
    expect(r.groups[0]).toMatchObject({ liableDays: 1.4, amount: null });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: "PRICE_UNKNOWN", row: null, sheet: "", severity: "warning" });
    expect(r.findings[0].message.sv).toContain("2025");
    expect(r.findings[0].message.en).toContain("2025");
    expect(r.findings[0].message.en).toContain("enter it");
    // the user enters the price: 1.40 × 12 000 = 16 800
    const entered = { ...open, priceOverrides: { "2025": 12000 } };
    const r2 = figures(staysWithDays([5, 1], "2025-02-10"), entered);
    expect(r2.groups[0].amount).toBe(16800);
    expect(r2.findings).toEqual([]);
    // nothing owed → no price needed: amount 0, no finding (1 and 1 → 1.00 ≤ 2.3)
    const r3 = figures(staysWithDays([1, 1], "2025-02-10"), open);
    expect(r3.groups[0].amount).toBe(0);
    expect(r3.findings).toEqual([]);
  });
});

describe("individual model (the law)", () => {
  it("grace 3: 10 days → 7 billed × 10 500 = 73 500; 2 days → 0", () => {
    const r = figures(
      [stay({ row: 2, ready: "2023-03-01", discharge: "2023-03-11" }), stay({ row: 3, ready: "2023-03-20", discharge: "2023-03-22" })],
      law,
    );
    expect(r.groups[0]).toMatchObject({ stays: 2, days: 12, liableDays: 7, amount: 73500, average: 6, benchmark: null });
  });

  it("psychiatric care in 2018: 30 grace days; 45 days → 15 billed; 2018's price must be entered", () => {
    // 2018-03-01 → 2018-04-15: 31 (March) + 14 = 45 days; 45 − 30 = 15.
    const s = [stay({ row: 2, care: "psychiatric", ready: "2018-03-01", discharge: "2018-04-15" })];
    const r = figures(s, law);
    expect(r.groups[0]).toMatchObject({ careType: "psychiatric", period: "2018-04", days: 45, liableDays: 15, amount: null });
    expect(r.findings.map((f) => f.code)).toEqual(["PRICE_UNKNOWN"]);
    expect(r.findings[0].message.en).toContain("2018");
    const priced = figures(s, { ...law, priceOverrides: { "2018": 7000 } });
    expect(priced.groups[0].amount).toBe(105000); // 15 × 7 000
    // somatic in 2018 keeps 3 grace days: 45 − 3 = 42
    expect(figures([{ ...s[0], careType: "somatic" }], law).groups[0].liableDays).toBe(42);
    // psychiatric in 2019: 10 days, 3 grace → 7 × 7 800 = 54 600
    const y19 = figures([stay({ row: 2, care: "psychiatric", ready: "2019-01-10", discharge: "2019-01-20" })], law);
    expect(y19.groups[0]).toMatchObject({ liableDays: 7, amount: 54600 });
  });

  it("grace days as a parameter: 10 days with grace 5 → 5 billed", () => {
    const g = figures([stay({ row: 2, ready: "2023-03-01", discharge: "2023-03-11" })], variant("lag-2017-612", { graceDays: 5 })).groups[0];
    expect(g).toMatchObject({ liableDays: 5, amount: 52500 });
  });

  it("splits the price across a year boundary", () => {
    // 2022-12-20 → 2023-01-05 = 16 days; billed k = 3..15 fall on 12-23 .. 01-04:
    // 2022: 12-23..12-31 = 9 days × 9 300 = 83 700; 2023: 01-01..01-04 = 4 days × 10 500 = 42 000 → 125 700.
    const g = figures([stay({ row: 2, ready: "2022-12-20", discharge: "2023-01-05" })], law).groups[0];
    expect(g).toMatchObject({ period: "2023-01", days: 16, liableDays: 13, amount: 125700 });
  });

  it("splits over several years", () => {
    // 2021-12-01 → 2023-01-10: 31 + 365 + 9 = 405 days; billed k = 3..404:
    // 2021: k 3..30 = 28 × 9 000 (entered) = 252 000; 2022: 365 × 9 300 = 3 394 500; 2023: 9 × 10 500 = 94 500 → 3 741 000.
    const p = { ...law, priceOverrides: { "2021": 9000 } };
    const g = figures([stay({ row: 2, ready: "2021-12-01", discharge: "2023-01-10" })], p).groups[0];
    expect(g).toMatchObject({ days: 405, liableDays: 402, amount: 3741000 });
    // without 2021's price: null, not a partial sum
    const r = figures([stay({ row: 2, ready: "2021-12-01", discharge: "2023-01-10" })], law);
    expect(r.groups[0].amount).toBeNull();
    expect(r.findings[0].message.en).toContain("2021");
  });

  it("weekdays across Christmas and New Year, priced per year", () => {
    // Ready Mon 2023-12-18, discharged Mon 2024-01-15, weekday counting, grace 3.
    // 2023 workdays: 18–22 (5), 27–29 (3) = 8 (25, 26 holidays; 31 nyårsafton, a Sunday).
    // 2024: 2–5 (4; 1st holiday), 8–12 (5) = 9. Total 17; billed k = 3..16 = 14: 2023 k 3..7 = 5, 2024: 9.
    // 5 × 10 500 + 9 × 11 600 = 52 500 + 104 400 = 156 900.
    const wk = variant("lag-2017-612", { counting: { unit: "weekdays", start: "readyDate", cutoffHour: null } });
    const g = figures([stay({ row: 2, ready: "2023-12-18", discharge: "2024-01-15" })], wk).groups[0];
    expect(g).toMatchObject({ days: 17, liableDays: 14, amount: 156900 });
  });

  it("weekdays across Easter and midsummer", () => {
    const wk = variant("lag-2017-612", { graceDays: 0, counting: { unit: "weekdays", start: "readyDate", cutoffHour: null } });
    // Easter 2024: Thu 03-28 → Tue 04-02: only 03-28 → 1. Midsummer 2023: Wed 06-21 → Tue 06-27: 21, 22, 26 → 3.
    const r = figures(
      [stay({ row: 2, ready: "2024-03-28", discharge: "2024-04-02" }), stay({ row: 3, ready: "2023-06-21", discharge: "2023-06-27" })],
      wk,
    );
    expect(r.groups.map((g) => [g.period, g.days, g.liableDays])).toEqual([
      ["2023-06", 3, 3],
      ["2024-04", 1, 1],
    ]);
  });

  it("fixed price instead of the table", () => {
    const fixed = variant("lag-2017-612", { price: { source: "fixed", amount: 5000 } });
    // 10 days − 3 = 7 × 5 000 = 35 000; the year (2025) has no table price but none is needed.
    const r = figures([stay({ row: 2, ready: "2025-03-01", discharge: "2025-03-11" })], fixed);
    expect(r.groups[0].amount).toBe(35000);
    expect(r.findings).toEqual([]);
  });

  it("amount rounding: 0 or 2 decimals", () => {
    // allDays, benchmark 0: 1 stay of 1 day in 2023 priced fixed 1 234.567 → 1 234.567
    const base = { kind: "average" as const, benchmark: 0, excessFormula: "allDays" as const, price: { source: "fixed" as const, amount: 1234.567 } };
    const s = staysWithDays([1], "2023-03-10");
    const whole = variant("halland-2022", { ...base, rounding: { averageDecimals: 2, liableDaysDecimals: 2, amountDecimals: 0 } });
    const cents = variant("halland-2022", { ...base, rounding: { averageDecimals: 2, liableDaysDecimals: 2, amountDecimals: 2 } });
    expect(figures(s, whole).groups[0].amount).toBe(1235);
    expect(figures(s, cents).groups[0].amount).toBe(1234.57);
  });
});

describe("counting from the notice time (Stockholm)", () => {
  it("a notice at or after 12:00 starts the count the next day", () => {
    // 03-01 13:00 → 03-04: 3 − 1 = 2; 03-05 (no time, before the cut-off) → 03-06: 1; 03-10 11:00 → 03-10: 0.
    // Benchmark entered 0.5: average 3 / 3 = 1.00 > 0.5 → (1.00 − 0.5) × 3 = 1.50 days × 10 500 = 15 750.
    const stays = [
      stay({ row: 2, ready: "2023-03-01 13:00", discharge: "2023-03-04" }),
      stay({ row: 3, ready: "2023-03-05", discharge: "2023-03-06" }),
      stay({ row: 4, ready: "2023-03-10 11:00", discharge: "2023-03-10 17:00" }),
    ];
    const r = figures(stays, variant("stockholm-2020", { benchmark: 0.5 }));
    expect(r.groups[0]).toMatchObject({ stays: 3, days: 3, zeroDayStays: 1, average: 1, liableDays: 1.5, amount: 15750 });
    // the same with a cut-off at 14:00: 3 + 1 + 0 = 4 → 1.33; (1.33 − 0.5) × 3 = 2.49 → 26 145
    const late = variant("stockholm-2020", { benchmark: 0.5, counting: { unit: "calendar", start: "noticeTime", cutoffHour: 14 } });
    expect(figures(stays, late).groups[0]).toMatchObject({ days: 4, average: 1.33, liableDays: 2.49, amount: 26145 });
  });
});

describe("hybrid (VGR)", () => {
  it("stays over 7 days leave the average and pay from day 0", () => {
    // [0, 1, 2, 3, 4, 8, 10]: long 8 + 10 = 18 days billed; average part 10 / 5 = 2.00 ≤ 3.0 → 0. 18 × 10 500 = 189 000.
    const a = figures(staysWithDays([0, 1, 2, 3, 4, 8, 10], "2023-03-20"), getPreset("vgr-2020")!).groups[0];
    expect(a).toMatchObject({ stays: 7, days: 28, longStays: 2, average: 2, liableDays: 18, amount: 189000 });
    // [0, 4, 5, 6, 7, 9]: 7 stays in (limit is "more than 7"); long 9; average part 22 / 5 = 4.40 > 3.0 →
    // (4.40 − 3.0) × 5 = 7.00; liable 7 + 9 = 16 × 10 500 = 168 000.
    const b = figures(staysWithDays([0, 4, 5, 6, 7, 9], "2023-03-20"), getPreset("vgr-2020")!).groups[0];
    expect(b).toMatchObject({ stays: 6, days: 31, longStays: 1, zeroDayStays: 1, average: 4.4, liableDays: 16, amount: 168000 });
    // long-stay grace 3: 9 − 3 = 6 → 13 days → 136 500
    const g3 = variant("vgr-2020", { longStayGraceDays: 3 });
    expect(figures(staysWithDays([0, 4, 5, 6, 7, 9], "2023-03-20"), g3).groups[0]).toMatchObject({ liableDays: 13, amount: 136500 });
  });
});

describe("periods", () => {
  const discharges = ["2023-01-15", "2023-03-31", "2023-04-01", "2023-07-01"];
  const stays = discharges.flatMap((d, k) => staysWithDays([2], d, { firstRow: 2 + k }));

  it("month, quarter and half-year labels", () => {
    const label = (period: CareRules["period"]) =>
      figures(stays, variant("kalmar-2019", { period })).groups.map((g) => `${g.period}:${g.stays}`);
    expect(label({ kind: "month" })).toEqual(["2023-01:1", "2023-03:1", "2023-04:1", "2023-07:1"]);
    expect(label({ kind: "quarter" })).toEqual(["2023-Q1:2", "2023-Q2:1", "2023-Q3:1"]);
    expect(label({ kind: "halfYear" })).toEqual(["2023-H1:3", "2023-H2:1"]);
  });

  it("Kalmar: somatic per month, psychiatric per quarter", () => {
    const both = [...stays, ...stays.map((s) => ({ ...s, careType: "psychiatric" as const, row: s.row + 100 }))];
    expect(figures(both, getPreset("kalmar-2019")!).groups.map((g) => `${g.careType}:${g.period}`)).toEqual([
      "somatic:2023-01", "somatic:2023-03", "somatic:2023-04", "somatic:2023-07",
      "psychiatric:2023-Q1", "psychiatric:2023-Q2", "psychiatric:2023-Q3",
    ]);
  });

  it("rolling 3 months: average over the window, excess on the month's stays", () => {
    // Jan [4, 2], Feb [1], Mar [3, 3, 0], Apr [5]; benchmark 2, excessAverage, 2023 price 10 500.
    // Jan: 6/2 = 3.00 → (1.00) × 2 = 2.00 → 21 000
    // Feb: (6+1)/3 = 2.33 → 0.33 × 1 = 0.33 → 3 465
    // Mar: (6+1+6)/6 = 2.17 → 0.17 × 3 = 0.51 → 5 355
    // Apr: (1+6+5)/5 = 2.40 → 0.40 × 1 = 0.40 → 4 200
    const rolling = [
      ...staysWithDays([4, 2], "2023-01-20", { firstRow: 2 }),
      ...staysWithDays([1], "2023-02-20", { firstRow: 4 }),
      ...staysWithDays([3, 3, 0], "2023-03-20", { firstRow: 5 }),
      ...staysWithDays([5], "2023-04-20", { firstRow: 8 }),
    ];
    const p = variant("halland-2022", { benchmark: 2, period: { kind: "rolling", months: 3 } });
    expect(figures(rolling, p).groups.map((g) => [g.period, g.stays, g.average, g.liableDays, g.amount])).toEqual([
      ["2023-01", 2, 3, 2, 21000],
      ["2023-02", 1, 2.33, 0.33, 3465],
      ["2023-03", 3, 2.17, 0.51, 5355],
      ["2023-04", 1, 2.4, 0.4, 4200],
    ]);
  });
});

describe("grouping and invoiced columns", () => {
  it("one municipality per spelling family, unknown municipality and care type kept", () => {
    const stays = [
      stay({ row: 2, muni: "Halmstads kommun", ready: "2023-03-01", discharge: "2023-03-03", statedDays: 2, amount: 100 }),
      stay({ row: 3, muni: "HALMSTAD", ready: "2023-03-01", discharge: "2023-03-04", statedDays: 3 }),
      stay({ row: 4, muni: "1380 Halmstad", ready: "2023-03-01", discharge: "2023-03-05" }),
      stay({ row: 5, muni: "Borås", ready: "2023-03-01", discharge: "2023-03-02" }),
      stay({ row: 6, muni: null, ready: "2023-03-01", discharge: "2023-03-02" }),
      stay({ row: 7, muni: "Åre", care: null, ready: "2023-03-01", discharge: "2023-03-02" }),
    ];
    const basis = buildFigureBasis(tablesOf(stays), { openStaysUntilDay: null, errorRows: new Set(["Underlag!3", "Underlag!4", "Other!2"]) });
    const r = recomputeFigures(basis, halland);
    expect(r.groups.map((g) => [g.municipality, g.careType, g.stays])).toEqual([
      ["Borås", "somatic", 1],
      ["Halmstads kommun", "somatic", 3],
      ["Åre", "somatic", 1], // no care type: counted as somatic
      ["(kommun saknas)", "somatic", 1],
    ]);
    const h = r.groups[1];
    expect(h).toMatchObject({ days: 9, invoicedDays: 5, invoicedBilledDays: null, invoicedAmount: 100, rowsWithErrors: 2 });
    expect(h.rows).toEqual([
      { sheet: "Underlag", row: 2 },
      { sheet: "Underlag", row: 3 },
      { sheet: "Underlag", row: 4 },
    ]);
    expect(basis.careTypeMissing.reduce((a, b) => a + b, 0)).toBe(1);
    expect(r.totals.invoicedAmount).toBe(100);
  });

  it("withdrawn ready status counts from the new notice", () => {
    const s = stay({ row: 2, ready: "2023-03-01", withdrawn: "2023-03-03", newReady: "2023-03-07", discharge: "2023-03-11" });
    // 03-07 → 03-11 = 4 days; law grace 3 → 1 billed
    expect(figures([s], law).groups[0]).toMatchObject({ days: 4, liableDays: 1, amount: 10500 });
  });

  it("stays that cannot be counted are left out and counted by reason; open stays only on request", () => {
    const stays = [
      stay({ row: 2, ready: "2023-03-01", discharge: "2023-03-03" }),
      stay({ row: 3, ready: null, discharge: "2023-03-03" }),
      stay({ row: 4, ready: "2023-03-05", discharge: "2023-03-03" }),
      stay({ row: 5, ready: "2023-03-29", discharge: null }),
    ];
    const closed = buildFigureBasis(tablesOf(stays), { openStaysUntilDay: null, errorRows: NO_ERRORS });
    expect(closed.count).toBe(1);
    expect(closed.left).toEqual({ missingDates: 1, dischargeBeforeReady: 1, open: 1, unreadableDates: 0 });
    // open counted to 2023-03-31 inclusive: 29, 30, 31 = 3 days, in March
    const until = stays[3].ready!.day + 2;
    const open = buildFigureBasis(tablesOf(stays), { openStaysUntilDay: until, errorRows: NO_ERRORS });
    expect(open.count).toBe(2);
    const g = recomputeFigures(open, law).groups[0];
    expect(g).toMatchObject({ period: "2023-03", stays: 2, days: 2 + 3 });
  });

  it("an empty basis gives no groups and zero totals", () => {
    const r = figures([], halland);
    expect(r).toEqual({ groups: [], findings: [], totals: { stays: 0, days: 0, liableDays: 0, amount: 0, invoicedAmount: null, difference: null, leftOut: { rows: 0, invoicedDays: null, invoicedBilledDays: null, invoicedAmount: null } } });
  });
});
