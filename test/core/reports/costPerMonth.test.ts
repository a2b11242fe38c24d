import { copyProfile, getPreset } from "../../../src/core/agreements/presets";
import { reportSpec } from "../../../src/core/reports";
import { specProblems } from "../../../src/core/sheets/sheetSpec";
import { disputeOn } from "../disputes/helpers";
import { reportInput } from "./basis";

describe("report: cost per municipality and month (Gävleborg)", () => {
  // The law: individual, 3 grace days, 10 500 kr a day in 2023 → liable days = max(0, days − 3).
  // Disputed: row 7 DECEASED (voids: leaves the figures), row 8 AMOUNT_MISMATCH (stays, recomputed).
  const input = reportInput(getPreset("lag-2017-612")!, (ix) => [disputeOn(ix, "Underlag", 7, "DECEASED"), disputeOn(ix, "Underlag", 8, "AMOUNT_MISMATCH")]);
  const sv = reportSpec("costPerMonth", input, { lang: "sv", reveal: false });

  it("per municipality, care type and month: invoiced, recomputed, after disputes, their difference and the disputes", () => {
    expect(sv.tables[0].rows).toEqual([
      // rows 2 (0 days) and 3 (4 → 1 liable day): 10 500; row 3 invoices 21 000.
      ["Halmstad", "Somatik", "2023-01", 2, 21000, 10500, 10500, 10500, 0],
      // row 4: 3 days → 0 liable; no amount stated.
      ["Halmstad", "Somatik", "2023-02", 1, null, 0, 0, null, 0],
      // row 8: 5 days → 2 × 10 500 = 21 000; an arithmetic dispute keeps it at 21 000.
      ["Halmstad", "Somatik", "2023-08", 1, 21000, 21000, 21000, 0, 1],
      ["Halmstad", "Psykiatri", "2023-03", 1, null, 0, 0, null, 0],
      // row 7: 10 days → 7 × 10 500 = 73 500; disputed as deceased → 0 after disputes.
      ["Halmstad", "Psykiatri", "2023-04", 1, 73500, 73500, 0, 73500, 1],
      ["Halmstad", "Psykiatri", "2023-06", 1, null, 0, 0, null, 0],
      // row 5: 6 days → 3 × 10 500 = 31 500, as invoiced.
      ["Kungsbacka", "Somatik", "2023-01", 1, 31500, 31500, 31500, 0, 0],
      ["Kungsbacka", "Somatik", "2023-07", 1, null, 0, 0, null, 0],
      ["Kungsbacka", "Psykiatri", "2023-05", 1, null, 0, 0, null, 0],
    ]);
    expect(sv.tables[0].totalsLabel).toBe("Summa");
  });

  it("per municipality for the column chart", () => {
    // Halmstad: invoiced 21 000 + 21 000 + 73 500 = 115 500; recomputed 10 500 + 21 000 + 73 500 = 105 000;
    // after disputes 10 500 + 21 000 = 31 500. Kungsbacka: 31 500 each.
    expect(sv.tables[1].rows).toEqual([
      ["Halmstad", 115500, 105000, 31500],
      ["Kungsbacka", 31500, 31500, 31500],
    ]);
    expect(sv.charts).toEqual([{ kind: "column", title: "Kostnad per kommun", table: "R_Kostnad_Kommun", category: 0, series: [1, 2, 3] }]);
    expect(specProblems(sv)).toEqual([]);
  });

  it("names what is in no month: row 12 has no ready date and invoices 5 000 kr", () => {
    expect(sv.notes).toContain("1 rader utanför beräkningen fakturerar 5 000,00 kr som inte hör till någon månad här.");
    const en = reportSpec("costPerMonth", input, { lang: "en", reveal: false });
    expect(en.notes).toContain("1 rows outside the figures invoice SEK 5,000.00 that belong to no month here.");
    expect(en.tables[0].columns.map((c) => c.title)).toContain("After disputes (SEK)");
  });

  it("without disputes read, after disputes equals recomputed and the sheet says so", () => {
    const none = reportSpec("costPerMonth", reportInput(), { lang: "en", reveal: false });
    expect(none.tables[0].rows.map((r) => r[6])).toEqual(none.tables[0].rows.map((r) => r[5]));
    expect(none.notes).toContain("No disputes were read: after disputes = recomputed.");
  });

  it("an average per quarter cannot be split into months: shown per quarter, said so", () => {
    const r = copyProfile(getPreset("halland-2022")!, { somatic: { period: { kind: "quarter" } } });
    if (!r.ok) throw new Error(r.problems.join("; "));
    const q = reportSpec("costPerMonth", reportInput(r.profile), { lang: "en", reveal: false });
    // Halmstad somatic Q1: rows 2, 3, 4 → 0 + 4 + 3 = 7 days / 3 = 2.33 > 2.3 →
    // (2.33 − 2.3) × 3 = 0.09 days × 10 500 = 945 kr; invoiced 21 000 (row 3).
    expect(q.tables[0].rows[0]).toEqual(["Halmstad", "Somatic", "2023-Q1", 3, 21000, 945, 945, 20055, 0]);
    expect(q.notes.join("\n")).toMatch(/Somatic: the agreement takes an average per quarter; .* shown per quarter/);
    expect(q.notes.join("\n")).not.toMatch(/Psychiatric: the agreement takes/);
  });
});
