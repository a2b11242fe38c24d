/** The disputes tab: the reviewer, the figures side by side, bulk disputes, the list, the rules and the export. */
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { usePane } from "../context/PaneContext";
import type { Reviewed } from "../hooks/useReview";
import { usePaneStyles } from "../shared/styles";
import { BulkDispute } from "./BulkDispute";
import { DisputeExport } from "./DisputeExport";
import { DisputeFigures } from "./DisputeFigures";
import { DisputeList } from "./DisputeList";
import { DISPUTE_TEXTS } from "./disputeTexts";
import { ReasonRules } from "./ReasonRules";
import { ReviewerName } from "./ReviewerName";
import type { DisputesState } from "./useDisputes";

export function DisputesTab({ reviewed, disputes }: { reviewed: Reviewed; disputes: DisputesState }) {
  const { lang } = usePane();
  const d = DISPUTE_TEXTS[lang];
  const s = usePaneStyles();
  const { derived } = disputes;
  return (
    <section className={s.section} aria-labelledby="disputes-heading" data-testid="disputes">
      <h2 id="disputes-heading" className={s.heading}>
        {d.heading}
      </h2>
      <ReviewerName writer={disputes.writer} onName={disputes.setName} />
      {disputes.writer && !derived ? <Spinner size="tiny" /> : null}
      {derived ? (
        <>
          {derived.problems.length > 0 ? (
            <MessageBar intent="warning" layout="multiline" data-testid="dispute-problems">
              <MessageBarBody>
                {d.problems} {derived.problems.map((p) => p[lang]).join(" ")}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <DisputeFigures figures={derived.figures} />
          <BulkDispute findings={reviewed.result.findings} disputes={disputes} />
          <DisputeList match={derived.match} disputes={disputes} />
          <ReasonRules />
          <DisputeExport disputes={disputes} count={derived.active} />
        </>
      ) : (
        <ReasonRules />
      )}
    </section>
  );
}
