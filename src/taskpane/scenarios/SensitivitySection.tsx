/**
 * The sensitivity chart's section: which scenario the curve is for, its range (validated by the
 * core's own rule, a message at the field it is about), the curve from the core
 * (sensitivityCurve, recomputed on every change), and the curve's lines in words.
 */
import { useMemo, useState } from "react";
import { Field, Input, Select } from "@fluentui/react-components";
import {
  sensitivityCurve,
  sensitivityPoints,
  type AgreementProfile,
  type CareRules,
  type CareType,
  type Comparison,
  type FigureBasis,
  type RangeField,
  type SensitivityCurve,
  type SensitivityVariable,
} from "../../core";
import { usePane } from "../context/PaneContext";
import { formatFor } from "../shared/format";
import { usePaneStyles } from "../shared/styles";
import { useFitStyles } from "./fit";
import { lineStyle, SensitivityChart, Swatch, type ChartLineView, type MarkerView } from "./SensitivityChart";
import { SCENARIO_TEXTS } from "./scenarioTexts";

const CARE_TYPES: readonly CareType[] = ["somatic", "psychiatric"];

/** The pane draws at most this many points (the core allows more; a table of them is read aloud). */
export const CHART_MAX_POINTS = 201;

export interface Range {
  from: number;
  to: number;
  step: number;
}

/** The value the curve varies: the benchmark where a care type averages, else the grace days (the core's default). */
export function variableOf(profile: AgreementProfile): SensitivityVariable {
  return [profile.somatic, profile.psychiatric].some((r) => r.kind !== "individual") ? "benchmark" : "graceDays";
}

/** The profile's own values of the variable, from the care types whose rule takes it (and, given `present`, that the basis has stays of). */
export function settingsOf(profile: AgreementProfile, variable: SensitivityVariable, present?: ReadonlySet<CareType>): number[] {
  const takes = (r: CareRules) => (variable === "benchmark" ? r.kind !== "individual" : r.kind === "individual");
  const values = CARE_TYPES.filter((c) => !present || present.has(c))
    .map((c) => profile[c])
    .filter(takes)
    .map((r) => (variable === "benchmark" ? r.benchmark : r.graceDays));
  return [...new Set(values.filter((v): v is number => v !== null))];
}

/** A range around the baseline's setting: three days of benchmark by 0.1, or 0–10 grace days. */
export function defaultRange(profile: AgreementProfile, variable: SensitivityVariable): Range {
  if (variable === "graceDays") return { from: 0, to: 10, step: 1 };
  const at = settingsOf(profile, variable)[0] ?? 2;
  const from = Math.max(0, Math.round(at) - 1);
  return { from, to: from + 3, step: 0.1 };
}

export interface SensitivitySectionProps {
  basis: FigureBasis;
  baseline: AgreementProfile;
  profiles: readonly AgreementProfile[];
  comparison: Comparison;
}

export function SensitivitySection({ basis, baseline, profiles, comparison }: SensitivitySectionProps) {
  const { t, lang } = usePane();
  const x = SCENARIO_TEXTS[lang];
  const s = usePaneStyles();
  const fit = useFitStyles();
  const [chosen, setChosen] = useState(baseline.id);
  const profile = profiles.find((p) => p.id === chosen) ?? baseline;
  const variable = variableOf(profile);
  return (
    <section className={s.section} aria-labelledby="sensitivity-heading" data-testid="sensitivity">
      <h4 id="sensitivity-heading" className={s.subheading}>
        {x.chartHeading}
      </h4>
      <Field label={{ children: x.chartFor, htmlFor: "sensitivity-for" }} className={fit.fit}>
        <Select id="sensitivity-for" className={fit.fit} select={{ className: fit.fit }} value={profile.id} onChange={(_e, d) => setChosen(d.value)} data-testid="sensitivity-for">
          {profiles.map((p, i) => (
            <option key={p.id} value={p.id}>
              {i === 0 ? `${t.scenarioBaseline}: ${p.name[lang]}` : p.name[lang]}
            </option>
          ))}
        </Select>
      </Field>
      {/* A new variable is a new range: benchmarks and grace days do not share one. */}
      <Curve key={variable} basis={basis} baseline={baseline} profile={profile} variable={variable} comparison={comparison} />
    </section>
  );
}

