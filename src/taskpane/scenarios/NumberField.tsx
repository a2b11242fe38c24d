/**
 * A number typed into a scenario: the text the user types is kept as typed; a value that is not
 * a number, or that the core's schema refuses, is a message at the field (never clamped). An
 * optional field takes an empty text as "none" (null), which the schema may still refuse.
 */
import { useState } from "react";
import { Field, Input } from "@fluentui/react-components";
import { usePane } from "../context/PaneContext";

interface BaseProps {
  id: string;
  label: string;
  value: number | null;
  whole?: boolean;
  hint?: string;
}

/** onValue applies a valid number and returns the core's problems (empty when applied). */
export type NumberFieldProps = BaseProps &
  ({ optional?: false; onValue(value: number): string[] } | { /** Empty means null (no value). */ optional: true; onValue(value: number | null): string[] });

export function NumberField(props: NumberFieldProps) {
  const { id, label, value, whole = false, optional = false, hint } = props;
  const onValue = props.onValue as (value: number | null) => string[];
  const { t, lang } = usePane();
  const [text, setText] = useState(value === null ? "" : value.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB", { useGrouping: false, maximumFractionDigits: 6 }));
  const [problem, setProblem] = useState<string | null>(null);
  const typed = (raw: string) => {
    setText(raw);
    const n = optional && raw.trim() === "" ? null : parseNumber(raw, whole);
    if (n === undefined) return setProblem(whole ? t.scenarioWholeInvalid(raw) : t.scenarioNumberInvalid(raw));
    const problems = onValue(n);
    setProblem(problems.length ? problems.join(" ") : null);
  };
  return (
    <Field label={{ children: label, htmlFor: id }} hint={hint} validationState={problem ? "error" : "none"} validationMessage={problem ?? undefined}>
      <Input id={id} inputMode={whole ? "numeric" : "decimal"} value={text} onChange={(_e, d) => typed(d.value)} data-testid={id} />
    </Field>
  );
}

/** "2,5" and "2.5" alike; undefined for anything that is not a plain non-negative number. */
function parseNumber(raw: string, whole: boolean): number | undefined {
  const s = raw.trim().replace(",", ".");
  const ok = whole ? /^\d+$/.test(s) : /^\d+(\.\d+)?$/.test(s);
  return ok ? Number(s) : undefined;
}
