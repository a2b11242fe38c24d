/** DAYS_MISMATCH, BILLED_DAYS_MISMATCH, AMOUNT_MISMATCH, PRICE_MISMATCH (+ PRICE_UNKNOWN info), CARE_TYPE_MISMATCH. */
import type { Field } from "../../../src/core/sheet/fields";
import { runChecks } from "../../../src/core/checks/runChecks";
import { col, d, day, makeCtx, makeProfile, makeReading, makeStay, only } from "./fixtures";

const check = (stay = makeStay(), ctx = makeCtx(), without: Field[] = []) =>
  runChecks([makeReading([stay], { without })], ctx).findings;

describe("DAYS_MISMATCH", () => {
  it("warns when the stated days differ from the dates, giving both numbers", () => {
    const [f] = only(check(makeStay({ statedDays: 6 })), "DAYS_MISMATCH");
    expect(f).toMatchObject({ severity: "warning", columns: [col("statedDays"), col("readyDate"), col("dischargeDate")] });
    expect(f.message.en).toBe("The row states 6 days, but its dates give 5 (calendar days).");
  });

  it("counts under the profile's counting rule (weekdays)", () => {
    // ready Mon 2023-03-06, discharge Mon 2023-03-13: weekdays 06..10 = 5 (calendar would be 7)
    const ctx = makeCtx({ profile: makeProfile({ both: { counting: { unit: "weekdays", start: "readyDate", cutoffHour: null } } }) });
    const stay = makeStay({ ready: d("2023-03-06"), discharge: d("2023-03-13"), statedDays: 5, billedDays: 2, amount: 21000 });
    expect(only(check(stay, ctx), "DAYS_MISMATCH")).toEqual([]);
    const [f] = only(check({ ...stay, statedDays: 7 }, ctx), "DAYS_MISMATCH");
    expect(f.message.sv).toBe("Raden anger 7 dagar, men datumen ger 5 (vardagar).");
  });
});

describe("BILLED_DAYS_MISMATCH", () => {
  it("individual: billed = max(0, days − grace); an error when the row says otherwise", () => {
    // 5 days − 3 grace = 2; the row bills 5
    const [f] = only(check(makeStay({ billedDays: 5, amount: 5 * 10500 })), "BILLED_DAYS_MISMATCH");
    expect(f).toMatchObject({ severity: "error", columns: [col("billedDays"), col("readyDate"), col("dischargeDate")] });
    expect(f.message.en).toContain("bills 5 days, but the agreement model gives 2 (5 discharge-ready days − 3 free days)");
  });

  it("uses grace-day overrides by the ready date (the law: psychiatric care in 2018, 30 days)", () => {
    const ctx = makeCtx({
      invoicePeriod: null,
      profile: makeProfile({ psychiatric: { graceDaysOverrides: [{ from: "2018-01-01", to: "2018-12-31", graceDays: 30 }] } }),
    });
    // 5 days, 30 grace → 0 billed; the row bills 2
    const stay = makeStay({ careType: "psychiatric", unit: "Psykiatri 4", admission: d("2018-03-01"), admissionNotice: d("2018-03-01"), ready: d("2018-03-05"), discharge: d("2018-03-10") });
    const [f] = only(check(stay, ctx), "BILLED_DAYS_MISMATCH");
    expect(f.message.en).toContain("gives 0 (5 discharge-ready days − 30 free days)");
    expect(only(check({ ...stay, careType: "somatic", unit: "Medicin" }, ctx), "BILLED_DAYS_MISMATCH")).toEqual([]);
  });

  it("hybrid: a stay over the limit is billed individually from day 0; stays within it are not checked per row", () => {
    const ctx = makeCtx({ profile: makeProfile({ both: { kind: "hybrid", benchmark: 3, longStayLimit: 7, longStayGraceDays: 0 } }) });
    // ready 03-01, discharge 03-11 → 10 days > 7 → 10 billed; the row bills 7
    const long = makeStay({ ready: d("2023-03-01"), discharge: d("2023-03-11"), statedDays: 10, billedDays: 7, amount: 7 * 10500 });
    const [f] = only(check(long, ctx), "BILLED_DAYS_MISMATCH");
    expect(f.message.en).toContain("gives 10 (a stay over 7 days is billed individually: 10 days − 0 free days)");
    expect(only(check({ ...long, billedDays: 10, amount: 105000 }, ctx), "BILLED_DAYS_MISMATCH")).toEqual([]);
    // 5 days ≤ 7: the row's share of an average excess is no row figure
    expect(only(check(makeStay({ billedDays: 4, amount: 42000 }), ctx), "BILLED_DAYS_MISMATCH")).toEqual([]);
  });

  it("average profiles: not run, with the reason in the status", () => {
    const ctx = makeCtx({ profile: makeProfile({ both: { kind: "average", benchmark: 2.3 } }) });
    const result = runChecks([makeReading([makeStay({ billedDays: 99, amount: 99 * 10500 })])], ctx);
    expect(only(result.findings, "BILLED_DAYS_MISMATCH")).toEqual([]);
    const status = result.statuses.find((s) => s.code === "BILLED_DAYS_MISMATCH")!;
    expect(status).toMatchObject({ ran: false, missingFields: [] });
    expect(status.reason?.sv).toContain("snitt");
  });
});

