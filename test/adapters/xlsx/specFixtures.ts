/** SheetSpecs for the renderers' tests: every format, a totals row, both chart kinds, text that looks like a formula. */
import type { SheetSpec } from "../../../src/core";

export const COMPARISON: SheetSpec = {
  name: "Scenarier",
  title: "Scenarier – jämförelse",
  notes: ["Baslinje: riktmärke 2,3 dagar", "=1+1 är en anteckning, ingen formel"],
  tables: [
    {
      name: "Jamforelse",
      caption: "Belopp per kommun",
      columns: [
        { title: "Kommun", format: "text" },
        { title: "Belopp [kr]", format: "kronor", total: "sum" },
        { title: "Dagar", format: "decimal", total: "sum" },
        { title: "Andel", format: "percent" },
        { title: "Vistelser", format: "integer", total: "sum" },
        { title: "Från", format: "date" },
      ],
      rows: [
        ["Halmstad", 12000, 1.5, 0.25, 3, 45200],
        ["=1+1", 3000, 2.25, 0.5, 1, 45231],
        ["Laholm", 500, 0, 0.125, 0, null],
      ],
      totalsLabel: "Summa",
    },
    {
      name: "Kanslighet",
      caption: "Belopp mot riktmärke",
      columns: [
        { title: "Riktmärke", format: "decimal" },
        { title: "Halmstad", format: "kronor" },
        { title: "Totalt", format: "kronor" },
      ],
      rows: [
        [2, 15000, 20000],
        [2.5, 9000, 12000],
        [3, 0, 1000],
      ],
    },
  ],
  charts: [
    { kind: "line", title: "Belopp mot riktmärke", table: "Kanslighet", category: 0, series: [1, 2] },
    { kind: "column", title: "Belopp per kommun", table: "Jamforelse", category: 0, series: [1] },
  ],
};

export const EMPTY_LIST: SheetSpec = {
  name: "Tom",
  title: "Inga rader",
  notes: [],
  tables: [{ name: "Tom", caption: "Ingenting", columns: [{ title: "Kommun", format: "text" }, { title: "Belopp", format: "kronor", total: "sum" }], rows: [], totalsLabel: "Summa" }],
  charts: [{ kind: "line", title: "Tom kurva", table: "Tom", category: 0, series: [1] }],
};
