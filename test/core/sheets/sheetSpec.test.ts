import { layoutSheet, specProblems, type SheetSpec } from "../../../src/core";

const spec: SheetSpec = {
  name: "Scenarier",
  title: "Scenarier – jämförelse",
  notes: ["Överenskommelse: X", "Riktmärke 2,3"],
  tables: [
    {
      name: "Jamforelse",
      caption: "Per kommun",
      columns: [
        { title: "Kommun", format: "text" },
        { title: "Belopp", format: "kronor", total: "sum" },
        { title: "Skillnad", format: "kronor", total: "sum" },
      ],
      rows: [["Alby", 100, 0], ["Borg", 200, -50]],
      totalsLabel: "Summa",
    },
    {
      name: "Kanslighet",
      caption: "Belopp mot riktmärke",
      columns: [{ title: "Riktmärke", format: "decimal" }, { title: "Summa", format: "kronor" }],
      rows: [[2, 10], [2.5, 5], [3, 0]],
    },
  ],
  charts: [{ kind: "line", title: "Känslighet", table: "Kanslighet", category: 0, series: [1] }],
};

describe("layoutSheet", () => {
  it("places title, notes, each table with caption/header/data/totals and a blank row between", () => {
    const l = layoutSheet(spec);
    // A1 title, notes on rows 2-3, blank row 4, first table caption on 5, header 6, data 7-8, totals 9.
    expect(l.noteRows).toEqual([2, 3]);
    expect(l.tables[0]).toMatchObject({ captionRow: 5, headerRow: 6, firstDataRow: 7, lastDataRow: 8, totalsRow: 9, address: "A6:C9", headerAndDataAddress: "A6:C8" });
    // Blank row 10, second caption 11, header 12, data 13-15, no totals.
    expect(l.tables[1]).toMatchObject({ captionRow: 11, headerRow: 12, firstDataRow: 13, lastDataRow: 15, totalsRow: null, address: "A12:B15" });
    expect(l.lastRow).toBe(15);
    // Widest table has 3 columns (A-C); charts start at E (one blank column), 8 wide, 18 tall from row 5.
    expect(l.charts[0]).toMatchObject({ topLeft: "E5", bottomRight: "L22" });
  });

  it("gives an empty table its header row alone", () => {
    const l = layoutSheet({ ...spec, notes: [], tables: [{ ...spec.tables[1], rows: [] }], charts: [] });
    expect(l.tables[0]).toMatchObject({ captionRow: 3, headerRow: 4, firstDataRow: 5, lastDataRow: 4, address: "A4:B4" });
  });
});

describe("specProblems", () => {
  it("accepts a well-formed spec", () => {
    expect(specProblems(spec)).toEqual([]);
  });
  it("names each problem", () => {
    const bad: SheetSpec = {
      ...spec,
      name: "Scen/arier",
      tables: [{ ...spec.tables[0], name: "A1" }, { ...spec.tables[1], name: "a1", rows: [[1]] }],
      charts: [{ kind: "column", title: "C", table: "Nope", category: 0, series: [1] }],
    };
    const p = specProblems(bad).join("\n");
    expect(p).toMatch(/sheet name "Scen\/arier"/);
    expect(p).toMatch(/table name "A1" is not allowed/);
    expect(p).toMatch(/table name "a1" is used twice/);
    expect(p).toMatch(/row 1 has 1 cells for 2 columns/);
    expect(p).toMatch(/reads table "Nope"/);
  });
});
