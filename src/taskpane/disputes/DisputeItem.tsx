/**
 * One dispute: the reason in words, the comment, who and when, the stay's figures at that moment
 * and where it was last seen; orphaned or changed stays said as such. Edit and withdraw.
 */
import { useState } from "react";
import { Badge, Button, Field, Select, Textarea } from "@fluentui/react-components";
import { DISPUTE_REASONS, isDisputeReason, reasonRule, type Dispute, type DisputeReason } from "../../core";
import { usePane } from "../context/PaneContext";
import { formatFor } from "../shared/format";
import { usePaneStyles } from "../shared/styles";
import { DISPUTE_TEXTS } from "./disputeTexts";

export type DisputeStanding = "found" | "changed" | "orphaned";

interface Props {
  dispute: Dispute;
  standing: DisputeStanding;
  /** Where the stay is now (found ones), else where it was last seen. */
  where: { sheet: string; row: number };
  onEdit(change: { reason: DisputeReason; comment: string }): Promise<boolean>;
  onWithdraw(): void;
}

export function DisputeItem({ dispute: x, standing, where, onEdit, onWithdraw }: Props) {
  const { lang, busy } = usePane();
  const d = DISPUTE_TEXTS[lang];
  const s = usePaneStyles();
  const f = formatFor(lang);
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState<DisputeReason>(x.reason);
  const [comment, setComment] = useState(x.comment);
  const who = x.stay.stayId ?? x.stay.municipality ?? "";
  return (
    <li className={s.finding} data-testid="dispute-item" data-standing={standing}>
      <div className={s.row}>
        <strong>{reasonRule(x.reason).label[lang]}</strong>
        {standing !== "found" ? (
          <Badge appearance="tint" color={standing === "orphaned" ? "danger" : "warning"} data-testid="dispute-standing">
            {standing === "orphaned" ? d.orphaned : d.changed}
          </Badge>
        ) : null}
      </div>
      {x.comment ? <div data-testid="dispute-comment">{x.comment}</div> : null}
      <div className={s.muted}>
        {who ? `${who} · ` : ""}
        {d.lastSeen(where.sheet, where.row)} · {d.byAt(x.by, x.at.slice(0, 16).replace("T", " "))}
      </div>
      <div className={s.muted} data-testid="dispute-stay-figures">
        {d.days} {f.fixed(x.figures.days, 0)} · {d.liable} {x.figures.liableDays === null ? "–" : f.fixed(x.figures.liableDays, 2)} · {d.amount} {f.kr(x.figures.amount)}
      </div>
      {editing ? (
        <form
          className={s.section}
          onSubmit={(e) => {
            e.preventDefault();
            void onEdit({ reason, comment }).then((ok) => ok && setEditing(false));
          }}
        >
          <Field label={d.reason}>
            <Select value={reason} onChange={(_e, v) => isDisputeReason(v.value) && setReason(v.value)} data-testid="edit-reason">
              {DISPUTE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {reasonRule(r).label[lang]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={d.comment}>
            <Textarea value={comment} onChange={(_e, v) => setComment(v.value)} maxLength={4000} data-testid="edit-comment" />
          </Field>
          <div className={s.row}>
            <Button type="submit" size="small" appearance="primary" disabled={busy !== null} data-testid="edit-save">
              {d.save}
            </Button>
            <Button size="small" onClick={() => setEditing(false)}>
              {d.cancel}
            </Button>
          </div>
        </form>
      ) : (
        <div className={s.row}>
          <Button size="small" onClick={() => setEditing(true)} disabled={busy !== null} data-testid="dispute-edit">
            {d.edit}
          </Button>
          <Button size="small" appearance="subtle" onClick={onWithdraw} disabled={busy !== null} data-testid="dispute-withdraw">
            {d.withdraw}
          </Button>
        </div>
      )}
    </li>
  );
}
