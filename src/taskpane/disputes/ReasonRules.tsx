/** The rule each reason follows, in words: left out (voids liability) or kept at its recomputed figure. */
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import { reasonRulesFor } from "./disputeWorkspace";
import { DISPUTE_TEXTS } from "./disputeTexts";

export function ReasonRules() {
  const { lang } = usePane();
  const d = DISPUTE_TEXTS[lang];
  const s = usePaneStyles();
  return (
    <details data-testid="reason-rules">
      <summary className={s.subheading}>{d.rulesHeading}</summary>
      <ul className={s.list}>
        {reasonRulesFor(lang).map((r) => (
          <li key={r.reason} className={s.muted} data-testid={`rule-${r.reason}`}>
            <strong>{r.label}</strong>: {r.effect}. {r.why}
            {r.assumed ? ` (${d.assumed})` : ""}
          </li>
        ))}
      </ul>
    </details>
  );
}
