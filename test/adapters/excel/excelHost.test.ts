import { createExcelHost, checkRequirementsWith, HELPER_SHEET, RESULT_SHEET } from "../../../src/adapters/excel";
import { SETTINGS_KEY, parseOverrides } from "../../../src/adapters/excel/settings";
import { PREVIEW_ROWS } from "../../../src/adapters/excel/preview";
import { installFakeOffice, uninstallFakeOffice } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook } from "../../fakes/excel/state";
import { invoiceValues } from "./fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

describe("selectRow", () => {
  test("activates the sheet and selects the whole row", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Start", [["x"]]), makeSheet("Underlag", invoiceValues(20))]));
    await createExcelHost().selectRow("Underlag", 12);
    expect(handle.state.activeSheet).toBe("Underlag");
    expect(handle.state.selection).toEqual({ sheet: "Underlag", address: "A12:XFD12" });
    expect(handle.counters.syncs).toBe(2);
  });

  test("a missing sheet or an impossible row is a clear error", async () => {
    installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(2))]));
    const host = createExcelHost();
    await expect(host.selectRow("Borta", 2)).rejects.toMatchObject({ code: "SHEET_NOT_FOUND" });
    await expect(host.selectRow("Underlag", 0)).rejects.toMatchObject({ code: "INVALID_ROW" });
    await expect(host.selectRow("Underlag", 2.5)).rejects.toMatchObject({ code: "INVALID_ROW" });
  });
});

describe("mapping overrides in workbook settings", () => {
  test("round-trip under one key", async () => {
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", [])]));
    const host = createExcelHost();
    expect(await host.loadMappingOverrides()).toEqual({});
    const overrides = { Underlag: { personId: 0, municipality: 5, unit: null }, Mars: { amount: 13 } };
    await host.saveMappingOverrides(overrides);
    expect(Object.keys(handle.state.settings)).toEqual([SETTINGS_KEY]);
    expect(await host.loadMappingOverrides()).toEqual(overrides);
    await host.saveMappingOverrides({ Underlag: { personId: 1 } });
    expect(await host.loadMappingOverrides()).toEqual({ Underlag: { personId: 1 } });
  });

  test("damaged settings load as far as they are valid", async () => {
    installFakeOffice(g, makeWorkbook([makeSheet("Underlag", [])], { settings: { [SETTINGS_KEY]: "{not json" } }));
    expect(await createExcelHost().loadMappingOverrides()).toEqual({});
    expect(parseOverrides({ A: { personId: 2, nonsense: 3, amount: -1, unit: "x", careType: null }, B: 7 })).toEqual({ A: { personId: 2, careType: null } });
  });
});

describe("dateSystem", () => {
  test("reads the 1900 and the 1904 system", async () => {
    installFakeOffice(g, makeWorkbook([makeSheet("S", [])]));
    expect(await createExcelHost().dateSystem()).toBe("1900");
    uninstallFakeOffice(g);
    installFakeOffice(g, makeWorkbook([makeSheet("S", [])], { date1904: true }));
    expect(await createExcelHost().dateSystem()).toBe("1904");
  });

  test("without ExcelApi 1.2 it assumes 1900 and says so", async () => {
    installFakeOffice(g, makeWorkbook([makeSheet("S", [])], { date1904: true }), { requirementSets: "1.1" });
    const host = createExcelHost();
    expect(await host.dateSystem()).toBe("1900");
    const report = host.checkRequirements();
    expect(report.features.dateSystemDetection).toBe(false);
    expect(report.messages.map((m) => m.en).join(" ")).toMatch(/1900 system is assumed/);
  });
});

describe("previewSheets", () => {
  test("every sheet in three syncs, whatever their number; the add-in's own sheets left out", async () => {
    const sheets = [
      makeSheet("Underlag", invoiceValues(100)),
      makeSheet("Tom", []),
      makeSheet("Förskjuten", [[], [], ["", "", "Personnummer", "Kommun"], ["", "", "19121212-1212", "Kalmar"]], { protected: true }),
      ...Array.from({ length: 12 }, (_, i) => makeSheet(`Blad${i}`, [["a", i]])),
      makeSheet(HELPER_SHEET, [[0]], { visibility: "Hidden" }),
      makeSheet(RESULT_SHEET, [["x"]]),
    ];
    const handle = installFakeOffice(g, makeWorkbook(sheets));
    const previews = await createExcelHost().previewSheets();
    expect(handle.counters.syncs).toBe(3);
    expect(previews.map((p) => p.name)).toEqual(["Underlag", "Tom", "Förskjuten", ...Array.from({ length: 12 }, (_, i) => `Blad${i}`)]);
    const [underlag, tom, forskjuten] = previews;
    expect(underlag).toMatchObject({ rowCount: 101, columnCount: 18, originRow: 1, originColumn: 0, isProtected: false });
    expect(underlag.head.values).toHaveLength(PREVIEW_ROWS);
    expect(underlag.head.values[1]).toEqual(invoiceValues(1)[1]);
    expect(tom).toMatchObject({ rowCount: 0, columnCount: 0, head: { values: [] } });
    expect(forskjuten).toMatchObject({ rowCount: 2, columnCount: 2, originRow: 3, originColumn: 2, isProtected: true });
    expect(forskjuten.head).toEqual({ name: "Förskjuten", values: [["Personnummer", "Kommun"], ["19121212-1212", "Kalmar"]], originRow: 3, originColumn: 2 });
  });
});

describe("checkRequirements", () => {
  const at = (max: number) => checkRequirementsWith((v) => Number(v.split(".")[1]) <= max);

  test("ExcelApi 1.6 is enough for everything but the benchmark line, the findings' links and the added sheets' charts", () => {
    const r = at(6);
    expect(r.minimum).toEqual({ set: "ExcelApi", version: "1.6" });
    expect(r.fullySupported).toBe(true);
    expect(r.canReview).toBe(true);
    expect(r.features).toEqual({ read: true, marks: true, resultSheet: true, mappingMemory: true, dateSystemDetection: true, benchmarkLine: false, cellLinks: false, specSheet: true, specCharts: false });
    expect(r.messages).toHaveLength(3);
    expect(at(7).messages).toEqual([]);
  });

  test("ExcelApi 1.5: the review runs, marking does not, with a message", () => {
    const r = at(5);
    expect(r.canReview).toBe(true);
    expect(r.fullySupported).toBe(false);
    expect(r.features.marks).toBe(false);
    expect(r.messages.map((m) => m.sv).join(" ")).toMatch(/villkorsstyrd formatering/);
  });

  test("ExcelApi 1.3: nothing can be read", () => {
    expect(at(3).canReview).toBe(false);
  });

  test("the host refuses to mark on 1.5 with a clear error, and clearing is a no-op", async () => {
    installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(3))]), { requirementSets: "1.5" });
    const host = createExcelHost();
    await expect(host.markFindings([])).rejects.toMatchObject({ code: "API_UNSUPPORTED" });
    await expect(host.clearMarks()).resolves.toBeUndefined();
  });

  test("outside Office nothing is supported", () => {
    expect(createExcelHost().checkRequirements().canReview).toBe(false);
  });
});
