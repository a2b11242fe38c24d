/**
 * End to end: the scenario options of the headless command in a child process on the committed
 * sample (--profile, --compare, --sensitivity), text and --json, and bad scenario files.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { JsonReport } from "../../src/cli/formatJson";
import { getPreset } from "../../src/core/agreements/presets";
import type { Comparison } from "../../src/core/scenarios/compare";
import { createScenario } from "../../src/core/scenarios/scenario";
import { SCENARIO_SCHEMA_VERSION, scenarioToJson } from "../../src/core/scenarios/scenarioJson";
import type { SensitivityCurve } from "../../src/core/scenarios/sensitivity";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = "samples/fakturaunderlag-exempel.xlsx";

function run(args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "src/cli/review.ts", SAMPLE, "--today", "2023-11-15", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
}

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "scenario-cli-"));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const at2 = createScenario(getPreset("halland-2022")!, "halland-riktmarke-2", { sv: "Halland, riktmärke 2,0", en: "Halland, benchmark 2.0" }, { both: { benchmark: 2.0 } });
if (!at2.ok) throw new Error(at2.problems.join("; "));
const scenarioFile = write("halland-2.json", scenarioToJson(at2.scenario));

describe("--profile FILE.json", () => {
  it("reviews under the file's profile: the same figures as the preset with that benchmark", () => {
    const fromFile = run(["--profile", scenarioFile, "--json"]);
    const fromPreset = run(["--agreement", "halland-2022", "--benchmark", "2", "--json"]);
    expect([fromFile.status, fromPreset.status]).toEqual([0, 0]);
    const a = JSON.parse(fromFile.stdout) as JsonReport;
    const b = JSON.parse(fromPreset.stdout) as JsonReport;
    expect(a.agreement.id).toBe("halland-riktmarke-2");
    expect(a.agreement.somatic.benchmark).toBe(2);
    expect(a.totals.amount).toBeGreaterThan(0);
    expect(a.groups.map((g) => [g.municipality, g.careType, g.period, g.liableDays, g.amount])).toEqual(
      b.groups.map((g) => [g.municipality, g.careType, g.period, g.liableDays, g.amount]),
    );
  });

  it("a bad profile: exit 1, one line per problem, each naming the file and the field path", () => {
    const bad = JSON.parse(scenarioToJson(at2.scenario));
    bad.profile.somatic.benchmark = -1;
    bad.profile.psychiatric.excessFormula = "most";
    const r = run(["--profile", write("bad.json", JSON.stringify(bad))]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^review: .*bad\.json: profile\.somatic\.benchmark: /),
      expect.stringMatching(/^review: .*bad\.json: profile\.psychiatric\.excessFormula: /),
    ]);
    expect(r.stdout).toBe("");
  });

  it("corrupt JSON and a newer schema version: exit 1 with one clear line", () => {
    const corrupt = run(["--profile", write("corrupt.json", '{"format": "utskrivningsklar-scenario", ')]);
    expect(corrupt.status).toBe(1);
    expect(corrupt.stderr.trim().split("\n")).toEqual([expect.stringMatching(/corrupt\.json: \(document\): not valid JSON/)]);
    const newer = run(["--profile", write("newer.json", JSON.stringify({ ...JSON.parse(scenarioToJson(at2.scenario)), schemaVersion: SCENARIO_SCHEMA_VERSION + 1 }))]);
    expect(newer.status).toBe(1);
    expect(newer.stderr.trim().split("\n")).toEqual([expect.stringContaining(`schemaVersion: ${SCENARIO_SCHEMA_VERSION + 1} is newer than this version reads`)]);
  });
});

describe("--compare and --sensitivity", () => {
  let out: { agreement: string; comparison: Comparison; sensitivity: SensitivityCurve };

  beforeAll(() => {
    const r = run(["--agreement", "halland-2022", "--compare", "halland-2022", scenarioFile, "vgr-2020", "--sensitivity", "2:2.3:0.3", "--json"]);
    if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
    out = JSON.parse(r.stdout);
  });

  it("compares the presets and files given, the first the baseline, per municipality and in total", () => {
    const c = out.comparison;
    expect(c.scenarios.map((s) => s.id)).toEqual(["halland-2022", "halland-riktmarke-2", "vgr-2020"]);
    expect(new Set(c.municipalities.map((l) => l.municipality))).toEqual(new Set(["Halmstad", "Varberg", "Kungsbacka", "Falkenberg", "Laholm", "Hylte"]));
    for (const l of [...c.municipalities, c.totals]) {
      expect(l.differences[0]).toEqual({ liableDays: 0, amount: 0 });
      for (const k of [1, 2]) expect(l.differences[k]!.amount).toBeCloseTo(l.values[k]!.amount! - l.values[0]!.amount!, 2);
    }
    // A lower benchmark never owes less.
    for (const l of c.municipalities) expect(l.values[1]!.amount!).toBeGreaterThanOrEqual(l.values[0]!.amount!);
  });

  it("the curve over the reviewed agreement's benchmark meets the comparison at 2.0 and 2.3", () => {
    const s = out.sensitivity;
    expect(s.variable).toBe("benchmark");
    expect(s.points).toEqual([2, 2.3]);
    expect(s.total.amounts).toEqual([out.comparison.totals.values[1]!.amount, out.comparison.totals.values[0]!.amount]);
    expect(s.breakEven.length).toBeGreaterThan(0);
    expect(s.references.map((r) => r.value)).toEqual([2.3, 4.0]); // somatic 2021, psychiatric 2020: the latest before 2023
  });

  it("prints readable tables without --json; a bad range is a usage error", () => {
    const r = run(["--agreement", "halland-2022", "--compare", "halland-2022,vgr-2020", "--sensitivity", "2:3:0.5", "--lang", "en"]);
    expect(r.status).toBe(0);
    for (const text of ["Scenarios compared (the first is the baseline)", "1. halland-2022", "2. vgr-2020", "Halmstad", "Total", "Amount by benchmark", "Break-even", "National average somatic 2023: 2.3"]) {
      expect(r.stdout).toContain(text);
    }
    expect(r.stdout).not.toMatch(/\d{6}-\d{4}/); // no identity number
    const bad = run(["--sensitivity", "3:2:0.1"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
