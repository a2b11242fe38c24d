/** The batch fixtures (test/core/batch/fixtures.ts) written as .xlsx files, for the command's tests. */
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { FILES } from "../core/batch/fixtures";

/** Writes the three monthly bases into `dir`; returns their paths in name order. */
export async function writeMonthlyBases(dir: string, names: readonly string[] = Object.keys(FILES)): Promise<string[]> {
  const out: string[] = [];
  for (const name of names) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Underlag");
    for (const r of FILES[name]) ws.addRow(r);
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    out.push(file);
  }
  return out;
}

/** A file with an .xlsx name that is no workbook. */
export function writeBrokenBasis(dir: string, name = "2023-12.xlsx"): string {
  const file = path.join(dir, name);
  writeFileSync(file, "this is not a zip");
  return file;
}
