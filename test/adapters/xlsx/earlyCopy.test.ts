/**
 * The copy begun before the review (startMarkedCopy): its sheets' rows are deflated into
 * temporary files while the review runs. The result must be the same copy as one made after the
 * review, and no temporary file may stay, whether the copy is written, fails or is never made.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startMarkedCopy, writeMarkedCopy } from "../../../src/adapters/xlsx/writeMarkedCopy";
import { finding, resultFixture } from "../../cli/resultFixture";

const newDir = () => mkdtempSync(path.join(tmpdir(), "xlsx-early-"));

async function makeInput(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const name of ["Fakturaunderlag", "Psykiatri"]) {
    const ws = wb.addWorksheet(name);
    ws.getRow(1).values = ["Personnummer", "Kommun"];
    // Enough rows that the rows' deflate spans several zlib chunks.
    for (let r = 2; r <= 3000; r++) ws.getRow(r).values = [`1947120${r % 10}-900${r % 10}`, `Halmstad ${r}`];
  }
  const f = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(f);
  return f;
}

const FINDINGS = [
  finding({ code: "INVALID_PERSON_ID", severity: "error", row: 5 }),
  finding({ code: "LONG_STAY", severity: "warning", row: 2999 }),
];

describe("startMarkedCopy: the rows deflated during the review", () => {
  it("gives the same parts as a copy made after the review, marks only the flagged sheet, and leaves no temporary file", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    const late = path.join(dir, "late.xlsx");
    await writeMarkedCopy(input, late, resultFixture(FINDINGS));
    const earlyOut = path.join(dir, "early.xlsx");
    const early = startMarkedCopy(input, earlyOut);
    // Both sheets' rows are being deflated; only Fakturaunderlag (resultFixture's sheet) is flagged.
    // The copy takes the deflated rows, not its own pass: they are there (bytes of sheet1's rows).
    const rows = await early.rowsOf("xl/worksheets/sheet1.xml");
    expect(rows?.size).toBeGreaterThan(3000 * 20);
    await writeMarkedCopy(input, earlyOut, resultFixture(FINDINGS), { early });
    const a = unzipSync(readFileSync(late));
    const b = unzipSync(readFileSync(earlyOut));
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect({ name, same: Buffer.from(b[name]).equals(Buffer.from(a[name])) }).toEqual({ name, same: true });
    const marked = Buffer.from(b["xl/worksheets/sheet1.xml"]).toString("utf8");
    expect(marked).toMatch(/<conditionalFormatting sqref="A1:[A-Z]+2999">/); // to the last flagged row, 2999
    expect(Buffer.from(b["xl/worksheets/sheet2.xml"]).toString("utf8")).not.toMatch(/conditionalFormatting/);
    expect(readdirSync(dir).sort()).toEqual(["early.xlsx", "in.xlsx", "late.xlsx"]);
  });

  it("removes its temporary files when the review fails before the copy (discard)", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    const early = startMarkedCopy(input, path.join(dir, "out.xlsx"));
    await new Promise((r) => setTimeout(r, 20)); // let the deflate begin
    await early.discard();
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });

  it("on a copy that fails (disk full), leaves neither the copy nor a temporary file", async () => {
    const dir = newDir();
    const input = await makeInput(dir);
    const out = path.join(dir, "out.xlsx");
    const early = startMarkedCopy(input, out);
    const { open } = await import("node:fs/promises");
    const failure = writeMarkedCopy(input, out, resultFixture(FINDINGS), {
      early,
      openTempFile: async (p, mode) => {
        const fh = await open(p, "wx", mode);
        (fh as unknown as { write: unknown }).write = async () => {
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        };
        return fh;
      },
    });
    await expect(failure).rejects.toMatchObject({ code: "FS_DISK_FULL" });
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });
});
