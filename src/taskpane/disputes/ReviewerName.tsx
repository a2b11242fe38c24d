/** The reviewer's name: asked once, then shown with a way to change it. */
import { useState } from "react";
import { Button, Field, Input } from "@fluentui/react-components";
import type { Writer } from "../../core";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import { DISPUTE_TEXTS } from "./disputeTexts";

export function ReviewerName({ writer, onName }: { writer: Writer | null; onName(name: string): void }) {
  const { lang } = usePane();
  const d = DISPUTE_TEXTS[lang];
  const s = usePaneStyles();
  const [editing, setEditing] = useState(writer === null);
  const [name, setName] = useState(writer?.name ?? "");
  if (writer && !editing) {
    return (
      <div className={s.row} data-testid="reviewer">
        <span>{d.reviewer(writer.name)}</span>
        <Button size="small" appearance="subtle" onClick={() => setEditing(true)}>
          {d.changeName}
        </Button>
      </div>
    );
  }
  const save = () => {
    if (!name.trim()) return;
    onName(name);
    setEditing(false);
  };
  return (
    <form
      className={s.section}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      data-testid="reviewer-form"
    >
      {writer ? null : <p className={s.muted}>{d.nameAsked}</p>}
      <Field label={d.nameLabel}>
        <Input value={name} onChange={(_e, v) => setName(v.value)} data-testid="reviewer-name" />
      </Field>
      <div className={s.row}>
        <Button type="submit" appearance="primary" size="small" disabled={!name.trim()} data-testid="reviewer-save">
          {d.nameSave}
        </Button>
      </div>
    </form>
  );
}
