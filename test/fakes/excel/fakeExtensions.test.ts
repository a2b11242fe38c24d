import { installFakeOffice, uninstallFakeOffice } from "./fakeOffice";
import { makeSheet, makeWorkbook } from "./state";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

describe("fake custom XML parts", () => {
  test("getXml's value throws until synced; namespaces scope getByNamespace; bad XML is rejected at sync", async () => {
    const state = makeWorkbook([makeSheet("A", [["x"]])]);
    const handle = installFakeOffice(g, state);
    await g.Excel.run(async (ctx: any) => {
      const part = ctx.workbook.customXmlParts.add('<r xmlns="urn:a">1</r>');
      ctx.workbook.customXmlParts.add("<s>2</s>");
      part.load("id");
      await ctx.sync();
      const xml = ctx.workbook.customXmlParts.getItem(part.id).getXml();
      expect(() => xml.value).toThrow(/not available/);
      const scoped = ctx.workbook.customXmlParts.getByNamespace("urn:a");
      scoped.load("items/id,items/namespaceUri");
      await ctx.sync();
      expect(xml.value).toBe('<r xmlns="urn:a">1</r>');
      expect(scoped.items.map((p: any) => p.namespaceUri)).toEqual(["urn:a"]);
      ctx.workbook.customXmlParts.add("<unclosed>");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(state.customXmlParts!.map((p) => p.xml)).toEqual(['<r xmlns="urn:a">1</r>', "<s>2</s>"]);
    expect(handle.counters.maxBytes).toBeGreaterThan(0);
  });

  test("a part's XML counts toward the payload limit", async () => {
    installFakeOffice(g, makeWorkbook([makeSheet("A", [["x"]])]), { payloadLimitBytes: 1000 });
    await expect(
      g.Excel.run(async (ctx: any) => {
        ctx.workbook.customXmlParts.add(`<r>${"x".repeat(2000)}</r>`);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });
});

describe("fake sort", () => {
  test("blanks last both ways, numbers before text, ties keep their order; a protected sheet refuses", async () => {
    const state = makeWorkbook([makeSheet("A", [["b", 1], ["", 2], [3, 3], ["a", 4], [3, 5]])]);
    installFakeOffice(g, state);
    await g.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("A").getRange("A1:B5").sort.apply([{ key: 0, ascending: true }]);
      await ctx.sync();
    });
    expect(state.sheets[0].values.map((r) => r[1])).toEqual([3, 5, 4, 1, 2]);
    await g.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("A").getRange("A1:B5").sort.apply([{ key: 0, ascending: false }]);
      await ctx.sync();
    });
    expect(state.sheets[0].values.map((r) => r[1])).toEqual([1, 4, 3, 5, 2]);
    state.sheets[0].protected = true;
    await expect(
      g.Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem("A").getRange("A1:B5").sort.apply([{ key: 0 }]);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  test("onRowSorted needs ExcelApi 1.10", async () => {
    installFakeOffice(g, makeWorkbook([makeSheet("A", [["x"]])]), { requirementSets: "1.9" });
    await expect(
      g.Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem("A").onRowSorted.add(() => undefined);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
