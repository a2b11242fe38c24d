/**
 * The agreement choice: a preset, the user's benchmark (one per care type where the agreement's
 * rules for somatic and psychiatric care differ) and an optional invoice month. `applied` is
 * the profile the core gets, with a key that changes whenever any of it changes.
 */
import { useMemo, useState } from "react";
import { copyProfile, type AgreementProfile, type CareRules, type CareType } from "../../core";
import { parseBenchmark } from "../paneModel";

export const CARE_TYPES: readonly CareType[] = ["somatic", "psychiatric"];

export interface Applied {
  /** Changes whenever the preset, a benchmark or the period does. */
  key: string;
  preset: AgreementProfile;
  /** undefined while an input is invalid (the core is not asked). */
  profile: AgreementProfile | undefined;
  /** The user's benchmarks, per care type that has one (overrides of the preset). */
  benchmarks: Partial<Record<CareType, number>>;
  /** The invoice month the user chose ("2023-10"), or null: read from the sheet. */
  period: string | null;
  /** The user's care type per sheet, where it overrides the reader's decision (ReviewOptions.careTypeBySheet). */
  careTypes?: Record<string, CareType>;
}

/**
 * The choice with the user's care type per sheet: a new key, because the care type decides which
 * rule a stay is counted under (the basis changes: only a review of the rows in memory follows it).
 */
export function withCareTypes(applied: Applied, careTypes: Record<string, CareType>): Applied {
  const chosen = Object.entries(careTypes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (chosen.length === 0) return applied;
  return { ...applied, key: JSON.stringify([applied.key, chosen]), careTypes: Object.fromEntries(chosen) };
}

/** Same care types chosen (none and {} alike). */
export function sameCareTypes(a: Applied, b: Applied): boolean {
  return JSON.stringify(a.careTypes ?? {}) === JSON.stringify(b.careTypes ?? {});
}

const usesBenchmark = (r: CareRules) => r.kind !== "individual";

/** The care types whose rule takes a benchmark. */
export function benchmarkCareTypes(p: AgreementProfile): CareType[] {
  return CARE_TYPES.filter((c) => usesBenchmark(p[c]));
}

/** One benchmark per care type when the two rules differ; else one for both. */
export function splitBenchmark(p: AgreementProfile): boolean {
  return benchmarkCareTypes(p).length > 0 && JSON.stringify(p.somatic) !== JSON.stringify(p.psychiatric);
}

export function applyChoice(preset: AgreementProfile, texts: Record<CareType, string>, periodText: string): Applied {
  const benchmarks: Partial<Record<CareType, number>> = {};
  let invalid = false;
  for (const care of benchmarkCareTypes(preset)) {
    const value = parseBenchmark(texts[care]);
    if (value === null) continue;
    if (Number.isNaN(value)) invalid = true;
    else benchmarks[care] = value;
  }
  const period = /^\d{4}-\d{2}$/.test(periodText.trim()) ? periodText.trim() : null;
  let profile: AgreementProfile | undefined = preset;
  if (invalid) profile = undefined;
  else if (Object.keys(benchmarks).length > 0) {
    const changes: Partial<Record<CareType, { benchmark: number }>> = {};
    for (const care of CARE_TYPES) if (benchmarks[care] !== undefined) changes[care] = { benchmark: benchmarks[care]! };
    const changed = copyProfile(preset, changes);
    profile = changed.ok ? changed.profile : undefined;
  }
  const key = JSON.stringify([preset.id, benchmarks.somatic ?? null, benchmarks.psychiatric ?? null, period, invalid]);
  return { key, preset, profile, benchmarks, period };
}

export function useAgreement(presets: readonly AgreementProfile[]) {
  const [presetId, setPresetId] = useState(presets[0]?.id ?? "");
  const [benchmarkText, setBenchmarkText] = useState<Record<CareType, string>>({ somatic: "", psychiatric: "" });
  const [periodText, setPeriodText] = useState("");
  const preset = presets.find((p) => p.id === presetId) ?? presets[0];
  const applied = useMemo(() => applyChoice(preset, benchmarkText, periodText), [preset, benchmarkText, periodText]);
  return {
    presets,
    preset,
    applied,
    benchmarkText,
    periodText,
    selectPreset(id: string) {
      setPresetId(id);
      setBenchmarkText({ somatic: "", psychiatric: "" });
    },
    /** "both" sets the one benchmark of an agreement whose two rules are alike. */
    setBenchmark(care: CareType | "both", text: string) {
      setBenchmarkText((b) => (care === "both" ? { somatic: text, psychiatric: text } : { ...b, [care]: text }));
    },
    setPeriod: setPeriodText,
  };
}