describe("AMOUNT_MISMATCH", () => {
  it("amount = billed days × stated price, allowing 1 kr of rounding", () => {
    // 2 × 10 500 = 21 000
    expect(only(check(makeStay({ amount: 21001 })), "AMOUNT_MISMATCH")).toEqual([]);
    const [f] = only(check(makeStay({ amount: 21002 })), "AMOUNT_MISMATCH");
    expect(f).toMatchObject({ severity: "error", columns: [col("amount"), col("billedDays"), col("pricePerDay")] });
    expect(f.message.sv).toBe("Beloppet är 21 002 kr, men 2 debiterade dagar × 10 500 kr ger 21 000 kr.");
  });

  it("without billed days on the row uses the model's; without a price, the profile's price for the year", () => {
    // no billed-days column: model gives 2; no price column: 2023 → 10 500; 2 × 10 500 = 21 000 ≠ 22 000
    const [f] = only(check(makeStay({ amount: 22000 }), makeCtx(), ["billedDays", "pricePerDay"]), "AMOUNT_MISMATCH");
    expect(f.message.en).toBe("The amount is 22,000 SEK, but 2 billed days × 10,500 SEK give 21,000 SEK.");
    expect(f.columns).toEqual([col("amount")]);
  });

  it("splits billed days over a year boundary at each year's price", () => {
    // ready 2022-12-20, discharge 2023-01-05: 16 days, 13 billed = 2022-12-23..2023-01-04
    // → 9 days × 9 300 (2022) + 4 days × 10 500 (2023) = 83 700 + 42 000 = 125 700
    const ctx = makeCtx({ invoicePeriod: null });
    const stay = makeStay({ admission: d("2022-12-18"), admissionNotice: d("2022-12-18"), ready: d("2022-12-20"), discharge: d("2023-01-05"), statedDays: 16, billedDays: 13, pricePerDay: null, amount: 125700 });
    expect(check(stay, ctx)).toEqual([]);
    const [f] = only(check({ ...stay, amount: 13 * 10500 }, ctx), "AMOUNT_MISMATCH");
    expect(f.message.en).toContain("9 days in 2022 at 9,300 SEK, 4 days in 2023 at 10,500 SEK");
    expect(f.message.en).toContain("give 125,700 SEK");
  });
  it("splits by counted days under weekday counting, as the figures do", () => {
    // weekdays from Tue 2022-12-27 to Thu 2023-01-05 (26 Dec a holiday, 31 Dec/1 Jan weekend):
    // Dec 27, 28, 29, 30 + Jan 2, 3, 4 = 7; billed 7 − 3 = 4 = days k 3..6 = Dec 30 + Jan 2, 3, 4
    // → 1 × 9 300 + 3 × 10 500 = 40 800 (the last four calendar days would all be 2023: 42 000)
    const ctx = makeCtx({ invoicePeriod: null, profile: makeProfile({ both: { counting: { unit: "weekdays", start: "readyDate", cutoffHour: null } } }) });
    const stay = makeStay({ admission: d("2022-12-20"), admissionNotice: d("2022-12-20"), ready: d("2022-12-27"), discharge: d("2023-01-05"), statedDays: 7, billedDays: 4, pricePerDay: null, amount: 40800 });
    expect(check(stay, ctx)).toEqual([]);
    const [f] = only(check({ ...stay, amount: 42000 }, ctx), "AMOUNT_MISMATCH");
    expect(f.message.en).toContain("1 day in 2022 at 9,300 SEK, 3 days in 2023 at 10,500 SEK");
  });
});

