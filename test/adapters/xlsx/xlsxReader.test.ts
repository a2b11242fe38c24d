/**
 * The reader of the headless command (xlsxReader.ts) against the exceljs streaming reader it
 * replaced (readWorkbook.ts, kept as the reference): the same values on every workbook the
 * tests use and on generated cells of every kind, and the right values where the old reader
 * was wrong (inline rich text, formula errors).
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readXlsxWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { readXlsxFile } from "../../../src/adapters/xlsx/xlsxReader";
import { writeMarkedCopy } from "../../../src/adapters/xlsx/writeMarkedCopy";
import { FORMULA_WITHOUT_VALUE, type WorkbookGrids } from "../../../src/core/cells/cellValue";
import { getPreset } from "../../../src/core/agreements/presets";
import { reviewWorkbook } from "../../../src/core/review/reviewWorkbook";
import { writeSample } from "../../../scripts/make-sample";
import { writePackage } from "./xlsxParts";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const SAMPLE = path.join(ROOT, "samples/fakturaunderlag-exempel.xlsx");
const dir = mkdtempSync(path.join(tmpdir(), "xlsx-reader-"));
let fileNo = 0;
const nextFile = () => path.join(dir, `w${++fileNo}.xlsx`);

/** Rows compared without trailing empty cells: exceljs drops a trailing empty shared string, the new reader keeps it as "". */
function normalised(g: WorkbookGrids) {
  return {
    dateSystem: g.dateSystem,
    sheets: g.sheets.map((s) => ({
      name: s.name,
      values: s.values.map((row) => {
        const out = row.map((v) => (v === null || v === undefined ? "" : v));
        while (out.length && out[out.length - 1] === "") out.pop();
        return out;
      }),
    })),
  };
}

async function expectSameAsExceljs(file: string): Promise<WorkbookGrids> {
  const fresh = await readXlsxFile(file);
  expect(normalised(fresh)).toEqual(normalised(await readXlsxWorkbook(file)));
  return fresh;
}

describe("readXlsxFile gives the exceljs reader's values", () => {
  it("on the committed sample", async () => {
    const g = await expectSameAsExceljs(SAMPLE);
    expect(g.sheets.map((s) => s.name)).toEqual(["Fakturaunderlag", "Anteckningar"]);
  });

  it("on a freshly generated sample and on its marked copy", async () => {
    const xlsx = nextFile();
    await writeSample(xlsx, path.join(dir, "seeded.json"));
    await expectSameAsExceljs(xlsx);
    const grids = await readXlsxFile(xlsx);
    const result = reviewWorkbook(grids, { profile: getPreset("lag-2017-612")!, referenceDay: 19_676 });
    const marked = nextFile();
    await writeMarkedCopy(xlsx, marked, result, { lang: "sv" });
    const copy = await expectSameAsExceljs(marked);
    expect(copy.sheets.length).toBeGreaterThan(grids.sheets.length); // the copy adds a result sheet
  });

  it.each([false, true])("on the cell forms of the reader tests (date1904 %s)", async (date1904) => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = new Date(Date.UTC(2023, 9, 5));
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    ws.getCell("B1").value = new Date(Date.UTC(2023, 9, 5, 14, 30));
    ws.getCell("C1").value = { richText: [{ text: "Halm" }, { text: "stad", font: { bold: true } }] };
    ws.getCell("D1").value = { formula: "1+2", result: 3 };
    ws.getCell("E1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("G1").value = "Varberg";
    ws.getCell("A3").value = true;
    ws.getCell("B3").value = { formula: '"x"&"y"', result: "xy" };
    ws.getCell("C3").value = 42.5;
    ws.getCell("F3").value = { formula: "1-1", result: 0 };
    ws.getCell("G3").value = { formula: '""', result: "" };
    ws.getCell("H3").value = { formula: "A1" }; // no cached result
    ws.getCell("XFD5").value = "far right";
    ws.mergeCells("A7:C8");
    ws.getCell("A7").value = "merged";
    wb.addWorksheet("Hidden", { state: "hidden" }).getCell("A1").value = "h";
    wb.addWorksheet("Second").getCell("B2").value = "s";
    const file = nextFile();
    await wb.xlsx.writeFile(file);
    const g = await expectSameAsExceljs(file);
    expect(g.dateSystem).toBe(date1904 ? "1904" : "1900");
    expect(g.sheets.map((s) => s.name)).toEqual(["Data", "Hidden", "Second"]);
    // 2023-10-05 is serial 45204 in the 1900 system, 45204 − 1462 = 43742 in the 1904 system.
    expect(g.sheets[0].values[0][0]).toBe(date1904 ? 43742 : 45204);
    expect(g.sheets[0].values[4]).toHaveLength(16_384);
  });
});