interface CurveProps {
  basis: FigureBasis;
  baseline: AgreementProfile;
  profile: AgreementProfile;
  variable: SensitivityVariable;
  comparison: Comparison;
}

function Curve({ basis, baseline, profile, variable, comparison }: CurveProps) {
  const { lang } = usePane();
  const [range, setRange] = useState(() => defaultRange(profile, variable));
  const result = useMemo(() => sensitivityCurve(basis, profile, { ...range, variable, maxPoints: CHART_MAX_POINTS }), [basis, profile, range, variable]);
  const f = formatFor(lang);
  const value = (v: number) => f.fixed(v, variable === "graceDays" ? 0 : decimalsOf(v));
  return (
    <>
      <RangeFields range={range} variable={variable} onRange={setRange} />
      {result.ok ? (
        <CurveView curve={result.curve} profile={profile} baseline={baseline} comparison={comparison} formatValue={value} />
      ) : (
        <p role="alert">{result.problem[lang]}</p>
      )}
    </>
  );
}

/** Up to two decimals, as many as the value has (2, 2.3, 2.35). */
function decimalsOf(v: number): number {
  return Number.isInteger(v) ? 0 : Number.isInteger(Math.round(v * 1e6) / 1e5) ? 1 : 2;
}

function CurveView({ curve, profile, baseline, comparison, formatValue }: { curve: SensitivityCurve; profile: AgreementProfile; baseline: AgreementProfile; comparison: Comparison; formatValue(v: number): string }) {
  const { t, lang } = usePane();
  const x = SCENARIO_TEXTS[lang];
  const s = usePaneStyles();
  const f = formatFor(lang);
  const compact = new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", { notation: "compact", maximumFractionDigits: 1 });
  const variableName = x.chartVariable[curve.variable];
  const lines: ChartLineView[] = [
    ...curve.municipalities.map((m) => ({ label: m.municipality, amounts: m.amounts })),
    { label: t.scenarioTotal, amounts: curve.total.amounts, total: true },
  ];
  // Only the care types the basis has stays of: a rule with no stays moves nothing on the curve.
  const present = new Set(curve.breakEven.map((b) => b.careType));
  const settings = settingsOf(profile, curve.variable, present);
  const markers: MarkerView[] = settings.map((v) => ({ kind: "setting" as const, value: v, label: x.chartSetting(profile.name[lang], formatValue(v)) }));
  if (profile.id !== baseline.id && variableOf(baseline) === curve.variable) {
    for (const v of settingsOf(baseline, curve.variable, present)) markers.push({ kind: "baseline", value: v, label: x.chartBaseline(formatValue(v)) });
  }
  const notes = new Map<string, string>();
  const seen = new Set<string>();
  for (const r of curve.references) {
    for (const n of r.notes) notes.set(n.sv, n[lang]);
    if (r.value === null || seen.has(`${r.careType}:${r.value}`)) continue;
    seen.add(`${r.careType}:${r.value}`);
    const care = r.careType === "somatic" ? x.careSomatic : x.carePsychiatric;
    markers.push({ kind: "reference", value: r.value, label: x.chartNational(r.fromPeriod ?? String(r.year), care, formatValue(r.value)) });
  }
  // The dot: the comparison's own total at the scenario's setting (one setting only: with two, no single point of the curve is the scenario).
  const k = comparison.scenarios.findIndex((c) => c.id === profile.id);
  const atSetting = k >= 0 ? (comparison.totals.values[k]?.amount ?? null) : null;
  const dot = settings.length === 1 && atSetting !== null ? { value: settings[0]!, amount: atSetting } : null;
  const first = curve.points[0]!;
  const last = curve.points[curve.points.length - 1]!;
  const breakEven = new Map(curve.municipalityBreakEven.map((b) => [b.municipality, b.value]));
  let municipalityIndex = 0;
  return (
    <>
      <SensitivityChart
        title={x.chartTitle(profile.name[lang], variableName, formatValue(first), formatValue(last))}
        description={x.chartDescription(lines.length)}
        axisLabel={x.chartAxis[curve.variable]}
        tableCaption={x.chartTableCaption(variableName)}
        points={curve.points}
        lines={lines}
        markers={markers}
        dot={dot}
        formatValue={formatValue}
        formatAmount={f.money}
        formatCompact={(v) => compact.format(v)}
        outsideLabel={x.chartOutside}
        markersLabel={x.chartMarkers}
      />
      {dot ? (
        <p className={s.muted} data-testid="chart-at-setting">
          {x.chartAtSetting(variableName, formatValue(dot.value), f.kr(dot.amount))}
        </p>
      ) : null}
      <ul className={s.list} aria-label={t.scenarioTotal} data-testid="chart-legend">
        {lines.map((l) => {
          const style = lineStyle(l.total ? 0 : municipalityIndex++, l.total === true);
          const be = breakEven.get(l.label);
          return (
            <li key={l.label} className={s.muted} data-testid="chart-legend-line">
              <Swatch stroke={style.stroke} dash={style.dash} width={style.width} />
              <strong>{l.label}</strong>: {x.chartLine(formatValue(first), f.kr(l.amounts[0] ?? null), formatValue(last), f.kr(l.amounts[l.amounts.length - 1] ?? null))}
              {be === undefined ? "" : `; ${x.chartNothingFrom(f.fixed(be, curve.variable === "graceDays" ? 0 : 2))}`}
            </li>
          );
        })}
      </ul>
      {notes.size > 0 ? (
        <div className={s.section}>
          {[...notes.values()].map((n, i) => (
            <p key={i} className={s.muted} style={{ margin: 0 }} data-testid="chart-note">
              {n}
            </p>
          ))}
        </div>
      ) : null}
    </>
  );
}

