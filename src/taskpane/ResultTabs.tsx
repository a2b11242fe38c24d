/**
 * The result's tabs: the overview (the figures), the findings and the scenarios. Disputes will
 * join them. Loaded with the review's code (not at first load): it is shown only after a review.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { Tab, TabList } from "@fluentui/react-components";
import type { DisputeHost } from "../core";
import { usePane } from "./context/PaneContext";
import { DisputesTab } from "./disputes/DisputesTab";
import { DISPUTE_TEXTS } from "./disputes/disputeTexts";
import { useDisputes } from "./disputes/useDisputes";
import type { FollowedRows } from "./disputes/useFollowedRows";
import { keysOfReview } from "./disputes/stayKeys";
import { useKeyedMarks } from "./disputes/useKeyedMarks";
import { MARK_TEXTS } from "./findings/markTexts";
import { FindingsTab } from "./findings/FindingsTab";
import type { Freshness } from "./hooks/freshness";
import type { Reviewed, ShownFigures } from "./hooks/useReview";
import type { useWorkbookActions } from "./hooks/useWorkbookActions";
import { OverviewTab } from "./overview/OverviewTab";
import { ScenariosTab } from "./scenarios/ScenariosTab";
import type { WorkbookHost } from "../core";

type TabValue = "overview" | "findings" | "scenarios" | "disputes";

export interface ResultTabsProps {
  reviewed: Reviewed;
  figures: ShownFigures;
  figuresState: Freshness;
  findingsState: Freshness;
  actions: ReturnType<typeof useWorkbookActions>;
  /** Grows with each finished review: the overview is shown and its heading gets the focus. */
  reviews: number;
  /** Where disputes are kept; without one there is no disputes tab. */
  disputeHost?: DisputeHost;
  /** Where the scenarios are stored. */
  host: WorkbookHost;
  /** Where the reviewed rows are now (after a sort): marks and disputes follow the rows by key. */
  followed?: FollowedRows;
  /** Decides the century of ten-digit identity numbers in the keys, as in the review. */
  referenceYear?: number;
}

export default function ResultTabs({ reviewed, figures, figuresState, findingsState, actions, reviews, disputeHost, host, followed, referenceYear = new Date().getFullYear() }: ResultTabsProps) {
  const { t, lang } = usePane();
  // The review's keys (made once per read, shared with the follower): findings and figures name its rows.
  const reviewIndex = useMemo(() => keysOfReview(reviewed.input, referenceYear), [reviewed.input, referenceYear]);
  const keyed = followed ? { reviewIndex, followed } : undefined;
  const disputes = useDisputes(reviewed, disputeHost, { reviewIndex, currentIndex: followed?.index, profile: figures.applied.profile ?? figures.applied.preset });
  const marks = useKeyedMarks(
    actions,
    reviewed.result.findings,
    disputeHost && keyed ? { disputeHost, ...keyed } : undefined,
    disputes.derived?.disputedKeys,
    MARK_TEXTS[lang].placedAgain,
  );
  /** A finding names the row the review read; after a sort its stay is elsewhere: found by key. */
  const selectRow = (sheet: string, row: number) => {
    const key = keyed?.reviewIndex.at(sheet, row)?.key;
    const now = key === undefined ? undefined : keyed?.followed.index?.find(key);
    actions.select(now?.sheet ?? sheet, now?.row ?? row);
  };
  const [tab, setTab] = useState<TabValue>("overview");
  const [seenReviews, setSeenReviews] = useState(reviews);
  const heading = useRef<HTMLHeadingElement>(null);
  if (seenReviews !== reviews) {
    setSeenReviews(reviews);
    setTab("overview");
  }
  useEffect(() => {
    heading.current?.focus();
  }, [reviews]);
  return (
    <>
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as TabValue)} aria-label={t.tabsLabel} size="small" data-testid="tabs" style={{ flexWrap: "wrap" }}>
        <Tab value="overview" id="tab-overview" aria-controls="panel-overview" data-testid="tab-overview">
          {t.tabOverview}
        </Tab>
        <Tab value="findings" id="tab-findings" aria-controls="panel-findings" data-testid="tab-findings">
          {t.tabFindings} ({reviewed.result.findings.length})
        </Tab>
        <Tab value="scenarios" id="tab-scenarios" aria-controls="panel-scenarios" data-testid="tab-scenarios">
          {t.tabScenarios}
        </Tab>
        {disputeHost ? (
          <Tab value="disputes" id="tab-disputes" aria-controls="panel-disputes" data-testid="tab-disputes">
            {DISPUTE_TEXTS[lang].tab} ({disputes.derived?.active ?? 0})
          </Tab>
        ) : null}
      </TabList>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} data-testid={`panel-${tab}`}>
        {tab === "overview" ? (
          <OverviewTab
            ref={heading}
            reviewed={reviewed}
            shown={figures}
            state={figuresState}
            countsState={findingsState}
            onWrite={(disputed) => void actions.writeResult({ ...reviewed.result, figures: figures.figures }, figures.applied, disputed)}
            reports={{ writer: host, found: disputeHost ? disputes.derived?.match.found : undefined }}
            disputed={disputes.derived && disputes.derived.match.found.length > 0 ? disputes.derived.figures : null}
          />
        ) : tab === "disputes" ? (
          <DisputesTab reviewed={reviewed} disputes={disputes} />
        ) : tab === "findings" ? (
          <FindingsTab reviewed={reviewed} state={findingsState} actions={actions} disputes={disputeHost ? disputes : undefined} marks={marks} onSelectRow={selectRow} />
        ) : (
          <ScenariosTab host={host} basis={reviewed.result.basis} baseline={figures.applied.profile ?? reviewed.result.profile} />
        )}
      </div>
    </>
  );
}
