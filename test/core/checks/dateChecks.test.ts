/** READY_BEFORE_ADMISSION, DISCHARGE_BEFORE_READY, OUTSIDE_PERIOD, LONG_STAY, STILL_ADMITTED, READY_WITHDRAWN. */
import { runChecks } from "../../../src/core/checks/runChecks";
import { col, d, day, makeCtx, makeProfile, makeReading, makeStay, only } from "./fixtures";

const check = (stay = makeStay(), ctx = makeCtx()) => runChecks([makeReading([stay])], ctx).findings;

describe("READY_BEFORE_ADMISSION", () => {
  it("fires when the ready date is before the admission date", () => {
    const [f] = only(check(makeStay({ ready: d("2023-02-27"), statedDays: null })), "READY_BEFORE_ADMISSION");
    expect(f).toMatchObject({ severity: "error", fields: ["readyDate", "admissionDate"], columns: [col("readyDate"), col("admissionDate")] });
    expect(f.message.en).toContain("2023-02-27");
  });

  it("compares times on the same day only when both have one", () => {
    expect(only(check(makeStay({ admission: d("2023-03-05 12:00"), ready: d("2023-03-05 09:00") })), "READY_BEFORE_ADMISSION")).toHaveLength(1);
    expect(only(check(makeStay({ admission: d("2023-03-05 12:00"), ready: d("2023-03-05") })), "READY_BEFORE_ADMISSION")).toEqual([]);
    expect(only(check(makeStay({ admission: d("2023-03-05"), ready: d("2023-03-05") })), "READY_BEFORE_ADMISSION")).toEqual([]);
  });
});

describe("DISCHARGE_BEFORE_READY", () => {
  it("fires when the discharge is before the ready date, and no day count mismatch is claimed", () => {
    const fs = check(makeStay({ discharge: d("2023-03-04") }));
    expect(only(fs, "DISCHARGE_BEFORE_READY")[0]).toMatchObject({ severity: "error", columns: [col("dischargeDate"), col("readyDate")] });
    // days are not computable, so the stated 5 days are not compared
    expect(only(fs, "DAYS_MISMATCH")).toEqual([]);
  });

  it("does not fire for a same-day discharge (0 days)", () => {
    const stay = makeStay({ discharge: d("2023-03-05 15:00"), statedDays: 0, billedDays: 0, amount: 0 });
    expect(check(stay)).toEqual([]);
  });
});

describe("OUTSIDE_PERIOD", () => {
  it("fires when the discharge lies outside the invoice period (either side)", () => {
    for (const discharge of ["2023-02-28", "2023-04-01"]) {
      const stay = makeStay({ admission: d("2023-02-01"), ready: d("2023-02-20"), discharge: d(discharge), statedDays: null, billedDays: null, amount: null });
      const [f] = only(check(stay), "OUTSIDE_PERIOD");
      expect(f).toMatchObject({ severity: "warning", fields: ["dischargeDate"], columns: [col("dischargeDate")] });
      expect(f.message.sv).toContain("2023-03-01 – 2023-03-31");
    }
  });

  it("does not fire inside the period, on its first or last day", () => {
    expect(only(check(makeStay({ discharge: d("2023-03-31") , statedDays: 26, billedDays: 23, amount: 23 * 10500 })), "OUTSIDE_PERIOD")).toEqual([]);
    expect(only(check(makeStay({ admission: d("2023-02-20"), ready: d("2023-02-25"), discharge: d("2023-03-01"), statedDays: 4, billedDays: 1, amount: 10500 })), "OUTSIDE_PERIOD")).toEqual([]);
  });

  it("without a known period checks only dates in the future, always", () => {
    const noPeriod = makeCtx({ invoicePeriod: null });
    const old = makeStay({ admission: d("2020-01-01"), ready: d("2020-01-02"), discharge: d("2020-01-03"), statedDays: null, billedDays: null, amount: null, pricePerDay: null, admissionNotice: null });
    expect(only(check(old, noPeriod), "OUTSIDE_PERIOD")).toEqual([]);
    const future = makeStay({ admissionNotice: d("2023-05-02 10:00") });
    const [f] = only(check(future, noPeriod), "OUTSIDE_PERIOD");
    expect(f.fields).toEqual(["admissionNoticeTime"]);
    expect(f.message.en).toContain("2023-05-02 10:00");
    expect(f.message.en).toContain("2023-04-15");
  });

  it("names every offending column in one finding", () => {
    const ctx = makeCtx({ referenceDay: day("2023-03-07") });
    const [f] = only(check(makeStay(), ctx), "OUTSIDE_PERIOD");
    // discharge 03-10 is after today 03-07; nothing else is
    expect(f.fields).toEqual(["dischargeDate"]);
    expect(f.columns).toEqual([col("dischargeDate")]);
  });
});