describe("PRICE_MISMATCH", () => {
  it("is an error when the stated price is not the profile's price for the year", () => {
    const [f] = only(check(makeStay({ pricePerDay: 9300, amount: 18600 })), "PRICE_MISMATCH");
    expect(f).toMatchObject({ severity: "error", columns: [col("pricePerDay")] });
    expect(f.message.sv).toBe("Priset per dygn är 9 300 kr, men avtalsprofilens pris för 2023 är 10 500 kr.");
  });

  it("accepts the price of any year the billed days fall in", () => {
    const ctx = makeCtx({ invoicePeriod: null });
    const stay = makeStay({ admission: d("2022-12-18"), admissionNotice: d("2022-12-18"), ready: d("2022-12-20"), discharge: d("2023-01-05"), statedDays: 16, billedDays: 13, pricePerDay: 9300, amount: 13 * 9300 });
    expect(only(check(stay, ctx), "PRICE_MISMATCH")).toEqual([]);
    const [f] = only(check({ ...stay, pricePerDay: 9000, amount: 13 * 9000 }, ctx), "PRICE_MISMATCH");
    expect(f.message.en).toContain("price for 2022/2023 is 9,300 / 10,500 SEK");
  });

  it("follows a fixed agreed price", () => {
    const ctx = makeCtx({ profile: makeProfile({ both: { price: { source: "fixed", amount: 5000 } } }) });
    expect(only(check(makeStay({ pricePerDay: 5000, amount: 10000 }), ctx), "PRICE_MISMATCH")).toEqual([]);
    expect(only(check(makeStay(), ctx), "PRICE_MISMATCH")[0].message.en).toContain("is 5,000 SEK");
  });

  it("with the year's price unknown: no PRICE_MISMATCH, one info per sheet and year saying the price is missing", () => {
    // 2025 has no price in the table
    const ctx = makeCtx({ referenceDay: day("2025-04-15"), invoicePeriod: null });
    const row = (r: number) =>
      makeStay({ row: r, stayId: `V${r}`, personId: { normalized: `19121212121${r}`, kind: "personnummer", checkDigitValid: true, birthDay: null }, admission: d("2025-03-01"), admissionNotice: d("2025-03-01"), ready: d("2025-03-05"), discharge: d("2025-03-10"), pricePerDay: 12000, amount: 24000 });
    const findings = runChecks([makeReading([row(5), row(3)])], ctx).findings;
    expect(only(findings, "PRICE_MISMATCH")).toEqual([]);
    const infos = only(findings, "PRICE_UNKNOWN");
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatchObject({ severity: "info", row: null, columns: [col("pricePerDay")] });
    expect(infos[0].message.en).toContain("for 2025 is missing");
    expect(infos[0].message.en).toContain("2 rows (first row 3)");
    // once the user enters the year's price, the check is made
    const entered = makeCtx({ referenceDay: day("2025-04-15"), invoicePeriod: null, profile: makeProfile({ priceOverrides: { "2025": 12500 } }) });
    expect(only(runChecks([makeReading([row(5)])], entered).findings, "PRICE_MISMATCH")).toHaveLength(1);
  });
});

describe("CARE_TYPE_MISMATCH", () => {
  it("warns on a psychiatric unit billed as somatic, and the reverse", () => {
    const [f] = only(check(makeStay({ unit: "Psykiatrisk akutavdelning", careType: "somatic" })), "CARE_TYPE_MISMATCH");
    expect(f).toMatchObject({ severity: "warning", columns: [col("careType"), col("unit")] });
    expect(f.message.en).toContain("looks psychiatric");
    const [r] = only(check(makeStay({ unit: "Ortopedavdelning 12", careType: "psychiatric" })), "CARE_TYPE_MISMATCH");
    expect(r.message.en).toContain("looks somatic");
  });

  it("is silent when the unit agrees or gives no hint", () => {
    expect(only(check(makeStay({ unit: "Psykogeriatrik", careType: "psychiatric" })), "CARE_TYPE_MISMATCH")).toEqual([]);
    expect(only(check(makeStay({ unit: "Avd 12", careType: "psychiatric" })), "CARE_TYPE_MISMATCH")).toEqual([]);
    expect(only(check(makeStay({ unit: "Medicin avd 3", careType: "somatic" })), "CARE_TYPE_MISMATCH")).toEqual([]);
  });
});
