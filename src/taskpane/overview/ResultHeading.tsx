/** The result's heading: the agreement the shown figures were computed with, and every override. */
import { forwardRef } from "react";
import { usePane } from "../context/PaneContext";
import type { Applied } from "../hooks/useAgreement";
import { CARE_TYPES } from "../hooks/useAgreement";
import { usePaneStyles } from "../shared/styles";
import { CARE_TYPE_TEXTS } from "../basis/careTypeTexts";

export const ResultHeading = forwardRef<HTMLHeadingElement, { applied: Applied }>(function ResultHeading({ applied }, ref) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const number = (v: number) => v.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB");
  const care = (c: string) => (c === "somatic" ? t.careTypeSomaticLower : t.careTypePsychiatricLower);
  const both = applied.benchmarks.somatic !== undefined && applied.benchmarks.somatic === applied.benchmarks.psychiatric;
  const overrides: string[] = both
    ? [t.overrideBenchmark("", number(applied.benchmarks.somatic!))]
    : CARE_TYPES.filter((c) => applied.benchmarks[c] !== undefined).map((c) => t.overrideBenchmark(care(c), number(applied.benchmarks[c]!)));
  overrides.push(applied.period ? t.overridePeriod(applied.period) : t.periodFromSheet);
  // A sheet's name can be long: these may wrap inside (the others are short and kept whole).
  const careTypes = Object.entries(applied.careTypes ?? {}).map(([sheet, c]) => CARE_TYPE_TEXTS[lang].override(sheet, care(c)));
  return (
    <div>
      <h2 id="overview-heading" ref={ref} tabIndex={-1} className={s.heading} data-testid="overview-heading">
        {t.overviewHeading}
      </h2>
      <div className={s.muted} data-testid="result-for">
        {t.resultFor} <strong>{applied.preset.name[lang]}</strong>
        {overrides.map((o) => (
          <span key={o} className={s.nowrap}>
            {" · "}
            {o}
          </span>
        ))}
        {careTypes.map((o) => (
          <span key={o} data-testid="care-type-override">
            {" · "}
            {o}
          </span>
        ))}
      </div>
    </div>
  );
});
