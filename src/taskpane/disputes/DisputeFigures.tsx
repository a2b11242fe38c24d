/**
 * The four figures side by side, per municipality and in total, as the core gives them. One small
 * table per municipality (figure, days, amount), so that 320 px is enough without scrolling.
 */
import type { FigureColumns, SideBySide } from "../../core";
import { usePane } from "../context/PaneContext";
import { formatFor } from "../shared/format";
import { usePaneStyles } from "../shared/styles";
import { DISPUTE_TEXTS } from "./disputeTexts";

function FigureTable({ title, c, testId }: { title: string; c: FigureColumns; testId: string }) {
  const { lang } = usePane();
  const d = DISPUTE_TEXTS[lang];
  const s = usePaneStyles();
  const f = formatFor(lang);
  const rows: [string, string, number | null, number | null][] = [
    ["invoiced", d.invoiced, c.invoicedDays, c.invoicedAmount],
    ["recomputed", d.recomputed, c.days, c.amount],
    ["after", d.afterDisputes, c.daysAfterDisputes, c.amountAfterDisputes],
    ["errors", d.ifErrors, c.daysIfErrorsUpheld, c.amountIfErrorsUpheld],
  ];
  return (
    <table className={s.table} data-testid={testId}>
      <caption className={s.subheading} style={{ textAlign: "left" }}>
        {title}
      </caption>
      <thead>
        <tr>
          <th className={s.th} scope="col">
            {d.figureColumn}
          </th>
          <th className={`${s.th} ${s.num}`} scope="col">
            {d.days}
          </th>
          <th className={`${s.th} ${s.num}`} scope="col">
            {d.amount}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([id, label, days, amount]) => (
          <tr key={id} data-testid={`figure-${id}`}>
            <th className={s.td} scope="row" style={{ fontWeight: "normal" }}>
              {label}
            </th>
            <td className={`${s.td} ${s.num}`}>{days === null ? "–" : f.fixed(days, Number.isInteger(days) ? 0 : 2)}</td>
            <td className={`${s.td} ${s.num}`} data-testid="amount">
              {f.kr(amount)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `folded`: the municipalities' tables behind one disclosure (the overview, where the table above already lists them). */
export function DisputeFigures({ figures, folded = false }: { figures: SideBySide; folded?: boolean }) {
  const { lang } = usePane();
  const d = DISPUTE_TEXTS[lang];
  const s = usePaneStyles();
  return (
    <section className={s.section} aria-labelledby="dispute-figures-heading" data-testid="dispute-figures">
      <h3 id="dispute-figures-heading" className={s.subheading}>
        {d.figuresHeading}
      </h3>
      <FigureTable title={figures.municipalities.length === 1 ? `${figures.municipalities[0].municipality} · ${d.total}` : d.total} c={figures.totals} testId="figures-total" />
      {figures.municipalities.length > 1 ? (
        folded ? (
          <details data-testid="figures-by-municipality">
            <summary>{d.perMunicipality(figures.municipalities.length)}</summary>
            {figures.municipalities.map((m) => (
              <FigureTable key={m.municipality} title={m.municipality} c={m} testId="figures-municipality" />
            ))}
          </details>
        ) : (
          figures.municipalities.map((m) => <FigureTable key={m.municipality} title={m.municipality} c={m} testId="figures-municipality" />)
        )
      ) : null}
    </section>
  );
}
