/**
 * The rest of one care type's rules (DOMAIN.md §3): period, long-stay limit (hybrid), counting,
 * price, rounding and conditions. Every control hands its change to the core at once; what the
 * schema refuses is a message at that control. A choice that needs a value first (a rolling
 * period's months, a fixed price's amount) waits for it, saying so, and changes nothing until then.
 */
import { useState } from "react";
import { Checkbox, Field, Select } from "@fluentui/react-components";
import type { CareRules, CareRulesChanges } from "../../core";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import { NumberField } from "./NumberField";
import { SCENARIO_TEXTS } from "./scenarioTexts";

export interface RuleDetailsProps {
  /** Prefix of the controls' ids (one care type's). */
  id: string;
  rules: CareRules;
  /** Applies a change to this care type's rules; returns the problems at the field (empty when applied). */
  change(changes: CareRulesChanges): string[];
}

const PERIODS = ["month", "quarter", "halfYear", "rolling"] as const;
const UNITS = ["calendar", "weekdays"] as const;
const STARTS = ["readyDate", "noticeTime"] as const;
const PRICES = ["socialstyrelsen", "fixed"] as const;

export function RuleDetails({ id, rules, change }: RuleDetailsProps) {
  const { lang } = usePane();
  const x = SCENARIO_TEXTS[lang];
  const s = usePaneStyles();
  const c = rules.conditions;
  return (
    <div className={s.section} data-testid="scenario-rule-details">
      <PeriodFields id={id} rules={rules} change={change} />
      <NumberField
        id={`${id}-long-stay`}
        label={x.longStayLimit}
        hint={x.longStayHint}
        value={rules.longStayLimit}
        whole
        optional
        onValue={(v) => change({ longStayLimit: v })}
      />
      <NumberField id={`${id}-long-stay-grace`} label={x.longStayGraceDays} value={rules.longStayGraceDays} whole onValue={(v) => change({ longStayGraceDays: v })} />
      <Choice id={`${id}-unit`} label={x.countingUnit} value={rules.counting.unit} options={UNITS.map((u) => [u, x.countingUnits[u]])} onChoice={(unit) => change({ counting: { unit } })} />
      <Choice id={`${id}-start`} label={x.countingStart} value={rules.counting.start} options={STARTS.map((v) => [v, x.countingStarts[v]])} onChoice={(start) => change({ counting: { start } })} />
      {rules.counting.start === "noticeTime" ? (
        <NumberField id={`${id}-cutoff`} label={x.cutoffHour} hint={x.emptyMeansNone} value={rules.counting.cutoffHour} optional onValue={(v) => change({ counting: { cutoffHour: v } })} />
      ) : null}
      <PriceFields id={id} rules={rules} change={change} />
      <NumberField id={`${id}-average-decimals`} label={x.averageDecimals} value={rules.rounding.averageDecimals} whole onValue={(v) => change({ rounding: { averageDecimals: v } })} />
      <NumberField id={`${id}-days-decimals`} label={x.liableDaysDecimals} value={rules.rounding.liableDaysDecimals} whole onValue={(v) => change({ rounding: { liableDaysDecimals: v } })} />
      <NumberField id={`${id}-amount-decimals`} label={x.amountDecimals} value={rules.rounding.amountDecimals} whole onValue={(v) => change({ rounding: { amountDecimals: v } })} />
      <fieldset className={s.section} style={{ border: "none", margin: 0, padding: 0 }}>
        <legend className={s.muted}>{x.conditions}</legend>
        <Checkbox checked={c.admissionNotice} label={x.conditionAdmission} onChange={(_e, d) => change({ conditions: { admissionNotice: d.checked === true } })} data-testid={`${id}-cond-admission`} />
        <Checkbox checked={c.sipInvitation} label={x.conditionSip} onChange={(_e, d) => change({ conditions: { sipInvitation: d.checked === true } })} data-testid={`${id}-cond-sip`} />
        <Checkbox checked={c.careContact} label={x.conditionContact} onChange={(_e, d) => change({ conditions: { careContact: d.checked === true } })} data-testid={`${id}-cond-contact`} />
      </fieldset>
    </div>
  );
}

/** A select whose change is refused by the schema shows why, at itself. */
export function Choice<T extends string>({ id, label, value, options, onChoice }: { id: string; label: string; value: T; options: readonly (readonly [T, string])[]; onChoice(v: T): string[] }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Field label={{ children: label, htmlFor: id }} validationState={problem ? "error" : "none"} validationMessage={problem ?? undefined}>
      <Select
        id={id}
        value={value}
        onChange={(_e, d) => {
          const problems = onChoice(d.value as T);
          setProblem(problems.length ? problems.join(" ") : null);
        }}
        data-testid={id}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function PeriodFields({ id, rules, change }: RuleDetailsProps) {
  const { lang } = usePane();
  const x = SCENARIO_TEXTS[lang];
  // "Rolling" needs its months before it can be applied: until then it is only chosen here.
  const [kind, setKind] = useState(rules.period.kind);
  const choose = (k: (typeof PERIODS)[number]): string[] => {
    setKind(k);
    return k === "rolling" ? [] : change({ period: { kind: k } });
  };
  return (
    <>
      <Choice id={`${id}-period`} label={x.period} value={kind} options={PERIODS.map((p) => [p, x.periods[p]])} onChoice={choose} />
      {kind === "rolling" ? (
        <NumberField
          id={`${id}-rolling`}
          label={x.rollingMonths}
          hint={rules.period.kind === "rolling" ? undefined : x.pending(x.periods[rules.period.kind])}
          value={rules.period.kind === "rolling" ? rules.period.months : null}
          whole
          onValue={(months) => change({ period: { kind: "rolling", months } })}
        />
      ) : null}
    </>
  );
}

function PriceFields({ id, rules, change }: RuleDetailsProps) {
  const { lang } = usePane();
  const x = SCENARIO_TEXTS[lang];
  // A fixed price needs its amount first: until then Socialstyrelsen's stays, and the hint says so.
  const [source, setSource] = useState(rules.price.source);
  const choose = (p: (typeof PRICES)[number]): string[] => {
    setSource(p);
    return p === "fixed" ? [] : change({ price: { source: "socialstyrelsen" } });
  };
  return (
    <>
      <Choice id={`${id}-price`} label={x.price} value={source} options={PRICES.map((p) => [p, x.prices[p]])} onChoice={choose} />
      {source === "fixed" ? (
        <NumberField
          id={`${id}-price-amount`}
          label={x.fixedAmount}
          hint={rules.price.source === "fixed" ? undefined : x.pending(x.prices.socialstyrelsen)}
          value={rules.price.source === "fixed" ? rules.price.amount : null}
          onValue={(amount) => change({ price: { source: "fixed", amount } })}
        />
      ) : null}
    </>
  );
}
