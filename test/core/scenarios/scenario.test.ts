import { getPreset } from "../../../src/core/agreements/presets";
import type { CareRules } from "../../../src/core/agreements/profileSchema";
import { changeScenario, createScenario, SCENARIO_PARAMETERS, type CareRulesChanges } from "../../../src/core/scenarios/scenario";
import {
  parseScenarioJson,
  parseScenarioListJson,
  SCENARIO_SCHEMA_VERSION,
  scenarioToJson,
  scenariosToJson,
} from "../../../src/core/scenarios/scenarioJson";

const halland = getPreset("halland-2022")!;
const name = { sv: "Test", en: "Test" };

function made(changes: Parameters<typeof createScenario>[3], from = halland) {
  const r = createScenario(from, "test", name, changes);
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.scenario;
}

/** A changed value per DOMAIN.md §3 parameter, each different from halland-2022's. */
const CHANGES: Record<(typeof SCENARIO_PARAMETERS)[number], CareRulesChanges> = {
  kind: { kind: "individual" },
  graceDays: { graceDays: 5 },
  benchmark: { benchmark: 2.0 },
  excessFormula: { excessFormula: "individualExcess" },
  zeroDays: { zeroDays: false },
  period: { period: { kind: "rolling", months: 3 } },
  longStayLimit: { kind: "hybrid", longStayLimit: 7 },
  counting: { counting: { unit: "weekdays", start: "noticeTime", cutoffHour: 12 } },
  price: { price: { source: "fixed", amount: 9999 } },
  rounding: { rounding: { averageDecimals: 1 } },
  conditions: { conditions: { sipInvitation: false } },
};

describe("createScenario", () => {
  it.each(SCENARIO_PARAMETERS)("changes %s for one care type and leaves the other as it was", (param) => {
    const s = made({ psychiatric: CHANGES[param] });
    const changed = s.profile.psychiatric[param as keyof CareRules];
    expect(changed).not.toEqual(halland.psychiatric[param as keyof CareRules]);
    expect(s.profile.psychiatric).toMatchObject(CHANGES[param] as object);
    expect(s.profile.somatic).toEqual(halland.somatic);
    expect(s.basedOn).toBe("halland-2022");
    expect(s.profile.id).toBe("test");
  });

  it("merges nested objects field by field: rounding.averageDecimals 1 keeps the other decimals", () => {
    const s = made({ both: { rounding: { averageDecimals: 1 } } });
    expect(s.profile.somatic.rounding).toEqual({ averageDecimals: 1, liableDaysDecimals: 2, amountDecimals: 0 });
    expect(s.profile.psychiatric.rounding).toEqual({ averageDecimals: 1, liableDaysDecimals: 2, amountDecimals: 0 });
  });

  it("a price of another source replaces the old one whole", () => {
    const fixed = made({ both: { price: { source: "fixed", amount: 5000 } } });
    const back = changeScenario(fixed, { both: { price: { source: "socialstyrelsen" } } });
    expect(back.ok && back.scenario.profile.somatic.price).toEqual({ source: "socialstyrelsen" });
  });

  it("per care type changes apply after `both`", () => {
    const s = made({ both: { benchmark: 2.0 }, psychiatric: { benchmark: 4.0 } });
    expect([s.profile.somatic.benchmark, s.profile.psychiatric.benchmark]).toEqual([2.0, 4.0]);
  });

  it("a copy of a scenario names the scenario it came from; changing it keeps the origin", () => {
    const first = made({ both: { benchmark: 2.0 } });
    const second = createScenario(first.profile, "second", name, { both: { zeroDays: false } });
    expect(second.ok && second.scenario.basedOn).toBe("test");
    expect(second.ok && second.scenario.profile.somatic).toMatchObject({ benchmark: 2.0, zeroDays: false });
    const changed = changeScenario(first, { both: { benchmark: 2.5 } });
    expect(changed.ok && [changed.scenario.basedOn, changed.scenario.profile.id, changed.scenario.profile.somatic.benchmark]).toEqual(["halland-2022", "test", 2.5]);
  });

  it("bad values come back as problems naming the field path, never a throw", () => {
    const r = createScenario(halland, "Bad Id", name, { somatic: { benchmark: -1 }, psychiatric: { kind: "hybrid", longStayLimit: null } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^id: /), expect.stringMatching(/^somatic\.benchmark: /), "psychiatric.longStayLimit: a hybrid rule needs longStayLimit"]),
    );
  });

  it("never changes the preset it copies", () => {
    const before = JSON.stringify(halland);
    made({ both: { rounding: { averageDecimals: 1 }, period: { kind: "quarter" } } });
    expect(JSON.stringify(halland)).toBe(before);
  });
});

