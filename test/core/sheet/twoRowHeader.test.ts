/**
 * Headers of two rows, generated: group titles merged across the columns they group (the text
 * in the first column, blanks to its right), field names merged down over both rows (the text
 * in the upper row), and names split between the group and the field row ("Utskrivningsklar"
 * over "Datum"). Each must map as one header, with no data row lost and none made up.
 */
import fc from "fast-check";
import type { CellValue, SheetGrid } from "../../../src/core/cells/cellValue";
import { detectSheet } from "../../../src/core/sheet/detectSheet";
import { matchHeader } from "../../../src/core/sheet/headerSynonyms";
import type { Field } from "../../../src/core/sheet/fields";
import { readSheet } from "../../../src/core/sheet/readSheet";
import { staysOf } from "../../../src/core/sheet/stayTable";

/** Per field, its name in one cell, and a split of it into a group title and a field-row name. */
const NAMES: Partial<Record<Field, { whole: string; split?: [string, string] }>> = {
  personId: { whole: "Personnummer" },
  stayId: { whole: "Vårdtillfälle", split: ["Vårdtillfälle", "Id"] },
  municipality: { whole: "Kommun", split: ["Betalningsansvarig", "Kommun"] },
  admissionDate: { whole: "Inskrivning" },
  readyDate: { whole: "Utskrivningsklar", split: ["Utskrivningsklar", "Datum"] },
  dischargeDate: { whole: "Utskriven" },
  billedDays: { whole: "Debiterade dagar", split: ["Debiterade", "Dagar"] },
  amount: { whole: "Belopp" },
  unit: { whole: "Avdelning" },
};
const OPTIONAL: Field[] = ["stayId", "municipality", "admissionDate", "billedDays", "amount", "unit"];
/** Group titles that name no field of their own. */
const BANDS = ["Patient", "Datum", "Vistelse", "Ersättning", "Uppgifter"];

type Layout = "down" | "band" | "split";
interface Column { field: Field; layout: Layout }

/** A value for a field on data row k (every row a plain, readable stay). */
function cell(field: Field, k: number): CellValue {
  switch (field) {
    case "personId": return "19121212-1212";
    case "stayId": return `V${k}`;
    case "municipality": return "Halmstad";
    case "admissionDate": return 45200 + k;
    case "readyDate": return 45201 + k;
    case "dischargeDate": return 45204 + k;
    case "billedDays": return 3;
    case "amount": return 31500;
    case "unit": return "Medicin 3";
    default: return null;
  }
}

/**
 * The two header rows: a "down" name sits in the upper row; a run of "band" columns shares a
 * group title in its first column; a "split" column has its own group title.
 */
function headerRows(columns: Column[], bandTitles: string[]): [CellValue[], CellValue[]] {
  const upper: CellValue[] = [];
  const lower: CellValue[] = [];
  let band = 0;
  columns.forEach((c, i) => {
    const names = NAMES[c.field]!;
    if (c.layout === "down") {
      upper.push(names.whole);
      lower.push(null);
    } else if (c.layout === "split" && names.split) {
      upper.push(names.split[0]);
      lower.push(names.split[1]);
    } else {
      const startsBand = i === 0 || columns[i - 1].layout !== "band";
      upper.push(startsBand ? bandTitles[band++ % bandTitles.length] : null);
      lower.push(names.whole);
    }
  });
  return [upper, lower];
}

const REQUIRED: Field[] = ["personId", "readyDate", "dischargeDate"];
const columnsArb = fc
  .tuple(
    fc.shuffledSubarray([...REQUIRED, ...OPTIONAL], { minLength: 3 }),
    fc.array(fc.constantFrom<Layout>("down", "band", "split"), { minLength: 9, maxLength: 9 }),
  )
  .filter(([fields]) => REQUIRED.every((f) => fields.includes(f)))
  .map(([fields, layouts]) => fields.map((field, i): Column => ({ field, layout: layouts[i] })))
  // At least one group: else the sheet has a one-row header, read as before.
  .filter((cols) => cols.some((c) => c.layout !== "down"));

