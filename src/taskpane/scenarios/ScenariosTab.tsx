/** The scenarios tab: the reviewed agreement as the baseline, the user's scenarios beside it. */
import { useState } from "react";
import { Button } from "@fluentui/react-components";
import type { AgreementProfile, FigureBasis, WorkbookHost } from "../../core";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import { ComparisonBlocks } from "./ComparisonBlocks";
import { ScenarioEditor } from "./ScenarioEditor";
import { ScenarioSheetButton } from "./ScenarioSheetButton";
import { AddScenario, ChooseScenario } from "./ScenarioList";
import { ScenarioTransfer } from "./ScenarioTransfer";
import { useScenarios, type Storage } from "./useScenarios";

export interface ScenariosTabProps {
  host: WorkbookHost;
  basis: FigureBasis;
  baseline: AgreementProfile;
}

export function ScenariosTab({ host, basis, baseline }: ScenariosTabProps) {
  const { t } = usePane();
  const s = usePaneStyles();
  const state = useScenarios(host, basis, baseline);
  const [selected, setSelected] = useState<string | null>(null);
  const [seen, setSeen] = useState(state.scenarios.length);
  if (seen !== state.scenarios.length) {
    // A scenario added (or pasted) is the one to edit next.
    setSeen(state.scenarios.length);
    if (state.scenarios.length > seen) setSelected(state.scenarios[state.scenarios.length - 1]!.profile.id);
  }
  const current = state.scenarios.find((x) => x.profile.id === selected);
  return (
    <div className={s.section} data-testid="scenarios-tab">
      <h3 className={s.heading}>{t.tabScenarios}</h3>
      <StorageNotice storage={state.storage} onReplace={state.replaceStored} />
      <ComparisonBlocks comparison={state.comparison} breakEven={state.breakEven} />
      <ScenarioSheetButton host={host} basis={basis} state={state} />
      <h4 className={s.subheading}>{t.scenarioNew}</h4>
      <AddScenario state={state} />
      <ChooseScenario key={`choose-${selected ?? ""}`} state={state} selected={selected} onSelect={setSelected} />
      {current ? <ScenarioEditor key={current.profile.id} scenario={current} state={state} /> : null}
      <ScenarioTransfer state={state} selected={current} />
    </div>
  );
}

function StorageNotice({ storage, onReplace }: { storage: Storage; onReplace(): void }) {
  const { t } = usePane();
  const s = usePaneStyles();
  if (storage.state === "loading" || storage.state === "ready") return null;
  return (
    <div role="alert" className={s.section} data-testid="scenario-storage-problem">
      <p>{storage.state === "failed" ? storage.message : t.scenarioStoredUnreadable}</p>
      {storage.state === "unreadable" ? (
        <>
          <ul>
            {storage.problems.slice(0, 5).map((p, i) => (
              <li key={i} className={s.muted}>
                {p}
              </li>
            ))}
          </ul>
          <div className={s.row}>
            <Button onClick={onReplace} data-testid="scenario-replace-stored">
              {t.scenarioReplaceStored}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
