/** The agreement to review against, the user's benchmark(s) and invoice month; the rule in words. */
import { Field as FluentField, Input, Select } from "@fluentui/react-components";
import { describeRules } from "../../core";
import { usePane } from "../context/PaneContext";
import type { useAgreement } from "../hooks/useAgreement";
import { usePaneStyles } from "../shared/styles";
import { BenchmarkFields } from "./BenchmarkFields";

export function AgreementFields({ agreement }: { agreement: ReturnType<typeof useAgreement> }) {
  const { t, lang, busy } = usePane();
  const s = usePaneStyles();
  const { preset } = agreement;
  const { presets } = agreement;
  return (
    <div className={s.section} role="group" aria-labelledby="agreement-heading">
      <h3 id="agreement-heading" className={s.subheading}>
        {t.agreementHeading}
      </h3>
      <FluentField label={{ children: t.agreementLabel, htmlFor: "agreement-select" }}>
        <Select id="agreement-select" value={preset.id} disabled={busy !== null} onChange={(_e, d) => agreement.selectPreset(d.value)}>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name[lang]}
            </option>
          ))}
        </Select>
      </FluentField>
      <BenchmarkFields agreement={agreement} />
      <FluentField label={{ children: t.periodLabel, htmlFor: "period-input" }} hint={t.periodHint}>
        <Input id="period-input" type="month" value={agreement.periodText} disabled={busy !== null} onChange={(_e, d) => agreement.setPeriod(d.value)} />
      </FluentField>
      <details data-testid="agreement-details">
        <summary>
          {t.source}, {t.assumptions.toLowerCase()} ({preset.assumptions.length})
        </summary>
        <div className={s.muted}>
          {t.source}: {preset.source}
        </div>
        <ul data-testid="agreement-rules">
          <li className={s.muted}>
            {t.somatic}: {describeRules(preset.somatic)[lang]}
          </li>
          <li className={s.muted}>
            {t.psychiatric}: {describeRules(preset.psychiatric)[lang]}
          </li>
        </ul>
        {preset.assumptions.length > 0 ? (
          <ul data-testid="agreement-assumptions">
            {preset.assumptions.map((a, i) => (
              <li key={i} className={s.muted}>
                {a[lang]}
              </li>
            ))}
          </ul>
        ) : null}
      </details>
    </div>
  );
}
