/**
 * The findings: counts by code as filters and the paging at the top, the list, and the marks in
 * the sheet. Thousands are possible: 50 per page.
 */
import { useMemo, useRef, useState } from "react";
import { Switch } from "@fluentui/react-components";
import { usePane } from "../context/PaneContext";
import type { Freshness } from "../hooks/freshness";
import type { Reviewed } from "../hooks/useReview";
import type { useWorkbookActions } from "../hooks/useWorkbookActions";
import type { DisputesState } from "../disputes/useDisputes";
import { filterFindings, pageOf, rowsWithFindings, type FindingFilter } from "../paneModel";
import { StaleNotice } from "../shared/StaleNotice";
import { usePaneStyles } from "../shared/styles";
import { CodeFilters } from "./CodeFilters";
import { FindingList, type FindingListHandle } from "./FindingList";
import { MarksPanel } from "./MarksPanel";
import { Pager } from "./Pager";

interface Props {
  reviewed: Reviewed;
  state: Freshness;
  actions: ReturnType<typeof useWorkbookActions>;
  /** With disputes, each finding on a row can be disputed. */
  disputes?: DisputesState;
}

export function FindingsTab({ reviewed, state, actions, disputes }: Props) {
  const { t } = usePane();
  const s = usePaneStyles();
  const { result, grids } = reviewed;
  const [filter, setFilter] = useState<FindingFilter>({ code: "all", severity: "all" });
  const [page, setPage] = useState(1);
  const [reveal, setReveal] = useState(false);
  const list = useRef<FindingListHandle>(null);
  const filtered = useMemo(() => filterFindings(result.findings, filter), [result, filter]);
  const current = pageOf(filtered, page);
  const rows = useMemo(() => rowsWithFindings(result.findings), [result]);

  const changeFilter = (next: Partial<FindingFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };
  const turn = (next: number) => {
    setPage(next);
    // After React has drawn the new page.
    requestAnimationFrame(() => list.current?.focusFirst());
  };

  return (
    <section className={s.section} aria-labelledby="findings-heading" data-testid="findings">
      <h2 id="findings-heading" className={s.heading}>
        {t.findingsHeading} ({result.findings.length})
      </h2>
      <MarksPanel
        rowsWithFindings={rows}
        markedRows={actions.markedRows}
        disabled={state !== "current"}
        onMark={() => void actions.mark(result.findings)}
        onClear={() => void actions.clear()}
      />
      <StaleNotice state={state} testId="findings-stale" texts={{ updating: t.findingsUpdating, invalid: t.findingsStale, mapping: t.staleMapping }} />
      <div className={`${s.section} ${state === "current" ? "" : s.stale}`}>
        {result.findings.length === 0 ? <p>{t.noFindings}</p> : <CodeFilters result={result} filter={filter} onChange={changeFilter} />}
        <Switch label={t.showPersonIds} checked={reveal} onChange={(_e, d) => setReveal(d.checked)} data-testid="reveal-ids" />
        <Pager page={current.page} pages={current.pages} onPage={turn} />
        <p className={s.muted} aria-live="polite" data-testid="finding-count">
          {t.findingCount(current.items.length, filtered.length)} · {t.selectRowHint}
        </p>
        <FindingList
          ref={list}
          items={current.items}
          pageKey={`${current.page}|${filter.code}|${filter.severity}`}
          grids={grids}
          sheets={result.sheets}
          reveal={reveal}
          onSelectRow={actions.select}
          disputes={disputes}
        />
      </div>
    </section>
  );
}
