/** The committed sample is what make-sample.ts writes, and its ids and rows are as promised. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readXlsxFile } from "../../../src/adapters/xlsx/xlsxReader";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { HEADERS, luhnDigit } from "../../../scripts/bench-stays";
import { writeSample } from "../../../scripts/make-sample";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const manifest = JSON.parse(readFileSync(path.join(ROOT, "samples/fakturaunderlag-exempel.seeded.json"), "utf8"));

describe("sample invoice basis", () => {
  it("has title rows, the header at row 4, ~400 stays, a total row and a notes sheet", async () => {
    const g = await readXlsxFile(path.join(ROOT, "samples/fakturaunderlag-exempel.xlsx"));
    expect(g.sheets.map((s) => s.name)).toEqual(["Fakturaunderlag", "Anteckningar"]);
    const v = g.sheets[0].values;
    expect(v[0][0]).toBe("Fakturaunderlag – utskrivningsklara patienter");
    expect(v[1][0]).toBe("Period: 2023-10");
    expect(v[3]).toEqual([...HEADERS]);
    expect(v[manifest.totalRow - 1][0]).toBe("Summa");
    const dataRows = v.slice(4, manifest.totalRow - 1);
    expect(dataRows.length).toBeGreaterThanOrEqual(390);
    expect(dataRows.length).toBeLessThanOrEqual(420);

    // Every id has a valid Luhn digit except the seeded INVALID_PERSON_ID row.
    const badRows = new Set(manifest.seeded.filter((s: { code: string }) => s.code === "INVALID_PERSON_ID").map((s: { row: number }) => s.row));
    dataRows.forEach((row, i) => {
      const excelRow = i + 5;
      const id = String(row[0]);
      expect(id).toMatch(/^\d{8}-\d{4}$/);
      const ten = id.slice(2, 8) + id.slice(9, 12);
      expect(luhnDigit(ten) === Number(id[12])).toBe(!badRows.has(excelRow));
    });

    // Dates are real Excel dates (serials) in October 2023 for discharge, except the text date row.
    const discharges = dataRows.map((r) => r[4]).filter((x) => typeof x === "number") as number[];
    // 2023-10-01 = 45200, 2023-10-31 = 45230
    expect(discharges.filter((d) => d >= 45200 && d <= 45230).length).toBeGreaterThan(380);
    expect(dataRows.some((r) => r[4] === "2023-10-05")).toBe(true);
    expect(dataRows.some((r) => r[15] === "#N/A")).toBe(true);
    // Total row: a SUM formula's cached value equals the numeric Belopp cells.
    const sumAmount = dataRows.reduce((s, r) => s + (typeof r[18] === "number" ? r[18] : 0), 0);
    expect(v[manifest.totalRow - 1][18]).toBe(sumAmount);
  });

  it("is exactly what make-sample.ts writes (deterministic, committed up to date)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sample-"));
    const xlsx = path.join(dir, "s.xlsx");
    const json = path.join(dir, "s.json");
    await writeSample(xlsx, json);
    expect(readFileSync(xlsx).equals(readFileSync(path.join(ROOT, "samples/fakturaunderlag-exempel.xlsx")))).toBe(true);
    expect(readFileSync(json, "utf8")).toBe(readFileSync(path.join(ROOT, "samples/fakturaunderlag-exempel.seeded.json"), "utf8"));
  });

  it("seeds every error the brief asks for", () => {
    const codes = new Set(manifest.seeded.map((s: { code: string | null }) => s.code));
    for (const c of ["INVALID_PERSON_ID", "NOT_RESIDENT", "DECEASED", "DISCHARGE_BEFORE_READY", "READY_BEFORE_ADMISSION",
      "DUPLICATE_STAY", "OVERLAPPING_STAYS", "DAYS_MISMATCH", "AMOUNT_MISMATCH", "MISSING_FIELD", "STILL_ADMITTED", "INVALID_VALUE"]) {
      expect(codes).toContain(c);
    }
  });
});
