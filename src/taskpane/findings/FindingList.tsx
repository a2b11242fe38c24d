/** One page of findings as a single Tab stop; after paging, focus and scroll go to its first finding. */
import { forwardRef, useImperativeHandle, useState } from "react";
import type { Finding, SheetGrid, SheetSummary } from "../../core";
import { usePane } from "../context/PaneContext";
import type { DisputesState } from "../disputes/useDisputes";
import { useRovingFocus } from "../hooks/useRovingFocus";
import { maskPersonId, personIdOnRow } from "../paneModel";
import { usePaneStyles } from "../shared/styles";
import { FindingItem } from "./FindingItem";

interface Props {
  items: readonly Finding[];
  /** Changes with each page or filter: the roving focus starts over. */
  pageKey: string;
  grids: ReadonlyMap<string, SheetGrid>;
  sheets: readonly SheetSummary[];
  reveal: boolean;
  onSelectRow(sheet: string, row: number): void;
  disputes?: DisputesState;
}

export interface FindingListHandle {
  focusFirst(): void;
}

export const FindingList = forwardRef<FindingListHandle, Props>(function FindingList(props, ref) {
  const { items, pageKey, grids, sheets, reveal, onSelectRow, disputes } = props;
  const { t } = usePane();
  const s = usePaneStyles();
  const [selected, setSelected] = useState<Finding | null>(null);
  const { listRef, onKeyDown, rove, focusFirst } = useRovingFocus<HTMLUListElement>(items.length, pageKey);
  useImperativeHandle(ref, () => ({ focusFirst }), [focusFirst]);
  const select = (f: Finding) => {
    setSelected(f);
    if (f.row !== null) onSelectRow(f.sheet, f.row);
  };
  return (
    <ul ref={listRef} className={s.list} aria-label={`${t.findingsHeading}. ${t.listHint}`} onKeyDown={onKeyDown} data-testid="finding-list">
      {items.map((f, i) => {
        const raw = personIdOnRow(f, grids, sheets);
        return (
          <FindingItem
            key={`${pageKey}-${i}`}
            finding={f}
            personId={raw === null ? null : reveal ? raw : maskPersonId(raw)}
            reveal={reveal}
            showSheet={sheets.length > 1}
            selected={selected === f}
            rove={(sub) => rove(i, sub)}
            onSelect={select}
            onSelectRow={onSelectRow}
            dispute={disputes && f.row !== null ? { disputed: disputes.isDisputed(f), onDispute: () => void disputes.disputeFinding(f) } : undefined}
          />
        );
      })}
    </ul>
  );
});
