/** One invoice-basis sheet: what the reader found, what it is unsure of, and the mapping to correct. */
import { memo, useState } from "react";
import { Badge } from "@fluentui/react-components";
import { FIELD_LABELS, type Field } from "../../core";
import { usePane } from "../context/PaneContext";
import type { DetectedSheet } from "../hooks/useSheets";
import { usePaneStyles } from "../shared/styles";
import { uncertainFields } from "./basisModel";
import { MappingEditor } from "./MappingEditor";

interface Props {
  sheet: DetectedSheet;
  onMap(sheet: string, field: Field, column: number | null): void;
  onReset(sheet: string): void;
}

/** Memoised: typing a benchmark re-renders the basis section, not every mapping dropdown. */
export const SheetCard = memo(function SheetCard({ sheet, onMap, onReset }: Props) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const { preview, detection } = sheet;
  const unsure = uncertainFields(sheet);
  const byField = new Map(detection.mapping.map((m) => [m.field, m]));
  const [editing, setEditing] = useState(unsure.length > 0);
  return (
    <div className={s.section} data-testid="sheet-card" data-sheet={preview.name}>
      <h3 className={s.subheading}>{preview.name}</h3>
      <div className={s.muted}>
        {t.headerRow} {detection.headerRow ?? "–"} · {preview.rowCount} {t.rows} · {t.confidence} {Math.round(detection.confidence * 100)} %
      </div>
      {preview.isProtected ? (
        <Badge appearance="tint" color="warning">
          {t.protectedSheet}
        </Badge>
      ) : null}
      {unsure.length > 0 ? (
        <ul className={s.list} data-testid="uncertain-fields">
          {unsure.map((f) => {
            const m = byField.get(f);
            return (
              <li key={f} className={s.muted}>
                <strong>{FIELD_LABELS[f][lang]}</strong>: {m ? `${m.letter}: ${m.header} (${Math.round(m.confidence * 100)} %)` : t.notMapped}
              </li>
            );
          })}
        </ul>
      ) : null}
      <details open={editing} onToggle={(e) => setEditing(e.currentTarget.open)}>
        <summary>
          {t.editMapping} ({detection.mapping.length})
        </summary>
        <ul className={s.list} aria-label={`${t.mappingHeading}: ${preview.name}`} data-testid="mapping-list">
          {detection.mapping.map((m) => (
            <li key={m.field} className={s.muted}>
              <strong>{FIELD_LABELS[m.field][lang]}</strong> ← {m.letter}: {m.header} ({Math.round(m.confidence * 100)} %)
            </li>
          ))}
        </ul>
        {/* The dropdowns exist only while open: 21 of them cost a render on every keystroke elsewhere. */}
        {editing ? <MappingEditor sheet={sheet} onMap={onMap} onReset={onReset} /> : null}
      </details>
    </div>
  );
});
