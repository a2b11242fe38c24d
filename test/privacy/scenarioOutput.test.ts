/**
 * The command's scenario outputs (--compare, --sensitivity; text and --json) with identity
 * numbers planted in every column, the municipality among them: masked unless --reveal.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/review";
import { getPreset, reviewWorkbook, scenarioSheetFromBasis } from "../../src/core";
import { idForm, PLACES, sheetWith, unmaskedIn, type IdForm, type Place } from "./idForms";

jest.setTimeout(60_000);

const planted: { form: IdForm; place: Place }[] = PLACES.flatMap((place, k) =>
  ["-", "", "\u2013"].map((separator, s) => ({
    form: idForm({ year: 1940 + k, month: 1 + s, day: 10 + k, coordination: false, serial: 100 + k * 3 + s, validCheck: true, twelve: s === 1, separator }),
    place,
  })),
);
const forms = planted.map((p) => p.form);
const inMunicipality = planted.filter((p) => p.place === "municipality").map((p) => p.form.text);

async function input(): Promise<string> {
  const sheet = sheetWith(planted);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.name);
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }),
  );
  const file = path.join(mkdtempSync(path.join(tmpdir(), "scenario-privacy-")), "in.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function runCli(args: string[]): Promise<string> {
  let stdout = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    expect(await main(args)).toBe(0);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return stdout;
}

describe("scenario outputs of the command", () => {
  let file: string;
  beforeAll(async () => {
    file = await input();
  });

  it("masks identity numbers in the comparison and the curve, text and JSON", async () => {
    const args = [file, "--today", "2023-11-15", "--agreement", "halland-2022", "--compare", "halland-2022,vgr-2020", "--sensitivity", "2:3:0.5"];
    const text = await runCli(args);
    const json = await runCli([...args, "--json"]);
    // The planted municipality names are groups of their own: they are in the output, masked.
    expect(JSON.parse(json).comparison.municipalities.length).toBeGreaterThan(1);
    expect(unmaskedIn(text, forms)).toEqual([]);
    expect(unmaskedIn(json, forms)).toEqual([]);
  });

  it("shows them with --reveal", async () => {
    const json = await runCli([file, "--today", "2023-11-15", "--agreement", "halland-2022", "--compare", "halland-2022", "--json", "--reveal"]);
    const names = (JSON.parse(json).comparison.municipalities as { municipality: string }[]).map((m) => m.municipality).join("\n");
    expect(inMunicipality.filter((t) => !names.includes(t.trim()))).toEqual([]);
  });
});

describe("the scenario sheet (a SheetSpec, for Excel and the copy)", () => {
  const result = reviewWorkbook({ dateSystem: "1900", sheets: [sheetWith(planted)] }, { profile: getPreset("halland-2022")!, referenceDay: 19_676 });
  const profiles = [getPreset("halland-2022")!, getPreset("vgr-2020")!];

  it("masks identity numbers in every cell, title and note, in both languages", () => {
    for (const lang of ["sv", "en"] as const) {
      const spec = scenarioSheetFromBasis(result.basis, profiles, lang);
      expect(spec.tables[0].rows.length).toBeGreaterThan(1);
      expect(unmaskedIn(JSON.stringify(spec), forms)).toEqual([]);
    }
  });

  it("shows them when revealed", () => {
    const spec = scenarioSheetFromBasis(result.basis, profiles, "sv", { reveal: true });
    const names = spec.tables[0].rows.map((r) => String(r[0])).join("\n");
    expect(inMunicipality.filter((t) => !names.includes(t.trim()))).toEqual([]);
  });
});
