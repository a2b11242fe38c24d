/**
 * One finding: its severity and row (a control that selects the row in the sheet), the message in
 * words with related rows as links, the identity number masked unless revealed, the code last.
 */
import { Badge, Button } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core";
import { usePane } from "../context/PaneContext";
import { DISPUTE_TEXTS } from "../disputes/disputeTexts";
import { cellRef, findingText } from "../paneModel";
import { usePaneStyles } from "../shared/styles";
import { messagePieces } from "./findingText";

export const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

interface Props {
  finding: Finding;
  personId: string | null;
  /** Identity numbers in the message shown unmasked. */
  reveal: boolean;
  showSheet: boolean;
  selected: boolean;
  /** Roving-focus props for the item's controls (0: the row, 1…: related rows). */
  rove(sub: number): { "data-rove": string; tabIndex: number; onFocus(): void };
  onSelect(finding: Finding): void;
  onSelectRow(sheet: string, row: number): void;
  /** The row disputed already, or a dispute with the finding's code as reason. */
  dispute?: { disputed: boolean; onDispute(): void };
}

export function FindingItem({ finding: f, personId, reveal, showSheet, selected, rove, onSelect, onSelectRow, dispute }: Props) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const { pieces, extra } = messagePieces(findingText(f, lang, reveal), f.relatedRows);
  let sub = 0;
  const link = (row: number, text: string) => (
    <button key={`${row}-${text}`} type="button" className={s.linkButton} {...rove(++sub)} onClick={() => onSelectRow(f.sheet, row)} data-testid="related-row">
      {text}
    </button>
  );
  const where = f.row !== null ? `${showSheet ? `${f.sheet} ` : ""}${t.row} ${f.row}${f.columns[0] ? ` (${cellRef(f)})` : ""}` : f.sheet || t.sheet;
  return (
    <li className={`${s.finding} ${selected ? s.selected : ""}`} data-testid="finding-item">
      <button
        type="button"
        className={s.findingButton}
        aria-current={selected ? "true" : undefined}
        aria-disabled={f.row === null ? true : undefined}
        data-testid="finding"
        data-row={f.row ?? ""}
        {...rove(0)}
        onClick={() => onSelect(f)}
      >
        <Badge appearance="filled" color={SEVERITY_COLOR[f.severity]} size="small">
          {t.severity[f.severity]}
        </Badge>{" "}
        <strong className={s.nowrap}>{where}</strong>
        {personId !== null ? <span data-testid="person-id" className={s.nowrap}> · {personId}</span> : null}
      </button>
      <div className={s.message}>
        {pieces.map((p, i) => ("row" in p ? link(p.row, p.text) : <span key={i}>{p.text}</span>))}
        {extra.length > 0 ? (
          <span>
            {" "}
            ({t.relatedRowsLabel} {extra.map((r) => link(r, t.relatedRow(r)))})
          </span>
        ) : null}
      </div>
      <div className={s.row}>
        <span className={s.code} data-testid="finding-code">{f.code}</span>
        {dispute?.disputed ? (
          <Badge appearance="tint" color="brand" size="small" data-testid="finding-disputed">
            {DISPUTE_TEXTS[lang].disputed}
          </Badge>
        ) : dispute ? (
          <Button size="small" appearance="subtle" {...rove(++sub)} onClick={dispute.onDispute} data-testid="finding-dispute">
            {DISPUTE_TEXTS[lang].dispute}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