describe("scenario JSON", () => {
  const scenario = made({ both: { benchmark: 2.0, excessFormula: "allDays" } });

  it("round-trips one scenario and a list, with the schema version", () => {
    const text = scenarioToJson(scenario);
    expect(JSON.parse(text)).toMatchObject({ format: "utskrivningsklar-scenario", schemaVersion: SCENARIO_SCHEMA_VERSION, basedOn: "halland-2022" });
    expect(parseScenarioJson(text)).toEqual({ ok: true, scenario });
    const other = createScenario(getPreset("vgr-2020")!, "other", name);
    if (!other.ok) throw new Error("other");
    expect(parseScenarioListJson(scenariosToJson([scenario, other.scenario]))).toEqual({ ok: true, scenarios: [scenario, other.scenario] });
  });

  it("reads a bare agreement profile as a scenario without origin; its problems name the profile's fields", () => {
    expect(parseScenarioJson(JSON.stringify(halland))).toEqual({ ok: true, scenario: { profile: halland, basedOn: null } });
    const bad = parseScenarioJson(JSON.stringify({ ...halland, somatic: { ...halland.somatic, excessFormula: "most" } }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toEqual([expect.stringMatching(/^somatic\.excessFormula: /)]);
  });

  it("corrupt JSON gives one clear problem", () => {
    const r = parseScenarioJson('{"format": "utskrivningsklar-scenario", "schemaVersion": 1, "profile": {');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([expect.stringMatching(/^\(document\): not valid JSON \(.+\) \/ inte giltig JSON$/)]);
  });

  it("a newer schema version is refused with the versions named", () => {
    const newer = JSON.stringify({ ...JSON.parse(scenarioToJson(scenario)), schemaVersion: SCENARIO_SCHEMA_VERSION + 1 });
    const r = parseScenarioJson(newer);
    expect(!r.ok && r.problems).toEqual([expect.stringContaining(`schemaVersion: ${SCENARIO_SCHEMA_VERSION + 1} is newer than this version reads (${SCENARIO_SCHEMA_VERSION})`)]);
    const list = parseScenarioListJson(JSON.stringify({ format: "utskrivningsklar-scenarios", schemaVersion: 99, scenarios: [] }));
    expect(!list.ok && list.problems[0]).toMatch(/^schemaVersion: 99 is newer/);
  });

  it("a missing version, a wrong format and a bad profile inside a list are named by path", () => {
    const head = JSON.parse(scenarioToJson(scenario));
    delete head.schemaVersion;
    expect(parseScenarioJson(JSON.stringify(head))).toEqual({ ok: false, problems: [expect.stringMatching(/^schemaVersion: expected a whole number/)] });
    const list = { format: "utskrivningsklar-scenarios", schemaVersion: 1, scenarios: [{ basedOn: null, profile: scenario.profile }, { basedOn: null, profile: { ...scenario.profile, somatic: { ...scenario.profile.somatic, graceDays: 1.5 } } }] };
    expect(parseScenarioListJson(JSON.stringify(list))).toEqual({ ok: false, problems: [expect.stringMatching(/^scenarios\.1\.profile\.somatic\.graceDays: /)] });
    const twice = { ...list, scenarios: [list.scenarios[0], list.scenarios[0]] };
    expect(parseScenarioListJson(JSON.stringify(twice))).toEqual({ ok: false, problems: [expect.stringContaining('the id "test" is used twice')] });
    expect(parseScenarioJson(JSON.stringify(list))).toEqual({ ok: false, problems: [expect.stringMatching(/^\(document\): a list of scenarios/)] });
  });
});
