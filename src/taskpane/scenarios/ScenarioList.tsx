/** Adding a scenario (a copy of the baseline, a preset or another scenario), choosing one, renaming and deleting it. */
import { useState } from "react";
import { Button, Field, Input, Select } from "@fluentui/react-components";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import { useFitStyles } from "./fit";
import type { ScenariosState } from "./useScenarios";

export interface ScenarioListProps {
  state: ScenariosState;
  selected: string | null;
  onSelect(id: string | null): void;
}

export function AddScenario({ state }: { state: ScenariosState }) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const fit = useFitStyles();
  const [from, setFrom] = useState(state.baseline.id);
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const problems = state.add(from, name);
    setProblem(problems.length ? problems.join(" ") : null);
    if (problems.length === 0) setName("");
  };
  return (
    <div className={s.section}>
      <Field label={t.scenarioFrom} className={fit.fit}>
        <Select className={fit.fit} select={{ className: fit.fit }} value={from} onChange={(_e, d) => setFrom(d.value)} data-testid="scenario-from">
          {state.sources.map((p, i) => (
            <option key={p.id} value={p.id}>
              {i === 0 ? `${t.scenarioBaseline}: ${p.name[lang]}` : p.name[lang]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={{ children: t.scenarioName, htmlFor: "scenario-new-name" }} validationState={problem ? "error" : "none"} validationMessage={problem ?? undefined}>
        <Input id="scenario-new-name" value={name} onChange={(_e, d) => setName(d.value)} data-testid="scenario-new-name" />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" onClick={add} data-testid="scenario-add">
          {t.scenarioAdd}
        </Button>
      </div>
    </div>
  );
}

export function ChooseScenario({ state, selected, onSelect }: ScenarioListProps) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const current = state.scenarios.find((x) => x.profile.id === selected);
  const fit = useFitStyles();
  const [name, setName] = useState(current?.profile.name[lang] ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  if (state.scenarios.length === 0) return <p className={s.muted}>{t.scenarioNone}</p>;
  const rename = (value: string) => {
    setName(value);
    if (!current) return;
    const problems = state.rename(current.profile.id, value);
    setProblem(problems.length ? problems.join(" ") : null);
  };
  return (
    <div className={s.section}>
      <Field label={t.scenarioEdit} className={fit.fit}>
        <Select className={fit.fit} select={{ className: fit.fit }} value={selected ?? ""} onChange={(_e, d) => onSelect(d.value || null)} data-testid="scenario-choose">
          <option value="">{t.scenarioPick}</option>
          {state.scenarios.map((x) => (
            <option key={x.profile.id} value={x.profile.id}>
              {x.profile.name[lang]}
            </option>
          ))}
        </Select>
      </Field>
      {current ? (
        <>
          <Field label={{ children: t.scenarioName, htmlFor: "scenario-rename" }} validationState={problem ? "error" : "none"} validationMessage={problem ?? undefined}>
            <Input id="scenario-rename" value={name} onChange={(_e, d) => rename(d.value)} data-testid="scenario-rename" />
          </Field>
          <div className={s.row}>
            <Button onClick={() => (state.remove(current.profile.id), onSelect(null))} data-testid="scenario-delete">
              {t.scenarioDelete}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
