import { epochDay } from "../../../src/core/cells/localDate";
import { agreementProfileSchema, type AgreementProfileInput } from "../../../src/core/agreements/profileSchema";
import { PRICE_TABLE, priceRow } from "../../../src/core/agreements/priceTable";
import { billedDaysIndividual, graceDaysFor, priceFor, roundTo, rulesFor } from "../../../src/core/agreements/rules";

const care = {
  kind: "individual" as const,
  graceDays: 3,
  benchmark: null,
  excessFormula: "excessAverage" as const,
  zeroDays: true,
  period: { kind: "month" as const },
  longStayLimit: null,
  counting: { unit: "calendar" as const, start: "readyDate" as const, cutoffHour: null },
  price: { source: "socialstyrelsen" as const },
  rounding: { averageDecimals: 2, liableDaysDecimals: 2, amountDecimals: 0 },
  conditions: { admissionNotice: false, sipInvitation: false, careContact: false },
};
const input: AgreementProfileInput = {
  id: "t",
  name: { sv: "T", en: "T" },
  source: "test",
  somatic: care,
  psychiatric: { ...care, graceDaysOverrides: [{ from: "2018-01-01", to: "2018-12-31", graceDays: 30 }] },
};
const profile = agreementProfileSchema.parse(input);

describe("rules", () => {
  it("picks the care type's rules", () => {
    expect(rulesFor(profile, "somatic")).toBe(profile.somatic);
    expect(rulesFor(profile, "psychiatric")).toBe(profile.psychiatric);
  });

  it("grace days follow overrides matched on the ready date", () => {
    const psych = profile.psychiatric;
    expect(graceDaysFor(psych, epochDay(2017, 12, 31))).toBe(3);
    expect(graceDaysFor(psych, epochDay(2018, 1, 1))).toBe(30);
    expect(graceDaysFor(psych, epochDay(2018, 12, 31))).toBe(30);
    expect(graceDaysFor(psych, epochDay(2019, 1, 1))).toBe(3);
    expect(graceDaysFor(profile.somatic, epochDay(2018, 6, 1))).toBe(3);
  });

  it("prices: table, user entry, fixed; unknown is null, never 0", () => {
    expect(priceFor(profile, profile.somatic, 2023)).toMatchObject({ amount: 10500, status: "secondary" });
    expect(priceFor(profile, profile.somatic, 2019)).toMatchObject({ amount: 7800, status: "official" });
    expect(priceFor(profile, profile.somatic, 2024)).toMatchObject({ amount: 11600, status: "inferred" });
    expect(priceFor(profile, profile.somatic, 2025)).toBeNull();
    expect(priceFor(profile, profile.somatic, 2030)).toBeNull();
    const entered = { ...profile, priceOverrides: { "2025": 12000, "2023": 10000 } };
    expect(priceFor(entered, entered.somatic, 2025)).toMatchObject({ amount: 12000, status: "user" });
    expect(priceFor(entered, entered.somatic, 2023)).toMatchObject({ amount: 10000, status: "user" });
    const fixed = { ...care, price: { source: "fixed" as const, amount: 5000 } };
    const fixedRules = agreementProfileSchema.parse({ ...input, somatic: fixed }).somatic;
    expect(priceFor(profile, fixedRules, 2025)).toMatchObject({ amount: 5000, status: "fixed" });
  });

  it("the price table has the unknown years as null", () => {
    for (const y of [2018, 2021, 2025, 2026]) expect(priceRow(y)).toMatchObject({ amount: null, status: "unknown" });
    expect(PRICE_TABLE.map((r) => r.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(priceRow(2022)?.amount).toBe(9300);
    expect(priceRow(2020)?.amount).toBe(8200);
  });

  it("billed days and rounding", () => {
    expect(billedDaysIndividual(10, 3)).toBe(7);
    expect(billedDaysIndividual(2, 3)).toBe(0);
    expect(roundTo((2.9 - 2.3) * 20, 2)).toBe(12);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.345, 1)).toBe(2.3);
    expect(roundTo(2.5, 0)).toBe(3);
  });
});
