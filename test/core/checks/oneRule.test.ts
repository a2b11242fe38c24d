/**
 * The checks and the figures start a stay's count from the same day: generated stays (withdrawn
 * and renewed notices, clock times around the cut-off, discharges before the ready time, years
 * crossed) get the days, billed days and amount the figures give as their stated values, and the
 * checks must find nothing to object to in them; a stay the figures leave out must be the one
 * the checks call uncountable.
 */
import fc from "fast-check";
import type { LocalDateTime } from "../../../src/core/cells/localDate";
import { recomputeFigures } from "../../../src/core/figures/computeFigures";
import { buildFigureBasis } from "../../../src/core/figures/figureBasis";
import { runChecks } from "../../../src/core/checks/runChecks";
import { tableFromStays } from "../../../src/core/sheet/stayTable";
import { day, makeCtx, makeProfile, makeReading, makeStay } from "./fixtures";

const JUNE_2023 = day("2023-06-01");
const at = (d: number, minute: number | null): LocalDateTime => ({ day: d, minute });
const minute = fc.option(fc.integer({ min: 0, max: 1439 }), { nil: null });

const generated = fc.record({
  ready: fc.integer({ min: 0, max: 380 }),
  readyMinute: fc.constantFrom(null, 11 * 60 + 59, 12 * 60, 12 * 60 + 1, 8 * 60),
  days: fc.option(fc.integer({ min: -3, max: 40 }), { nil: null }),
  dischargeMinute: minute,
  withdrawnAfter: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  newReadyAfter: fc.option(fc.integer({ min: -2, max: 12 }), { nil: null }),
  newReadyMinute: minute,
});

const profiles = {
  "calendar days, cut-off 12:00": makeProfile({ both: { counting: { unit: "calendar", start: "noticeTime", cutoffHour: 12 } } }),
  "weekdays, cut-off 12:00": makeProfile({ both: { counting: { unit: "weekdays", start: "noticeTime", cutoffHour: 12 } } }),
  "calendar days from the ready date": makeProfile(),
};

describe.each(Object.entries(profiles))("checks and figures agree where a stay starts (%s)", (_name, profile) => {
  it("the figures' own days, billed days and amount raise no mismatch; a stay left out is called uncountable", () => {
    fc.assert(
      fc.property(generated, (g) => {
        const readyDay = JUNE_2023 + g.ready;
        const stay = makeStay({
          admission: null,
          admissionNotice: null,
          ready: at(readyDay, g.readyMinute),
          discharge: g.days === null ? null : at(readyDay + g.days, g.dischargeMinute),
          readyWithdrawn: g.withdrawnAfter === null ? null : at(readyDay + g.withdrawnAfter, null),
          newReady: g.newReadyAfter === null ? null : at(readyDay + g.newReadyAfter, g.newReadyMinute),
          statedDays: null,
          billedDays: null,
          pricePerDay: null,
          amount: null,
        });
        const basis = buildFigureBasis([tableFromStays("Blad1", [stay])], { openStaysUntilDay: null, errorRows: new Set() });
        const figures = recomputeFigures(basis, profile);
        const group = figures.groups[0];
        const stated = group ? { ...stay, statedDays: group.days, billedDays: group.liableDays, amount: group.amount } : stay;
        const findings = runChecks([makeReading([stated])], makeCtx({ profile })).findings;
        const codes = findings.map((f) => f.code);
        expect(codes).not.toContain("DAYS_MISMATCH");
        expect(codes).not.toContain("BILLED_DAYS_MISMATCH");
        expect(codes).not.toContain("AMOUNT_MISMATCH");
        const uncountable = findings.some((f) => f.code === "DISCHARGE_BEFORE_READY" && f.severity === "error");
        if (stay.discharge !== null) expect({ uncountable, inFigures: basis.count === 1 }).toEqual({ uncountable: basis.count === 0, inFigures: basis.count === 1 });
      }),
      { numRuns: 400 },
    );
  });
});
