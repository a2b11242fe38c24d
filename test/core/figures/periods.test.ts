import { epochDay, formatDay } from "../../../src/core/cells/localDate";
import { periodLabel, periodOfMonth, periodSpan } from "../../../src/core/figures/periods";

const month = (y: number, m: number) => y * 12 + m - 1;
const span = (p: number, rule: Parameters<typeof periodSpan>[1]) => {
  const s = periodSpan(p, rule);
  return `${formatDay(s.first)}..${formatDay(s.last)}`;
};

describe("periods", () => {
  it("labels and spans", () => {
    const q = { kind: "quarter" as const };
    const h = { kind: "halfYear" as const };
    const m = { kind: "month" as const };
    const r = { kind: "rolling" as const, months: 3 };
    expect(periodLabel(periodOfMonth(month(2023, 11), q), q)).toBe("2023-Q4");
    expect(span(periodOfMonth(month(2023, 11), q), q)).toBe("2023-10-01..2023-12-31");
    expect(periodLabel(periodOfMonth(month(2023, 7), h), h)).toBe("2023-H2");
    expect(periodLabel(periodOfMonth(month(2023, 6), h), h)).toBe("2023-H1");
    expect(span(periodOfMonth(month(2023, 6), h), h)).toBe("2023-01-01..2023-06-30");
    expect(periodLabel(periodOfMonth(month(2024, 2), m), m)).toBe("2024-02");
    expect(span(periodOfMonth(month(2024, 2), m), m)).toBe("2024-02-01..2024-02-29");
    expect(periodLabel(periodOfMonth(month(2024, 12), r), r)).toBe("2024-12");
    expect(periodSpan(periodOfMonth(month(2024, 12), r), r).last).toBe(epochDay(2024, 12, 31));
  });
});
