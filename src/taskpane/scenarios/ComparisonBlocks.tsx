/**
 * The comparison at 320 px: one block per municipality (and the totals), a line per scenario
 * with its amount and its difference against the baseline, and the break-even beside it.
 */
import type { Comparison, ComparisonLine } from "../../core";
import { usePane } from "../context/PaneContext";
import { formatFor } from "../shared/format";
import { usePaneStyles } from "../shared/styles";

export function ComparisonBlocks({ comparison, breakEven }: { comparison: Comparison; breakEven: Map<string, number>[] }) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  return (
    <div className={s.section} data-testid="scenario-comparison">
      <p className={s.muted} data-testid="scenario-baseline">
        {t.scenarioBaseline}: {comparison.scenarios[0]!.name[lang]}
      </p>
      {comparison.municipalities.map((line) => (
        <Block key={line.municipality} title={line.municipality} line={line} comparison={comparison} breakEven={breakEven.map((b) => b.get(line.municipality))} />
      ))}
      <Block title={t.scenarioTotal} line={comparison.totals} comparison={comparison} />
      {comparison.notes.map((n, i) => (
        <p key={i} className={s.muted}>
          {n[lang]}
        </p>
      ))}
    </div>
  );
}

interface BlockProps {
  title: string;
  line: ComparisonLine;
  comparison: Comparison;
  breakEven?: (number | undefined)[];
}

function Block({ title, line, comparison, breakEven }: BlockProps) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const f = formatFor(lang);
  const testId = `scenario-block-${title || "total"}`;
  return (
    <section aria-label={title} data-testid={testId}>
      <h4 className={s.subheading}>{title}</h4>
      <table className={s.table}>
        <thead>
          <tr>
            <th className={s.th} scope="col">{t.scenarioColumn}</th>
            <th className={`${s.th} ${s.num}`} scope="col">{t.scenarioAmount}</th>
            <th className={`${s.th} ${s.num}`} scope="col">{t.scenarioDifference}</th>
            {breakEven ? <th className={`${s.th} ${s.num}`} scope="col">{t.scenarioBreakEven}</th> : null}
          </tr>
        </thead>
        <tbody>
          {comparison.scenarios.map((sc, k) => (
            <tr key={sc.id} data-testid={`${testId}-${k}`}>
              <th className={s.td} scope="row">{k === 0 ? t.scenarioBaseline : sc.name[lang]}</th>
              <td className={`${s.td} ${s.num}`}>{f.money(line.values[k]?.amount ?? null)}</td>
              <td className={`${s.td} ${s.num}`} data-testid={`${testId}-${k}-diff`}>
                {k === 0 ? "" : f.signed(line.differences[k]?.amount ?? null)}
              </td>
              {breakEven ? <td className={`${s.td} ${s.num}`}>{breakEven[k] === undefined ? "–" : f.fixed(breakEven[k]!, 2)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
