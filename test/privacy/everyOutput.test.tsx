/** @jest-environment jsdom */
/**
 * Every form of identity number, planted in every column, through the real outputs: the
 * command in-process (summary, --json, the marked copy's result sheet) and the pane's findings
 * and figures as rendered. Masked by default; --reveal and the pane's switch show them.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/review";
import { getPreset } from "../../src/core/agreements/presets";
import type { AgreementProfile } from "../../src/core/agreements/profileSchema";
import type { SheetGrid } from "../../src/core/cells/cellValue";
import { epochDay } from "../../src/core/cells/localDate";
import { reviewWorkbook } from "../../src/core/review/reviewWorkbook";
import { PaneProvider } from "../../src/taskpane/context/PaneContext";
import { FindingsTab } from "../../src/taskpane/findings/FindingsTab";
import { applyChoice } from "../../src/taskpane/hooks/useAgreement";
import type { Reviewed } from "../../src/taskpane/hooks/useReview";
import type { useWorkbookActions } from "../../src/taskpane/hooks/useWorkbookActions";
import { TEXTS } from "../../src/taskpane/i18n";
import { OverviewTab } from "../../src/taskpane/overview/OverviewTab";
import { idForm, PLACES, QUOTED_PLACES, SEPARATORS, sheetWith, unmaskedIn, type IdForm, type Place } from "./idForms";

jest.setTimeout(60_000);

/** Each separator in each place, 10 and 12 digits, coordination numbers, wrong check digits. */
function everyForm(): { form: IdForm; place: Place }[] {
  const out: { form: IdForm; place: Place }[] = [];
  let n = 0;
  for (const separator of SEPARATORS) {
    for (const place of PLACES) {
      n++;
      const form = idForm({ year: 1930 + (n % 90), month: 1 + (n % 12), day: 1 + (n % 28), coordination: n % 3 === 0, serial: n % 1000, validCheck: n % 2 === 0, twelve: n % 4 < 2, separator });
      out.push({ form, place });
    }
  }
  return out;
}

const planted = everyForm();
const forms = planted.map((p) => p.form);
const sheet: SheetGrid = sheetWith(planted);
const dir = mkdtempSync(path.join(tmpdir(), "privacy-"));

async function writeInput(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.name);
  sheet.values.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null && v !== undefined && v !== "") ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
  }));
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function runCli(args: string[]): Promise<string> {
  let stdout = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    const code = await main(args);
    expect(code).toBe(0);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return stdout;
}

async function resultSheetText(file: string, sheets: readonly string[] = ["Granskning"]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const texts: string[] = [];
  for (const name of sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`the copy has no sheet "${name}"; it has ${wb.worksheets.map((w) => w.name).join(", ")}`);
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  }
  return texts.join("\n");
}

/** The sheets --out adds besides the result sheet, when disputes are applied and scenarios compared. */
const ADDED_SHEETS = ["Bestridanden", "Scenarier"];

/** Forms a message quotes (a wrong check digit in the identity column, any form elsewhere). */
const quoted = planted.filter(({ form, place }) => QUOTED_PLACES.has(place) || (place === "personId" && !validCheck(form))).map((p) => p.form.text);

function validCheck(form: IdForm): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(form.ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10 === Number(form.ten[9]);
}

