import { copyProfile, getPreset } from "../../../src/core/agreements/presets";
import type { AgreementProfile, CareRules } from "../../../src/core/agreements/profileSchema";
import type { Stay } from "../../../src/core/model";
import { staysWithDays } from "../figures/stays";
import { disputeOn, errorFinding, figuresWith } from "./helpers";

const law = getPreset("lag-2017-612")!;
const halland = getPreset("halland-2022")!;
const vgr = getPreset("vgr-2020")!;

function variant(id: string, both: Partial<CareRules>): AgreementProfile {
  const r = copyProfile(getPreset(id)!, { somatic: both, psychiatric: both });
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.profile;
}

/** Stays of the given days discharged 2023-03-20 (price 10 500 kr a day), rows 2, 3, … */
function march(days: number[], amounts?: number[]): Stay[] {
  const stays = staysWithDays(days, "2023-03-20");
  if (amounts) stays.forEach((s, i) => (s.amount = amounts[i]));
  return stays;
}

describe("figures after disputes: individual model (law, 3 grace days)", () => {
  // Days 5, 2, 10 → liable 2 + 0 + 7 = 9 days × 10 500 = 94 500 kr. Invoiced 21 000 + 0 + 84 000 = 105 000.
  const stays = () => march([5, 2, 10], [21000, 0, 84000]);

  it("a voiding dispute leaves the stay out; an arithmetic one keeps it at the recomputed figure", () => {
    const r = figuresWith(stays(), law, (ix) => [disputeOn(ix, "Underlag", 4, "DECEASED"), disputeOn(ix, "Underlag", 2, "AMOUNT_MISMATCH")]);
    expect(r.match.found).toHaveLength(2);
    expect(r.totals).toMatchObject({
      invoicedAmount: 105000,
      stays: 3,
      days: 17,
      liableDays: 9,
      amount: 94500,
      // Row 4 (10 days) out: 5 and 2 days → 2 + 0 = 2 liable days × 10 500 = 21 000; row 2 stays in at 2 days.
      staysAfterDisputes: 2,
      daysAfterDisputes: 7,
      liableDaysAfterDisputes: 2,
      amountAfterDisputes: 21000,
      disputes: 2,
    });
  });

  it("if every error finding were upheld: voiding codes leave their rows out, arithmetic codes do not", () => {
    const findings = [errorFinding("Underlag", 2, "NOT_RESIDENT"), errorFinding("Underlag", 4, "PRICE_MISMATCH")];
    const r = figuresWith(stays(), law, () => [], findings);
    // Row 2 (5 days) out: 2 and 10 days → 0 + 7 = 7 days × 10 500 = 73 500; nothing disputed yet.
    expect(r.totals).toMatchObject({ amount: 94500, amountAfterDisputes: 94500, liableDaysIfErrorsUpheld: 7, amountIfErrorsUpheld: 73500 });
    expect(r.excluded).toEqual({ afterDisputes: 0, ifErrorsUpheld: 1 });
  });

  it("a withdrawn dispute changes nothing", () => {
    const r = figuresWith(stays(), law, (ix) => [{ ...disputeOn(ix, "Underlag", 4, "DECEASED"), withdrawn: true }]);
    expect(r.totals.amountAfterDisputes).toBe(94500);
  });
});

