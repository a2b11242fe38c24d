/** The fake's tables (totals rows, names per workbook) and charts (series from ranges) behave as Excel's do. */
import { installFakeOffice, uninstallFakeOffice } from "./fakeOffice";
import { makeSheet, makeWorkbook, type FakeSheet } from "./state";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

const data = () => [
  ["Kommun", "Belopp", "Dagar"],
  ["Alby", 100, 1.5],
  ["Borg", 250, 2],
];
const sheetOf = (state: { sheets: FakeSheet[] }, name: string) => state.sheets.find((s) => s.name === name)!;

describe("fake tables", () => {
  test("showTotals adds Excel's default totals row ('Total', the last column summed); formulas replace it and evaluate", async () => {
    const state = makeWorkbook([makeSheet("S", data())]);
    installFakeOffice(g, state);
    await g.Excel.run(async (ctx: any) => {
      const sheet = ctx.workbook.worksheets.getItem("S");
      const t = sheet.tables.add("A1:C3", true);
      t.name = "Summor";
      t.showTotals = true;
      await ctx.sync();
      // Excel's default: label first, the last column's sum (1.5 + 2).
      expect(sheetOf(state, "S").values[3]).toEqual(["Total", "", 3.5]);
      expect(state.sheets[0].tables[0]).toMatchObject({ name: "Summor", address: "A1:C4", showTotals: true });
      t.getTotalRowRange().formulas = [["Summa", "=SUBTOTAL(109,[Belopp])", "=SUBTOTAL(109,summor[[Dagar]])"]];
      await ctx.sync();
      t.getTotalRowRange().formulas = [["Summa", "", "=SUBTOTAL(109,Annan[[Dagar]])"]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "FakeNotModelled" });
    });
    // 100 + 250 = 350; 1.5 + 2 = 3.5, qualified with the table's name.
    expect(sheetOf(state, "S").values[3]).toEqual(["Summa", 350, 3.5]);
    expect(sheetOf(state, "S").formulas).toEqual([
      { address: "B4", text: "=SUBTOTAL(109,[Belopp])" },
      { address: "C4", text: "=SUBTOTAL(109,summor[[Dagar]])" },
    ]);
  });

  test("a formula outside a totals row, or of another form, is not modelled; text formatted @ stays text", async () => {
    const state = makeWorkbook([makeSheet("S", data())]);
    installFakeOffice(g, state);
    await expect(
      g.Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem("S").getRange("D1").formulas = [["=1+1"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "FakeNotModelled" });
    await g.Excel.run(async (ctx: any) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("D1");
      r.numberFormat = [["@"]];
      r.formulas = [["=1+1"]];
      await ctx.sync();
    });
    expect(sheetOf(state, "S").values[0][3]).toBe("=1+1");
    expect(sheetOf(state, "S").formulas ?? []).toEqual([]);
  });

  test("names are unique in the workbook; workbook.tables finds a table on any sheet, with its sheet", async () => {
    const state = makeWorkbook([makeSheet("S", data()), makeSheet("T", data())]);
    installFakeOffice(g, state);
    await g.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("S").tables.add("A1:C3", true).name = "Delad";
      await ctx.sync();
      const found = ctx.workbook.tables.getItemOrNullObject("delad");
      const missing = ctx.workbook.tables.getItemOrNullObject("Annan");
      const where = found.worksheet;
      where.load("name");
      await ctx.sync();
      expect(found.isNullObject).toBe(false);
      expect(missing.isNullObject).toBe(true);
      expect(where.name).toBe("S");
      ctx.workbook.worksheets.getItem("T").tables.add("A1:C3", true).name = "DELAD";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("a header row alone gets an empty data row, as in Excel; a repeated header title is not modelled", async () => {
    const state = makeWorkbook([makeSheet("S", [["A", "B"], [], [], ["X", "x"]])]);
    installFakeOffice(g, state);
    await g.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("S").tables.add("A1:B1", true);
      await ctx.sync();
    });
    expect(state.sheets[0].tables[0].address).toBe("A1:B2");
    await expect(
      g.Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem("S").tables.add("A4:B5", true);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "FakeNotModelled" });
  });
});

describe("fake charts", () => {
  test("series by columns from a header row and a text first column; then named, valued and given categories through the series API", async () => {
    const state = makeWorkbook([makeSheet("S", data())]);
    installFakeOffice(g, state);
    await g.Excel.run(async (ctx: any) => {
      const sheet = ctx.workbook.worksheets.getItem("S");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C3"), "Columns");
      chart.title.text = "Belopp";
      chart.setPosition("E2", "L20");
      const plain = sheet.charts.add("Line", sheet.getRange("B2:B3"), "Columns");
      const first = plain.series.getItemAt(0);
      first.name = "Belopp";
      first.setXAxisValues(sheet.getRange("A2:A3"));
      const more = plain.series.add("Dagar");
      more.setValues(sheet.getRange("C2:C3"));
      more.setXAxisValues(sheet.getRange("A2:A3"));
      await ctx.sync();
    });
    const [chart, plain] = sheetOf(state, "S").charts;
    expect(chart).toMatchObject({ type: "ColumnClustered", title: "Belopp", position: { start: "E2", end: "L20" } });
    expect(chart.series).toEqual([
      { name: "Belopp", values: "B2:B3", xValues: "A2:A3" },
      { name: "Dagar", values: "C2:C3", xValues: "A2:A3" },
    ]);
    expect(plain.series).toEqual(chart.series);
  });

  test("the series API needs ExcelApi 1.7; another seriesBy is not modelled", async () => {
    installFakeOffice(g, makeWorkbook([makeSheet("S", data())]), { requirementSets: "1.6" });
    await expect(
      g.Excel.run(async (ctx: any) => {
        const sheet = ctx.workbook.worksheets.getItem("S");
        sheet.charts.add("Line", sheet.getRange("B2:B3"), "Columns").series.add("x");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(
      g.Excel.run(async (ctx: any) => {
        const sheet = ctx.workbook.worksheets.getItem("S");
        sheet.charts.add("Line", sheet.getRange("B2:B3"), "Rows");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "FakeNotModelled" });
  });
});
