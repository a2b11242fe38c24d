import { parseAgreementProfile } from "../../../src/core/agreements/profileSchema";
import { PRESET_INPUTS, PRESETS, copyProfile, getPreset } from "../../../src/core/agreements/presets";
import { NATIONAL_AVERAGES, NATIONAL_AVERAGE_NOTE, nationalAverageFor } from "../../../src/core/agreements/nationalAverages";

describe("presets", () => {
  it("has the six ids", () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      "lag-2017-612", "halland-2022", "kalmar-2019", "vasterbotten-2022", "vgr-2020", "stockholm-2020",
    ]);
  });

  it.each(PRESET_INPUTS.map((p) => [p.id, p] as const))("%s parses with the schema and carries a source", (_id, input) => {
    const parsed = parseAgreementProfile(input);
    expect(parsed).toMatchObject({ ok: true });
    if (!parsed.ok) return;
    expect(parsed.profile.source.length).toBeGreaterThan(5);
    for (const a of parsed.profile.assumptions) {
      expect(a.sv.length).toBeGreaterThan(0);
      expect(a.en.length).toBeGreaterThan(0);
    }
  });

  it("every preset states at least one assumption", () => {
    for (const p of PRESETS) expect(p.assumptions.length).toBeGreaterThan(0);
    expect(getPreset("halland-2022")!.assumptions.some((a) => a.en.includes("(average − benchmark) × stays"))).toBe(true);
    // Identifiers of the schema stay out of the text the user reads.
    for (const p of PRESETS) for (const a of p.assumptions) expect(`${a.sv} ${a.en}`).not.toMatch(/excessAverage|individualExcess|allDays/);
  });

  it("encodes each agreement's rule", () => {
    const law = getPreset("lag-2017-612")!;
    expect(law.somatic).toMatchObject({ kind: "individual", graceDays: 3, counting: { unit: "calendar" } });
    expect(law.psychiatric.graceDaysOverrides).toEqual([{ from: "2018-01-01", to: "2018-12-31", graceDays: 30 }]);

    const halland = getPreset("halland-2022")!;
    expect(halland).toMatchObject({ validFrom: "2022-11-01", validTo: "2023-12-31" });
    expect(halland.somatic).toMatchObject({
      kind: "average", benchmark: 2.3, excessFormula: "excessAverage", zeroDays: true, period: { kind: "month" },
      rounding: { averageDecimals: 2, liableDaysDecimals: 2, amountDecimals: 0 }, price: { source: "socialstyrelsen" },
    });

    const kalmar = getPreset("kalmar-2019")!;
    expect(kalmar.somatic).toMatchObject({ kind: "individual", graceDays: 3, targetAverage: 0.8, period: { kind: "month" } });
    expect(kalmar.psychiatric.period).toEqual({ kind: "quarter" });
    expect(kalmar.somatic.conditions).toEqual({ admissionNotice: true, sipInvitation: false, careContact: true });

    const vb = getPreset("vasterbotten-2022")!;
    expect(vb.somatic).toMatchObject({ kind: "average", benchmark: 3, excessFormula: "excessAverage" });
    expect(vb.somatic.conditions.admissionNotice).toBe(true);

    const vgr = getPreset("vgr-2020")!;
    expect(vgr.somatic).toMatchObject({ kind: "hybrid", benchmark: 3, zeroDays: true, longStayLimit: 7, longStayGraceDays: 0 });

    const sthlm = getPreset("stockholm-2020")!;
    expect(sthlm.somatic).toMatchObject({
      kind: "average", benchmark: null, zeroDays: true,
      counting: { unit: "calendar", start: "noticeTime", cutoffHour: 12 },
    });
    expect(getPreset("nope")).toBeNull();
  });

  it("copyProfile changes fields, re-validates, and leaves the preset alone", () => {
    const halland = getPreset("halland-2022")!;
    const copy = copyProfile(halland, { id: "my-halland", somatic: { benchmark: 2.0 } });
    expect(copy.ok).toBe(true);
    if (!copy.ok) return;
    expect(copy.profile.somatic.benchmark).toBe(2.0);
    expect(copy.profile.somatic.excessFormula).toBe("excessAverage");
    expect(copy.profile.psychiatric.benchmark).toBe(2.3);
    expect(halland.somatic.benchmark).toBe(2.3);
    copy.profile.assumptions.push({ sv: "x", en: "x" });
    expect(halland.assumptions.some((a) => a.sv === "x")).toBe(false);

    const bad = copyProfile(halland, { somatic: { graceDays: -1 }, id: "Bad Id" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.some((p) => p.startsWith("somatic.graceDays"))).toBe(true);
    expect(bad.problems.some((p) => p.startsWith("id"))).toBe(true);
  });
});

describe("national averages", () => {
  it("holds DOMAIN §6 with sources and the 0-day note", () => {
    expect(nationalAverageFor(2017)).toMatchObject({ somatic: 4.6, psychiatric: 6.1, source: "SKR" });
    expect(nationalAverageFor(2020)).toMatchObject({ somatic: 2.1, psychiatric: 4.0 });
    expect(nationalAverageFor(2021)).toMatchObject({ somatic: 2.3 });
    expect(nationalAverageFor(2019)).toBeNull();
    expect(NATIONAL_AVERAGES.every((a) => a.source.length > 0)).toBe(true);
    expect(NATIONAL_AVERAGE_NOTE.en).toContain("0-day");
  });
});

describe("schema checks an edited profile", () => {
  const halland = getPreset("halland-2022")!;
  const problems = (r: ReturnType<typeof copyProfile>) => (r.ok ? [] : r.problems);
  it("rejects validTo before validFrom, an inverted override range, a hybrid without limit", () => {
    expect(problems(copyProfile(halland, { validFrom: "2024-01-01", validTo: "2023-12-31" }))).toEqual([
      "validTo: validTo is before validFrom",
    ]);
    expect(
      problems(copyProfile(halland, { somatic: { graceDaysOverrides: [{ from: "2018-12-31", to: "2018-01-01", graceDays: 30 }] } })),
    ).toEqual(["somatic.graceDaysOverrides.0.to: to is before from"]);
    expect(problems(copyProfile(halland, { psychiatric: { kind: "hybrid" } }))).toEqual([
      "psychiatric.longStayLimit: a hybrid rule needs longStayLimit",
    ]);
    expect(copyProfile(halland, { psychiatric: { kind: "hybrid", longStayLimit: 7 } }).ok).toBe(true);
  });
});
