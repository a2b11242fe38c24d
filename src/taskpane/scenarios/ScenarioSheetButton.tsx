/**
 * "Write the scenario sheet": the comparison, the break-even and the baseline's sensitivity curve
 * as a sheet in Excel with native tables and charts. The core builds the sheet from the basis in
 * memory (no re-read); the host writes it, replacing its own earlier one. The outcome is shown
 * beside the button and in the status line.
 */
import { useState } from "react";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { SCENARIO_SHEET_NAME, scenarioSheetFromBasis, type FigureBasis, type WorkbookHost } from "../../core";
import { usePane } from "../context/PaneContext";
import { describeError } from "../errors";
import { usePaneStyles } from "../shared/styles";
import type { ScenariosState } from "./useScenarios";

const TEXTS = {
  sv: {
    write: "Skriv scenarioblad i Excel",
    writing: "Skriver scenariobladet…",
    done: `Bladet "${SCENARIO_SHEET_NAME}" är skrivet: jämförelse, brytpunkter och känslighet, med diagram.`,
  },
  en: {
    write: "Write the scenario sheet in Excel",
    writing: "Writing the scenario sheet…",
    done: `The sheet "${SCENARIO_SHEET_NAME}" is written: comparison, break-even and sensitivity, with charts.`,
  },
} as const;

export function ScenarioSheetButton({ host, basis, state }: { host: WorkbookHost; basis: FigureBasis; state: ScenariosState }) {
  const { t, lang, notify } = usePane();
  const s = usePaneStyles();
  const words = TEXTS[lang];
  const [writing, setWriting] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const write = async () => {
    setWriting(true);
    setOutcome(null);
    try {
      const spec = scenarioSheetFromBasis(basis, [state.baseline, ...state.scenarios.map((x) => x.profile)], lang);
      await host.writeSpecSheet(spec);
      setOutcome({ ok: true, text: words.done });
      notify(words.done);
    } catch (e) {
      setOutcome({ ok: false, text: describeError(e, t, lang).message });
    } finally {
      setWriting(false);
    }
  };
  return (
    <div className={s.section}>
      <div className={s.row}>
        <Button onClick={() => void write()} disabled={writing} data-testid="scenario-sheet-write">
          {writing ? words.writing : words.write}
        </Button>
      </div>
      {outcome ? (
        <MessageBar intent={outcome.ok ? "success" : "error"} layout="multiline" role={outcome.ok ? "status" : "alert"} data-testid="scenario-sheet-message">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