describe("the command", () => {
  let input: string;
  beforeAll(async () => {
    input = await writeInput();
  });

  test.each(["sv", "en"])("summary (%s), --json and the marked copy: masked without --reveal", async (lang) => {
    const copy = path.join(dir, `masked-${lang}.xlsx`);
    const summary = await runCli([input, "--today", "2023-11-15", "--lang", lang, "--limit", "0", "--out", copy]);
    const json = await runCli([input, "--today", "2023-11-15", "--lang", lang, "--json"]);
    expect(JSON.parse(json).findings.length).toBeGreaterThan(planted.length / 2);
    expect(unmaskedIn(summary, forms)).toEqual([]);
    expect(unmaskedIn(json, forms)).toEqual([]);
    expect(unmaskedIn(await resultSheetText(copy), forms)).toEqual([]);
  });

  test("a batch review (the same basis twice in a folder): summary, --json and the cross-file messages masked", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "privacy-batch-"));
    copyFileSync(input, path.join(folder, "a.xlsx"));
    copyFileSync(input, path.join(folder, "b.xlsx"));
    const text = await runCli([folder, "--today", "2023-11-15", "--lang", "en", "--limit", "0"]);
    const json = await runCli([folder, "--today", "2023-11-15", "--json"]);
    // Every stay of b.xlsx is one of a.xlsx again: the messages quote stay ids, units, municipalities.
    expect(JSON.parse(json).findings.filter((f: { code: string }) => f.code === "CROSS_FILE_DUPLICATE").length).toBeGreaterThan(planted.length / 2);
    expect(unmaskedIn(text, forms)).toEqual([]);
    expect(unmaskedIn(json, forms)).toEqual([]);
  });

  test("the comparison of agreements (text and --json) names municipalities masked", async () => {
    const args = [input, "--today", "2023-11-15", "--compare", "lag-2017-612", "halland-2022"];
    const text = await runCli(args);
    const json = await runCli([...args, "--json"]);
    // The municipality planted with a number is in the comparison, its number hidden.
    const municipalities = planted.filter((p) => p.place === "municipality").map((p) => p.form);
    expect(municipalities.length).toBeGreaterThan(0);
    expect(text).toContain("Halmstad");
    expect(unmaskedIn(text, forms)).toEqual([]);
    expect(unmaskedIn(json, forms)).toEqual([]);
    const revealed = await runCli([...args, "--reveal"]);
    expect(unmaskedIn(revealed, municipalities).length).toBeGreaterThan(0);
  });

  test("the follow-up reports (text and --json) mask every form; --reveal shows them", async () => {
    const args = [input, "--today", "2023-11-15", "--report", "all"];
    const masked = path.join(dir, "reports-masked.xlsx");
    const text = await runCli([...args, "--out", masked]);
    const json = await runCli([...args, "--json"]);
    const names = (JSON.parse(json) as { reports: { sheet: { name: string } }[] }).reports.map((r) => r.sheet.name);
    expect(names).toHaveLength(5);
    expect(unmaskedIn(text, forms)).toEqual([]);
    expect(unmaskedIn(json, forms)).toEqual([]);
    // --out adds the same sheets to the copy, masked as well.
    const sheetText = await resultSheetText(masked, names);
    expect(sheetText).toContain("****");
    expect(unmaskedIn(sheetText, forms)).toEqual([]);
    // The identity column and the municipalities are in the reports: revealed, they show.
    const revealedCopy = path.join(dir, "reports-revealed.xlsx");
    const revealed = await runCli([...args, "--reveal", "--out", revealedCopy]);
    const inReports = planted.filter((p) => p.place === "municipality" || p.place === "personId").map((p) => p.form);
    expect(unmaskedIn(revealed, inReports).length).toBeGreaterThan(0);
    expect(unmaskedIn(await resultSheetText(revealedCopy, names), inReports).length).toBeGreaterThan(0);
  });

  test("the copy's added sheets (the dispute list, the scenarios) are masked without --reveal and shown with it", async () => {
    const args = [input, "--today", "2023-11-15", "--dispute-errors", "--compare", "lag-2017-612", "halland-2022"];
    const masked = path.join(dir, "added-masked.xlsx");
    await runCli([...args, "--out", masked]);
    const maskedText = await resultSheetText(masked, ADDED_SHEETS);
    expect(maskedText).toContain("****");
    expect(unmaskedIn(maskedText, forms)).toEqual([]);
    const revealed = path.join(dir, "added-revealed.xlsx");
    await runCli([...args, "--out", revealed, "--reveal"]);
    // The disputed rows' identity numbers, as written in the sheet, are in the revealed list.
    const disputedIds = planted.filter((p) => p.place === "personId" && !validCheck(p.form)).map((p) => p.form);
    expect(disputedIds.length).toBeGreaterThan(0);
    expect(unmaskedIn(await resultSheetText(revealed, ADDED_SHEETS), disputedIds).length).toBeGreaterThan(0);
  });

  test("with --reveal every quoted form is shown as written, in the summary, the JSON and the copy", async () => {
    const copy = path.join(dir, "revealed.xlsx");
    const summary = await runCli([input, "--today", "2023-11-15", "--lang", "en", "--limit", "0", "--reveal", "--out", copy]);
    const json = JSON.parse(await runCli([input, "--today", "2023-11-15", "--json", "--reveal"]));
    const messages = json.findings.map((f: { message: string }) => f.message).join("\n");
    const sheetText = await resultSheetText(copy);
    expect(quoted.filter((t) => !summary.includes(t))).toEqual([]);
    expect(quoted.filter((t) => !messages.includes(t))).toEqual([]);
    expect(quoted.filter((t) => !sheetText.includes(t))).toEqual([]);
    // No quote marks are left in what is shown.
    expect(/[\u2068\u2069]/.test(summary + messages + sheetText)).toBe(false);
  });
});

