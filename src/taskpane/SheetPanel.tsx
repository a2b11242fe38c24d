/** The invoice-basis sheets found, each with its column mapping the user can correct. */
import { Badge, Button, Field as FluentField, Select } from "@fluentui/react-components";
import { FIELD_LABELS, FIELDS, type Field, type SheetPreview } from "../core";
import type { SheetDetection } from "./engine";
import type { Lang, Texts } from "./i18n";
import { headerOptions } from "./paneModel";
import { usePaneStyles } from "./styles";

export interface DetectedSheet {
  preview: SheetPreview;
  detection: SheetDetection;
  isInvoice: boolean;
  overridden: boolean;
}

interface Props {
  sheets: DetectedSheet[];
  texts: Texts;
  lang: Lang;
  disabled: boolean;
  onMap(sheet: string, field: Field, column: number | null): void;
  onReset(sheet: string): void;
}

export function SheetPanel({ sheets, texts, lang, disabled, onMap, onReset }: Props) {
  const s = usePaneStyles();
  const invoice = sheets.filter((x) => x.isInvoice);
  const others = sheets.filter((x) => !x.isInvoice);
  return (
    <section className={s.section} aria-labelledby="sheets-heading">
      <h2 id="sheets-heading" className={s.heading}>
        {texts.sheetsHeading}
      </h2>
      {invoice.map((sheet) => (
        <SheetCard key={sheet.preview.name} sheet={sheet} texts={texts} lang={lang} disabled={disabled} onMap={onMap} onReset={onReset} />
      ))}
      {others.length > 0 ? (
        <p className={s.muted}>
          {texts.otherSheets}: {others.map((o) => o.preview.name).join(", ")}
        </p>
      ) : null}
    </section>
  );
}

function SheetCard({ sheet, texts, lang, disabled, onMap, onReset }: { sheet: DetectedSheet } & Omit<Props, "sheets">) {
  const s = usePaneStyles();
  const { preview, detection } = sheet;
  const options = headerOptions(detection.mapping, detection.unmappedHeaders);
  const byField = new Map(detection.mapping.map((m) => [m.field, m]));
  // Mapped fields first (what the reader found), then the missing ones the user may map by hand.
  const fields: Field[] = [...detection.mapping.map((m) => m.field), ...FIELDS.filter((f) => !byField.has(f))];
  const idBase = `sheet-${preview.name.replace(/[^A-Za-z0-9]/g, "_")}`;
  return (
    <div className={s.card} data-testid="sheet-card" data-sheet={preview.name}>
      <h3 className={s.subheading}>{preview.name}</h3>
      <div className={s.muted}>
        {texts.headerRow} {detection.headerRow ?? "–"} · {preview.rowCount} {texts.rows} · {texts.confidence}{" "}
        {Math.round(detection.confidence * 100)} %
      </div>
      {preview.isProtected ? (
        <Badge appearance="tint" color="warning">
          {texts.protectedSheet}
        </Badge>
      ) : null}
      <ul className={s.list} aria-label={`${texts.mappingHeading}: ${preview.name}`} data-testid="mapping-list">
        {detection.mapping.map((m) => (
          <li key={m.field} className={s.muted}>
            <strong>{FIELD_LABELS[m.field][lang]}</strong> ← {m.letter}: {m.header} ({Math.round(m.confidence * 100)} %)
          </li>
        ))}
      </ul>
      <details>
        <summary>{texts.editMapping}</summary>
        <div className={s.section}>
          {fields.map((field) => {
            const m = byField.get(field);
            const id = `${idBase}-${field}`;
            return (
              <FluentField
                key={field}
                label={{ children: FIELD_LABELS[field][lang], htmlFor: id }}
                hint={m ? `${m.letter}: ${m.header} · ${Math.round(m.confidence * 100)} %` : texts.notMapped}
                size="small"
              >
                <Select
                  id={id}
                  size="small"
                  disabled={disabled}
                  value={m ? String(m.column) : ""}
                  data-field={field}
                  onChange={(_e, data) => onMap(preview.name, field, data.value === "" ? null : Number(data.value))}
                >
                  <option value="">{texts.notMapped}</option>
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
            <Button size="small" disabled={disabled} onClick={() => onReset(preview.name)}>
              {texts.resetMapping}
            </Button>
          ) : null}
        </div>
      </details>
    </div>
  );
}
