/** The checks that could not run, each with the core's reason (or the columns that were missing). */
import { FIELD_LABELS, type CheckStatus } from "../../core";
import { usePane } from "../context/PaneContext";
import { CODE_LABELS } from "../i18n";
import { usePaneStyles } from "../shared/styles";

/** The core's reason when it gives one (it names the missing columns too), else the missing columns. */
export function checkReason(c: CheckStatus, lang: "sv" | "en", missing: (fields: string) => string): string {
  if (c.reason) return c.reason[lang];
  return missing(c.missingFields.map((x) => FIELD_LABELS[x][lang]).join(", "));
}

export function ChecksNotRun({ checks }: { checks: readonly CheckStatus[] }) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const notRun = checks.filter((c) => !c.ran || c.reason !== undefined);
  if (notRun.length === 0) return null;
  return (
    <div className={s.card} data-testid="checks-not-run">
      <h3 className={s.subheading}>{t.checksNotRunTitle}</h3>
      <ul className={s.list}>
        {notRun.map((c) => (
          <li key={c.code} className={s.muted}>
            <strong>{CODE_LABELS[c.code][lang]}</strong>: {checkReason(c, lang, t.checkReasonMissing)}
          </li>
        ))}
      </ul>
    </div>
  );
}
