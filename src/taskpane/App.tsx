/**
 * The task pane: composes the basis section (sheets, mapping, agreement), the review bar and the
 * result's tabs. The workflow lives in the hooks; every figure comes from the engine.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { DisputeHost, WorkbookHost } from "../core";
import { BasisSection } from "./basis/BasisSection";
import { useFollowedRows } from "./disputes/useFollowedRows";
import { useMarksAtOpen } from "./disputes/useMarksAtOpen";
import { PaneProvider, usePane } from "./context/PaneContext";
import type { PaneEngine } from "./engine";
import { freshness } from "./hooks/freshness";
import { useAgreement, withCareTypes } from "./hooks/useAgreement";
import { useCareTypes } from "./basis/useCareTypes";
import { useRecompute } from "./hooks/useRecompute";
import { useReview } from "./hooks/useReview";
import { useSheets } from "./hooks/useSheets";
import { useWorkbookActions } from "./hooks/useWorkbookActions";
import type { Lang } from "./i18n";
import { Header } from "./shared/Header";
import { ErrorMessage } from "./shared/PaneMessage";
import { ReviewBar } from "./shared/ReviewBar";
import { usePaneStyles } from "./shared/styles";

export interface AppProps {
  host: WorkbookHost;
  engine: PaneEngine;
  lang: Lang;
  /** Called once when the pane is interactive (sheets listed or an error shown). */
  onReady?: () => void;
  now?: () => Date;
  /** Where disputes are kept (custom XML parts in Excel); without one there is no disputes tab. */
  disputeHost?: DisputeHost;
}

/** The result's tabs come with the review's code: shown only after a review. */
const loadResultTabs = () => import(/* webpackChunkName: "review" */ "./ResultTabs");
const ResultTabs = lazy(loadResultTabs);

export function App(props: AppProps) {
  return (
    <PaneProvider lang={props.lang}>
      <Pane {...props} />
    </PaneProvider>
  );
}

const defaultNow = () => new Date();

function Pane({ host, engine, onReady, now = defaultNow, disputeHost }: AppProps) {
  const { t, busy, error, clearError, notice } = usePane();
  const s = usePaneStyles();
  const sheets = useSheets(host, engine);
  const agreement = useAgreement(engine.presets);
  const careTypes = useCareTypes();
  // The choice the core gets: the agreement, and the user's care type per sheet.
  const applied = useMemo(() => withCareTypes(agreement.applied, careTypes.chosen), [agreement.applied, careTypes.chosen]);
  const review = useReview(host, engine, now);
  const actions = useWorkbookActions(host);
  useRecompute(review, applied, sheets.mappingVersion);
  const [reviews, setReviews] = useState(0);
  const { reviewed, figures } = review;
  const year = now().getFullYear();
  // Known by key: the review's rows, followed through sorts (marks placed again each time).
  // A re-check from memory keeps the same input: the same keys.
  const input = reviewed?.input;
  const reviewTarget = useMemo(() => (input ? ({ kind: "review", input, referenceYear: year } as const) : null), [input, year]);
  const openTarget = useMarksAtOpen(host, disputeHost, sheets, year, reviews > 0 || busy?.kind === "reading");
  const followed = useFollowedRows(host, disputeHost, reviewTarget ?? openTarget);
  const readyRef = useRef(false);

  useEffect(() => {
    if (sheets.sheets !== null && !readyRef.current) {
      readyRef.current = true;
      onReady?.();
    }
  }, [sheets.sheets, onReady]);

  const startReview = async () => {
    void loadResultTabs();
    const done = await review.run(sheets.invoiceSheets, applied, sheets.overrides, sheets.mappingVersion);
    if (done) setReviews((n) => n + 1);
  };

  const figuresState = freshness(figures?.applied, applied, reviewed?.mappingVersion, sheets.mappingVersion);
  const findingsState = freshness(reviewed?.applied, applied, reviewed?.mappingVersion, sheets.mappingVersion);
  const first = sheets.invoiceSheets[0]?.preview;

  return (
    <main className={s.root} aria-busy={busy !== null} data-testid="pane">
      <Header />
      {error ? <ErrorMessage error={error} dismissLabel={t.dismiss} onDismiss={clearError} /> : null}
      {sheets.sheets === null ? (
        <Spinner size="small" label={t.loadingSheets} />
      ) : sheets.invoiceSheets.length === 0 ? (
        error ? null : (
          <MessageBar intent="warning" layout="multiline" data-testid="no-invoice-sheet">
            <MessageBarBody>{t.noInvoiceSheet}</MessageBarBody>
          </MessageBar>
        )
      ) : (
        <>
          <BasisSection sheets={sheets} agreement={agreement} reviews={reviews} careTypes={careTypes} />
          <ReviewBar
            canReview={applied.profile !== undefined}
            firstSheet={first ? { name: first.name, rows: first.rowCount } : undefined}
            onReview={() => void startReview()}
            onCancel={review.cancel}
          />
        </>
      )}
      <div aria-live="polite" role="status" className={s.muted} data-testid="status">
        {notice}
      </div>
      {reviewed && figures ? (
        <>
          <Suspense fallback={<Spinner size="small" />}>
            <ResultTabs
              reviewed={reviewed}
              figures={figures}
              figuresState={figuresState}
              findingsState={findingsState}
              actions={actions}
              reviews={reviews}
              disputeHost={disputeHost}
              host={host}
              followed={disputeHost ? followed : undefined}
              referenceYear={year}
            />
          </Suspense>
        </>
      ) : null}
    </main>
  );
}
