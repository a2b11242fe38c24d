/**
 * The scenarios tab's state: the reviewed agreement as the baseline, the user's scenarios, and
 * their comparison and break-even, recomputed by the core from the figure basis in memory on
 * every change (no re-read, no re-check). Scenarios are stored in the workbook; a stored value
 * that cannot be read is reported and kept (never saved over) until the user says to replace it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  PRESETS,
  type AgreementProfile,
  type FigureBasis,
  type WorkbookHost,
  changeScenario,
  compareScenarios,
  createScenario,
  parseScenarioJson,
  parseScenarioListJson,
  scenariosToJson,
  sensitivityCurve,
  type Comparison,
  type Scenario,
  type ScenarioChanges,
} from "../../core";
import { usePane } from "../context/PaneContext";
import { describeError } from "../errors";

/** Wait this long after the last change before storing (typing is many changes). */
export const SAVE_DELAY_MS = 400;

export type Storage =
  | { state: "loading" }
  | { state: "ready" }
  | { state: "unreadable"; problems: string[] }
  | { state: "failed"; message: string };

export interface ScenariosState {
  baseline: AgreementProfile;
  scenarios: Scenario[];
  /** Everything one can copy a new scenario from: the baseline, the presets, the scenarios. */
  sources: AgreementProfile[];
  /** The baseline and the scenarios' profiles, in the comparison's order. */
  profiles: AgreementProfile[];
  comparison: Comparison;
  /** Per municipality under the baseline and each scenario (index as in comparison.scenarios). */
  breakEven: Map<string, number>[];
  storage: Storage;
  add(fromId: string, name: string): string[];
  rename(id: string, name: string): string[];
  remove(id: string): void;
  change(id: string, changes: ScenarioChanges): string[];
  paste(text: string): string[];
  /** Stores the current scenarios over an unreadable stored value. */
  replaceStored(): void;
}

export function useScenarios(host: WorkbookHost, basis: FigureBasis, baseline: AgreementProfile): ScenariosState {
  const { t, lang } = usePane();
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [storage, setStorage] = useState<Storage>({ state: "loading" });
  const dirty = useRef(false);

  useEffect(() => {
    let live = true;
    host.loadScenarios().then(
      (text) => {
        if (!live) return;
        if (text === null) return setStorage({ state: "ready" });
        const parsed = parseScenarioListJson(text);
        if (!parsed.ok) return setStorage({ state: "unreadable", problems: parsed.problems });
        setScenarios(parsed.scenarios);
        setStorage({ state: "ready" });
      },
      (e: unknown) => live && setStorage({ state: "failed", message: describeError(e, t, lang).message }),
    );
    return () => void (live = false);
  }, [host, t, lang]);

  useEffect(() => {
    if (!dirty.current || storage.state !== "ready") return;
    const timer = setTimeout(() => {
      dirty.current = false;
      host.saveScenarios(scenariosToJson(scenarios)).catch((e: unknown) => setStorage({ state: "failed", message: describeError(e, t, lang).message }));
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [host, scenarios, storage, t, lang]);

  // Leaving the tab unmounts it: a change still waiting for its save is stored then.
  const latest = useRef({ scenarios, storage });
  useEffect(() => {
    latest.current = { scenarios, storage };
  }, [scenarios, storage]);
  useEffect(
    () => () => {
      if (dirty.current && latest.current.storage.state === "ready") void host.saveScenarios(scenariosToJson(latest.current.scenarios)).catch(() => undefined);
    },
    [host],
  );

  const update = useCallback((next: (list: Scenario[]) => Scenario[]) => {
    dirty.current = true;
    setScenarios(next);
    setStorage((s) => (s.state === "failed" ? { state: "ready" } : s));
  }, []);

  const sources = useMemo(() => [baseline, ...PRESETS.filter((p) => p.id !== baseline.id), ...scenarios.map((s) => s.profile)], [baseline, scenarios]);
  const profiles = useMemo(() => [baseline, ...scenarios.map((s) => s.profile)], [baseline, scenarios]);
  const comparison = useMemo(() => compareScenarios(basis, profiles), [basis, profiles]);
  const breakEven = useMemo(() => profiles.map((p) => breakEvenOf(basis, p)), [basis, profiles]);

  const taken = (id: string) => id === baseline.id || scenarios.some((s) => s.profile.id === id);
  const freshId = () => {
    let n = scenarios.length + 1;
    while (taken(`scenario-${n}`)) n++;
    return `scenario-${n}`;
  };
  const named = (name: string): string[] => (name.trim() === "" ? [t.scenarioNameEmpty] : []);

  return {
    baseline,
    scenarios,
    sources,
    profiles,
    comparison,
    breakEven,
    storage,
    add(fromId, name) {
      const from = sources.find((p) => p.id === fromId);
      if (!from) return [t.scenarioSourceMissing];
      if (named(name).length) return named(name);
      const made = createScenario(from, freshId(), { sv: name.trim(), en: name.trim() });
      if (!made.ok) return made.problems;
      update((list) => [...list, made.scenario]);
      return [];
    },
    rename(id, name) {
      if (named(name).length) return named(name);
      return this.change(id, { name: { sv: name.trim(), en: name.trim() } });
    },
    remove(id) {
      update((list) => list.filter((s) => s.profile.id !== id));
    },
    change(id, changes) {
      const current = scenarios.find((s) => s.profile.id === id);
      if (!current) return [t.scenarioSourceMissing];
      const changed = changeScenario(current, changes);
      if (!changed.ok) return changed.problems;
      update((list) => list.map((s) => (s.profile.id === id ? changed.scenario : s)));
      return [];
    },
    paste(text) {
      const parsed = parseScenarioJson(text);
      if (!parsed.ok) return parsed.problems;
      const id = taken(parsed.scenario.profile.id) ? freshId() : parsed.scenario.profile.id;
      const scenario = { ...parsed.scenario, profile: { ...parsed.scenario.profile, id } };
      update((list) => [...list, scenario]);
      return [];
    },
    replaceStored() {
      dirty.current = true;
      setStorage({ state: "ready" });
    },
  };
}

/** The benchmark (or grace days) from which each municipality owes nothing more under a profile. */
function breakEvenOf(basis: FigureBasis, profile: AgreementProfile): Map<string, number> {
  const averaged = [profile.somatic, profile.psychiatric].find((r) => r.kind !== "individual");
  const at = averaged ? (averaged.benchmark ?? 0) : profile.somatic.graceDays;
  const curve = sensitivityCurve(basis, profile, { from: at, to: at, step: 1 });
  return new Map(curve.ok ? curve.curve.municipalityBreakEven.map((b) => [b.municipality, b.value]) : []);
}
