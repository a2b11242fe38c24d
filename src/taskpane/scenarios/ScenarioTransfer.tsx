/** A scenario out as JSON text (to share with another workbook) and one pasted in. */
import { useState } from "react";
import { Button, Field, Textarea } from "@fluentui/react-components";
import { scenarioToJson, type Scenario } from "../../core";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import type { ScenariosState } from "./useScenarios";

export function ScenarioTransfer({ state, selected }: { state: ScenariosState; selected: Scenario | undefined }) {
  const { t, notify } = usePane();
  const s = usePaneStyles();
  const [shown, setShown] = useState(false);
  const [pasted, setPasted] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const text = selected ? scenarioToJson(selected) : "";
  const copy = () => {
    setShown(true);
    // The clipboard may be refused inside Office; the text stays shown to copy by hand.
    navigator.clipboard?.writeText(text).then(() => notify(t.scenarioCopied), () => undefined);
  };
  const paste = () => {
    const problems = state.paste(pasted);
    setProblem(problems.length ? problems.join(" ") : null);
    if (problems.length === 0) setPasted("");
  };
  return (
    <div className={s.section}>
      {selected ? (
        <div className={s.row}>
          <Button onClick={copy} data-testid="scenario-copy">
            {t.scenarioCopy}
          </Button>
        </div>
      ) : null}
      {selected && shown ? (
        <Field label={{ children: t.scenarioJson, htmlFor: "scenario-json-out" }}>
          <Textarea id="scenario-json-out" readOnly value={text} resize="vertical" data-testid="scenario-json-out" />
        </Field>
      ) : null}
      <Field label={{ children: t.scenarioPaste, htmlFor: "scenario-json-in" }} validationState={problem ? "error" : "none"} validationMessage={problem ?? undefined}>
        <Textarea id="scenario-json-in" value={pasted} onChange={(_e, d) => setPasted(d.value)} resize="vertical" data-testid="scenario-json-in" />
      </Field>
      <div className={s.row}>
        <Button onClick={paste} disabled={pasted.trim() === ""} data-testid="scenario-paste">
          {t.scenarioPasteAdd}
        </Button>
      </div>
    </div>
  );
}
