/**
 * What the sheet states (days, billed days, amount) and the rows with errors are summed per cell
 * once per basis and added per group; with rows left out they are summed stay by stay. Both
 * paths must give the same figures.
 */
import { getPreset } from "../../../src/core/agreements/presets";
import { createScenario } from "../../../src/core/scenarios/scenario";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import { recomputeFigures } from "../../../src/core/figures/computeFigures";
import { stay, tablesOf } from "./stays";

const stays = [
  stay({ row: 2, ready: "2023-01-10", discharge: "2023-01-12", statedDays: 2, billedDays: 0, amount: 100.25 }),
  stay({ row: 3, ready: "2023-02-01", discharge: "2023-02-05", statedDays: 4, amount: 10500 }),
  stay({ row: 4, ready: "2023-03-01", discharge: "2023-03-09", statedDays: 7.5, billedDays: 5 }),
  stay({ row: 5, muni: "Varberg", ready: "2023-03-01", discharge: "2023-03-02", amount: 0.1 }),
];
const basis = () => buildFigureBasis(tablesOf(stays), { openStaysUntilDay: null, errorRows: new Set(["Underlag!3", "Underlag!5"]) });
const quarter = (() => {
  const r = createScenario(getPreset("halland-2022")!, "kvartal", { sv: "k", en: "q" }, { both: { period: { kind: "quarter" } } });
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.scenario.profile;
})();
const plain = (f: ReturnType<typeof recomputeFigures>) => JSON.parse(JSON.stringify(f));

describe("stated figures and rows with errors", () => {
  it("a quarter adds its months' cells: Halmstad Q1 states 2 + 4 + 7.5 = 13.5 days, 0 + 5 = 5 billed, 100.25 + 10 500 = 10 600.25 kr, 1 row with errors", () => {
    const b = basis();
    const r = recomputeFigures(b, quarter);
    expect(r.groups.map((g) => [g.municipality, g.period, g.invoicedDays, g.invoicedBilledDays, g.invoicedAmount, g.rowsWithErrors])).toEqual([
      ["Halmstad", "2023-Q1", 13.5, 5, 10600.25, 1],
      ["Varberg", "2023-Q1", null, null, 0.1, 1],
    ]);
    // The second recompute reads the sums made by the first: the same again.
    expect(plain(recomputeFigures(b, quarter))).toEqual(plain(r));
  });

  it("with rows left out they are summed stay by stay, and agree when nothing matches", () => {
    const b = basis();
    expect(plain(recomputeFigures(b, quarter, { excludeRows: new Set(["Underlag!999"]) }))).toEqual(plain(recomputeFigures(b, quarter)));
    const without3 = recomputeFigures(b, quarter, { excludeRows: new Set(["Underlag!3"]) });
    // Without row 3: 2 + 7.5 = 9.5 days, 100.25 kr, no row with errors in Halmstad.
    expect(without3.groups[0]).toMatchObject({ stays: 2, invoicedDays: 9.5, invoicedBilledDays: 5, invoicedAmount: 100.25, rowsWithErrors: 0 });
  });
});
