/** End to end: --report on the committed sample, as text and as --json, against the summary's own figures. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { JsonReport } from "../../src/cli/formatJson";
import { REPORT_IDS } from "../../src/core/reports";
import { specProblems, type SheetSpec } from "../../src/core/sheets/sheetSpec";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = "samples/fakturaunderlag-exempel.xlsx";

function run(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "src/cli/review.ts", SAMPLE, "--today", "2023-11-15", ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

jest.setTimeout(180_000);

describe("npm run review -- --report", () => {
  let reports: { id: string; sheet: SheetSpec }[];
  let summary: JsonReport;
  beforeAll(() => {
    reports = (JSON.parse(run(["--report", "all", "--json"])) as { reports: typeof reports }).reports;
    summary = JSON.parse(run(["--json"])) as JsonReport;
  });

  it("--json gives every report as a sheet spec that can be rendered", () => {
    expect(reports.map((r) => r.id)).toEqual([...REPORT_IDS]);
    for (const r of reports) expect(specProblems(r.sheet)).toEqual([]);
  });

  it("the cost per month recomputes what the summary recomputes, group by group (the law: monthly, per stay)", () => {
    const cost = reports.find((r) => r.id === "costPerMonth")!.sheet.tables[0];
    const fromReport = cost.rows.map((r) => [r[0], r[2], r[3], r[5]]);
    const fromSummary = summary.groups.map((g) => [g.municipality, g.period, g.stays, g.amount]);
    expect(new Set(fromReport.map((r) => JSON.stringify(r)))).toEqual(new Set(fromSummary.map((r) => JSON.stringify(r))));
  });

  it("the average report counts the stays the summary counts", () => {
    const avg = reports.find((r) => r.id === "averageDays")!.sheet;
    const stays = (name: string) => avg.tables.find((t) => t.name === name)!.rows.reduce((n, r) => n + (r[2] as number), 0);
    const inSummary = (care: string) => summary.groups.filter((g) => g.careType === care).reduce((n, g) => n + g.stays, 0);
    expect(stays("R_Snitt_Somatik_Manad")).toBe(inSummary("somatic"));
    expect(stays("R_Snitt_Somatik_Halvar")).toBe(inSummary("somatic"));
    expect(stays("R_Snitt_Psykiatri_Kvartal")).toBe(inSummary("psychiatric"));
  });

  it("the notice report's stays not in time and without a contact are the checks' findings on those stays", () => {
    const rows = reports.find((r) => r.id === "noticeAndContact")!.sheet.tables[0].rows;
    const sum = (k: number) => rows.reduce((n, r) => n + (typeof r[k] === "number" ? r[k] : 0), 0);
    // Columns 3/4: notices in time / determinable; 6/7: contacts named / determinable.
    const count = (...codes: string[]) => summary.findings.filter((f) => codes.includes(f.code)).length;
    expect(sum(4)).toBe(sum(2)); // the sample has every column and every cell: all determinable
    expect(sum(4) - sum(3)).toBe(count("ADMISSION_NOTICE_LATE", "ADMISSION_NOTICE_MISSING"));
    expect(sum(7) - sum(6)).toBe(count("NO_CARE_CONTACT"));
    expect(count("ADMISSION_NOTICE_LATE", "NO_CARE_CONTACT")).toBeGreaterThan(0);
  });

  it("prints a report as text with identity numbers masked, unmasked only with --reveal", () => {
    const text = run(["--report", "delayedStays", "--lang", "en"]);
    expect(text).toContain("Follow-up: stays of 3 days or more after discharge-ready");
    expect(text).toMatch(/\d{8}-\*{4}/);
    expect(text).not.toMatch(/\d{8}-\d{4}/);
    expect(run(["--report", "delayedStays", "--reveal"])).toMatch(/\d{8}-\d{4}/);
  });
});