describe("readXlsxFile where the exceljs reader was wrong", () => {
  it("reads inline rich text whole: 'Halm' + 'stad' is 'Halmstad', without the phonetic guide", async () => {
    const file = nextFile();
    await writePackage(file, {
      sheets: [{
        name: "Blad1",
        rows:
          '<row r="1"><c r="A1" t="inlineStr"><is><r><t>Halm</t></r><r><rPr><b/></rPr><t>stad</t></r></is></c>' +
          '<c r="B1" t="inlineStr"><is><t>Var</t><rPh sb="0" eb="1"><t>ヴァ</t></rPh></is></c></row>',
      }],
    });
    const g = await readXlsxFile(file);
    expect(g.sheets[0].values[0]).toEqual(["Halmstad", "Var"]);
  });

  it("so an inline municipality no longer gives a false NOT_RESIDENT", async () => {
    // The sample's Kommun and Folkbokföringskommun cells (F, G) rewritten as inline rich text runs.
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
    const items = [...sst.matchAll(/<si>(.*?)<\/si>/gs)].map((m) => m[1].replace(/<[^>]+>/g, ""));
    const index = String(items.indexOf("Halmstad"));
    expect(Number(index)).toBeGreaterThanOrEqual(0);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    let replaced = 0;
    const patched = sheet.replace(/<c r="([FG]\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (whole, ref, a, b, v) => {
      if (v !== index) return whole;
      replaced++;
      return `<c r="${ref}"${a}${b} t="inlineStr"><is><r><t>Halm</t></r><r><t>stad</t></r></is></c>`;
    });
    expect(replaced).toBeGreaterThan(10);
    zip.file("xl/worksheets/sheet1.xml", patched);
    const file = nextFile();
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const review = async (f: string) =>
      reviewWorkbook(await readXlsxFile(f), { profile: getPreset("lag-2017-612")!, referenceDay: 19_676 }).findings.filter((x) => x.code === "NOT_RESIDENT").length;
    expect(await review(file)).toBe(await review(SAMPLE));
  });

  it("keeps a formula's error text, its boolean result, and ISO date cells as serials", async () => {
    const file = nextFile();
    await writePackage(file, {
      sheets: [{
        name: "F",
        rows:
          '<row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B1" t="b"><f>1=1</f><v>1</v></c>' +
          '<c r="C1" t="b"><v>0</v></c><c r="D1" t="d"><v>2023-10-05T14:30:00</v></c><c r="E1" t="str"><f>"a"</f><v>a&amp;b</v></c>' +
          '<c r="F1"><f>A1</f></c></row>',
      }],
    });
    const [row] = (await readXlsxFile(file)).sheets[0].values;
    expect(row).toEqual(["#DIV/0!", true, false, expect.any(Number), "a&b", FORMULA_WITHOUT_VALUE]);
    // 2023-10-05 14:30 = 45204 + 14.5/24 = 45204.6041666…
    expect(row[3]).toBeCloseTo(45204 + 14.5 / 24, 9);
  });
});

