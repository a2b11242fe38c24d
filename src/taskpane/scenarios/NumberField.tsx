/**
 * A number typed into a scenario: the text the user types is kept as typed; a value that is not
 * a number, or that the core's schema refuses, is a message at the field (never clamped).
 */
import { useState } from "react";
import { Field, Input } from "@fluentui/react-components";
import { usePane } from "../context/PaneContext";

export interface NumberFieldProps {
  id: string;
  label: string;
  value: number | null;
  whole?: boolean;
  /** Applies a valid number; returns the core's problems (empty when applied). */
  onValue(value: number): string[];
}

export function NumberField({ id, label, value, whole = false, onValue }: NumberFieldProps) {
  const { t, lang } = usePane();
  const [text, setText] = useState(value === null ? "" : value.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB"));
  const [problem, setProblem] = useState<string | null>(null);
  const typed = (raw: string) => {
    setText(raw);
    const n = parseNumber(raw, whole);
    if (n === null) return setProblem(whole ? t.scenarioWholeInvalid(raw) : t.scenarioNumberInvalid(raw));
    const problems = onValue(n);
    setProblem(problems.length ? problems.join(" ") : null);
  };
  return (
    <Field label={{ children: label, htmlFor: id }} validationState={problem ? "error" : "none"} validationMessage={problem ?? undefined}>
      <Input id={id} inputMode={whole ? "numeric" : "decimal"} value={text} onChange={(_e, d) => typed(d.value)} data-testid={id} />
    </Field>
  );
}

/** "2,5" and "2.5" alike; null for anything that is not a plain non-negative number. */
function parseNumber(raw: string, whole: boolean): number | null {
  const s = raw.trim().replace(",", ".");
  const ok = whole ? /^\d+$/.test(s) : /^\d+(\.\d+)?$/.test(s);
  return ok ? Number(s) : null;
}
