/** NOT_RESIDENT, DECEASED, INVALID_PERSON_ID, MISSING_FIELD: who the patient is and where they belong. */
import { privateText } from "../../../src/core/cells/mask";
import type { Field } from "../../../src/core/sheet/fields";
import { runChecks } from "../../../src/core/checks/runChecks";
import type { Finding } from "../../../src/core/model";
import { col, d, makeCtx, makeProfile, makeReading, makeStay, only } from "./fixtures";

const check = (stay = makeStay(), ctx = makeCtx(), without: Field[] = []) =>
  runChecks([makeReading([stay], { without })], ctx).findings;

describe("NOT_RESIDENT", () => {
  it("fires when the registered municipality differs from the invoiced one, naming both columns", () => {
    const [f] = only(check(makeStay({ residenceMunicipality: "Laholm", row: 7 })), "NOT_RESIDENT");
    expect(f).toMatchObject({ severity: "error", sheet: "Blad1", row: 7, fields: ["residenceMunicipality", "municipality"] });
    expect(f.columns).toEqual([col("residenceMunicipality"), col("municipality")]);
    expect(f.message.sv).toContain("Laholm");
    expect(f.message.en).toContain("Halmstad");
  });

  it("does not fire for the same municipality written another way (genitive s, code, case)", () => {
    for (const residence of ["Halmstads kommun", "HALMSTAD", "1380 Halmstad"]) {
      expect(only(check(makeStay({ municipality: "1380 Halmstads kommun", residenceMunicipality: residence })), "NOT_RESIDENT")).toEqual([]);
    }
  });

  it("does not fire when the residence is empty (nothing to compare)", () => {
    expect(only(check(makeStay({ residenceMunicipality: null })), "NOT_RESIDENT")).toEqual([]);
  });
});

describe("DECEASED", () => {
  it("fires on a death date inside [admission, discharge]", () => {
    const [f] = only(check(makeStay({ death: d("2023-03-08") })), "DECEASED");
    expect(f.severity).toBe("error");
    expect(f.fields[0]).toBe("deathDate");
    expect(f.columns[0]).toBe(col("deathDate"));
    expect(f.message.sv).toContain("2023-03-08");
  });

  it("fires on the discharge day itself and on the admission day (inclusive bounds)", () => {
    expect(only(check(makeStay({ death: d("2023-03-10") })), "DECEASED")).toHaveLength(1);
    expect(only(check(makeStay({ death: d("2023-03-01") })), "DECEASED")).toHaveLength(1);
  });

  it("does not fire on a death date after the discharge or before the admission", () => {
    expect(only(check(makeStay({ death: d("2023-03-11") })), "DECEASED")).toEqual([]);
    expect(only(check(makeStay({ death: d("2023-02-28") })), "DECEASED")).toEqual([]);
  });

  it("fires on a discharge cause saying the patient died, in Swedish or English, not on other causes", () => {
    for (const cause of ["Avliden", "Död", "avled på avdelningen", "Exitus", "Deceased"]) {
      const fs = only(check(makeStay({ dischargeCause: cause })), "DECEASED");
      expect({ cause, n: fs.length }).toEqual({ cause, n: 1 });
      expect(fs[0].columns).toEqual([col("dischargeCause")]);
    }
    for (const cause of ["Hem", "Särskilt boende", "Korttidsboende"]) {
      expect(only(check(makeStay({ dischargeCause: cause })), "DECEASED")).toEqual([]);
    }
  });

  it("runs with only the discharge cause column (either field suffices)", () => {
    const fs = check(makeStay({ dischargeCause: "Avliden" }), makeCtx(), ["deathDate"]);
    expect(only(fs, "DECEASED")).toHaveLength(1);
  });
});