describe("readXlsxFile on SpreadsheetML as others write it", () => {
  it("cells and rows without r, sparse rows and columns, entities, _xHHHH_ escapes, CDATA, line ends", async () => {
    const file = nextFile();
    await writePackage(file, {
      sharedItems: ['<t xml:space="preserve"> a &lt;b&gt; &amp; &#228;&#x0E4; </t>', "<t>line_x000D_\r\nbreak _x005F_x0041_</t>", "<t/>"],
      sheets: [{
        name: "Sparse",
        rows:
          '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c r="E1" t="s"><v>2</v></c><c r="F1"><v>7</v></c></row>' +
          '<row r="4" spans="1:3"><c r="C4" s="2"/><c r="B4"><v>-1.5E-3</v></c></row>' +
          '<row><c r="A5" t="str"><v><![CDATA[<raw> & ]]>tail</v></c><!-- a comment --><c r="B5"><v>0045204.50</v></c></row>' +
          '<row r="7"/>',
      }],
    });
    const v = (await readXlsxFile(file)).sheets[0].values;
    expect(v[0]).toEqual([" a <b> & ää ", "line\r\nbreak _x0041_", "", "", "", 7]);
    expect(v[1]).toEqual([]);
    expect(v[2]).toEqual([]);
    expect(v[3]).toEqual(["", -0.0015]); // C4 has a style only: no value
    expect(v[4]).toEqual(["<raw> & tail", 45204.5]);
    expect(v).toHaveLength(7);
  });

  it("reads Excel's last row and refuses a row or column past Excel's grid as a damaged file", async () => {
    const last = nextFile();
    await writePackage(last, { sheets: [{ name: "L", rows: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' }] });
    const v = (await readXlsxFile(last)).sheets[0].values;
    expect(v).toHaveLength(1_048_576);
    expect(v[1_048_575]).toHaveLength(16_384);
    for (const rows of ['<row r="1048577"><c><v>1</v></c></row>', '<row r="1"><c r="XFE1"><v>1</v></c></row>']) {
      const bad = nextFile();
      await writePackage(bad, { sheets: [{ name: "L", rows }] });
      await expect(readXlsxFile(bad)).rejects.toMatchObject({ code: "CORRUPT", message: expect.stringMatching(/skadad.*corrupt.*past Excel/) });
    }
  });

  it("a package stored without compression (parts STORED, as some zip tools write them) reads the same", async () => {
    const deflated = nextFile();
    await writePackage(deflated, { sharedStrings: ["Halmstad"], sheets: [{ name: "S", rows: '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2"><v>3.25</v></c></row>' }] });
    const zip = await JSZip.loadAsync(readFileSync(deflated));
    const stored = nextFile();
    writeFileSync(stored, await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }));
    expect((await readXlsxFile(stored)).sheets[0].values).toEqual([[], ["", "Halmstad", 3.25]]);
  });

  it("strict OOXML with prefixed elements, date1904=\"true\", sheets stored before the workbook", async () => {
    const file = nextFile();
    await writePackage(file, {
      strict: true,
      date1904: "true",
      sheetsFirst: true,
      sharedStrings: ["Kommun"],
      sheets: [
        { name: "Först", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>43742</v></c></row>' },
        { name: "Dolt", state: "veryHidden", rows: '<row r="2"><c r="B2" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>', file: "data.xml" },
      ],
    });
    const g = await readXlsxFile(file);
    expect(g.dateSystem).toBe("1904");
    expect(g.sheets.map((s) => [s.name, s.values])).toEqual([
      ["Först", [["Kommun", 43742]]],
      ["Dolt", [[], ["", "ab"]]],
    ]);
  });
});

/** A cell of every kind exceljs writes and its streaming reader reads right. */
const cellArb: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.integer({ min: 0, max: 3_000_000 }).map((m) => 45_000 + m / 1440), // a date serial with minutes
  // Text of any characters, but not SpreadsheetML's _xHHHH_ escape: exceljs writes it unescaped,
  // so Excel (and the new reader) would read a different text than exceljs.
  fc.string({ unit: "grapheme", maxLength: 12 }).filter((s) => !/_x[0-9a-fA-F]{4}_/.test(s)),
  fc.constantFrom("Halmstad", "Varberg", "19470101-1234", " leading", "trailing ", "a\nb", "<&>\"'"),
  fc.boolean(),
  fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!").map((error) => ({ error }) as ExcelJS.CellErrorValue),
  fc.array(fc.string({ maxLength: 5 }).filter((s) => !/_x/.test(s)), { minLength: 1, maxLength: 3 }).map((runs) => ({ richText: runs.map((text) => ({ text })) })),
  fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map((result) => ({ formula: "1+1", result })),
  fc.string({ maxLength: 8 }).filter((s) => !/[&_]/.test(s)).map((result) => ({ formula: "T(A1)", result })),
  fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2040, 0, 1)), noInvalidDate: true }),
  fc.constant(null),
);

