/** The parameters of one scenario, per care type: each change goes to the core at once. */
import { useState } from "react";
import { Checkbox, Field, Select } from "@fluentui/react-components";
import type { CareType } from "../../core";
import type { CareRulesChanges, Scenario, ScenarioChanges } from "../../core";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import { NumberField } from "./NumberField";
import type { ScenariosState } from "./useScenarios";

const KINDS = ["average", "individual", "hybrid"] as const;
const FORMULAS = ["excessAverage", "individualExcess", "allDays"] as const;

export function ScenarioEditor({ scenario, state }: { scenario: Scenario; state: ScenariosState }) {
  const { t } = usePane();
  const s = usePaneStyles();
  const [care, setCare] = useState<CareType>("somatic");
  const [problem, setProblem] = useState<string | null>(null);
  const id = scenario.profile.id;
  const rules = scenario.profile[care];
  const change = (changes: ScenarioChanges) => {
    const problems = state.change(id, changes);
    setProblem(problems.length ? problems.join(" ") : null);
    return problems;
  };
  const forCare = (c: CareRulesChanges): ScenarioChanges => (care === "somatic" ? { somatic: c } : { psychiatric: c });
  const key = `${id}-${care}`;
  return (
    <div className={s.section} data-testid="scenario-editor">
      <Field label={t.scenarioCareType}>
        <Select value={care} onChange={(_e, d) => setCare(d.value as CareType)} data-testid="scenario-care">
          <option value="somatic">{t.careTypeSomaticLower}</option>
          <option value="psychiatric">{t.careTypePsychiatricLower}</option>
        </Select>
      </Field>
      <Field label={t.scenarioKind} validationState={problem ? "error" : "none"} validationMessage={problem ?? undefined}>
        <Select value={rules.kind} onChange={(_e, d) => change(forCare({ kind: d.value as (typeof KINDS)[number] }))} data-testid="scenario-kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t.scenarioKinds[k]}
            </option>
          ))}
        </Select>
      </Field>
      <NumberField key={`b-${key}`} id="scenario-benchmark" label={t.scenarioBenchmark} value={rules.benchmark} onValue={(v) => change(forCare({ benchmark: v }))} />
      <Field label={t.scenarioFormula}>
        <Select value={rules.excessFormula} onChange={(_e, d) => change(forCare({ excessFormula: d.value as (typeof FORMULAS)[number] }))} data-testid="scenario-formula">
          {FORMULAS.map((f) => (
            <option key={f} value={f}>
              {t.scenarioFormulas[f]}
            </option>
          ))}
        </Select>
      </Field>
      <NumberField key={`g-${key}`} id="scenario-grace" label={t.scenarioGraceDays} value={rules.graceDays} whole onValue={(v) => change(forCare({ graceDays: v }))} />
      <Checkbox checked={rules.zeroDays} label={t.scenarioZeroDays} onChange={(_e, d) => change(forCare({ zeroDays: d.checked === true }))} data-testid="scenario-zero" />
    </div>
  );
}
