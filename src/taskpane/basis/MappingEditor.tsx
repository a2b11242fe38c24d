/** A dropdown per field: the header it is mapped to, or none; a reset to the reader's own mapping. */
import { Button, Field as FluentField, Select } from "@fluentui/react-components";
import { FIELD_LABELS, FIELDS, type Field } from "../../core";
import { usePane } from "../context/PaneContext";
import type { DetectedSheet } from "../hooks/useSheets";
import { headerOptions } from "../paneModel";
import { usePaneStyles } from "../shared/styles";

interface Props {
  sheet: DetectedSheet;
  onMap(sheet: string, field: Field, column: number | null): void;
  onReset(sheet: string): void;
}

export function MappingEditor({ sheet, onMap, onReset }: Props) {
  const { t, lang, busy } = usePane();
  const s = usePaneStyles();
  const { preview, detection } = sheet;
  const options = headerOptions(detection.mapping, detection.unmappedHeaders);
  const byField = new Map(detection.mapping.map((m) => [m.field, m]));
  // Mapped fields first (what the reader found), then the missing ones the user may map by hand.
  const fields: Field[] = [...detection.mapping.map((m) => m.field), ...FIELDS.filter((f) => !byField.has(f))];
  const idBase = `sheet-${preview.name.replace(/[^A-Za-z0-9]/g, "_")}`;
  return (
    <div className={s.section}>
      {fields.map((field) => {
        const m = byField.get(field);
        const id = `${idBase}-${field}`;
        return (
          <FluentField key={field} label={{ children: FIELD_LABELS[field][lang], htmlFor: id }} size="small">
            <Select
              id={id}
              size="small"
              disabled={busy !== null}
              value={m ? String(m.column) : ""}
              data-field={field}
              onChange={(_e, data) => onMap(preview.name, field, data.value === "" ? null : Number(data.value))}
            >
              <option value="">{t.notMapped}</option>
              {options.map((o) => (
                <option key={o.column} value={String(o.column)}>
                  {o.letter}: {o.header}
                </option>
              ))}
            </Select>
          </FluentField>
        );
      })}
      {sheet.overridden ? (
        <Button size="small" disabled={busy !== null} onClick={() => onReset(preview.name)}>
          {t.resetMapping}
        </Button>
      ) : null}
    </div>
  );
}
