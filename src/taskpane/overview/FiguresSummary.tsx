/** The totals the controller asks for first, and how many errors and warnings the review found. */
import type { FiguresResult, ReviewResult } from "../../core";
import { usePane } from "../context/PaneContext";
import { formatFor } from "../shared/format";
import { usePaneStyles } from "../shared/styles";

interface Props {
  totals: FiguresResult["totals"];
  counts: ReviewResult["counts"];
  /** false while the findings are being checked again for new choices. */
  countsCurrent: boolean;
}

export function FiguresSummary({ totals, counts, countsCurrent }: Props) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const f = formatFor(lang);
  const d = totals.difference;
  const verdict = d === null ? "" : d > 0 ? t.tooMuch : d < 0 ? t.tooLittle : t.noDifference;
  return (
    <div className={s.section} data-testid="figures-summary">
      <dl className={s.summary}>
        <dt>
          {t.computedAmount} <span className={s.muted}>{t.perAgreement}</span>
        </dt>
        <dd className={s.summaryValue} data-testid="total-amount">
          {f.kr(totals.amount)}
        </dd>
        <dt>{t.invoicedAmount}</dt>
        <dd className={s.summaryValue} data-testid="total-invoiced">
          {f.kr(totals.invoicedAmount)}
        </dd>
        <dt>{t.difference}</dt>
        <dd className={s.summaryValue} data-testid="total-difference">
          {d === null ? "–" : `${f.signed(d)}\u00a0${t.kronorUnit}`}
        </dd>
      </dl>
      <div className={s.muted} data-testid="difference-verdict">
        {verdict ? `${t.difference}: ${verdict}. ` : ""}
        {t.differenceExplained}
      </div>
      <div data-testid="severity-counts" className={countsCurrent ? undefined : s.stale} data-fresh={countsCurrent}>
        <strong>{t.errorsAndWarnings(counts.bySeverity.error, counts.bySeverity.warning)}</strong>
        {countsCurrent ? null : <span className={s.muted}> · {t.findingsStale}</span>}
      </div>
    </div>
  );
}
