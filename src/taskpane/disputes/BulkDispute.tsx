/** Dispute in bulk: all errors or all findings of one code, with the count confirmed first. */
import { useMemo, useState } from "react";
import { Button, Field, Select } from "@fluentui/react-components";
import { isDisputeReason, reasonRule, type BulkSelection, type Finding } from "../../core";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import { ConfirmBar } from "./ConfirmBar";
import { DISPUTE_TEXTS } from "./disputeTexts";
import type { DisputesState } from "./useDisputes";

const ALL_ERRORS = "__errors";

export function BulkDispute({ findings, disputes }: { findings: readonly Finding[]; disputes: DisputesState }) {
  const { lang, busy } = usePane();
  const d = DISPUTE_TEXTS[lang];
  const s = usePaneStyles();
  const codes = useMemo(() => [...new Set(findings.map((f) => f.code))].flatMap((c) => (isDisputeReason(c) ? [c] : [])).sort(), [findings]);
  const [which, setWhich] = useState(ALL_ERRORS);
  const [asked, setAsked] = useState<number | null>(null);
  const selection: BulkSelection = which === ALL_ERRORS || !isDisputeReason(which) ? { allErrors: true } : { code: which };
  const ask = () => setAsked(disputes.bulkCount(selection));
  return (
    <section className={s.section} aria-labelledby="bulk-heading" data-testid="bulk">
      <h3 id="bulk-heading" className={s.subheading}>
        {d.bulkHeading}
      </h3>
      <Field label={d.bulkWhich}>
        <Select
          value={which}
          onChange={(_e, v) => {
            setWhich(v.value);
            setAsked(null);
          }}
          data-testid="bulk-which"
        >
          <option value={ALL_ERRORS}>{d.bulkAllErrors}</option>
          {codes.map((c) => (
            <option key={c} value={c}>
              {reasonRule(c).label[lang]} ({findings.filter((f) => f.code === c).length})
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.row}>
        <Button size="small" onClick={ask} disabled={busy !== null} data-testid="bulk-start">
          {d.bulkStart}
        </Button>
      </div>
      {asked === 0 ? <p className={s.muted} data-testid="bulk-none">{d.bulkNone}</p> : null}
      {asked !== null && asked > 0 ? (
        <ConfirmBar
          testId="bulk-confirm"
          question={d.bulkConfirm(asked)}
          onCancel={() => setAsked(null)}
          onConfirm={() => {
            const n = asked;
            setAsked(null);
            void disputes.disputeBulk(selection, n);
          }}
        />
      ) : null}
    </section>
  );
}
