/** The agreement picker: the preset's source and every assumption stay visible (DOMAIN.md). */
import { Field as FluentField, Select } from "@fluentui/react-components";
import type { AgreementProfile } from "../core/agreements/profileSchema";
import type { Lang, Texts } from "./i18n";
import { usePaneStyles } from "./styles";

interface Props {
  presets: readonly AgreementProfile[];
  selected: AgreementProfile | undefined;
  texts: Texts;
  lang: Lang;
  disabled: boolean;
  onSelect(id: string): void;
}

export function AgreementPanel({ presets, selected, texts, lang, disabled, onSelect }: Props) {
  const s = usePaneStyles();
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
      {selected ? (
        <div className={s.card} data-testid="agreement-details">
          <div className={s.muted}>
            {texts.source}: {selected.source}
          </div>
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
