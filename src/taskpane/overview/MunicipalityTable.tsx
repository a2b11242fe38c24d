/**
 * One line per municipality: computed, invoiced, difference (kronor). Its care types and periods
 * open below it. Amounts never wrap and names wrap only as a last resort, so it fits 320 px.
 */
import { Fragment, useState } from "react";
import { mergeClasses } from "@fluentui/react-components";
import { privateText, type AgreementProfile, type FiguresResult, type MunicipalityFigures } from "../../core";
import { usePane } from "../context/PaneContext";
import { formatFor } from "../shared/format";
import { usePaneStyles } from "../shared/styles";
import { GroupDetail } from "./GroupDetail";

interface Props {
  rows: MunicipalityFigures[];
  totals: FiguresResult["totals"];
  profile: AgreementProfile;
}

export function MunicipalityTable({ rows, totals, profile }: Props) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const f = formatFor(lang);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (name: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  const num = mergeClasses(s.td, s.num);
  return (
    <table className={s.table} data-testid="figures-table" aria-describedby="difference-note">
      <caption className={s.srOnly}>{t.figuresHeading}</caption>
      <thead>
        <tr>
          <th className={s.th} scope="col">{t.municipality}</th>
          <th className={mergeClasses(s.th, s.num)} scope="col">{t.computedAmount}</th>
          <th className={mergeClasses(s.th, s.num)} scope="col">{t.invoicedAmount}</th>
          <th className={mergeClasses(s.th, s.num)} scope="col">{t.difference}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => {
          const expanded = open.has(m.municipality);
          const detailId = `detail-${m.municipality.replace(/[^A-Za-z0-9åäöÅÄÖ]/g, "_")}`;
          return (
            <Fragment key={m.municipality}>
              <tr data-testid="figures-row" data-municipality={m.municipality}>
                <th className={s.td} scope="row">
                  <button
                    type="button"
                    className={s.disclosure}
                    aria-expanded={expanded}
                    aria-controls={expanded ? detailId : undefined}
                    onClick={() => toggle(m.municipality)}
                    data-testid="municipality-toggle"
                  >
                    <span aria-hidden="true">{expanded ? "▾" : "▸"}</span>
                    {privateText(m.municipality, false)}
                  </button>
                </th>
                <td className={num} data-testid="amount">{f.money(m.totals.amount)}</td>
                <td className={num} data-testid="invoiced">{f.money(m.totals.invoicedAmount)}</td>
                <td className={num} data-testid="difference">{f.signed(m.totals.difference)}</td>
              </tr>
              {expanded ? (
                <tr id={detailId} data-testid="figures-detail">
                  <td className={s.td} colSpan={4}>
                    {m.groups.map((g) => (
                      <GroupDetail key={`${g.careType}|${g.period}`} group={g} rules={profile[g.careType]} />
                    ))}
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
      <tfoot>
        <tr data-testid="figures-totals">
          <th className={s.td} scope="row">{t.totals}</th>
          <td className={num}>{f.money(totals.amount)}</td>
          <td className={num}>{f.money(totals.invoicedAmount)}</td>
          <td className={num}>{f.signed(totals.difference)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