describe("figures after disputes: average model (Halland, benchmark 2.3, 0-day stays in the average)", () => {
  it("excessAverage: disputing a 0-day stay raises what is owed", () => {
    // All: 0, 0, 3, 5 → 8 / 4 = 2.00 ≤ 2.3 → nothing owed.
    // Row 2 (0 days) disputed: 0, 3, 5 → 8 / 3 = 2.67; (2.67 − 2.3) × 3 = 1.11 days × 10 500 = 11 655 kr.
    const r = figuresWith(march([0, 0, 3, 5]), halland, (ix) => [disputeOn(ix, "Underlag", 2, "NOT_RESIDENT")]);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({ stays: 4, days: 8, liableDays: 0, amount: 0, staysAfterDisputes: 3, daysAfterDisputes: 8, liableDaysAfterDisputes: 1.11, amountAfterDisputes: 11655 });
    expect(r.groups[0].amountAfterDisputes!).toBeGreaterThan(r.groups[0].amount!);
  });

  it("excessAverage: disputing the longest stay lowers it", () => {
    // All: 1, 4, 6 → 11 / 3 = 3.67; (3.67 − 2.3) × 3 = 4.11 days × 10 500 = 43 155 kr.
    // Row 4 (6 days) disputed: 1, 4 → 2.50; (2.50 − 2.3) × 2 = 0.40 days × 10 500 = 4 200 kr.
    const r = figuresWith(march([1, 4, 6]), halland, (ix) => [disputeOn(ix, "Underlag", 4, "DUPLICATE_STAY")]);
    expect(r.totals).toMatchObject({ liableDays: 4.11, amount: 43155, liableDaysAfterDisputes: 0.4, amountAfterDisputes: 4200 });
  });

  it("individualExcess: the 0-day dispute lifts the average over the benchmark", () => {
    // All: 0, 0, 3, 5 → 2.00 ≤ 2.3 → nothing. Row 2 out: 2.67 > 2.3 → Σ max(0, d − 2.3) = 0.7 + 2.7 = 3.40 days × 10 500 = 35 700 kr.
    const r = figuresWith(march([0, 0, 3, 5]), variant("halland-2022", { excessFormula: "individualExcess" }), (ix) => [disputeOn(ix, "Underlag", 2, "SIP_INVITATION_MISSING")]);
    expect(r.totals).toMatchObject({ amount: 0, liableDaysAfterDisputes: 3.4, amountAfterDisputes: 35700 });
  });

  it("an arithmetic dispute under an average model leaves the average as it is", () => {
    const r = figuresWith(march([1, 4, 6]), halland, (ix) => [disputeOn(ix, "Underlag", 4, "DAYS_MISMATCH")]);
    expect(r.totals).toMatchObject({ amount: 43155, amountAfterDisputes: 43155, staysAfterDisputes: 3, disputes: 1 });
  });
});

describe("figures after disputes: hybrid model (Västra Götaland: average 3.0, stays over 7 days billed from day 0)", () => {
  // All: 0, 3, 4 in the average → 7 / 3 = 2.33 ≤ 3.0 → 0; the 10-day stay billed individually: 10 days × 10 500 = 105 000.
  const stays = () => march([0, 3, 4, 10]);

  it("disputing the 0-day stay raises the average part", () => {
    // Row 2 out: 3, 4 → 3.50; (3.50 − 3.0) × 2 = 1.00 day + 10 long = 11 days × 10 500 = 115 500 kr.
    const r = figuresWith(stays(), vgr, (ix) => [disputeOn(ix, "Underlag", 2, "DECEASED")]);
    expect(r.totals).toMatchObject({ liableDays: 10, amount: 105000, liableDaysAfterDisputes: 11, amountAfterDisputes: 115500 });
  });

  it("disputing the long stay voids its individual bill; an arithmetic dispute keeps it", () => {
    const voided = figuresWith(stays(), vgr, (ix) => [disputeOn(ix, "Underlag", 5, "NOT_RESIDENT")]);
    // Row 5 out: 0, 3, 4 → 2.33 ≤ 3.0 → 0 kr.
    expect(voided.totals).toMatchObject({ amountAfterDisputes: 0, liableDaysAfterDisputes: 0, staysAfterDisputes: 3 });
    const kept = figuresWith(stays(), vgr, (ix) => [disputeOn(ix, "Underlag", 5, "BILLED_DAYS_MISMATCH")]);
    expect(kept.totals).toMatchObject({ amountAfterDisputes: 105000 });
  });
});

describe("side by side per municipality", () => {
  it("a municipality whose every stay is disputed owes 0 after disputes, and the totals add up", () => {
    const a = march([5, 6]); // Halmstad: 2 + 3 = 5 days × 10 500 = 52 500
    const b = staysWithDays([4], "2023-03-20", { muni: "Laholm", firstRow: 10 }); // Laholm: 1 day = 10 500
    const r = figuresWith([...a, ...b], law, (ix) => [disputeOn(ix, "Underlag", 10, "NOT_RESIDENT")]);
    const laholm = r.municipalities.find((m) => m.municipality === "Laholm")!;
    expect(laholm).toMatchObject({ amount: 10500, amountAfterDisputes: 0, staysAfterDisputes: 0, disputes: 1 });
    const halmstad = r.municipalities.find((m) => m.municipality === "Halmstad")!;
    expect(halmstad).toMatchObject({ amount: 52500, amountAfterDisputes: 52500 });
    expect(r.totals).toMatchObject({ amount: 63000, amountAfterDisputes: 52500 });
  });
});
