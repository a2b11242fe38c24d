/**
 * Findings grouped by code with counts, filterable by code and severity, paged (thousands are
 * possible). Each finding is a button: click or Enter selects its row in the sheet.
 */
import { useMemo, useState } from "react";
import { Badge, Button, Field as FluentField, Select, Switch } from "@fluentui/react-components";
import type { Finding, FindingCode, ReviewResult, Severity, SheetGrid } from "../core";
import { CODE_LABELS, type Lang, type Texts } from "./i18n";
import { cellRef, codeCounts, filterFindings, findingText, maskPersonId, pageOf, personIdOnRow, type FindingFilter } from "./paneModel";
import { usePaneStyles } from "./styles";

interface Props {
  result: ReviewResult;
  grids: ReadonlyMap<string, SheetGrid>;
  texts: Texts;
  lang: Lang;
  onSelect(finding: Finding): void;
}

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export function FindingsPanel({ result, grids, texts, lang, onSelect }: Props) {
  const s = usePaneStyles();
  const [filter, setFilter] = useState<FindingFilter>({ code: "all", severity: "all" });
  const [page, setPage] = useState(1);
  const [reveal, setReveal] = useState(false);
  const [selected, setSelected] = useState<Finding | null>(null);
  const groups = useMemo(() => codeCounts(result.counts.byCode), [result]);
  const filtered = useMemo(() => filterFindings(result.findings, filter), [result, filter]);
  const current = pageOf(filtered, page);
  const multiSheet = result.sheets.length > 1;

  const changeFilter = (next: Partial<FindingFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };

  return (
    <section className={s.section} aria-labelledby="findings-heading" data-testid="findings">
      <h2 id="findings-heading" className={s.heading}>
        {texts.findingsHeading} ({result.findings.length})
      </h2>
      <div className={s.row}>
        {(["error", "warning", "info"] as const).map((sev) => (
          <Badge key={sev} appearance="tint" color={SEVERITY_COLOR[sev]}>
            {texts.severity[sev]}: {result.counts.bySeverity[sev]}
          </Badge>
        ))}
      </div>
      {groups.length > 0 ? (
        <div className={s.scroll}>
          <table className={s.table} data-testid="finding-groups">
            <caption className={s.srOnly}>{texts.findingsHeading}</caption>
            <thead>
              <tr>
                <th className={s.th} scope="col">{texts.filterCode}</th>
                <th className={`${s.th} ${s.num}`} scope="col">#</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.code}>
                  <td className={s.td}>
                    {CODE_LABELS[g.code][lang]} <span className={s.muted}>({g.code})</span>
                  </td>
                  <td className={`${s.td} ${s.num}`}>{g.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{texts.noFindings}</p>
      )}
      <div className={s.row}>
        <FluentField label={{ children: texts.filterCode, htmlFor: "filter-code" }} size="small">
          <Select id="filter-code" size="small" value={filter.code} onChange={(_e, d) => changeFilter({ code: d.value as FindingCode | "all" })}>
            <option value="all">{texts.all}</option>
            {groups.map((g) => (
              <option key={g.code} value={g.code}>
                {CODE_LABELS[g.code][lang]} ({g.count})
              </option>
            ))}
          </Select>
        </FluentField>
        <FluentField label={{ children: texts.filterSeverity, htmlFor: "filter-severity" }} size="small">
          <Select
            id="filter-severity"
            size="small"
            value={filter.severity}
            onChange={(_e, d) => changeFilter({ severity: d.value as Severity | "all" })}
          >
            <option value="all">{texts.all}</option>
            {(["error", "warning", "info"] as const).map((sev) => (
              <option key={sev} value={sev}>
                {texts.severity[sev]} ({result.counts.bySeverity[sev]})
              </option>
            ))}
          </Select>
        </FluentField>
      </div>
      <Switch label={texts.showPersonIds} checked={reveal} onChange={(_e, d) => setReveal(d.checked)} data-testid="reveal-ids" />
      <p className={s.muted} aria-live="polite" data-testid="finding-count">
        {texts.findingCount(current.items.length, filtered.length)} · {texts.selectRowHint}
      </p>
      <ul className={s.list} aria-label={texts.findingsHeading} data-testid="finding-list">
        {current.items.map((f, i) => {
          const raw = personIdOnRow(f, grids, result.sheets);
          const id = raw === null ? null : reveal ? raw : maskPersonId(raw);
          const isSelected = selected === f;
          return (
            <li key={`${current.page}-${i}`}>
              <button
                type="button"
                className={`${s.findingButton} ${isSelected ? s.selected : ""}`}
                aria-current={isSelected ? "true" : undefined}
                disabled={f.row === null}
                data-testid="finding"
                data-row={f.row ?? ""}
                onClick={() => {
                  setSelected(f);
                  onSelect(f);
                }}
              >
                <Badge appearance="filled" color={SEVERITY_COLOR[f.severity]} size="small">
                  {texts.severity[f.severity]}
                </Badge>{" "}
                <strong>
                  {f.row !== null ? `${multiSheet ? `${f.sheet} ` : ""}${texts.row} ${f.row}` : f.sheet}
                  {f.row !== null && f.columns[0] ? ` (${cellRef(f)})` : ""}
                </strong>
                {id !== null ? <span data-testid="person-id"> · {id}</span> : null}
                <div>{findingText(f, lang, reveal)}</div>
              </button>
            </li>
          );
        })}
      </ul>
      {current.pages > 1 ? (
        <nav className={s.row} aria-label={texts.page(current.page, current.pages)}>
          <Button size="small" disabled={current.page <= 1} onClick={() => setPage(current.page - 1)}>
            {texts.previous}
          </Button>
          <span>{texts.page(current.page, current.pages)}</span>
          <Button size="small" disabled={current.page >= current.pages} onClick={() => setPage(current.page + 1)}>
            {texts.next}
          </Button>
        </nav>
      ) : null}
    </section>
  );
}
