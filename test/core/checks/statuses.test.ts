/** A check whose columns are absent is reported as not run, never as passed. */
import { runChecks } from "../../../src/core/checks/runChecks";
import type { CheckStatus } from "../../../src/core/review/result";
import { FIELDS } from "../../../src/core/sheet/fields";
import { makeCtx, makeReading, makeStay, only } from "./fixtures";

const statusOf = (statuses: CheckStatus[], code: CheckStatus["code"]) => statuses.find((s) => s.code === code)!;

describe("check statuses", () => {
  it("reports checks without their columns as not run, naming the missing fields", () => {
    const reading = makeReading([makeStay()], { without: ["personId", "residenceMunicipality", "statedDays"] });
    const { statuses } = runChecks([reading], makeCtx());
    expect(statusOf(statuses, "NOT_RESIDENT")).toMatchObject({ ran: false, missingFields: ["residenceMunicipality"] });
    expect(statusOf(statuses, "INVALID_PERSON_ID")).toMatchObject({ ran: false, missingFields: ["personId"] });
    expect(statusOf(statuses, "DUPLICATE_STAY")).toMatchObject({ ran: false, missingFields: ["personId"] });
    expect(statusOf(statuses, "OVERLAPPING_STAYS")).toMatchObject({ ran: false, missingFields: ["personId"] });
    expect(statusOf(statuses, "DAYS_MISMATCH")).toMatchObject({ ran: false, missingFields: ["statedDays"] });
    expect(statusOf(statuses, "DAYS_MISMATCH").reason?.en).toBe("Columns missing: Days stated.");
    expect(statusOf(statuses, "DECEASED").ran).toBe(true);
    expect(statusOf(statuses, "MISSING_FIELD").ran).toBe(true);
  });

  it("does not raise findings of a check that did not run", () => {
    const stay = makeStay({ residenceMunicipality: "Laholm", statedDays: 99 });
    const { findings } = runChecks([makeReading([stay], { without: ["residenceMunicipality", "statedDays"], keepValues: true })], makeCtx());
    expect(only(findings, "NOT_RESIDENT")).toEqual([]);
    expect(only(findings, "DAYS_MISMATCH")).toEqual([]);
  });

  it("accepts either alternative of a check's fields (duplicates by stay id, or by admission + ready day)", () => {
    const byDates = runChecks([makeReading([makeStay()], { without: ["stayId"] })], makeCtx()).statuses;
    expect(statusOf(byDates, "DUPLICATE_STAY").ran).toBe(true);
    const neither = runChecks([makeReading([makeStay()], { without: ["stayId", "admissionDate"] })], makeCtx()).statuses;
    expect(statusOf(neither, "DUPLICATE_STAY")).toMatchObject({ ran: false, missingFields: ["stayId"] });
  });

  it("with only a few columns, most checks are not run", () => {
    const reading = makeReading([makeStay()], { fields: ["personId", "readyDate", "dischargeDate", "municipality"] });
    const { statuses } = runChecks([reading], makeCtx());
    const ran = statuses.filter((s) => s.ran).map((s) => s.code).sort();
    expect(ran).toEqual(["DISCHARGE_BEFORE_READY", "INVALID_PERSON_ID", "LONG_STAY", "MISSING_FIELD", "OUTSIDE_PERIOD", "STILL_ADMITTED"]);
    for (const s of statuses.filter((x) => !x.ran)) expect(s.missingFields.length).toBeGreaterThan(0);
  });

  it("a check that ran on one sheet but not another is not run, and the reason names the sheets", () => {
    const a = makeReading([makeStay({ sheet: "Okt", residenceMunicipality: "Laholm" })], { sheet: "Okt" });
    const b = makeReading([makeStay({ sheet: "Nov" })], { sheet: "Nov", without: ["residenceMunicipality"] });
    const { findings, statuses } = runChecks([a, b], makeCtx());
    const s = statusOf(statuses, "NOT_RESIDENT");
    expect(s).toMatchObject({ ran: false, missingFields: ["residenceMunicipality"] });
    expect(s.reason?.sv).toBe('Kördes på "Okt"; inte på "Nov" (kolumner saknas).');
    // the sheet that has the column is still checked
    expect(only(findings, "NOT_RESIDENT").map((f) => f.sheet)).toEqual(["Okt"]);
  });

  it("with no sheet at all, nothing ran and nothing is found", () => {
    const { findings, statuses } = runChecks([], makeCtx());
    expect(findings).toEqual([]);
    expect(statuses.every((s) => !s.ran && s.reason?.en === "No sheet was read.")).toBe(true);
  });

  it("every field of the contract appears in the test layout (guards the fixture)", () => {
    expect(makeReading([makeStay()]).mapping.map((m) => m.field)).toEqual([...FIELDS]);
  });
});
