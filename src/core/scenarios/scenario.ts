/**
 * A scenario: a named agreement profile, made as a copy of a preset or of another scenario with
 * changes (copyProfile), validated by the same schema as every profile. Its profile's id and name
 * are the scenario's. Every parameter of DOMAIN.md §3 can be changed, per care type.
 */
import { copyProfile, type ProfileChanges } from "../agreements/presets";
import type { AgreementProfile, CareRules } from "../agreements/profileSchema";
import type { Bilingual } from "../model";

export interface Scenario {
  /** The rules under this scenario; profile.id and profile.name name the scenario. */
  profile: AgreementProfile;
  /** The id of the preset or scenario it was copied from; null when it came as a bare profile. */
  basedOn: string | null;
}

/** Changes to one care type's rules; nested objects (counting, rounding, conditions …) may be given in part. */
export type CareRulesChanges = { [K in keyof CareRules]?: CareRules[K] extends object ? (CareRules[K] extends unknown[] ? CareRules[K] : Partial<CareRules[K]>) : CareRules[K] };

export interface ScenarioChanges extends Omit<ProfileChanges, "somatic" | "psychiatric"> {
  somatic?: CareRulesChanges;
  psychiatric?: CareRulesChanges;
  /** Changes applied to both care types (before the per-care-type ones). */
  both?: CareRulesChanges;
}

/** The parameters of DOMAIN.md §3 as a scenario changes them, per care type (the key in CareRules). */
export const SCENARIO_PARAMETERS = [
  "kind",
  "graceDays",
  "benchmark",
  "excessFormula",
  "zeroDays",
  "period",
  "longStayLimit",
  "counting",
  "price",
  "rounding",
  "conditions",
] as const satisfies readonly (keyof CareRules)[];

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

/**
 * A new scenario: `from` (a preset's or another scenario's profile) with `changes`, under a new id
 * and name. Problems name the field path ("somatic.benchmark: …"), never a throw.
 */
export function createScenario(from: AgreementProfile, id: string, name: Bilingual, changes: ScenarioChanges = {}): ScenarioResult {
  const { somatic, psychiatric, both, ...top } = changes;
  const copied = copyProfile(from, {
    ...top,
    id,
    name,
    somatic: mergeRules(from.somatic, both, somatic),
    psychiatric: mergeRules(from.psychiatric, both, psychiatric),
  });
  if (!copied.ok) return copied;
  return { ok: true, scenario: { profile: copied.profile, basedOn: from.id } };
}

/** A scenario changed again (same id and origin unless the changes give a new id). */
export function changeScenario(scenario: Scenario, changes: ScenarioChanges): ScenarioResult {
  const result = createScenario(scenario.profile, changes.id ?? scenario.profile.id, changes.name ?? scenario.profile.name, changes);
  return result.ok ? { ok: true, scenario: { ...result.scenario, basedOn: scenario.basedOn } } : result;
}

/** Field by field, and one level into nested objects, so `{ rounding: { averageDecimals: 1 } }` keeps the other decimals. */
function mergeRules(base: CareRules, ...layers: (CareRulesChanges | undefined)[]): Partial<CareRules> {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      const current = out[key] ?? base[key as keyof CareRules];
      out[key] = isPlainObject(value) && isPlainObject(current) && !switchesVariant(current, value) ? { ...current, ...value } : value;
    }
  }
  return out as Partial<CareRules>;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A period or price of another kind replaces the old one whole (no stray `months` or `amount`). */
function switchesVariant(current: Record<string, unknown>, value: Record<string, unknown>): boolean {
  for (const tag of ["kind", "source"]) if (tag in value && value[tag] !== current[tag]) return true;
  return false;
}
