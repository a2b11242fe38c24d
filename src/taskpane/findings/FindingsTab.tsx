/**
 * The findings: counts by code as filters and the paging at the top, the list, and the marks in
 * the sheet. Thousands are possible: 50 per page.
 */
import { useMemo, useRef, useState } from "react";
import { Field as FluentField, Select, Switch } from "@fluentui/react-components";
import { usePane } from "../context/PaneContext";
import type { Freshness } from "../hooks/freshness";
import type { Reviewed } from "../hooks/useReview";
import type { useWorkbookActions } from "../hooks/useWorkbookActions";
import type { DisputesState } from "../disputes/useDisputes";
import type { PaneMarks } from "../disputes/useKeyedMarks";
import { filterFindings, pageOf, rowsWithFindings, type FindingFilter } from "../paneModel";
import { StaleNotice } from "../shared/StaleNotice";
import { usePaneStyles } from "../shared/styles";
import { CodeFilters } from "./CodeFilters";
import { FindingList, type FindingListHandle } from "./FindingList";
import { MarksPanel } from "./MarksPanel";
import { MARK_TEXTS } from "./markTexts";
import { Pager } from "./Pager";

interface Props {
  reviewed: Reviewed;
  state: Freshness;
  actions: ReturnType<typeof useWorkbookActions>;
  /** With disputes, each finding on a row can be disputed, and the findings filtered by disputed or not. */
  disputes?: DisputesState;
  /** Marks by key (they follow the rows); without them the rows are marked by number. */
  marks?: PaneMarks;
  /** Selects a finding's row where it is now (after a sort); else the row the review read. */
  onSelectRow?(sheet: string, row: number): void;
}

type DisputedFilter = "all" | "disputed" | "open";

export function FindingsTab({ reviewed, state, actions, disputes, marks, onSelectRow }: Props) {
  const { t, lang } = usePane();
  const m = MARK_TEXTS[lang];
  const s = usePaneStyles();
  const { result, grids } = reviewed;
  const [filter, setFilter] = useState<FindingFilter>({ code: "all", severity: "all" });
  const [page, setPage] = useState(1);
  const [reveal, setReveal] = useState(false);
  const list = useRef<FindingListHandle>(null);
  const [disputed, setDisputed] = useState<DisputedFilter>("all");
  const byCode = useMemo(() => filterFindings(result.findings, filter), [result, filter]);
  const derived = disputes?.derived;
  // Recounted when the disputes change (derived is new after every change).
  const split = useMemo(
    () => (disputes && derived ? { disputed: disputes.filterFindings(byCode, true), open: disputes.filterFindings(byCode, false) } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [byCode, derived],
  );
  const filtered = split && disputed !== "all" ? split[disputed] : byCode;
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
        markedRows={marks ? marks.markedRows : actions.markedRows}
        disabled={state !== "current"}
        onMark={() => (marks ? marks.mark() : void actions.mark(result.findings))}
        onClear={() => (marks ? marks.clear() : void actions.clear())}
        followsSorts={marks?.followsSorts ?? null}
        disputes={disputes !== undefined}
        onPlaceAgain={marks?.refresh}
      />
      <StaleNotice state={state} testId="findings-stale" texts={{ updating: t.findingsUpdating, invalid: t.findingsStale, mapping: t.staleMapping }} />
      <div className={`${s.section} ${state === "current" ? "" : s.stale}`}>
        {result.findings.length === 0 ? <p>{t.noFindings}</p> : <CodeFilters result={result} filter={filter} onChange={changeFilter} />}
        {split && result.findings.length > 0 ? (
          <FluentField label={{ children: m.disputedFilter, htmlFor: "filter-disputed" }} size="small" orientation="horizontal">
            <Select
              id="filter-disputed"
              size="small"
              value={disputed}
              onChange={(_e, d) => {
                setDisputed(d.value as DisputedFilter);
                setPage(1);
              }}
              data-testid="filter-disputed"
            >
              <option value="all">{m.disputedAll(byCode.length)}</option>
              <option value="disputed">{m.disputedOnly(split.disputed.length)}</option>
              <option value="open">{m.notDisputed(split.open.length)}</option>
            </Select>
          </FluentField>
        ) : null}
        <Switch label={t.showPersonIds} checked={reveal} onChange={(_e, d) => setReveal(d.checked)} data-testid="reveal-ids" />
        <Pager page={current.page} pages={current.pages} onPage={turn} />
        <p className={s.muted} aria-live="polite" data-testid="finding-count">
          {t.findingCount(current.items.length, filtered.length)} · {t.selectRowHint}
        </p>
        <FindingList
          ref={list}
          items={current.items}
          pageKey={`${current.page}|${filter.code}|${filter.severity}|${disputed}`}
          grids={grids}
          sheets={result.sheets}
          reveal={reveal}
          onSelectRow={onSelectRow ?? actions.select}
          disputes={disputes}
        />
      </div>
    </section>
  );
}
