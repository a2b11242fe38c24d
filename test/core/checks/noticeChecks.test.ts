/** ADMISSION_NOTICE_*, SIP_INVITATION_*, NO_CARE_CONTACT: the law's preconditions, severity from the profile. */
import { runChecks } from "../../../src/core/checks/runChecks";
import { col, d, makeCtx, makeProfile, makeReading, makeStay, only } from "./fixtures";

const check = (stay = makeStay(), ctx = makeCtx()) => runChecks([makeReading([stay])], ctx).findings;
const lenient = makeCtx({
  profile: makeProfile({ both: { conditions: { admissionNotice: false, sipInvitation: false, careContact: false } } }),
});

describe("ADMISSION_NOTICE_MISSING / _LATE", () => {
  it("MISSING fires without a notice: error when the profile makes it a condition, warning otherwise", () => {
    const stay = makeStay({ admissionNotice: null });
    const [f] = only(check(stay), "ADMISSION_NOTICE_MISSING");
    expect(f).toMatchObject({ severity: "error", columns: [col("admissionNoticeTime"), col("admissionDate")] });
    expect(f.message.en).toContain("condition of payment liability");
    expect(only(check(stay, lenient), "ADMISSION_NOTICE_MISSING")[0].severity).toBe("warning");
  });

  it("LATE fires more than 24 h after admission, by the minute when both have a time", () => {
    // admission 03-01 08:00; 03-02 08:00 is exactly 24 h (on time), 08:01 is late
    expect(only(check(makeStay({ admissionNotice: d("2023-03-02 08:00") })), "ADMISSION_NOTICE_LATE")).toEqual([]);
    const [f] = only(check(makeStay({ admissionNotice: d("2023-03-02 08:01") })), "ADMISSION_NOTICE_LATE");
    expect(f.severity).toBe("error");
    expect(f.message.sv).toContain("2023-03-02 08:01");
  });

  it("is lenient without times: late only when the notice date is more than one day after the admission date", () => {
    const adm = d("2023-03-01");
    expect(only(check(makeStay({ admission: adm, admissionNotice: d("2023-03-02") })), "ADMISSION_NOTICE_LATE")).toEqual([]);
    expect(only(check(makeStay({ admission: d("2023-03-01 08:00"), admissionNotice: d("2023-03-02") })), "ADMISSION_NOTICE_LATE")).toEqual([]);
    const [f] = only(check(makeStay({ admission: adm, admissionNotice: d("2023-03-03") })), "ADMISSION_NOTICE_LATE");
    expect(f.message.en).toContain("only dates are compared");
  });

  it("severity follows the rule of the row's care type", () => {
    const ctx = makeCtx({ profile: makeProfile({ psychiatric: { conditions: { admissionNotice: false, sipInvitation: true, careContact: true } } }) });
    const late = { admissionNotice: d("2023-03-04 08:00") };
    expect(only(check(makeStay({ ...late, careType: "somatic" }), ctx), "ADMISSION_NOTICE_LATE")[0].severity).toBe("error");
    expect(only(check(makeStay({ ...late, careType: "psychiatric", unit: "Psykiatri avd 7" }), ctx), "ADMISSION_NOTICE_LATE")[0].severity).toBe("warning");
  });
});

describe("SIP_INVITATION_MISSING / _LATE", () => {
  it("only where planning is needed", () => {
    expect(only(check(makeStay({ planningNeeded: false, sipInvitation: null })), "SIP_INVITATION_MISSING")).toEqual([]);
    expect(only(check(makeStay({ planningNeeded: null, sipInvitation: null })), "SIP_INVITATION_MISSING")).toEqual([]);
    const [f] = only(check(makeStay({ planningNeeded: true, sipInvitation: null })), "SIP_INVITATION_MISSING");
    expect(f).toMatchObject({ severity: "error", columns: [col("sipInvitationTime"), col("planningNeeded"), col("readyDate")] });
    expect(only(check(makeStay({ planningNeeded: true, sipInvitation: null }), lenient), "SIP_INVITATION_MISSING")[0].severity).toBe("warning");
  });

  it("LATE when more than 3 days after the ready notice", () => {
    // ready 03-05 10:00: 03-08 10:00 is exactly 72 h (on time), 03-08 10:30 late
    expect(only(check(makeStay({ planningNeeded: true, sipInvitation: d("2023-03-08 10:00") })), "SIP_INVITATION_LATE")).toEqual([]);
    expect(only(check(makeStay({ planningNeeded: true, sipInvitation: d("2023-03-08 10:30") })), "SIP_INVITATION_LATE")).toHaveLength(1);
    // without a time: 03-08 is 3 days (on time), 03-09 is 4 (late)
    expect(only(check(makeStay({ planningNeeded: true, sipInvitation: d("2023-03-08") })), "SIP_INVITATION_LATE")).toEqual([]);
    const [f] = only(check(makeStay({ planningNeeded: true, sipInvitation: d("2023-03-09") }), lenient), "SIP_INVITATION_LATE");
    expect(f.severity).toBe("warning");
  });
});

describe("NO_CARE_CONTACT", () => {
  it("is an error where the agreement requires a care contact", () => {
    const [f] = only(check(makeStay({ careContact: null })), "NO_CARE_CONTACT");
    expect(f).toMatchObject({ severity: "error", columns: [col("careContact")], fields: ["careContact"] });
    expect(only(check(makeStay({ careContact: " " })), "NO_CARE_CONTACT")).toHaveLength(1);
    expect(only(check(makeStay({ careContact: "\u00a0" })), "NO_CARE_CONTACT")).toHaveLength(1);
  });

  it("is not made where the profile does not require it, and the status says why", () => {
    const result = runChecks([makeReading([makeStay({ careContact: null })])], lenient);
    expect(only(result.findings, "NO_CARE_CONTACT")).toEqual([]);
    const status = result.statuses.find((s) => s.code === "NO_CARE_CONTACT")!;
    expect(status.ran).toBe(false);
    expect(status.missingFields).toEqual([]);
    expect(status.reason?.en).toContain("does not require a care contact");
  });

  it("does not fire when a contact is named", () => {
    expect(only(check(), "NO_CARE_CONTACT")).toEqual([]);
  });
});
