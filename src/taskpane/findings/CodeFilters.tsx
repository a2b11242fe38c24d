/** The counts by code are the filter: press a code to see only its findings; severity beside it. */
import { Field as FluentField, mergeClasses, Select } from "@fluentui/react-components";
import type { FindingCode, ReviewResult, Severity } from "../../core";
import { usePane } from "../context/PaneContext";
import { CODE_LABELS } from "../i18n";
import { codeCounts, type FindingFilter } from "../paneModel";
import { usePaneStyles } from "../shared/styles";

interface Props {
  result: ReviewResult;
  filter: FindingFilter;
  onChange(next: Partial<FindingFilter>): void;
}

export function CodeFilters({ result, filter, onChange }: Props) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const groups = codeCounts(result.counts.byCode);
  const button = (code: FindingCode | "all", label: string, count: number) => (
    <li key={code}>
      <button
        type="button"
        className={mergeClasses(s.filterButton, filter.code === code && s.filterPressed)}
        aria-pressed={filter.code === code}
        onClick={() => onChange({ code })}
        title={code === "all" ? undefined : code}
        data-testid="code-filter"
        data-code={code}
      >
        <span>{label}</span>
        <span className={s.num}>{count}</span>
      </button>
    </li>
  );
  return (
    <div className={s.section}>
      <ul aria-label={t.filterByCode} className={s.list} data-testid="code-filters">
        {button("all", t.allCodes, result.findings.length)}
        {groups.map((g) => button(g.code, CODE_LABELS[g.code][lang], g.count))}
      </ul>
      <FluentField label={{ children: t.filterSeverity, htmlFor: "filter-severity" }} size="small" orientation="horizontal">
        <Select id="filter-severity" size="small" value={filter.severity} onChange={(_e, d) => onChange({ severity: d.value as Severity | "all" })}>
          <option value="all">{t.all}</option>
          {(["error", "warning", "info"] as const).map((sev) => (
            <option key={sev} value={sev}>
              {t.severity[sev]} ({result.counts.bySeverity[sev]})
            </option>
          ))}
        </Select>
      </FluentField>
    </div>
  );
}
