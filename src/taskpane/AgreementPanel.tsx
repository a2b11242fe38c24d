/** The agreement picker: the preset's source and every assumption stay visible (DOMAIN.md). */
import { Field as FluentField, Input, Select } from "@fluentui/react-components";
import { describeRules, type AgreementProfile } from "../core";
import type { Lang, Texts } from "./i18n";
import { parseBenchmark, usesBenchmark } from "./paneModel";
import { usePaneStyles } from "./styles";

interface Props {
  presets: readonly AgreementProfile[];
  selected: AgreementProfile | undefined;
  texts: Texts;
  lang: Lang;
  disabled: boolean;
  onSelect(id: string): void;
  benchmark: string;
  onBenchmark(text: string): void;
  period: string;
  onPeriod(value: string): void;
}

export function AgreementPanel(props: Props) {
  const { presets, selected, texts, lang, disabled, onSelect, benchmark, onBenchmark, period, onPeriod } = props;
  const s = usePaneStyles();
  const stated = selected?.somatic.benchmark ?? selected?.psychiatric.benchmark ?? null;
  const typed = parseBenchmark(benchmark);
  const invalid = typed !== null && Number.isNaN(typed);
  return (
    <section className={s.section} aria-labelledby="agreement-heading">
      <h2 id="agreement-heading" className={s.heading}>
        {texts.agreementHeading}
      </h2>
      <FluentField label={{ children: texts.agreementLabel, htmlFor: "agreement-select" }}>
        <Select id="agreement-select" value={selected?.id ?? ""} disabled={disabled} onChange={(_e, d) => onSelect(d.value)}>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name[lang]}
            </option>
          ))}
        </Select>
      </FluentField>
      {selected && usesBenchmark(selected) ? (
        <FluentField
          label={{ children: texts.benchmarkLabel, htmlFor: "benchmark-input" }}
          validationState={invalid ? "error" : stated === null && typed === null ? "warning" : "none"}
          validationMessage={
            invalid
              ? texts.benchmarkInvalid
              : stated === null
                ? texts.benchmarkMissing
                : texts.benchmarkGiven(stated.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB"))
          }
        >
          <Input
            id="benchmark-input"
            inputMode="decimal"
            value={benchmark}
            disabled={disabled}
            placeholder={stated === null ? "" : String(stated)}
            onChange={(_e, d) => onBenchmark(d.value)}
          />
        </FluentField>
      ) : null}
      <FluentField label={{ children: texts.periodLabel, htmlFor: "period-input" }} hint={texts.periodHint}>
        <Input id="period-input" type="month" value={period} disabled={disabled} onChange={(_e, d) => onPeriod(d.value)} />
      </FluentField>
      {selected ? (
        <div className={s.card} data-testid="agreement-details">
          <div className={s.muted}>
            {texts.source}: {selected.source}
          </div>
          <ul data-testid="agreement-rules">
            <li className={s.muted}>
              {texts.somatic}: {describeRules(selected.somatic)[lang]}
            </li>
            <li className={s.muted}>
              {texts.psychiatric}: {describeRules(selected.psychiatric)[lang]}
            </li>
          </ul>
          {selected.assumptions.length > 0 ? (
            <>
              <h3 className={s.subheading}>{texts.assumptions}</h3>
              <ul data-testid="agreement-assumptions">
                {selected.assumptions.map((a, i) => (
                  <li key={i} className={s.muted}>
                    {a[lang]}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
