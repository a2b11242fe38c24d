/** The workbook's active disputes: found ones at their current row, then changed, then orphaned. */
import type { DisputeMatch } from "../../core";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import { DisputeItem } from "./DisputeItem";
import { DISPUTE_TEXTS } from "./disputeTexts";
import type { DisputesState } from "./useDisputes";

export function DisputeList({ match, disputes }: { match: DisputeMatch; disputes: DisputesState }) {
  const { lang } = usePane();
  const d = DISPUTE_TEXTS[lang];
  const s = usePaneStyles();
  const items = [
    ...match.found.map((m) => ({ dispute: m.dispute, standing: "found" as const, where: m.stay })),
    ...match.changed.map((m) => ({ dispute: m.dispute, standing: "changed" as const, where: m.stay })),
    ...match.orphaned.map((x) => ({ dispute: x, standing: "orphaned" as const, where: x })),
  ];
  return (
    <section className={s.section} aria-labelledby="dispute-list-heading">
      <h3 id="dispute-list-heading" className={s.subheading}>
        {d.listHeading(items.length)}
      </h3>
      {items.length === 0 ? <p className={s.muted}>{d.none}</p> : null}
      <ul className={s.list} data-testid="dispute-list">
        {items.map((i) => (
          <DisputeItem
            key={i.dispute.key}
            dispute={i.dispute}
            standing={i.standing}
            where={{ sheet: i.where.sheet, row: i.where.row }}
            onEdit={(change) => disputes.edit(i.dispute.key, change)}
            onWithdraw={() => void disputes.withdraw(i.dispute.key)}
          />
        ))}
      </ul>
    </section>
  );
}
