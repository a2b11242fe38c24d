/**
 * Scenarios as JSON text: what the pane stores in the workbook and copies out, and what the
 * headless command reads (`--profile`, `--compare`). Versioned: a document from a newer version,
 * or text that is not such a document, gives clear problems (one line each, the field path first),
 * never a throw; the caller keeps the text.
 *
 *   { "format": "utskrivningsklar-scenario", "schemaVersion": 1, "basedOn": "halland-2022", "profile": { … } }
 *   { "format": "utskrivningsklar-scenarios", "schemaVersion": 1, "scenarios": [ { "basedOn": …, "profile": … } ] }
 *
 * A bare agreement profile (no "format") is read as a scenario with basedOn null.
 */
import { agreementProfileSchema } from "../agreements/profileSchema";
import type { Scenario } from "./scenario";

export const SCENARIO_SCHEMA_VERSION = 1;
export const SCENARIO_FORMAT = "utskrivningsklar-scenario";
export const SCENARIO_LIST_FORMAT = "utskrivningsklar-scenarios";

export type ParsedScenarios = { ok: true; scenarios: Scenario[] } | { ok: false; problems: string[] };

export function scenarioToJson(scenario: Scenario): string {
  return JSON.stringify({ format: SCENARIO_FORMAT, schemaVersion: SCENARIO_SCHEMA_VERSION, basedOn: scenario.basedOn, profile: scenario.profile }, null, 2);
}

export function scenariosToJson(scenarios: readonly Scenario[]): string {
  return JSON.stringify({
    format: SCENARIO_LIST_FORMAT,
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    scenarios: scenarios.map((s) => ({ basedOn: s.basedOn, profile: s.profile })),
  });
}

/** One scenario (or a bare profile) from JSON text. */
export function parseScenarioJson(text: string): { ok: true; scenario: Scenario } | { ok: false; problems: string[] } {
  const doc = parseJson(text);
  if (!doc.ok) return doc;
  const value = doc.value;
  if (isObject(value) && value.format === SCENARIO_LIST_FORMAT) {
    return { ok: false, problems: ["(document): a list of scenarios where one scenario or profile was expected / en lista med scenarier där ett scenario eller en profil väntades"] };
  }
  if (isObject(value) && !("format" in value) && !("schemaVersion" in value)) return scenarioOf({ basedOn: null, profile: value }, "");
  const head = checkHead(value, SCENARIO_FORMAT);
  if (head) return { ok: false, problems: [head] };
  return scenarioOf(value, "");
}

/** A stored list of scenarios (the pane's storage) from JSON text. */
export function parseScenarioListJson(text: string): ParsedScenarios {
  const doc = parseJson(text);
  if (!doc.ok) return doc;
  const head = checkHead(doc.value, SCENARIO_LIST_FORMAT);
  if (head) return { ok: false, problems: [head] };
  const list = (doc.value as Record<string, unknown>).scenarios;
  if (!Array.isArray(list)) return { ok: false, problems: ["scenarios: expected a list / en lista väntades"] };
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  list.forEach((item, i) => {
    const one = scenarioOf(item, `scenarios.${i}.`);
    if (one.ok) scenarios.push(one.scenario);
    else problems.push(...one.problems);
  });
  const ids = new Set<string>();
  for (const s of scenarios) {
    if (ids.has(s.profile.id)) problems.push(`scenarios: the id "${s.profile.id}" is used twice / id:t "${s.profile.id}" används två gånger`);
    ids.add(s.profile.id);
  }
  return problems.length ? { ok: false, problems } : { ok: true, scenarios };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problems: string[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [`(document): not valid JSON (${why}) / inte giltig JSON`] };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The document's format and version; a problem line when it cannot be read here. */
function checkHead(value: unknown, format: string): string | null {
  if (!isObject(value)) return `(document): expected a JSON object / ett JSON-objekt väntades`;
  if (value.format !== format) return `format: expected "${format}", not ${JSON.stringify(value.format ?? null)} / fel format`;
  const v = value.schemaVersion;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
    return `schemaVersion: expected a whole number ≥ 1, not ${JSON.stringify(v ?? null)} / schemaVersion saknas eller är felaktig`;
  }
  if (v > SCENARIO_SCHEMA_VERSION) {
    return `schemaVersion: ${v} is newer than this version reads (${SCENARIO_SCHEMA_VERSION}): update the add-in / versionen ${v} är nyare än den här versionen läser (${SCENARIO_SCHEMA_VERSION}): uppdatera tillägget`;
  }
  return null;
}

function scenarioOf(value: unknown, prefix: string): { ok: true; scenario: Scenario } | { ok: false; problems: string[] } {
  if (!isObject(value)) return { ok: false, problems: [`${prefix || "(document)"}: expected an object / ett objekt väntades`] };
  const basedOn = value.basedOn ?? null;
  if (basedOn !== null && typeof basedOn !== "string") return { ok: false, problems: [`${prefix}basedOn: expected text or null / text eller null väntades`] };
  const parsed = agreementProfileSchema.safeParse(value.profile);
  if (!parsed.success) {
    const where = prefix === "" && !("format" in value) ? "" : `${prefix}profile.`;
    return { ok: false, problems: parsed.error.issues.map((i) => `${fieldPath(where, i.path)}: ${i.message}`) };
  }
  return { ok: true, scenario: { profile: parsed.data, basedOn } };
}

/** "profile.somatic.benchmark"; "profile" or "(profile)" for the profile as a whole. */
function fieldPath(where: string, path: readonly PropertyKey[]): string {
  if (path.length > 0) return where + path.map(String).join(".");
  return where.replace(/\.$/, "") || "(profile)";
}
