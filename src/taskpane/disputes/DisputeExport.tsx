/**
 * The export for the region (text to copy, a sheet, a new workbook where Excel can), with the
 * notice that it holds personal data; and removing all disputes, explicit and confirmed.
 */
import { useState } from "react";
import { Button, Field, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import { ConfirmBar } from "./ConfirmBar";
import { PERSONAL_DATA_NOTICE } from "./disputeWorkspace";
import { DISPUTE_TEXTS } from "./disputeTexts";
import type { DisputesState } from "./useDisputes";

export function DisputeExport({ disputes, count }: { disputes: DisputesState; count: number }) {
  const { lang, busy } = usePane();
  const d = DISPUTE_TEXTS[lang];
  const s = usePaneStyles();
  const [text, setText] = useState<string | null>(null);
  const [removing, setRemoving] = useState(false);
  const canWorkbook = disputes.support?.newWorkbook ?? false;
  return (
    <section className={s.section} aria-labelledby="dispute-export-heading" data-testid="dispute-export">
      <h3 id="dispute-export-heading" className={s.subheading}>
        {d.exportHeading}
      </h3>
      <MessageBar intent="info" layout="multiline" data-testid="personal-data-notice">
        <MessageBarBody>{PERSONAL_DATA_NOTICE[lang]}</MessageBarBody>
      </MessageBar>
      <div className={s.row}>
        <Button size="small" disabled={count === 0} onClick={() => setText(disputes.exportText())} data-testid="export-text">
          {d.exportText}
        </Button>
        <Button size="small" disabled={count === 0 || busy !== null} onClick={() => void disputes.exportSheet()} data-testid="export-sheet">
          {d.exportSheet}
        </Button>
        <Button size="small" disabled={count === 0 || busy !== null || !canWorkbook} onClick={() => void disputes.exportWorkbook()} data-testid="export-workbook">
          {d.exportWorkbook}
        </Button>
      </div>
      {canWorkbook ? null : <p className={s.muted}>{d.exportNoWorkbook}</p>}
      {text !== null ? (
        <Field label={d.exportText}>
          <Textarea readOnly value={text} resize="vertical" onFocus={(e) => e.currentTarget.select()} data-testid="export-tsv" />
        </Field>
      ) : null}
      <div className={s.row}>
        <Button size="small" appearance="subtle" disabled={count === 0 || busy !== null} onClick={() => setRemoving(true)} data-testid="remove-all">
          {d.removeAll}
        </Button>
      </div>
      {removing ? (
        <ConfirmBar
          testId="remove-confirm"
          question={d.removeConfirm(count)}
          onCancel={() => setRemoving(false)}
          onConfirm={() => {
            setRemoving(false);
            void disputes.removeAll(count);
          }}
        />
      ) : null}
    </section>
  );
}