describe("INVALID_PERSON_ID", () => {
  it("is an error for a personnummer with a wrong check digit, and the message masks the number", () => {
    const stay = makeStay({
      personIdRaw: "19121212-1213",
      personId: { normalized: "191212121213", kind: "personnummer", checkDigitValid: false, birthDay: null },
    });
    const [f] = only(check(stay), "INVALID_PERSON_ID");
    expect(f.severity).toBe("error");
    expect(f.columns).toEqual([col("personId")]);
    for (const text of [f.message.sv, f.message.en, f.value ?? ""]) {
      const masked = privateText(text, false);
      expect(masked).not.toContain("191212121213");
      expect(masked).not.toContain("1212-1213");
      expect(masked).toContain("19121212-****");
      // --reveal shows the number as written, like every other quoted cell
      expect(privateText(text, true)).toContain("19121212-1213");
    }
  });

  it("is an error for a samordningsnummer with a wrong check digit, silent for a valid one", () => {
    const bad = makeStay({ personId: { normalized: "191212721213", kind: "samordningsnummer", checkDigitValid: false, birthDay: null } });
    expect(only(check(bad), "INVALID_PERSON_ID")[0]).toMatchObject({ severity: "error" });
    expect(only(check(bad), "INVALID_PERSON_ID")[0].message.en).toContain("coordination number");
    const good = makeStay({ personId: { normalized: "191212721212", kind: "samordningsnummer", checkDigitValid: true, birthDay: null } });
    expect(only(check(good), "INVALID_PERSON_ID")).toEqual([]);
  });

  it("warns about a reserve number", () => {
    const stay = makeStay({ personIdRaw: "RES-98765", personId: { normalized: "RES98765", kind: "reservnummer", checkDigitValid: false, birthDay: null } });
    const [f] = only(check(stay), "INVALID_PERSON_ID");
    expect(f.severity).toBe("warning");
    expect(privateText(f.message.sv, false)).not.toContain("98765");
    expect(privateText(f.message.sv, true)).toContain("RES-98765");
  });

  it("is an error for text that cannot be read as an identity number, and it is not also called empty", () => {
    const fs = check(makeStay({ personId: null, personIdRaw: "okänd 12" }));
    expect(only(fs, "INVALID_PERSON_ID")).toHaveLength(1);
    expect(only(fs, "MISSING_FIELD")).toEqual([]);
  });

  it("leaves a cell the reader already reported as unreadable to the reader's finding", () => {
    const reading = makeReading([makeStay({ row: 4, personId: null, personIdRaw: "#N/A" })]);
    const readerFinding: Finding = {
      code: "INVALID_VALUE", severity: "error", sheet: "Blad1", row: 4, columns: ["A"], fields: ["personId"],
      message: { sv: "x", en: "x" }, value: "#N/A",
    };
    reading.findings.push(readerFinding);
    const fs = runChecks([reading], makeCtx()).findings;
    expect(only(fs, "INVALID_PERSON_ID")).toEqual([]);
    expect(only(fs, "MISSING_FIELD")).toEqual([]);
  });
});

describe("MISSING_FIELD", () => {
  it("names each empty field the model needs: a missing ready date is an error (the row leaves the figures)", () => {
    const fs = only(check(makeStay({ municipality: null, ready: null })), "MISSING_FIELD");
    expect(fs.map((f) => [f.fields[0], f.severity, f.columns[0]]).sort()).toEqual([
      ["municipality", "warning", col("municipality")],
      ["readyDate", "error", col("readyDate")],
    ]);
    const ready = fs.find((f) => f.fields[0] === "readyDate")!;
    expect(ready.message.sv).toContain("Utskrivningsklar datum");
    expect(ready.message.en).toContain("cannot enter the figures");
    // the figures count a row without a municipality under "(kommun saknas)": a warning that says so
    expect(fs.find((f) => f.fields[0] === "municipality")!.message.en).toContain("(kommun saknas)");
  });

  it("is a warning for an empty personal identity number (the row still enters the figures)", () => {
    const [f] = only(check(makeStay({ personId: null, personIdRaw: null })), "MISSING_FIELD");
    expect(f).toMatchObject({ severity: "warning", fields: ["personId"] });
  });

  it("treats a blank municipality text as empty", () => {
    expect(only(check(makeStay({ municipality: "  " })), "MISSING_FIELD")).toHaveLength(1);
  });

  it("does not call an empty discharge date missing: that is STILL_ADMITTED", () => {
    const fs = check(makeStay({ discharge: null, statedDays: null, billedDays: null, amount: null }));
    expect(only(fs, "MISSING_FIELD")).toEqual([]);
    expect(only(fs, "STILL_ADMITTED")).toHaveLength(1);
  });

  it("asks for the care type only when the profile's somatic and psychiatric rules differ", () => {
    const stay = makeStay({ careType: null });
    expect(only(check(stay), "MISSING_FIELD")).toEqual([]);
    const differ = makeCtx({ profile: makeProfile({ psychiatric: { graceDays: 30 } }) });
    const [f] = only(check(stay, differ), "MISSING_FIELD");
    expect(f).toMatchObject({ fields: ["careType"], severity: "warning", columns: [col("careType")] });
    expect(f.message.en).toContain("The figures use the somatic rule");
  });

  it("reports a needed column absent from the sheet once, at sheet level, not per row", () => {
    const reading = makeReading([makeStay({ row: 2 }), makeStay({ row: 3, stayId: "V2" })], { without: ["municipality"] });
    const fs = only(runChecks([reading], makeCtx()).findings, "MISSING_FIELD");
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ row: null, fields: ["municipality"], severity: "warning", columns: [] });
    const noReady = only(runChecks([makeReading([makeStay()], { without: ["readyDate"] })], makeCtx()).findings, "MISSING_FIELD");
    expect(noReady).toEqual([expect.objectContaining({ row: null, fields: ["readyDate"], severity: "error" })]);
    expect(noReady[0].message.en).toBe("The sheet has no column for Discharge-ready date, which the agreement model needs. No row can enter the figures.");
  });
});
