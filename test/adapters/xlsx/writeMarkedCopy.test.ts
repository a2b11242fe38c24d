import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SEVERITY_FILL, writeMarkedCopy } from "../../../src/adapters/xlsx/writeMarkedCopy";
import { XlsxError } from "../../../src/adapters/xlsx/xlsxError";
import { finding, resultFixture } from "../../cli/resultFixture";

const dir = mkdtempSync(path.join(tmpdir(), "xlsx-mark-"));
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

async function makeInput(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Fakturaunderlag");
  ws.getCell("A1").value = "Fakturaunderlag";
  ws.getRow(4).values = ["Personnummer", "Utskrivningsklar datum", "Kommun"];
  for (let r = 5; r <= 8; r++) {
    ws.getCell(r, 1).value = `1947120${r}-900${r}`;
    ws.getCell(r, 2).value = new Date(Date.UTC(2023, 9, r));
    ws.getCell(r, 2).numFmt = "yyyy-mm-dd";
    ws.getCell(r, 3).value = "Halmstad";
  }
  const f = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(f);
  return f;
}

describe("writeMarkedCopy", () => {
  it("marks flagged rows by worst severity, keeps values, adds the result sheet, leaves the input byte-identical", async () => {
    const input = await makeInput();
    const before = sha(input);
    const out = path.join(dir, "out.xlsx");
    const result = resultFixture([
      finding({ code: "INVALID_PERSON_ID", severity: "error", row: 5, message: { sv: "Fel i 19471205-9005", en: "Bad 19471205-9005" } }),
      finding({ code: "LONG_STAY", severity: "warning", row: 5 }), // row 5 stays red: error is worse
      finding({ code: "LONG_STAY", severity: "warning", row: 6 }),
      finding({ code: "OUTSIDE_PERIOD", severity: "info", row: 7 }),
    ]);
    await writeMarkedCopy(input, out, result);
    expect(sha(input)).toBe(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Fakturaunderlag")!;
    const fillOf = (r: number, c: number) => {
      const fill = ws.getCell(r, c).fill as ExcelJS.FillPattern | undefined;
      return fill?.fgColor?.argb;
    };
    expect(fillOf(5, 1)).toBe(SEVERITY_FILL.error);
    expect(fillOf(5, 3)).toBe(SEVERITY_FILL.error);
    expect(fillOf(6, 2)).toBe(SEVERITY_FILL.warning);
    expect(fillOf(7, 1)).toBe(SEVERITY_FILL.info);
    expect(fillOf(8, 1)).toBeUndefined();
    expect(fillOf(4, 1)).toBeUndefined();
    // Values and date formats untouched.
    expect(ws.getCell(5, 1).value).toBe("19471205-9005");
    expect(ws.getCell(6, 2).numFmt).toBe("yyyy-mm-dd");
    expect((ws.getCell(6, 2).value as Date).toISOString()).toBe("2023-10-06T00:00:00.000Z");

    const res = wb.getWorksheet("Granskning")!;
    expect(res).toBeDefined();
    const texts: string[] = [];
    res.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain("Halmstad");
    expect(texts).toContain("INVALID_PERSON_ID");
    expect(texts).toContain("Fel i 19471205-****");
    expect(texts.join(" ")).not.toContain("19471205-9005");
  });

  it("refuses to write over the input", async () => {
    const input = await makeInput();
    const before = sha(input);
    const same = path.join(dir, ".", "in.xlsx");
    await expect(writeMarkedCopy(input, same, resultFixture([]))).rejects.toMatchObject({ code: "SAME_FILE" });
    await expect(writeMarkedCopy(input, same, resultFixture([]))).rejects.toBeInstanceOf(XlsxError);
    expect(sha(input)).toBe(before);
  });
});
