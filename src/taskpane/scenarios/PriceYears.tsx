/**
 * The price per day of each year the basis's billed days fall in, as the scenario uses it where
 * its price is Socialstyrelsen's: the table's amount and how sure it is, or that it is missing,
 * with a field to enter the year's amount instead (profile.priceOverrides; empty = the table's).
 */
import { PRICE_TABLE, type Scenario } from "../../core";
import { usePane } from "../context/PaneContext";
import { formatFor } from "../shared/format";
import { usePaneStyles } from "../shared/styles";
import { explainProblems } from "./fieldProblems";
import { NumberField } from "./NumberField";
import { SCENARIO_TEXTS } from "./scenarioTexts";
import type { ScenariosState } from "./useScenarios";

/** More years than this in one basis are shown as the first ones only (a basis is a month or a year). */
const MAX_YEARS = 6;

export function PriceYears({ scenario, state, years }: { scenario: Scenario; state: ScenariosState; years: readonly number[] }) {
  const { lang } = usePane();
  const x = SCENARIO_TEXTS[lang];
  const s = usePaneStyles();
  const f = formatFor(lang);
  const { id, priceOverrides } = scenario.profile;
  if (years.length === 0) return null;
  const set = (year: number, amount: number | null) => {
    const next = { ...priceOverrides };
    if (amount === null) delete next[String(year)];
    else next[String(year)] = amount;
    return explainProblems(state.change(id, { priceOverrides: next }), lang);
  };
  return (
    <fieldset className={s.section} style={{ border: "none", margin: 0, padding: 0 }} data-testid="scenario-price-years">
      <legend className={s.muted}>{x.priceYears}</legend>
      {years.slice(0, MAX_YEARS).map((year) => {
        const row = PRICE_TABLE.find((r) => r.year === year);
        const table = row?.amount ?? null;
        return (
          <NumberField
            key={`${id}-${year}`}
            id={`scenario-price-${year}`}
            label={x.priceOfYear(String(year))}
            hint={table === null ? x.priceMissing : x.priceInTable(f.kr(table), x.priceStatus[row!.status])}
            value={priceOverrides[String(year)] ?? null}
            optional
            onValue={(v) => set(year, v)}
          />
        );
      })}
    </fieldset>
  );
}
