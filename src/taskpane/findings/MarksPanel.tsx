/**
 * Mark the rows with findings in the sheet, or clear the marks; the colours' legend; how many
 * rows. Where marks follow the rows by key, whether sorts are seen as they happen, and (where
 * they are not) a button that places the marks again.
 */
import { Button } from "@fluentui/react-components";
import { DISPUTED_MARK_COLOR, MARK_COLORS } from "../../core";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import { MARK_TEXTS } from "./markTexts";

interface Props {
  rowsWithFindings: number;
  markedRows: number | null;
  disabled: boolean;
  onMark(): void;
  onClear(): void;
  /** null: marks by row number; else whether a sort is seen as it happens. */
  followsSorts?: boolean | null;
  /** Shown where disputes exist: the disputed colour joins the legend. */
  disputes?: boolean;
  onPlaceAgain?(): void;
}

export function MarksPanel({ rowsWithFindings, markedRows, disabled, onMark, onClear, followsSorts = null, disputes = false, onPlaceAgain }: Props) {
  const { t, lang, busy } = usePane();
  const m = MARK_TEXTS[lang];
  const s = usePaneStyles();
  const legend = [
    ...(disputes ? [{ key: "disputed", color: DISPUTED_MARK_COLOR, label: m.disputedColour }] : []),
    ...(["error", "warning", "info"] as const).map((sev) => ({ key: sev, color: MARK_COLORS[sev], label: t.severity[sev] })),
  ];
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
        {followsSorts === false && onPlaceAgain ? (
          <Button size="small" disabled={busy !== null} onClick={onPlaceAgain} data-testid="marks-place-again">
            {m.placeAgain}
          </Button>
        ) : null}
      </div>
      <div className={s.muted} data-testid="marked-count">
        {markedRows !== null ? t.rowsMarked(markedRows) : t.rowsToMark(rowsWithFindings)}
      </div>
      {followsSorts !== null ? (
        <div className={s.muted} data-testid="marks-follow">
          {followsSorts ? m.followsSorts : m.noSortEvents}
        </div>
      ) : null}
      <ul className={s.legend} aria-label={t.marksLegend} data-testid="marks-legend">
        {legend.map((l) => (
          <li key={l.key} className={s.muted}>
            <span className={s.swatch} style={{ backgroundColor: l.color }} aria-hidden="true" />
            {l.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
