import fc from "fast-check";
import { copyProfile, getPreset } from "../../../src/core/agreements/presets";
import type { CareRules } from "../../../src/core/agreements/profileSchema";
import { billedDaysPerYear, countReadyDays, dayZero, effectiveReady } from "../../../src/core/calendar/dayCount";
import { isSwedishWorkday } from "../../../src/core/calendar/holidays";
import { civilDate } from "../../../src/core/cells/localDate";
import { epochDay } from "../../../src/core/cells/localDate";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import { recomputeFigures } from "../../../src/core/figures/computeFigures";
import { stay, tablesOf } from "./stays";

const COUNTINGS: CareRules["counting"][] = [
  { unit: "calendar", start: "readyDate", cutoffHour: null },
  { unit: "weekdays", start: "readyDate", cutoffHour: null },
  { unit: "calendar", start: "noticeTime", cutoffHour: 12 },
  { unit: "weekdays", start: "noticeTime", cutoffHour: 9.5 },
];

const day0 = epochDay(2022, 1, 1);
const arbStay = fc.record({
  ready: fc.integer({ min: 0, max: 1400 }),
  minute: fc.option(fc.integer({ min: 0, max: 1439 })),
  length: fc.integer({ min: -3, max: 400 }),
  renewed: fc.option(fc.integer({ min: 0, max: 30 })),
  withdrawn: fc.boolean(),
});

describe("figures agree with countReadyDays", () => {
  it("for random stays under every counting rule (grace 0: billed days = days)", () => {
    fc.assert(
      fc.property(arbStay, (a) => {
        const s = stay({ row: 2, ready: null, discharge: null });
        s.ready = { day: day0 + a.ready, minute: a.minute };
        s.discharge = { day: day0 + a.ready + a.length, minute: null };
        if (a.withdrawn) s.readyWithdrawn = { day: day0 + a.ready, minute: null };
        if (a.renewed !== null) s.newReady = { day: day0 + a.ready + a.renewed, minute: a.minute };
        for (const counting of COUNTINGS) {
          const expected = countReadyDays(s, counting);
          // Brute force: each counted day is billed at its year's price (2025 has none → null).
          const PRICE: Record<number, number> = { 2022: 9300, 2023: 10500, 2024: 11600 };
          let amount: number | null = 0;
          if (expected !== null) {
            for (let d = dayZero(effectiveReady(s)!, counting); d < s.discharge!.day; d++) {
              if (counting.unit === "weekdays" && !isSwedishWorkday(d)) continue;
              const price = PRICE[civilDate(d).year];
              amount = amount === null || price === undefined ? null : amount + price;
            }
          }
          const p = copyProfile(getPreset("lag-2017-612")!, { somatic: { graceDays: 0, counting } });
          if (!p.ok) throw new Error("profile");
          const r = recomputeFigures(buildFigureBasis(tablesOf([s]), { openStaysUntilDay: null, errorRows: new Set() }), p.profile);
          if (expected === null) {
            if (r.groups.length !== 0) return false;
          } else if (r.groups.length !== 1 || r.groups[0].days !== expected || r.groups[0].liableDays !== expected) {
            return false;
          } else if (r.groups[0].amount !== amount) {
            return false;
          } else {
            // the row checks' helper splits the same way
            let split: number | null = 0;
            for (const y of billedDaysPerYear(dayZero(effectiveReady(s)!, counting), 0, expected, counting.unit)) {
              split = split === null || PRICE[y.year] === undefined ? null : split + y.days * PRICE[y.year];
            }
            if (split !== amount) return false;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
