import ExcelJS from "exceljs";
import { createExcelDisputeHost } from "../../../src/adapters/excel/disputeHost";
import { DISPUTE_SHEET, DISPUTE_TITLE } from "../../../src/adapters/excel/disputeSheet";
import { listWorkbookBytes, toBase64 } from "../../../src/core/disputes/listWorkbook";
import { disputeSchema } from "../../../src/core/disputes/dispute";
import { disputeListRows, readDisputeList } from "../../../src/core/disputes/exportList";
import { installFakeOffice, uninstallFakeOffice } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook } from "../../fakes/excel/state";
import { clone, invoiceValues } from "./fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

const d = (i: number, comment: string) =>
  disputeSchema.parse({
    key: `id:VT${i}`,
    fingerprint: "00000000000000aa",
    content: "00000000000000bb",
    sheet: "Underlag",
    row: i + 1,
    reason: "DECEASED",
    comment,
    by: "Anna",
    at: "2024-02-01T10:00:00Z",
    withdrawn: false,
    stay: { stayId: `VT${i}`, personId: "19300101-1000", municipality: "Kalmar", careType: "somatic", ready: "2024-01-03", discharge: "2024-01-08" },
    figures: { days: 5, liableDays: 2, amount: 18070 },
  });

const list = () => disputeListRows([d(1, "=HYPERLINK(\"http://x\")"), d(2, "avled <hemma> & \"snabbt\"")], "sv");

describe("dispute list export", () => {
  test("a table on a sheet of its own, identity numbers in full, formulas neutralised; the user's sheet untouched; replaced on the next export", async () => {
    const state = makeWorkbook([makeSheet("Underlag", invoiceValues(5))]);
    const before = clone(state.sheets[0]);
    installFakeOffice(g, state);
    const host = createExcelDisputeHost();
    await host.writeDisputeSheet(list());
    await host.writeDisputeSheet(list());
    const sheet = state.sheets.find((s) => s.name === DISPUTE_SHEET)!;
    expect(state.sheets.filter((s) => s.name === DISPUTE_SHEET)).toHaveLength(1);
    expect(sheet.values[0][0]).toBe(DISPUTE_TITLE);
    expect(sheet.values[2]).toEqual(list().header);
    expect(sheet.values[3]).toContain("19300101-1000");
    expect(sheet.values[3]).toContain("'=HYPERLINK(\"http://x\")");
    expect(sheet.tables).toEqual([expect.objectContaining({ name: "Bestridanden", address: "A3:T5", hasHeaders: true })]);
    expect(state.sheets[0]).toEqual(before);
    // What the sheet holds reads back as the same disputes (the apostrophe guard is removed).
    expect(readDisputeList(sheet.values.slice(2)).disputes.map((x) => x.comment)).toEqual(["=HYPERLINK(\"http://x\")", "avled <hemma> & \"snabbt\""]);
  });

  test("a sheet of the same name that the user wrote is not replaced", async () => {
    const state = makeWorkbook([makeSheet("Underlag", invoiceValues(2)), makeSheet(DISPUTE_SHEET, [["mina anteckningar"]])]);
    installFakeOffice(g, state);
    await expect(createExcelDisputeHost().writeDisputeSheet(list())).rejects.toMatchObject({ code: "RESULT_SHEET_NOT_OURS" });
    expect(state.sheets[1].values).toEqual([["mina anteckningar"]]);
  });

  test("a new workbook holding only the list: valid .xlsx bytes, opened with Excel.createWorkbook (ExcelApi 1.8)", async () => {
    const bytes = listWorkbookBytes(list());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Bestridanden"]);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe("Vårdtillfälle");
    expect(ws.getRow(2).getCell(2).value).toBe("19300101-1000");
    // Stored as text, never as a formula.
    const comment = ws.getRow(2).getCell(list().header.indexOf("Kommentar") + 1);
    expect(comment.value).toBe("=HYPERLINK(\"http://x\")");
    expect(comment.formula).toBeUndefined();
    expect(ws.getRow(3).getCell(list().header.indexOf("Kommentar") + 1).value).toBe("avled <hemma> & \"snabbt\"");
    expect(ws.getRow(2).getCell(list().header.indexOf("Belopp") + 1).value).toBe(18070);

    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(2))]));
    await createExcelDisputeHost().openDisputeWorkbook(toBase64(bytes));
    expect(handle.createdWorkbooks).toEqual([Buffer.from(bytes).toString("base64")]);
  });

  test("without ExcelApi 1.8 the new workbook is refused with a message naming the alternatives", async () => {
    installFakeOffice(g, makeWorkbook([makeSheet("Underlag", invoiceValues(2))]), { requirementSets: "1.7" });
    await expect(createExcelDisputeHost().openDisputeWorkbook("AAAA")).rejects.toMatchObject({ code: "API_UNSUPPORTED", bilingual: { en: expect.stringMatching(/ExcelApi 1\.8.*copy it as text/) } });
  });
});
