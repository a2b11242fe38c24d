/**
 * The controller's answer: per municipality what it owes under the agreement, what was invoiced
 * and the difference, with the totals and the number of errors and warnings. Then the sheets
 * read, the checks that could not run, the assumptions, writing the result sheet and the follow-up reports.
 */
import { forwardRef } from "react";
import { Button } from "@fluentui/react-components";
import { figuresByMunicipality, privateText, type SideBySide } from "../../core";
import { DisputeFigures } from "../disputes/DisputeFigures";
import { usePane } from "../context/PaneContext";
import type { Freshness } from "../hooks/freshness";
import type { Reviewed, ShownFigures } from "../hooks/useReview";
import { StaleNotice } from "../shared/StaleNotice";
import { usePaneStyles } from "../shared/styles";
import { ChecksNotRun } from "./ChecksNotRun";
import { FiguresSummary } from "./FiguresSummary";
import { MunicipalityTable } from "./MunicipalityTable";
import { ResultHeading } from "./ResultHeading";
import { WriteReports, type SpecSheetWriter } from "./WriteReports";
import type { FoundDispute } from "../../core";

interface Props {
  reviewed: Reviewed;
  shown: ShownFigures;
  state: Freshness;
  /** Whether the findings (the counts of errors and warnings) are for the current choices. */
  countsState: Freshness;
  /** Writes the result sheet; with disputes, their figures side by side go on it too. */
  onWrite(disputes: SideBySide | null): void;
  /** Where the follow-up reports are written, and the disputes found; no report action without it. */
  reports?: { writer: SpecSheetWriter; found: readonly FoundDispute[] | undefined };
  /** With disputes found: the four figures side by side, under the agreement shown (as the disputes tab has them). */
  disputed?: SideBySide | null;
}

export const OverviewTab = forwardRef<HTMLHeadingElement, Props>(function OverviewTab({ reviewed, shown, state, countsState, onWrite, reports, disputed = null }, headingRef) {
  const { t, lang, busy } = usePane();
  const s = usePaneStyles();
  const { result } = reviewed;
  const profile = shown.applied.profile ?? shown.applied.preset;
  return (
    <section className={s.section} aria-labelledby="overview-heading" data-testid="results">
      <ResultHeading ref={headingRef} applied={shown.applied} />
      <StaleNotice state={state} testId="figures-stale" texts={{ updating: t.staleUpdating, invalid: t.staleInvalid, mapping: t.staleMapping }} />
      <div className={`${s.section} ${state === "current" ? "" : s.stale}`} data-testid="figures" data-fresh={state === "current"}>
        <FiguresSummary totals={shown.figures.totals} counts={result.counts} countsCurrent={countsState === "current"} />
        <MunicipalityTable rows={figuresByMunicipality(shown.figures.groups)} totals={shown.figures.totals} profile={profile} />
        {disputed ? <DisputeFigures figures={disputed} folded /> : null}
      </div>
      {result.sheets.map((sheet) => (
        <div key={sheet.name} className={s.muted} data-testid="sheet-summary">
          {t.sheetRead(sheet.name, sheet.rows)}
          {sheet.skipped.length > 0
            ? ` ${t.skippedRows}: ${sheet.skipped
                .map((k) => `${k.fromRow === k.toRow ? k.fromRow : `${k.fromRow}–${k.toRow}`} (${t.skipReason[k.reason]})`)
                .join(", ")}.`
            : null}
        </div>
      ))}
      <ChecksNotRun checks={result.checks} />
      <details>
        <summary>
          {t.assumptions} ({result.assumptions.length})
        </summary>
        <ul data-testid="result-assumptions">
          {result.assumptions.map((a, i) => (
            <li key={i} className={s.muted}>
              {privateText(a[lang], false)}
            </li>
          ))}
        </ul>
      </details>
      <div className={s.row}>
        <Button disabled={busy !== null || state !== "current"} onClick={() => onWrite(disputed)} data-testid="write">
          {t.writeResult}
        </Button>
      </div>
      {reports ? <WriteReports reviewed={reviewed} profile={profile} found={reports.found} writer={reports.writer} disabled={state !== "current"} /> : null}
    </section>
  );
});
