/** Mark the rows with findings in the sheet, or clear the marks; the colours' legend; how many rows. */
import { Button } from "@fluentui/react-components";
import { MARK_COLORS } from "../../core";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";

interface Props {
  rowsWithFindings: number;
  markedRows: number | null;
  disabled: boolean;
  onMark(): void;
  onClear(): void;
}

export function MarksPanel({ rowsWithFindings, markedRows, disabled, onMark, onClear }: Props) {
  const { t, busy } = usePane();
  const s = usePaneStyles();
  return (
    <div className={s.card} role="group" aria-labelledby="marks-heading" data-testid="marks">
      <h3 id="marks-heading" className={s.subheading}>
        {t.marksHeading}
      </h3>
      <div className={s.row}>
        <Button size="small" disabled={busy !== null || disabled} onClick={onMark} data-testid="mark">
          {t.markRows}
        </Button>
        <Button size="small" disabled={busy !== null} onClick={onClear} data-testid="clear">
          {t.clearMarks}
        </Button>
      </div>
      <div className={s.muted} data-testid="marked-count">
        {markedRows !== null ? t.rowsMarked(markedRows) : t.rowsToMark(rowsWithFindings)}
      </div>
      <ul className={s.legend} aria-label={t.marksLegend} data-testid="marks-legend">
        {(["error", "warning", "info"] as const).map((sev) => (
          <li key={sev} className={s.muted}>
            <span className={s.swatch} style={{ backgroundColor: MARK_COLORS[sev] }} aria-hidden="true" />
            {t.severity[sev]}
          </li>
        ))}
      </ul>
    </div>
  );
}
