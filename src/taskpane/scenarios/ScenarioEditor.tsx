/** The parameters of one scenario, per care type: each change goes to the core at once. */
import { useState } from "react";
import { Checkbox, Field, Select } from "@fluentui/react-components";
import type { CareRulesChanges, CareType, Scenario, ScenarioChanges } from "../../core";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import { explainProblems } from "./fieldProblems";
import { NumberField } from "./NumberField";
import { PriceYears } from "./PriceYears";
import { Choice, RuleDetails } from "./RuleDetails";
import type { ScenariosState } from "./useScenarios";

const KINDS = ["average", "individual", "hybrid"] as const;
const FORMULAS = ["excessAverage", "individualExcess", "allDays"] as const;

/** `years`: the years the basis's billed days fall in (their prices can be entered). */
export function ScenarioEditor({ scenario, state, years }: { scenario: Scenario; state: ScenariosState; years: readonly number[] }) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const [care, setCare] = useState<CareType>("somatic");
  const [zeroProblem, setZeroProblem] = useState<string | null>(null);
  const id = scenario.profile.id;
  const rules = scenario.profile[care];
  const forCare = (c: CareRulesChanges): ScenarioChanges => (care === "somatic" ? { somatic: c } : { psychiatric: c });
  const change = (c: CareRulesChanges) => explainProblems(state.change(id, forCare(c)), lang);
  // The fields are keyed by care type: switching it shows that care type's values afresh.
  const key = `${id}-${care}`;
  return (
    <div className={s.section} data-testid="scenario-editor">
      <Field label={t.scenarioCareType}>
        <Select value={care} onChange={(_e, d) => setCare(d.value as CareType)} data-testid="scenario-care">
          <option value="somatic">{t.careTypeSomaticLower}</option>
          <option value="psychiatric">{t.careTypePsychiatricLower}</option>
        </Select>
      </Field>
      <Choice key={`k-${key}`} id="scenario-kind" label={t.scenarioKind} value={rules.kind} options={KINDS.map((k) => [k, t.scenarioKinds[k]])} onChoice={(kind) => change({ kind })} />
      <NumberField key={`b-${key}`} id="scenario-benchmark" label={t.scenarioBenchmark} value={rules.benchmark} onValue={(v) => change({ benchmark: v })} />
      <Choice key={`f-${key}`} id="scenario-formula" label={t.scenarioFormula} value={rules.excessFormula} options={FORMULAS.map((f) => [f, t.scenarioFormulas[f]])} onChoice={(excessFormula) => change({ excessFormula })} />
      <NumberField key={`g-${key}`} id="scenario-grace" label={t.scenarioGraceDays} value={rules.graceDays} whole onValue={(v) => change({ graceDays: v })} />
      <Field validationState={zeroProblem ? "error" : "none"} validationMessage={zeroProblem ?? undefined}>
        <Checkbox
          checked={rules.zeroDays}
          label={t.scenarioZeroDays}
          onChange={(_e, d) => {
            const problems = change({ zeroDays: d.checked === true });
            setZeroProblem(problems.length ? problems.join(" ") : null);
          }}
          data-testid="scenario-zero"
        />
      </Field>
      <RuleDetails key={`d-${key}`} id="scenario" rules={rules} change={change} />
      <PriceYears scenario={scenario} state={state} years={years} />
    </div>
  );
}
