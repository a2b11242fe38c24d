import { formatReport } from "../../src/cli/formatReport";
import type { SheetSpec } from "../../src/core/sheets/sheetSpec";

const spec: SheetSpec = {
  name: "R",
  title: "Uppföljning",
  notes: ["En not."],
  tables: [
    {
      name: "T",
      caption: "Per kommun",
      columns: [
        { title: "Kommun", format: "text" },
        { title: "Antal", format: "integer", total: "sum" },
        { title: "Belopp", format: "kronor", total: "sum" },
        { title: "Andel", format: "percent" },
        { title: "Snitt", format: "decimal" },
      ],
      rows: [
        ["Halmstad", 1200, 10500, 0.5, 2.333],
        ["Ale", 3, null, "ej beräkningsbar", null],
      ],
      totalsLabel: "Summa",
    },
    { name: "E", caption: "Tom", columns: [{ title: "A", format: "text" }], rows: [] },
  ],
  charts: [{ kind: "column", title: "Stapel", table: "T", category: 0, series: [1] }],
};

describe("a report as text", () => {
  it("aligns columns (numbers right), formats as the sheet does and sums the totals row", () => {
    const lines = formatReport(spec, "sv");
    expect(lines.slice(0, 4)).toEqual(["Uppföljning", "===========", "- En not.", ""]);
    expect(lines.slice(4, 10)).toEqual([
      "Per kommun",
      "Kommun    Antal     Belopp             Andel  Snitt",
      "--------  -----  ---------  ----------------  -----",
      "Halmstad  1 200  10 500 kr            50,0 %   2,33",
      "Ale           3             ej beräkningsbar",
      // 1 200 + 3 = 1 203; 10 500 (the empty amount adds nothing); share and average are not summed.
      "Summa     1 203  10 500 kr",
    ]);
    expect(lines).toContain("(inga rader)");
    expect(lines).toContain('På bladet: stapeldiagram "Stapel"');
  });

  it("in English", () => {
    const lines = formatReport(spec, "en");
    expect(lines).toContain("Halmstad  1,200  10,500 kr            50.0 %   2.33");
    expect(lines).toContain("(no rows)");
    expect(lines).toContain('On the sheet: column chart "Stapel"');
  });
});
