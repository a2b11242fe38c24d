/** One invoice-basis sheet: what the reader found, what it is unsure of, and the mapping to correct. */
import { memo, useState } from "react";
import { Badge, Field as FluentField, Select } from "@fluentui/react-components";
import { FIELD_LABELS, type CareType, type Field } from "../../core";
import { usePane } from "../context/PaneContext";
import type { DetectedSheet } from "../hooks/useSheets";
import { usePaneStyles } from "../shared/styles";
import { uncertainFields } from "./basisModel";
import { CARE_TYPE_TEXTS } from "./careTypeTexts";
import { MappingEditor } from "./MappingEditor";

interface Props {
  sheet: DetectedSheet;
  onMap(sheet: string, field: Field, column: number | null): void;
  onReset(sheet: string): void;
  /** The user's care type for the sheet; undefined: as the reader decides. */
  careType?: CareType;
  onCareType?(sheet: string, care: CareType | null): void;
}

/** An id per sheet for the label (sheet names may hold spaces and any character but a few). */
const careId = (sheet: string) => `care-type-${encodeURIComponent(sheet).replace(/%/g, "_")}`;

/** Memoised: typing a benchmark re-renders the basis section, not every mapping dropdown. */
export const SheetCard = memo(function SheetCard({ sheet, onMap, onReset, careType, onCareType }: Props) {
  const { t, lang, busy } = usePane();
  const c = CARE_TYPE_TEXTS[lang];
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
      {onCareType ? (
        <FluentField label={{ children: c.label, htmlFor: careId(preview.name) }} hint={c.hint} size="small">
          <Select
            id={careId(preview.name)}
            size="small"
            value={careType ?? "auto"}
            disabled={busy !== null}
            onChange={(_e, d) => onCareType(preview.name, d.value === "auto" ? null : (d.value as CareType))}
            data-testid="care-type-select"
          >
            <option value="auto">{c.auto}</option>
            <option value="somatic">{c.somatic}</option>
            <option value="psychiatric">{c.psychiatric}</option>
          </Select>
        </FluentField>
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
