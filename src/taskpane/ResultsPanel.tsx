/** The figures per municipality and period, exactly as the ReviewResult gives them. */
import { FIELD_LABELS, type GroupFigures, type ReviewResult } from "../core";
import { CODE_LABELS, type Lang, type Texts } from "./i18n";
import { privateText } from "./paneModel";
import { usePaneStyles } from "./styles";

interface Props {
  result: ReviewResult;
  texts: Texts;
  lang: Lang;
}

export function formatters(lang: Lang) {
  const locale = lang === "sv" ? "sv-SE" : "en-GB";
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return {
    n: (v: number | null, unknown: string) => (v === null ? unknown : number.format(v)),
    kr: (v: number | null, unknown: string) => (v === null ? unknown : `${money.format(v)} kr`),
  };
}

export function ResultsPanel({ result, texts, lang }: Props) {
  const s = usePaneStyles();
  const f = formatters(lang);
  const u = texts.unknown;
  const { groups, totals } = result.figures;
  const notRun = result.checks.filter((c) => !c.ran);
  const careLabel = (g: GroupFigures) => (g.careType === "somatic" ? texts.somatic : texts.psychiatric);
  return (
    <section className={s.section} aria-labelledby="results-heading" data-testid="results">
      <h2 id="results-heading" className={s.heading}>
        {texts.resultsHeading}: {result.profile.name[lang]}
      </h2>
      {result.sheets.map((sheet) => (
        <div key={sheet.name} className={s.muted} data-testid="sheet-summary">
          {texts.sheetRead(sheet.name, sheet.rows)}
          {sheet.skipped.length > 0
            ? ` ${texts.skippedRows}: ${sheet.skipped
                .map((k) => `${k.fromRow === k.toRow ? k.fromRow : `${k.fromRow}–${k.toRow}`} (${texts.skipReason[k.reason]})`)
                .join(", ")}.`
            : null}
        </div>
      ))}
      <h3 className={s.subheading} id="figures-heading">
        {texts.figuresHeading}
      </h3>
      <div className={s.scroll} role="region" aria-labelledby="figures-heading" tabIndex={0}>
        <table className={s.table} data-testid="figures-table">
          <thead>
            <tr>
              <th className={s.th} scope="col">{texts.municipality}</th>
              <th className={s.th} scope="col">{texts.period}</th>
              <th className={s.th} scope="col">{texts.careType}</th>
              <th className={`${s.th} ${s.num}`} scope="col">{texts.stays}</th>
              <th className={`${s.th} ${s.num}`} scope="col">{texts.days}</th>
              <th className={`${s.th} ${s.num}`} scope="col">{texts.average}</th>
              <th className={`${s.th} ${s.num}`} scope="col">{texts.benchmark}</th>
              <th className={`${s.th} ${s.num}`} scope="col">{texts.liableDays}</th>
              <th className={`${s.th} ${s.num}`} scope="col">{texts.amount}</th>
              <th className={`${s.th} ${s.num}`} scope="col">{texts.invoicedAmount}</th>
              <th className={`${s.th} ${s.num}`} scope="col">{texts.difference}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={`${g.municipality}|${g.careType}|${g.period}`} data-testid="figures-row">
                <th className={s.td} scope="row">{privateText(g.municipality, false)}</th>
                <td className={s.td}>{g.period}</td>
                <td className={s.td}>{careLabel(g)}</td>
                <td className={`${s.td} ${s.num}`}>{f.n(g.stays, u)}</td>
                <td className={`${s.td} ${s.num}`}>{f.n(g.days, u)}</td>
                <td className={`${s.td} ${s.num}`}>{f.n(g.average, u)}</td>
                <td className={`${s.td} ${s.num}`}>{f.n(g.benchmark, u)}</td>
                <td className={`${s.td} ${s.num}`}>{f.n(g.liableDays, u)}</td>
                <td className={`${s.td} ${s.num}`}>{f.kr(g.amount, u)}</td>
                <td className={`${s.td} ${s.num}`}>{f.kr(g.invoicedAmount, "–")}</td>
                <td className={`${s.td} ${s.num}`}>{f.kr(g.difference, "–")}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="figures-totals">
              <th className={s.td} scope="row" colSpan={3}>{texts.totals}</th>
              <td className={`${s.td} ${s.num}`}>{f.n(totals.stays, u)}</td>
              <td className={`${s.td} ${s.num}`}>{f.n(totals.days, u)}</td>
              <td className={s.td} />
              <td className={s.td} />
              <td className={`${s.td} ${s.num}`}>{f.n(totals.liableDays, u)}</td>
              <td className={`${s.td} ${s.num}`}>{f.kr(totals.amount, u)}</td>
              <td className={`${s.td} ${s.num}`}>{f.kr(totals.invoicedAmount, "–")}</td>
              <td className={`${s.td} ${s.num}`}>{f.kr(totals.difference, "–")}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {notRun.length > 0 ? (
        <div className={s.card}>
          <h3 className={s.subheading}>{texts.checksNotRun}</h3>
          <ul>
            {notRun.map((c) => (
              <li key={c.code} className={s.muted}>
                {CODE_LABELS[c.code][lang]}: {c.missingFields.map((x) => FIELD_LABELS[x][lang]).join(", ")}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <details open>
        <summary>
          {texts.assumptions} ({result.assumptions.length})
        </summary>
        <ul data-testid="result-assumptions">
          {result.assumptions.map((a, i) => (
            <li key={i} className={s.muted}>
              {privateText(a[lang], false)}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
