/**
 * `--out` adds the dispute sheet whenever disputes were applied (stored in the workbook,
 * --disputes, --dispute-errors), masked unless --reveal; the revealed list reads back with
 * --disputes; and the scenario sheet with --compare or --sensitivity. In process, on small files
 * written here.
 */
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { JsonReport } from "../../src/cli/formatJson";
import { main } from "../../src/cli/review";
import { DISPUTE_SHEET_TITLES, getPreset, SCENARIO_SHEET_TITLES, SCENARIO_TABLES } from "../../src/core";
import { createScenario } from "../../src/core/scenarios/scenario";
import { scenarioToJson } from "../../src/core/scenarios/scenarioJson";
import { makeDispute } from "../../src/core/disputes/dispute";
import { serializeParts } from "../../src/core/disputes/store";
import { keyWorkbookStays } from "../../src/core/stays/keyWorkbook";

const HEADER = ["Personnummer", "Vårdtillfälle", "Inskrivningsdatum", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Belopp"];
const OCT1 = 45200; // 2023-10-01 in the 1900 date system
const ROWS = [
  ["19121212-1212", "V-1", OCT1, OCT1 + 1, OCT1 + 6, "Halmstad", 21000],
  ["811218-9876", "V-2", OCT1 + 2, OCT1 + 3, OCT1 + 5, "Halmstad", 0],
  ["640823-3234", "V-3", OCT1 + 4, OCT1 + 5, OCT1 + 15, "Halmstad", 84000],
];
const dir = mkdtempSync(path.join(tmpdir(), "added-sheets-"));

async function basis(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Underlag");
  ws.addRow(HEADER);
  for (const r of ROWS) ws.addRow(r);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The basis with V-3 disputed as deceased, saved as the add-in saves disputes (custom XML parts). */
async function storedBasis(name: string, comment = "avled 12/10"): Promise<string> {
  const file = await basis(name);
  const index = keyWorkbookStays({ dateSystem: "1900", sheets: [{ name: "Underlag", values: [HEADER, ...ROWS] }] }, { sheets: ["Underlag"], referenceYear: 2023 });
  const keyed = index.at("Underlag", 4)!;
  const r = makeDispute({ keyed, stay: index.stay(keyed.key)!, reason: "DECEASED", comment, by: "Anna", at: "2023-11-02T08:00:00Z" });
  if (!r.ok) throw new Error(r.problems.join("; "));
  const files = unzipSync(readFileSync(file));
  serializeParts({ id: "w-anna", name: "Anna" }, [r.dispute]).forEach((xml, i) => (files[`customXml/item${i + 1}.xml`] = strToU8(xml)));
  writeFileSync(file, zipSync(files));
  return file;
}

async function run(args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main([...args, "--json", "--today", "2023-11-15"]);
    return { code, report: out ? (JSON.parse(out) as JsonReport) : (null as unknown as JsonReport), stderr: err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

async function sheetRows(file: string, sheet: string): Promise<unknown[][] | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) return null;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => (rows[r - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

/** The dispute table as objects by header (the header is the row whose first cell is the stay id's title). */
function tableOf(rows: unknown[][], firstTitle: string): Record<string, unknown>[] {
  const at = rows.findIndex((r) => r?.[0] === firstTitle);
  const header = rows[at] as string[];
  return rows.slice(at + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r?.[i] ?? null])));
}

jest.setTimeout(90_000);

describe("--out writes the dispute sheet", () => {
  test("disputes stored in the workbook: the sheet lists them, identity numbers masked, text as text", async () => {
    const input = await storedBasis("stored.xlsx", "=1+1");
    const out = path.join(dir, "stored-out.xlsx");
    const { code } = await run([input, "--out", out]);
    expect(code).toBe(0);
    const rows = (await sheetRows(out, "Bestridanden"))!;
    expect(rows[0][0]).toBe(DISPUTE_SHEET_TITLES.masked.sv);
    expect(rows[1][0]).toBe("1 bestridanden: 1 tillämpade, 0 vars vistelse har ändrade uppgifter (visas, tillämpas inte), 0 vars vistelse inte finns i bladet (visas, tillämpas inte).");
    const table = tableOf(rows, "Vårdtillfälle");
    expect(table).toHaveLength(1);
    // V-3: ready Oct 6, discharged Oct 16 = 10 days; the row invoices 84 000 kr.
    expect(table[0]).toMatchObject({ Vårdtillfälle: "V-3", Personnummer: "640823-****", Skälkod: "DECEASED", Kommentar: "=1+1", Dagar: 10, Belopp: 84000, Blad: "Underlag", "Rad (senast)": 4 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const t = (wb.getWorksheet("Bestridanden") as unknown as { getTables(): { table: { name: string } }[] }).getTables();
    expect(t.map((x) => x.table.name)).toEqual(["Bestridanden"]);
    expect(JSON.stringify(rows)).not.toContain("640823-3234");
  });

  test("with --reveal the list holds identity numbers in full, and --disputes reads the copy's list back", async () => {
    const input = await storedBasis("reveal.xlsx");
    const out = path.join(dir, "reveal-out.xlsx");
    expect((await run([input, "--out", out, "--reveal", "--lang", "en"])).code).toBe(0);
    const rows = (await sheetRows(out, "Bestridanden"))!;
    expect(rows[0][0]).toBe(DISPUTE_SHEET_TITLES.revealed.en);
    expect(tableOf(rows, "Stay id")[0]).toMatchObject({ "Stay id": "V-3", "Identity number": "640823-3234", Days: 10 });
    // The copy's list applied to a fresh basis: V-3 out, 5 and 2 days left → 2 liable days = 21 000 kr.
    const again = await run([await basis("fresh.xlsx"), "--disputes", out]);
    expect(again.code).toBe(0);
    expect(again.report.disputes!.fromList).toBe(1);
    expect(again.report.groups[0]).toMatchObject({ amountAfterDisputes: 21000, disputes: 1 });
  });

  test("--dispute-errors on the sample: one row per error disputed", async () => {
    const out = path.join(dir, "sample-out.xlsx");
    const { code, report } = await run(["samples/fakturaunderlag-exempel.xlsx", "--dispute-errors", "--out", out]);
    expect(code).toBe(0);
    const rows = (await sheetRows(out, "Bestridanden"))!;
    const table = tableOf(rows, "Vårdtillfälle");
    expect(report.disputes!.fromErrors).toBeGreaterThan(0);
    expect(table).toHaveLength(report.disputes!.fromErrors);
    expect(table.every((r) => r["Bestritt av"] === "npm run review --dispute-errors")).toBe(true);
  });

  test("no disputes anywhere: no dispute sheet", async () => {
    const out = path.join(dir, "plain-out.xlsx");
    expect((await run([await basis("plain.xlsx"), "--out", out])).code).toBe(0);
    expect(await sheetRows(out, "Bestridanden")).toBeNull();
    expect(await sheetRows(out, "Granskning")).not.toBeNull();
  });
});

interface ExcelJsTable {
  name: string;
  tableRef: string;
  totalsRow: boolean;
}

async function tables(file: string, sheet: string): Promise<ExcelJsTable[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return (wb.getWorksheet(sheet) as unknown as { getTables(): { table: ExcelJsTable }[] }).getTables().map((t) => t.table);
}

describe("--out writes the scenario sheet", () => {
  // Four grace days instead of the law's three: days 5, 2, 10 → 1 + 0 + 6 = 7 liable days × 10 500 = 73 500 kr,
  // against the law's 2 + 0 + 7 = 9 × 10 500 = 94 500 kr: a difference of −21 000 kr.
  const grace4 = createScenario(getPreset("lag-2017-612")!, "karens-4", { sv: "Karens 4", en: "Grace 4" }, { both: { graceDays: 4 } });
  if (!grace4.ok) throw new Error(grace4.problems.join("; "));
  const grace4File = path.join(dir, "karens-4.json");
  writeFileSync(grace4File, scenarioToJson(grace4.scenario));

  test("with --compare: the comparison table with the hand-computed amounts, its totals and the charts", async () => {
    const out = path.join(dir, "compare-out.xlsx");
    const { code } = await run([await basis("compare.xlsx"), "--compare", "lag-2017-612", grace4File, "--out", out]);
    expect(code).toBe(0);
    const rows = (await sheetRows(out, "Scenarier"))!;
    expect(rows[0][0]).toBe(SCENARIO_SHEET_TITLES.sv);
    const names = (await tables(out, "Scenarier")).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining([SCENARIO_TABLES.comparison, SCENARIO_TABLES.breakEven]));
    const comparison = (await tables(out, "Scenarier")).find((t) => t.name === SCENARIO_TABLES.comparison)!;
    const first = Number(/\d+/.exec(comparison.tableRef)![0]);
    const header = rows[first - 1] as string[];
    const halmstad = rows[first] as unknown[];
    const at = (title: RegExp) => header.findIndex((h) => title.test(h));
    expect(halmstad[0]).toBe("Halmstad");
    expect(halmstad[at(/Karens 4, belopp/)]).toBe(73500);
    expect(halmstad[at(/Karens 4, skillnad/)]).toBe(-21000);
    expect(halmstad[at(/, belopp/)]).toBe(94500);
    // The totals row: one municipality, so the sums are its figures, cached beside the formula.
    const totals = rows[first + 1] as unknown[];
    expect(totals[at(/Karens 4, belopp/)]).toMatchObject({ result: 73500 });
    const parts = unzipSync(readFileSync(out));
    expect(Object.keys(parts).filter((n) => n.startsWith("xl/charts/")).length).toBeGreaterThanOrEqual(2);
  });

  test("with --sensitivity alone: the reviewed profile's sheet with the curve over the range asked for", async () => {
    const out = path.join(dir, "curve-out.xlsx");
    const { code } = await run([await basis("curve.xlsx"), "--sensitivity", "0:5:1", "--out", out]);
    expect(code).toBe(0);
    const curve = (await tables(out, "Scenarier")).find((t) => t.name === SCENARIO_TABLES.sensitivity)!;
    expect(curve).toBeDefined();
    const rows = (await sheetRows(out, "Scenarier"))!;
    const first = Number(/\d+/.exec(curve.tableRef)![0]);
    // Grace days 0..5 for the law's per-stay rule: the curve's categories.
    expect(rows.slice(first, first + 6).map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5]);
    // At 3 grace days the law's own figure: 94 500 kr (the Halmstad column).
    expect(rows[first + 3][1]).toBe(94500);
  });

  test("without --compare or --sensitivity: no scenario sheet", async () => {
    const out = path.join(dir, "no-scenarios-out.xlsx");
    expect((await run([await basis("none.xlsx"), "--out", out])).code).toBe(0);
    expect(await sheetRows(out, "Scenarier")).toBeNull();
  });
});