describe("property: generated workbooks read alike", () => {
  jest.setTimeout(60_000);
  it("every cell kind, sparse rows and columns, several sheets, both date systems", async () => {
    const cellsArb = fc.array(fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 30 }), value: cellArb }), { maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(fc.array(cellsArb, { minLength: 1, maxLength: 3 }), fc.boolean(), async (sheets, date1904) => {
        const wb = new ExcelJS.Workbook();
        wb.properties.date1904 = date1904;
        sheets.forEach((cells, i) => {
          const ws = wb.addWorksheet(`S${i + 1}`);
          for (const c of cells) {
            // fast-check may build objects without a prototype, which exceljs writes as something
            // else (and then cannot read back): hand it plain objects.
            ws.getCell(c.row, c.col).value = c.value !== null && typeof c.value === "object" && !(c.value instanceof Date) ? JSON.parse(JSON.stringify(c.value)) : c.value;
            if (c.value instanceof Date) ws.getCell(c.row, c.col).numFmt = "yyyy-mm-dd hh:mm";
          }
        });
        const file = nextFile();
        await wb.xlsx.writeFile(file);
        await expectSameAsExceljs(file);
      }),
      { numRuns: 60 },
    );
  });

  it("inline strings of any runs read as the runs joined", async () => {
    const runText = fc.string({ unit: "grapheme", maxLength: 6 }).filter((s) => !/_x[0-9a-fA-F]{4}_/.test(s) && !s.includes("\r"));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(runText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 }), async (cells) => {
        const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        const row = cells.map((runs) => `<c t="inlineStr"><is>${runs.map((t) => `<r><t xml:space="preserve">${esc(t)}</t></r>`).join("")}</is></c>`).join("");
        const file = nextFile();
        await writePackage(file, { sheets: [{ name: "I", rows: `<row>${row}</row>` }] });
        const g = await readXlsxFile(file);
        expect(g.sheets[0].values[0]).toEqual(cells.map((runs) => runs.join("")));
      }),
      { numRuns: 40 },
    );
  });
});

describe("readXlsxFile on a damaged sheet", () => {
  it("a sheet whose compressed data is damaged half-way is one CORRUPT line, never half a sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    // Varied numbers, so the compressed sheet is long enough to damage in its middle.
    for (let r = 1; r <= 3000; r++) ws.getRow(r).values = [r, r * 1.37, `rad ${(r * 7919) % 10007}`];
    const file = nextFile();
    await wb.xlsx.writeFile(file);
    const { ZipArchive } = await import("../../../src/adapters/xlsx/zipArchive");
    const zip = ZipArchive.open(file);
    const entry = zip.entry("xl/worksheets/sheet1.xml")!;
    const start = zip.dataOffset(entry);
    zip.close();
    const bytes = readFileSync(file);
    for (let i = 0; i < 64; i++) bytes[start + (entry.compressedSize >> 1) + i] ^= 0x5a;
    writeFileSync(file, bytes);
    const e = await readXlsxFile(file).then(
      () => null,
      (err: unknown) => err as { code: string; message: string },
    );
    expect(e).toMatchObject({ code: "CORRUPT" });
    expect(e!.message).toMatch(/kunde inte läsas.*could not be read/);
    expect(e!.message).not.toMatch(/\n/);
  });
});