describe("LONG_STAY", () => {
  it("fires over the profile's limit (30 by default) and not at it", () => {
    // ready 2023-03-01, discharge 2023-03-31 → 30 days: not over; 2023-04-01 → 31: over
    const base = { admission: d("2023-02-27"), ready: d("2023-03-01"), statedDays: null, billedDays: null, amount: null };
    expect(only(check(makeStay({ ...base, discharge: d("2023-03-31") })), "LONG_STAY")).toEqual([]);
    const [f] = only(check(makeStay({ ...base, discharge: d("2023-04-01") }), makeCtx({ invoicePeriod: null })), "LONG_STAY");
    expect(f).toMatchObject({ severity: "warning", columns: [col("readyDate"), col("dischargeDate")] });
    expect(f.message.sv).toContain("31");
  });

  it("follows profile.longStayWarningDays", () => {
    const ctx = makeCtx({ profile: makeProfile({ longStayWarningDays: 4 }) });
    expect(only(check(makeStay(), ctx), "LONG_STAY")).toHaveLength(1); // 5 days > 4
  });

  it("measures an open stay up to the period end: a stale registration", () => {
    // ready 2023-01-10, open; period ends 2023-03-31 → 80 days
    const stay = makeStay({ admission: d("2023-01-02"), ready: d("2023-01-10"), discharge: null, statedDays: null, billedDays: null, amount: null });
    const [f] = only(check(stay), "LONG_STAY");
    expect(f.message.en).toContain("80 days up to 2023-03-31");
  });
});

describe("STILL_ADMITTED", () => {
  it("is info on a row without a discharge date, a warning when the row bills it anyway", () => {
    const open = { discharge: null, statedDays: null, billedDays: null, amount: null };
    expect(only(check(makeStay(open)), "STILL_ADMITTED")[0]).toMatchObject({ severity: "info", columns: [col("dischargeDate")] });
    const billed = only(check(makeStay({ ...open, billedDays: 3 })), "STILL_ADMITTED")[0];
    expect(billed.severity).toBe("warning");
    expect(billed.message.sv).toContain("3 dagar");
  });

  it("does not fire on a discharged stay", () => {
    expect(only(check(), "STILL_ADMITTED")).toEqual([]);
  });
});

describe("READY_WITHDRAWN", () => {
  it("warns and says the days before the new notice do not count", () => {
    // withdrawn 03-06, ready again 03-08, discharge 03-10 → counted from the new notice: 2 days
    const stay = makeStay({ readyWithdrawn: d("2023-03-06"), newReady: d("2023-03-08"), statedDays: 2, billedDays: 0, amount: 0 });
    const fs = check(stay);
    expect(fs.map((f) => f.code)).toEqual(["READY_WITHDRAWN"]);
    expect(fs[0]).toMatchObject({ severity: "warning", columns: [col("readyWithdrawnDate"), col("newReadyDate")] });
    expect(fs[0].message.en).toContain("Days before the new notice do not count");
    expect(fs[0].message.sv).toContain("2023-03-08");
  });

  it("does not fire without a withdrawal", () => {
    expect(only(check(), "READY_WITHDRAWN")).toEqual([]);
  });
});

describe("DISCHARGE_BEFORE_READY on the ready day itself", () => {
  it("is a warning that the stay is counted with 0 days, never an error that days cannot be counted", () => {
    const stay = makeStay({ ready: d("2023-03-05 14:00"), discharge: d("2023-03-05 09:00"), statedDays: 0, billedDays: 0, amount: 0 });
    const [f] = only(check(stay), "DISCHARGE_BEFORE_READY");
    expect(f.severity).toBe("warning");
    expect(f.message.en).toMatch(/counted with 0 days/);
    expect(f.message.sv).toMatch(/räknas med 0 dagar/);
    expect(`${f.message.en} ${f.message.sv}`).not.toMatch(/cannot be counted|kan inte räknas|left out|tas inte med/);
  });

  it("stays an error when the discharge date is before the ready date, saying the row is left out", () => {
    const [f] = only(check(makeStay({ ready: d("2023-03-05 08:00"), discharge: d("2023-03-04 20:00") })), "DISCHARGE_BEFORE_READY");
    expect(f.severity).toBe("error");
    expect(f.message.en).toMatch(/left out of the figures/);
    expect(f.message.sv).toMatch(/tas inte med i beräkningen/);
  });
});