test("the command's one-line errors on stderr are masked too", async () => {
  let stderr = "";
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const out = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    // A sheet asked for by a number that is no sheet: the error names what was asked for.
    const input = await writeInput();
    expect(await main([input, "--sheet", "19800101\u20131234", "--today", "2023-11-15"])).toBe(2);
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
  expect(stderr).toContain("19800101\u2013****");
  expect(stderr).not.toContain("1234");
});

describe("the pane", () => {
  // Each separator once, in a place of its own turn: one page of findings (rendering is slow).
  const few = SEPARATORS.map((separator, i) => ({
    place: PLACES[i % PLACES.length],
    form: idForm({ year: 1950 + i, month: 1 + (i % 12), day: 1 + i, coordination: i % 3 === 0, serial: 100 + i, validCheck: i % 2 === 0, twelve: i % 4 < 2, separator }),
  }));
  const fewForms = few.map((p) => p.form);
  const fewQuoted = few.filter(({ form, place }) => QUOTED_PLACES.has(place) || (place === "personId" && !validCheck(form))).map((p) => p.form.text);
  const paneSheet = sheetWith(few);
  const result = reviewWorkbook({ sheets: [paneSheet], dateSystem: "1900" }, { profile: getPreset("lag-2017-612") as AgreementProfile, referenceDay: epochDay(2023, 11, 15) });
  const wrap = (ui: React.ReactElement) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <PaneProvider lang="en">{ui}</PaneProvider>
      </FluentProvider>,
    );
  const applied = applyChoice(getPreset("lag-2017-612")!, { somatic: "", psychiatric: "" }, "");
  const actions = { markedRows: null, perform: async () => true, mark: async () => undefined, clear: async () => undefined, writeResult: async () => true, select: () => undefined } as ReturnType<typeof useWorkbookActions>;

  test("findings and figures are masked; the switch shows the quoted forms", () => {
    expect(result.findings.length).toBeLessThanOrEqual(50); // one page: the rendered list is every finding
    const grids = new Map([[paneSheet.name, paneSheet]]);
    const reviewed: Reviewed = { result, applied, grids, mappingVersion: 0, input: { grids: [paneSheet], dateSystem: "1900", sheets: [paneSheet.name], overrides: {} } };
    wrap(<FindingsTab reviewed={reviewed} state="current" actions={actions} />);
    const list = () => screen.getByTestId("finding-list").textContent ?? "";
    expect(unmaskedIn(list(), fewForms)).toEqual([]);
    fireEvent.click(screen.getByRole("switch", { name: TEXTS.en.showPersonIds }));
    expect(fewQuoted.filter((t) => !list().includes(t))).toEqual([]);

    wrap(<OverviewTab reviewed={reviewed} shown={{ figures: result.figures, applied }} state="current" countsState="current" onWrite={() => undefined} />);
    // Every municipality opened: its groups' lines too.
    for (const toggle of screen.getAllByTestId("municipality-toggle")) fireEvent.click(toggle);
    expect(unmaskedIn(screen.getByTestId("figures-table").textContent ?? "", fewForms)).toEqual([]);
    expect(unmaskedIn(screen.getByTestId("result-assumptions").textContent ?? "", fewForms)).toEqual([]);
  });
});
