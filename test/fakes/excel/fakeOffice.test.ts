/**
 * The fake must be as strict as Excel where the adapter could go wrong: unloaded reads throw,
 * writes wait for sync, an oversized sync fails whole, protected sheets refuse writes.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { installFakeOffice, uninstallFakeOffice, type FakeOfficeHandle } from "./fakeOffice";
import { loadXlsxState } from "./loadXlsx";
import { makeSheet, makeWorkbook, parseAddress, usedRect } from "./state";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;

function install(values: any[][] = [["a", 1], ["b", 2]], options = {}): FakeOfficeHandle {
  return installFakeOffice(g, makeWorkbook([makeSheet("Data", values), makeSheet("Other", [["x"]])]), options);
}

afterEach(() => uninstallFakeOffice(g));

describe("proxy semantics", () => {
  test("reading a property before load + sync throws PropertyNotLoaded with Office's message", async () => {
    install();
    await g.Excel.run(async (context: any) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B2");
      expect(() => range.values).toThrow(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
      range.load("values");
      // Loaded only at sync, not at load().
      expect(() => range.values).toThrow(/not available/);
      let caught: any = null;
      try {
        void range.rowCount;
      } catch (e) {
        caught = e;
      }
      expect(caught).toMatchObject({ code: "PropertyNotLoaded", name: "RichApi.Error" });
      await context.sync();
      expect(range.values).toEqual([["a", 1], ["b", 2]]);
      expect(() => range.rowCount).toThrow(/'rowCount' is not available/);
    });
  });

  test("collection items must be loaded", async () => {
    install();
    await g.Excel.run(async (context: any) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/'items' is not available/);
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s: any) => s.name)).toEqual(["Data", "Other"]);
      expect(() => sheets.items[0].visibility).toThrow(/'visibility'/);
    });
  });

  test("isNullObject of an *OrNullObject proxy is known after sync", async () => {
    install();
    await g.Excel.run(async (context: any) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Data");
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test("getItem of a missing sheet fails at sync with ItemNotFound", async () => {
    install();
    await expect(
      g.Excel.run(async (context: any) => {
        context.workbook.worksheets.getItem("Nope").getRange("A1").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("writes", () => {
  test("are queued and applied only at sync", async () => {
    const handle = install();
    await g.Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [["changed"]];
      context.workbook.worksheets.add("New");
      expect(handle.state.sheets[0].values[0][0]).toBe("a");
      expect(handle.state.sheets.map((s) => s.name)).toEqual(["Data", "Other"]);
      await context.sync();
      expect(handle.state.sheets[0].values[0][0]).toBe("changed");
      expect(handle.state.sheets.map((s) => s.name)).toEqual(["Data", "Other", "New"]);
    });
  });

  test("Excel.run syncs what the batch left queued", async () => {
    const handle = install();
    await g.Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("Data").getRange("B1").values = [[42]];
    });
    expect(handle.state.sheets[0].values[0][1]).toBe(42);
    expect(handle.counters.syncs).toBe(1);
  });

  test("a protected sheet refuses writes with AccessDenied", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Locked", [["a"]], { protected: true }), makeSheet("Free", [])]));
    await expect(
      g.Excel.run(async (context: any) => {
        context.workbook.worksheets.getItem("Locked").getRange("A1").values = [["b"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      g.Excel.run(async (context: any) => {
        context.workbook.worksheets.getItem("Locked").getRange("A1").conditionalFormats.add("Custom");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(handle.state.sheets[0].values).toEqual([["a"]]);
    expect(handle.state.sheets[0].conditionalFormats).toEqual([]);
  });

  test("values of the wrong shape are rejected", async () => {
    install();
    await expect(
      g.Excel.run(async (context: any) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [["only one"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("payload limit", () => {
  test("a sync over the limit rejects with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const handle = install(undefined, { payloadLimitBytes: 1000 });
    const big = Array.from({ length: 100 }, (_, i) => [`row ${i} with some text`]);
    await expect(
      g.Excel.run(async (context: any) => {
        const sheet = context.workbook.worksheets.getItem("Data");
        sheet.getRange("C1").values = [["small write first"]];
        sheet.getRange("A1:A100").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded", name: "RichApi.Error" });
    expect(handle.state.sheets[0].values).toEqual([["a", 1], ["b", 2]]);
    expect(handle.counters.syncs).toBe(1);
    expect(handle.counters.maxBytes).toBeGreaterThan(1000);
  });

  test("a load whose response is over the limit rejects with ResponsePayloadSizeLimitExceeded", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => [`text number ${i} that is long enough`]);
    install(rows, { payloadLimitBytes: 2000 });
    await expect(
      g.Excel.run(async (context: any) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:A200").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("bytes per sync are counted from the JSON of writes and responses", async () => {
    const handle = install();
    await g.Excel.run(async (context: any) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A1:B2");
      r.load("values");
      await context.sync();
    });
    // The response alone: "values" (6) + JSON of [["a",1],["b",2]] (21) = 27.
    expect(handle.counters.bytesPerSync[0]).toBeGreaterThanOrEqual(27);
  });
});

describe("host facts", () => {
  test("requirement sets: isSetSupported and ApiNotFound above the host's version", async () => {
    install(undefined, { requirementSets: "1.5" });
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.5")).toBe(true);
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
    await expect(
      g.Excel.run(async (context: any) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").conditionalFormats.add("Custom");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(g.Office.onReady()).resolves.toMatchObject({ host: "Excel" });
  });

  test("DATE(1904,1,1) gives 1462 in the 1900 system and 0 in the 1904 system", async () => {
    for (const [date1904, expected] of [
      [false, 1462],
      [true, 0],
    ] as const) {
      installFakeOffice(g, makeWorkbook([makeSheet("S", [])], { date1904 }));
      const v = await g.Excel.run(async (context: any) => {
        const r = context.workbook.functions.date(1904, 1, 1);
        r.load("value");
        await context.sync();
        return r.value;
      });
      expect(v).toBe(expected);
    }
    // 2024-01-15 in the 1900 system is 45306 (the serial Excel shows for that date).
    installFakeOffice(g, makeWorkbook([makeSheet("S", [])]));
    const jan15 = await g.Excel.run(async (context: any) => {
      const r = context.workbook.functions.date(2024, 1, 15);
      r.load("value");
      await context.sync();
      return r.value;
    });
    expect(jan15).toBe(45306);
  });

  test("addresses and used range", () => {
    expect(parseAddress("B2:D10")).toEqual({ r0: 1, c0: 1, r1: 9, c1: 3 });
    expect(parseAddress("'My sheet'!$AA$1")).toEqual({ r0: 0, c0: 26, r1: 0, c1: 26 });
    expect(parseAddress("5:5")).toEqual({ r0: 4, c0: 0, r1: 4, c1: 16_383 });
    expect(parseAddress("nonsense")).toBeNull();
    expect(usedRect(makeSheet("S", [[], ["", "x"], ["", "", ""], [null, "", 3]]))).toEqual({ r0: 1, r1: 3, c0: 1, c1: 2 });
    expect(usedRect(makeSheet("S", [[""]]))).toBeNull();
  });
});

describe("loadXlsxState", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "fake-excel-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("dates become serials, formulas their results, hidden/protected sheets keep their state", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Underlag");
    ws.getCell("A1").value = "Inskrivningsdatum";
    ws.getCell("A2").value = new Date(Date.UTC(2024, 0, 15));
    ws.getCell("B2").value = { formula: "1+1", result: 2 };
    ws.getCell("C2").value = { error: "#N/A" } as any;
    const hidden = wb.addWorksheet("Dold", { state: "hidden" });
    hidden.getCell("A1").value = 1;
    await hidden.protect("", {});
    const file = join(dir, "t.xlsx");
    await wb.xlsx.writeFile(file);

    const state = await loadXlsxState(file);
    expect(state.date1904).toBe(false);
    expect(state.sheets[0].values).toEqual([["Inskrivningsdatum"], [45306, 2, "#N/A"]]);
    expect(state.sheets[1]).toMatchObject({ name: "Dold", visibility: "Hidden", protected: true });
  });
});

describe("browser safety", () => {
  test("the fake and its state use no Node APIs (the browser tests inject them into Chromium)", () => {
    for (const file of ["fakeOffice.ts", "state.ts"]) {
      const source = readFileSync(join(__dirname, file), "utf8");
      expect(source).not.toMatch(/from "(node:|fs|path|os|exceljs)|require\(|process\.|Buffer/);
    }
  });
});

describe("what the fake does not model throws", () => {
  test("writing a misspelt or unmodelled property throws instead of passing silently", async () => {
    install();
    await g.Excel.run(async (context: any) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B2");
      expect(() => {
        range.valuez = [[1, 2]];
      }).toThrow(/does not model setting Range\.valuez/);
      expect(() => {
        range.format.wrapText = true;
      }).toThrow(/does not model setting RangeFormat\.wrapText/);
      expect(() => {
        range.rowCount = 3;
      }).toThrow(/Range\.rowCount \(read-only\)/);
      expect(() => range.hidden).toThrow(/does not model reading Range\.hidden/);
      expect(() => context.workbook.names).toThrow(/reading Workbook\.names/);
      // What the fake models still works through the proxy.
      range.values = [["x", 1], ["y", 2]];
      await context.sync();
    });
  });

  test("the namespaces and enums are strict too; awaiting a fake object still works", async () => {
    const handle = install();
    expect(() => g.Excel.SheetVisibility.hiden).toThrow(/reading Excel\.SheetVisibility\.hiden/);
    expect(() => g.Office.context.document).toThrow(/reading Office\.context\.document/);
    expect(g.Excel.SheetVisibility.hidden).toBe("Hidden");
    // An async function that returns a fake object makes the promise ask it for `then`.
    const name = await g.Excel.run(async (context: any) => {
      const sheet = await Promise.resolve(context.workbook.worksheets.getItem("Data"));
      sheet.load("name");
      await context.sync();
      return sheet.name;
    });
    expect(name).toBe("Data");
    expect(handle.state.sheets[0].values[0][0]).toBe("a");
  });
});
