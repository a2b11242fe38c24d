import { CHECK_CATALOG, CHECK_CODES } from "../../../src/core/checks/catalog";
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