/** From, to and step: each typed as text; a value the core's range rule refuses is a message at the field it names. */
function RangeFields({ range, variable, onRange }: { range: Range; variable: SensitivityVariable; onRange(r: Range): void }) {
  const { t, lang } = usePane();
  const x = SCENARIO_TEXTS[lang];
  const s = usePaneStyles();
  const shown = (v: number) => v.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 6, useGrouping: false });
  const [texts, setTexts] = useState<Record<RangeField, string>>({ from: shown(range.from), to: shown(range.to), step: shown(range.step) });
  const [problem, setProblem] = useState<{ field: RangeField; text: string } | null>(null);
  const whole = variable === "graceDays";
  const typed = (field: RangeField, raw: string) => {
    const next = { ...texts, [field]: raw };
    setTexts(next);
    const parsed = {} as Record<RangeField, number>;
    for (const k of ["from", "to", "step"] as const) {
      const n = parseRangeNumber(next[k]);
      if (n === null) return setProblem({ field: k, text: t.scenarioNumberInvalid(next[k]) });
      parsed[k] = n;
    }
    const points = sensitivityPoints(parsed.from, parsed.to, parsed.step, variable, CHART_MAX_POINTS);
    if (!points.ok) return setProblem({ field: points.field, text: points.problem[lang] });
    setProblem(null);
    onRange(parsed);
  };
  const field = (k: RangeField, label: string) => (
    <Field
      label={{ children: label, htmlFor: `sensitivity-${k}` }}
      validationState={problem?.field === k ? "error" : "none"}
      validationMessage={problem?.field === k ? problem.text : undefined}
      style={{ flex: "1 1 80px", minWidth: 0 }}
    >
      <Input id={`sensitivity-${k}`} inputMode={whole ? "numeric" : "decimal"} value={texts[k]} onChange={(_e, d) => typed(k, d.value)} data-testid={`sensitivity-${k}`} style={{ minWidth: 0, width: "100%" }} />
    </Field>
  );
  return (
    <div className={s.row} style={{ alignItems: "flex-start", flexWrap: "nowrap" }}>
      {field("from", x.chartFrom)}
      {field("to", x.chartTo)}
      {field("step", x.chartStep)}
    </div>
  );
}

/** "2,5", "2.5" and "-1" (the core says what is wrong with a negative start); null for anything else. */
function parseRangeNumber(raw: string): number | null {
  const s = raw.trim().replace(",", ".").replace("\u2212", "-");
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}