describe("a header of two rows", () => {
  test("maps every field to its column, reads every data row and no header row as data (property)", () => {
    fc.assert(
      fc.property(columnsArb, fc.subarray(BANDS, { minLength: 1 }), fc.boolean(), fc.integer({ min: 1, max: 5 }), (columns, bandTitles, title, dataRows) => {
        const values: CellValue[][] = title ? [["Fakturaunderlag oktober 2023"], []] : [];
        const top = values.length;
        values.push(...headerRows(columns, bandTitles));
        for (let k = 0; k < dataRows; k++) values.push(columns.map((c) => cell(c.field, k)));
        const sheet: SheetGrid = { name: "Okt", values };

        const d = detectSheet(sheet);
        const mapped = Object.fromEntries(d.mapping.map((m) => [m.field, m.column]));
        expect(mapped).toEqual(Object.fromEntries(columns.map((c, i) => [c.field, i])));
        expect(d.headerRow).toBe(top + 2);
        // Where the field row alone names every field, the group row reads like a title row and may be taken for one.
        const upperNames = columns.some((c) => {
          const split = NAMES[c.field]!.split;
          return c.layout === "down" || (c.layout === "split" && split !== undefined && matchHeader(split[1])?.field !== c.field);
        });
        if (upperNames) expect(d.headerRows).toBe(2);

        const r = readSheet(sheet, { dateSystem: "1900", referenceYear: 2023 });
        expect(r.rows).toBe(dataRows);
        expect(r.findings).toEqual([]);
        expect(staysOf(r.table).map((s) => s.row)).toEqual(Array.from({ length: dataRows }, (_, k) => top + 3 + k));
        if (d.headerRows === 2) {
          expect(r.notes?.map((n) => n.en)).toEqual([`Sheet "Okt": the header is read from two rows (${top + 1}–${top + 2}), a group row above the field names.`]);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("the issue's example: Datum above Inskrivning and Utskrivningsklar, names merged down beside it", () => {
    const sheet: SheetGrid = {
      name: "Okt",
      values: [
        ["Personnummer", "Vårdtillfälle", "Kommun", "Datum", null, null],
        [null, null, null, "Inskrivning", "Utskrivningsklar", "Utskriven"],
        ["19121212-1212", "V1", "Halmstad", 45200, 45201, 45205],
      ],
    };
    const r = readSheet(sheet, { dateSystem: "1900", referenceYear: 2023 });
    expect(r.mapping.map((m) => `${m.letter}=${m.field}`)).toEqual(["A=personId", "B=stayId", "C=municipality", "D=admissionDate", "E=readyDate", "F=dischargeDate"]);
    expect(r.headerRow).toBe(2);
    expect(r.rows).toBe(1);
    // 45201 = 2023-10-02, 45205 = 2023-10-06
    expect(staysOf(r.table)[0]).toMatchObject({ row: 3, stayId: "V1", ready: { day: 19632, minute: null }, discharge: { day: 19636, minute: null } });
  });

  test("a group band above complete field names is a title, not a header or a stay", () => {
    const sheet: SheetGrid = {
      name: "Okt",
      values: [
        ["Vårdtillfälle", null, "Datum", null, null],
        ["Personnummer", "Kommun", "Inskrivning", "Utskrivningsklar", "Utskriven"],
        ["19121212-1212", "Halmstad", 45200, 45201, 45205],
      ],
    };
    const r = readSheet(sheet, { dateSystem: "1900", referenceYear: 2023 });
    expect(r.mapping.map((m) => `${m.letter}=${m.field}`)).toEqual(["A=personId", "B=municipality", "C=admissionDate", "D=readyDate", "E=dischargeDate"]);
    expect(r.headerRow).toBe(2);
    expect(r.rows).toBe(1);
  });

  test("a two-row header repeated on a later page is skipped, both rows", () => {
    const upper = ["Personnummer", "Datum", null, null];
    const lower = [null, "Inskrivning", "Utskrivningsklar", "Utskriven"];
    const row = (k: number) => ["19121212-1212", 45200 + k, 45201 + k, 45204 + k];
    const r = readSheet({ name: "Okt", values: [upper, lower, row(0), upper, lower, row(1)] }, { dateSystem: "1900", referenceYear: 2023 });
    expect(r.rows).toBe(2);
    expect(r.skipped).toEqual([{ fromRow: 4, toRow: 5, reason: "repeated-header" }]);
    expect(r.findings).toEqual([]);
  });

  test("a header row with a data row below it stays a one-row header", () => {
    const r = readSheet(
      { name: "Okt", values: [["Personnummer", "Utskrivningsklar", "Utskriven", "Avdelning"], ["19121212-1212", 45201, 45204, "Medicin"]] },
      { dateSystem: "1900", referenceYear: 2023 },
    );
    expect(r.headerRow).toBe(1);
    expect(r.rows).toBe(1);
    expect(r.notes).toEqual([]);
  });
});
