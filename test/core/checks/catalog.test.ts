import { CHECK_CATALOG, CHECK_CODES, FINDING_SPECS, findingTitle } from "../../../src/core/checks/catalog";
import { CODE_LABELS } from "../../../src/taskpane/i18n";
import { fillMessage, formatNumber } from "../../../src/core/checks/messages";
import { runChecks } from "../../../src/core/checks/runChecks";
import { FINDING_CODES } from "../../../src/core/model";
import { makeCtx, makeReading, makeStay } from "./fixtures";

describe("check catalog", () => {
  it("lists exactly the codes of DOMAIN.md §4, each a known finding code", () => {
    expect([...CHECK_CODES]).toEqual([
      "NOT_RESIDENT", "DECEASED", "READY_BEFORE_ADMISSION", "DISCHARGE_BEFORE_READY", "MISSING_FIELD",
      "ADMISSION_NOTICE_MISSING", "ADMISSION_NOTICE_LATE", "SIP_INVITATION_MISSING", "SIP_INVITATION_LATE",
      "NO_CARE_CONTACT", "READY_WITHDRAWN", "DAYS_MISMATCH", "BILLED_DAYS_MISMATCH", "AMOUNT_MISMATCH",
      "PRICE_MISMATCH", "DUPLICATE_STAY", "OVERLAPPING_STAYS", "OUTSIDE_PERIOD", "INVALID_PERSON_ID",
      "CARE_TYPE_MISMATCH", "LONG_STAY", "STILL_ADMITTED",
    ]);
    for (const code of CHECK_CODES) expect(FINDING_CODES).toContain(code);
  });

  it("gives every check a Swedish and an English main message and a title", () => {
    for (const code of CHECK_CODES) {
      const spec = CHECK_CATALOG[code];
      expect(spec.code).toBe(code);
      expect(spec.messages.main.sv.length).toBeGreaterThan(10);
      expect(spec.messages.main.en.length).toBeGreaterThan(10);
      expect(spec.messages.main.sv).not.toEqual(spec.messages.main.en);
      expect(spec.title.sv && spec.title.en).toBeTruthy();
    }
  });

  it("uses the same placeholders in both languages of a template", () => {
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of CHECK_CODES) {
      for (const [variant, t] of Object.entries(CHECK_CATALOG[code].messages)) {
        expect({ code, variant, names: names(t.sv) }).toEqual({ code, variant, names: names(t.en) });
      }
    }
  });

  it("has the default severities of the domain: manifest errors are errors, hand checks warnings", () => {
    const sev = (c: keyof typeof CHECK_CATALOG) => CHECK_CATALOG[c].severity;
    expect(sev("NOT_RESIDENT")).toBe("error");
    expect(sev("DECEASED")).toBe("error");
    expect(sev("DUPLICATE_STAY")).toBe("error");
    expect(sev("OVERLAPPING_STAYS")).toBe("warning");
    expect(sev("DAYS_MISMATCH")).toBe("warning");
    expect(sev("STILL_ADMITTED")).toBe("info");
  });
});

describe("messages", () => {
  it("fills placeholders per language, numbers the Swedish or English way", () => {
    const m = fillMessage({ sv: "{n} kr för {x}", en: "{n} SEK for {x}" }, { n: 21000.5, x: { sv: "rad", en: "row" } });
    expect(m).toEqual({ sv: "21 000,5 kr för rad", en: "21,000.5 SEK for row" });
    expect(formatNumber(-1234567, "sv")).toBe("-1 234 567");
    expect(formatNumber(2.456, "en")).toBe("2.46");
  });

  it("says one day, not one days, and leaves 11, 21 and 1.5 days alone", () => {
    const t = { sv: "Raden anger {a} dagar och debiterar {b} debiterade dagar av {c} utskrivningsklara dagar.", en: "It states {a} days, bills {b} billed days of {c} discharge-ready days." };
    expect(fillMessage(t, { a: 1, b: 1, c: 1 })).toEqual({
      sv: "Raden anger 1 dag och debiterar 1 debiterad dag av 1 utskrivningsklar dag.",
      en: "It states 1 day, bills 1 billed day of 1 discharge-ready day.",
    });
    expect(fillMessage(t, { a: 11, b: 21, c: 1.5 })).toEqual({
      sv: "Raden anger 11 dagar och debiterar 21 debiterade dagar av 1,5 utskrivningsklara dagar.",
      en: "It states 11 days, bills 21 billed days of 1.5 discharge-ready days.",
    });
    // A Swedish thousands separator is a space: 1 001 stays plural.
    expect(fillMessage({ sv: "{a} dagar", en: "{a} days" }, { a: 1001 })).toEqual({ sv: "1 001 dagar", en: "1,001 days" });
  });

  it("leaves an unknown placeholder visible instead of dropping it", () => {
    expect(fillMessage({ sv: "{a}", en: "{b}" }, {})).toEqual({ sv: "{a}", en: "{b}" });
  });
});

describe("a clean row", () => {
  it("raises no finding at all, and every check ran", () => {
    const { findings, statuses } = runChecks([makeReading([makeStay()])], makeCtx());
    expect(findings).toEqual([]);
    expect(statuses.filter((s) => !s.ran)).toEqual([]);
    expect(statuses.map((s) => s.code)).toEqual([...CHECK_CODES]);
  });
});

describe("the catalog is what the product uses", () => {
  // A row that trips many checks: another municipality, died during the stay, discharged before
  // ready, no admission notice, a stated-days mismatch, a reserve number.
  const bad = () => [
    makeStay({ residenceMunicipality: "Varberg", death: { day: makeStay().discharge!.day, minute: null } }),
    makeStay({ row: 3, discharge: { day: makeStay().ready!.day - 1, minute: null }, admissionNotice: null }),
    makeStay({ row: 4, statedDays: 9, careContact: null, personId: { normalized: "RES123", kind: "reservnummer", checkDigitValid: true, birthDay: null }, personIdRaw: "RES123" }),
  ];

  it("gives every finding a severity the catalog lists for its code", () => {
    const { findings } = runChecks([makeReading(bad())], makeCtx());
    expect(new Set(findings.map((f) => f.code)).size).toBeGreaterThanOrEqual(6);
    for (const f of findings) {
      const spec = FINDING_SPECS[f.code];
      expect([spec.severity, ...Object.values(spec.severities ?? {})]).toContain(f.severity);
    }
  });

  it("changes a finding's severity when the catalog's changes (checks read it, they do not hard-code it)", () => {
    const saved = FINDING_CODES.map((c) => [c, FINDING_SPECS[c].severity, FINDING_SPECS[c].severities] as const);
    try {
      for (const c of FINDING_CODES) {
        FINDING_SPECS[c].severity = "info";
        FINDING_SPECS[c].severities = undefined;
      }
      const { findings } = runChecks([makeReading(bad())], makeCtx());
      expect(findings.length).toBeGreaterThan(5);
      expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    } finally {
      for (const [c, severity, severities] of saved) {
        FINDING_SPECS[c].severity = severity;
        FINDING_SPECS[c].severities = severities;
      }
    }
  });

  it("titles every finding code, and the pane and the command name findings by those titles", () => {
    for (const code of FINDING_CODES) {
      expect(findingTitle(code).sv.length).toBeGreaterThan(3);
      expect(findingTitle(code).en.length).toBeGreaterThan(3);
      expect(CODE_LABELS[code]).toBe(findingTitle(code));
    }
  });
});
