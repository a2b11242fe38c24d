/** One care type and period of a municipality: stays, days, average and the amounts, one per line. */
import type { CareRules, GroupFigures } from "../../core";
import { usePane } from "../context/PaneContext";
import { formatFor } from "../shared/format";
import { usePaneStyles } from "../shared/styles";

export function GroupDetail({ group: g, rules }: { group: GroupFigures; rules: CareRules }) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const f = formatFor(lang);
  const r = rules.rounding;
  const lines: [string, string][] = [
    [t.stays, f.count(g.stays)],
    [t.days, f.count(g.days)],
    [t.average, f.fixed(g.average, r.averageDecimals)],
    [t.benchmark, f.fixed(g.benchmark, r.averageDecimals)],
    [t.liableDays, f.fixed(g.liableDays, r.liableDaysDecimals)],
    [t.computedAmount, f.kr(g.amount)],
    [t.invoicedAmount, f.kr(g.invoicedAmount)],
    [t.difference, g.difference === null ? "–" : `${f.signed(g.difference)}\u00a0${t.kronorUnit}`],
  ];
  return (
    <div data-testid="group-detail">
      <strong>
        {g.careType === "somatic" ? t.somatic : t.psychiatric} · <span className={s.nowrap}>{g.period}</span>
      </strong>
      <dl className={s.detail}>
        {lines.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd className={s.summaryValue} style={{ fontWeight: "normal" }}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
