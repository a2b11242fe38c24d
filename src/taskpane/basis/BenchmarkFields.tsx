/**
 * The benchmark (average days) of an agreement that bills on the average: one field, or one per
 * care type where the agreement's somatic and psychiatric rules differ. Empty keeps the
 * agreement's own; an agreement that states none needs one, or no amount can be computed.
 */
import { Field as FluentField, Input } from "@fluentui/react-components";
import type { CareType } from "../../core";
import { usePane } from "../context/PaneContext";
import { benchmarkCareTypes, splitBenchmark, type useAgreement } from "../hooks/useAgreement";
import { parseBenchmark } from "../paneModel";

export function BenchmarkFields({ agreement }: { agreement: ReturnType<typeof useAgreement> }) {
  const { t } = usePane();
  const { preset } = agreement;
  const cares = benchmarkCareTypes(preset);
  if (cares.length === 0) return null;
  const careName = (c: CareType) => (c === "somatic" ? t.careTypeSomaticLower : t.careTypePsychiatricLower);
  if (!splitBenchmark(preset)) return <BenchmarkField id="benchmark-input" care={cares[0]} target="both" label={t.benchmarkLabel} agreement={agreement} />;
  return (
    <>
      {cares.map((c) => (
        <BenchmarkField key={c} id={`benchmark-${c}`} care={c} target={c} label={t.benchmarkFor(careName(c))} agreement={agreement} />
      ))}
    </>
  );
}

interface FieldProps {
  id: string;
  care: CareType;
  target: CareType | "both";
  label: string;
  agreement: ReturnType<typeof useAgreement>;
}

function BenchmarkField({ id, care, target, label, agreement }: FieldProps) {
  const { t, lang, busy } = usePane();
  const stated = agreement.preset[care].benchmark;
  const text = agreement.benchmarkText[care];
  const typed = parseBenchmark(text);
  const invalid = typed !== null && Number.isNaN(typed);
  return (
    <FluentField
      label={{ children: label, htmlFor: id }}
      validationState={invalid ? "error" : stated === null && typed === null ? "warning" : "none"}
      validationMessage={
        invalid ? t.benchmarkInvalid : stated === null ? t.benchmarkMissing : t.benchmarkGiven(stated.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB"))
      }
    >
      <Input
        id={id}
        inputMode="decimal"
        value={text}
        disabled={busy !== null}
        placeholder={stated === null ? "" : stated.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB")}
        onChange={(_e, d) => agreement.setBenchmark(target, d.value)}
      />
    </FluentField>
  );
}
