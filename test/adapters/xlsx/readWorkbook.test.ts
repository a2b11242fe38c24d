import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { tmpdir } from "node:os";
import path from "node:path";
import { readXlsxWorkbook as readWithExceljs } from "../../../src/adapters/xlsx/readWorkbook";
import { readXlsxFile } from "../../../src/adapters/xlsx/xlsxReader";
import { XlsxError } from "../../../src/adapters/xlsx/xlsxError";
import { dateToSerial } from "../../../src/adapters/xlsx/cellConversion";

const dir = mkdtempSync(path.join(tmpdir(), "xlsx-read-"));

async function makeBook(name: string, date1904: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet("Data");
  ws.getCell("A1").value = new Date(Date.UTC(2023, 9, 5));
  ws.getCell("A1").numFmt = "yyyy-mm-dd";
  ws.getCell("B1").value = new Date(Date.UTC(2023, 9, 5, 14, 30));
  ws.getCell("B1").numFmt = "yyyy-mm-dd hh:mm";
  ws.getCell("C1").value = { richText: [{ text: "Halm" }, { text: "stad", font: { bold: true } }] };
  ws.getCell("D1").value = { formula: "1+2", result: 3 };
  ws.getCell("E1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("G1").value = "Varberg";
  ws.getCell("A3").value = true;
  ws.getCell("B3").value = { formula: "\"x\"&\"y\"", result: "xy" };
  ws.getCell("C3").value = 42.5;
  ws.getCell("D3").value = "Varberg"; // second use: a shared string
  ws.getCell("E3").value = "2023-10-05"; // a text date stays text
  ws.getCell("F3").value = { formula: "1-1", result: 0 }; // a formula giving 0 is 0, not empty
  ws.getCell("G3").value = { formula: "\"\"", result: "" };
  wb.addWorksheet("Second").getCell("A1").value = "s";
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * Both readers: the headless command's (readXlsxFile) and the exceljs streaming reader it
 * replaced, kept as the reference the new one is compared with (xlsxReader.test.ts).
 */
const READERS = [
  ["readXlsxFile", readXlsxFile],
  ["exceljs reference", readWithExceljs],
] as const;

describe.each(READERS)("%s", (readerName, readXlsxWorkbook) => {
  it("gives Office.js-like values in the 1900 date system", async () => {
    const g = await readXlsxWorkbook(await makeBook("d1900.xlsx", false));
    expect(g.dateSystem).toBe("1900");
    expect(g.sheets.map((s) => s.name)).toEqual(["Data", "Second"]);
    const v = g.sheets[0].values;
    // 2023-10-05 = 45204 in the 1900 system; 14:30 = 14.5/24 = 0.6041666…
    expect(v[0][0]).toBe(45204);
    expect(v[0][1]).toBeCloseTo(45204 + 14.5 / 24, 9);
    expect(v[0][2]).toBe("Halmstad"); // rich text flattened
    expect(v[0][3]).toBe(3); // formula → cached result
    expect(v[0][4]).toBe("#N/A"); // error cell → its text
    expect(v[0][5]).toBe(""); // gap inside a row → ""
    expect(v[0][6]).toBe("Varberg");
    expect(v[1]).toEqual([]); // row 2 is absent from the file: an empty row keeps the index
    expect(v[2]).toEqual([true, "xy", 42.5, "Varberg", "2023-10-05", 0, ""]);
    expect(g.sheets[0].originRow ?? 1).toBe(1);
  });

  it("keeps 1904-system serials and reports the 1904 system", async () => {
    const g = await readXlsxWorkbook(await makeBook("d1904.xlsx", true));
    expect(g.dateSystem).toBe("1904");
    // The 1904 system is 1462 days behind: 45204 − 1462 = 43742.
    expect(g.sheets[0].values[0][0]).toBe(43742);
    expect(g.sheets[0].values[0][1]).toBeCloseTo(43742 + 14.5 / 24, 9);
  });

  it("reports progress with the rows read", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Many");
    for (let r = 1; r <= 25; r++) ws.getCell(r, 1).value = r;
    const file = path.join(dir, "many.xlsx");
    await wb.xlsx.writeFile(file);
    const seen: number[] = [];
    const g = await readXlsxWorkbook(file, { progressEvery: 10, onProgress: (p) => seen.push(p.rowsRead) });
    expect(seen).toEqual([10, 20, 25]);
    expect(g.sheets[0].values[24]).toEqual([25]);
  });

  it("names sheets whose relationship targets are absolute paths", async () => {
    const zip = await JSZip.loadAsync(readFileSync(await makeBook("abs.xlsx", false)));
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    expect(rels).toContain('Target="worksheets/sheet1.xml"');
    zip.file("xl/_rels/workbook.xml.rels", rels.replace(/Target="worksheets\//g, 'Target="/xl/worksheets/'));
    const f = path.join(dir, "abs-rels.xlsx");
    writeFileSync(f, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const g = await readXlsxWorkbook(f);
    expect(g.sheets.map((s) => s.name)).toEqual(["Data", "Second"]);
    expect(g.sheets[0].values[0][0]).toBe(45204);
  });

  it("a formula whose cached result is an error becomes its error text (exceljs's streaming reader loses which one)", async () => {
    const zip = await JSZip.loadAsync(readFileSync(await makeBook("f-err.xlsx", false)));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // Excel writes a failing formula as t="e" with the error as the cached value.
    const patched = xml.replace(/<c r="C3"[^>]*>.*?<\/c>/, '<c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c>');
    expect(patched).not.toBe(xml);
    zip.file("xl/worksheets/sheet1.xml", patched);
    const f = path.join(dir, "f-err-patched.xlsx");
    writeFileSync(f, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const v = (await readXlsxWorkbook(f)).sheets[0].values;
    expect(v[2][2]).toBe(readerName === "readXlsxFile" ? "#DIV/0!" : "#UNKNOWN!");
  });

  it("converts a JS Date to a serial per date system", () => {
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)), "1900")).toBe(61); // after Lotus' 29 Feb 1900
    expect(dateToSerial(new Date(Date.UTC(1904, 0, 1)), "1904")).toBe(0);
  });
});

describe.each(READERS)("%s errors", (_name, readXlsxWorkbook) => {
  async function errorOf(file: string): Promise<XlsxError> {
    try {
      await readXlsxWorkbook(file);
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxError);
      return e as XlsxError;
    }
    throw new Error("expected an error");
  }
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const oleWith = (stream: string) => Buffer.concat([ole, Buffer.alloc(504), Buffer.from(stream, "utf16le"), Buffer.alloc(64)]);

  it("missing file", async () => {
    const e = await errorOf(path.join(dir, "nope.xlsx"));
    expect(e.code).toBe("FILE_NOT_FOUND");
    expect(e.message).toMatch(/finns inte.*not found/);
  });
  it("a text file is not an xlsx", async () => {
    const f = path.join(dir, "text.xlsx");
    writeFileSync(f, "Personnummer;Kommun\n");
    expect((await errorOf(f)).code).toBe("NOT_XLSX");
  });
  it("a password-protected xlsx (OLE container with EncryptedPackage)", async () => {
    const f = path.join(dir, "locked.xlsx");
    writeFileSync(f, Buffer.concat([oleWith("EncryptionInfo"), Buffer.from("EncryptedPackage", "utf16le")]));
    const e = await errorOf(f);
    expect(e.code).toBe("ENCRYPTED");
    expect(e.message).toMatch(/lösenordsskyddad.*password-protected/);
    expect(e.message).not.toMatch(/\n/);
  });
  it("an old .xls", async () => {
    const f = path.join(dir, "old.xls");
    writeFileSync(f, oleWith("Workbook"));
    const e = await errorOf(f);
    expect(e.code).toBe("XLS_FORMAT");
    expect(e.message).toMatch(/\.xls/);
  });
  it("a corrupt zip", async () => {
    const good = await makeBook("good.xlsx", false);
    const bytes = readFileSync(good);
    const f = path.join(dir, "broken.xlsx");
    // Keep the zip signature, garble the rest.
    const broken = Buffer.from(bytes);
    for (let i = 30; i < broken.length; i += 7) broken[i] ^= 0xff;
    writeFileSync(f, broken);
    expect(["CORRUPT", "NOT_XLSX"]).toContain((await errorOf(f)).code);
  });
  it("a package whose sheet cannot be read to the end is an error, never half a workbook", async () => {
    // workbook.xml still lists the tab "Second", but its part is gone: the stream yields only
    // "Data". (The same happens when the streaming unzip stops early, e.g. on STORED entries with
    // data descriptors, but that depends on chunk boundaries; a missing part is certain.)
    const zip = await JSZip.loadAsync(readFileSync(await makeBook("for-cut.xlsx", false)));
    const parts = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort();
    expect(parts).toHaveLength(2);
    zip.remove(parts[1]);
    const f = path.join(dir, "cut.xlsx");
    writeFileSync(f, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const e = await errorOf(f);
    expect(e.code).toBe("CORRUPT");
    expect(e.message).toMatch(/Second/);
  });
  it("a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w/>");
    const f = path.join(dir, "doc.xlsx");
    writeFileSync(f, await zip.generateAsync({ type: "nodebuffer" }));
    expect((await errorOf(f)).code).toBe("NOT_XLSX");
  });
});
