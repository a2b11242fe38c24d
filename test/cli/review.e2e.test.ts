/**
 * End to end: the CLI in a child process on the committed sample. Needs the engine
 * (reviewWorkbook) in place; every seeded error of the sample must be found.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { JsonReport } from "../../src/cli/formatJson";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = "samples/fakturaunderlag-exempel.xlsx";
const manifest = JSON.parse(readFileSync(path.join(ROOT, "samples/fakturaunderlag-exempel.seeded.json"), "utf8")) as {
  sheet: string;
  headerRow: number;
  totalRow: number;
  seeded: { code: string | null; row: number; relatedRow?: number; requiresCondition?: "careContact" }[];
};

function run(args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "src/cli/review.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
}

jest.setTimeout(180_000);

describe("npm run review (child process)", () => {
  let report: JsonReport;
  let stdout: string;

  beforeAll(() => {
    const r = run([SAMPLE, "--json", "--today", "2023-11-15"]);
    stdout = r.stdout;
    if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
    report = JSON.parse(stdout) as JsonReport;
  });

  it("prints exactly one JSON object and nothing else on stdout", () => {
    expect(stdout.trim().startsWith("{")).toBe(true);
    expect(stdout.trim().endsWith("}")).toBe(true);
    expect(() => JSON.parse(stdout)).not.toThrow();
    for (const key of ["agreement", "sheets", "groups", "findings"]) expect(report).toHaveProperty(key);
    expect(report.agreement.id).toBe("lag-2017-612");
  });

  it("reviews the invoice sheet only, header at row 4, total row skipped", () => {
    expect(report.sheets.map((s) => s.name)).toEqual([manifest.sheet]);
    expect(report.sheets[0].headerRow).toBe(manifest.headerRow);
    expect(report.sheets[0].skipped).toEqual(expect.arrayContaining([expect.objectContaining({ fromRow: manifest.totalRow, reason: "total" })]));
    // Six Halland municipalities, October 2023.
    expect(new Set(report.groups.map((g) => g.municipality))).toEqual(new Set(["Halmstad", "Varberg", "Kungsbacka", "Falkenberg", "Laholm", "Hylte"]));
    expect(report.groups.some((g) => g.period === "2023-10")).toBe(true);
    for (const g of report.groups) for (const k of ["stays", "days", "average", "benchmark", "liableDays", "amount", "invoicedAmount"]) expect(g).toHaveProperty(k);
  });

  it("finds every seeded error on its row", () => {
    const conditions = report.agreement.somatic.conditions;
    const missed: string[] = [];
    for (const s of manifest.seeded) {
      if (s.code === null) continue;
      if (s.requiresCondition === "careContact" && !conditions.careContact) continue;
      const hit = report.findings.some(
        (f) => f.code === s.code && (f.row === s.row || (f.relatedRows ?? []).includes(s.row)),
      );
      if (!hit) missed.push(`${s.code}@${s.row}`);
    }
    expect(missed).toEqual([]);
  });

  it("reads the text date and the number stored as text without an error", () => {
    for (const s of manifest.seeded.filter((x) => x.code === null)) {
      const errors = report.findings.filter((f) => f.row === s.row && f.severity === "error");
      expect(errors.map((f) => f.code)).toEqual([]);
    }
  });

  it("masks identity numbers by default", () => {
    expect(stdout).not.toMatch(/\b\d{8}-\d{4}\b/);
  });

  it("prints a readable summary without --json", () => {
    const r = run([SAMPLE, "--today", "2023-11-15", "--lang", "en"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Agreement: Act 2017:612");
    expect(r.stdout).toMatch(/Halmstad\s+somatic\s+2023-10/);
  });
});

describe("--out", () => {
  it("writes a marked copy and leaves the sample byte-identical", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cli-out-"));
    const out = path.join(dir, "granskad.xlsx");
    const before = readFileSync(path.join(ROOT, SAMPLE));
    const r = run([SAMPLE, "--today", "2023-11-15", "--out", out, "--json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).markedCopy).toBe(out);
    expect(readFileSync(path.join(ROOT, SAMPLE)).equals(before)).toBe(true);
    expect(readFileSync(out).length).toBeGreaterThan(1000);
  });
  it("refuses to overwrite the input (exit 3, one line)", () => {
    const r = run([SAMPLE, "--today", "2023-11-15", "--out", SAMPLE]);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/originalet/);
  });
});

describe("bad input", () => {
  it("a file that is not an xlsx exits 1 with one line on stderr", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cli-bad-"));
    const f = path.join(dir, "bad.xlsx");
    writeFileSync(f, "not a workbook");
    const r = run([f, "--json"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/ingen Excel-arbetsbok.*not an Excel workbook/);
  });
  it("a missing file exits 1", () => {
    const r = run(["/nonexistent/x.xlsx"]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
  it("takes a sheet's care type from --care-type SHEET=psychiatric and says so", () => {
    const r = run([SAMPLE, "--json", "--today", "2023-11-15", "--care-type", `${manifest.sheet}=psychiatric`]);
    expect(r.status).toBe(0);
    const chosen = JSON.parse(r.stdout) as JsonReport;
    expect(new Set(chosen.groups.map((g) => g.careType))).toEqual(new Set(["psychiatric"]));
    expect(chosen.sheets[0].careType.counts.user.psychiatric).toBe(chosen.sheets[0].rows);
    expect(chosen.assumptions.join("\n")).toContain(`Vårdform på bladet "${manifest.sheet}": ${chosen.sheets[0].rows} rader som psykiatrisk vård enligt användarens val för bladet.`);
    expect(run([SAMPLE, "--care-type", "Nope=psychiatric"]).status).toBe(2);
    expect(run([SAMPLE, "--care-type", `${manifest.sheet}=dental`]).status).toBe(2);
  });

  it("an unknown agreement or option exits 2", () => {
    expect(run([SAMPLE, "--agreement", "nope"]).status).toBe(2);
    expect(run(["--frobnicate"]).status).toBe(2);
  });
});
