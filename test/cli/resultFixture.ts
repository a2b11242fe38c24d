/** A small hand-made ReviewResult for formatter and marked-copy tests (no engine involved). */
import { getPreset } from "../../src/core/agreements/presets";
import { emptyCareTypeCounts } from "../../src/core/sheet/careTypeHints";
import type { FigureBasis } from "../../src/core/figures/figureBasis";
import type { Finding } from "../../src/core/model";
import type { ReviewResult } from "../../src/core/review/result";

export function finding(partial: Partial<Finding> & Pick<Finding, "code" | "severity" | "row">): Finding {
  return {
    sheet: "Fakturaunderlag",
    columns: ["A"],
    fields: ["personId"],
    message: { sv: `Meddelande ${partial.code}`, en: `Message ${partial.code}` },
    ...partial,
  };
}

export function resultFixture(findings: Finding[]): ReviewResult {
  const profile = getPreset("lag-2017-612")!;
  return {
    profile,
    assumptions: [{ sv: "ANTAGET: något", en: "ASSUMED: something" }],
    sheets: [
      {
        name: "Fakturaunderlag",
        headerRow: 4,
        rows: 3,
        mapping: [
          { field: "personId", column: 0, letter: "A", header: "Personnummer", confidence: 1, how: "exact" },
          { field: "readyDate", column: 3, letter: "D", header: "Utskr.klar", confidence: 0.7, how: "partial" },
        ],
        unmappedHeaders: [{ column: 7, letter: "H", header: "Övrigt" }],
        missingFields: ["deathDate"],
        skipped: [{ fromRow: 8, toRow: 8, reason: "total" }],
        careType: { sheet: null, column: true, counts: { ...emptyCareTypeCounts(), column: { somatic: 3, psychiatric: 0 } } },
      },
    ],
    figures: {
      groups: [
        {
          municipality: "Halmstad",
          careType: "somatic",
          period: "2023-10",
          stays: 3,
          zeroDayStays: 1,
          days: 7,
          average: 2.33,
          benchmark: null,
          longStays: 0,
          liableDays: 2,
          amount: 21000,
          invoicedDays: 7,
          invoicedBilledDays: 3,
          invoicedAmount: 31500,
          difference: 10500, // 31 500 − 21 000
          rows: [
            { sheet: "Fakturaunderlag", row: 5 },
            { sheet: "Fakturaunderlag", row: 6 },
            { sheet: "Fakturaunderlag", row: 7 },
          ],
          rowsWithErrors: 1,
        },
      ],
      findings: [],
      totals: { stays: 3, days: 7, liableDays: 2, amount: 21000, invoicedAmount: 31500, difference: 10500, leftOut: { rows: 0, invoicedDays: null, invoicedBilledDays: null, invoicedAmount: null } },
    },
    findings,
    counts: {
      byCode: Object.fromEntries(
        [...new Set(findings.map((f) => f.code))].map((c) => [c, findings.filter((f) => f.code === c).length]),
      ),
      bySeverity: {
        error: findings.filter((f) => f.severity === "error").length,
        warning: findings.filter((f) => f.severity === "warning").length,
        info: findings.filter((f) => f.severity === "info").length,
      },
    },
    checks: [
      { code: "DECEASED", ran: false, missingFields: ["deathDate"] },
      { code: "DAYS_MISMATCH", ran: true, missingFields: [] },
    ],
    basis: {} as FigureBasis,
  };
}
