/**
 * The figures' column names come from one place (src/core/figures/figureLabels.ts) and read the
 * same in every host: each host is run and its headings compared with the core's labels.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createExcelHost } from "../../../src/adapters/excel";
import { RESULT_SHEET } from "../../../src/adapters/excel/resultSheet";
import { writeMarkedCopy } from "../../../src/adapters/xlsx/writeMarkedCopy";
import { formatSummary } from "../../../src/cli/formatSummary";
import { privacyFilter } from "../../../src/cli/privacy";
import { CARE_TYPE_LABELS, FIGURE_LABELS, figureHeading, TOTAL_LABEL, type FigureColumn } from "../../../src/core";
import { TEXTS } from "../../../src/taskpane/i18n";
import { installFakeOffice, uninstallFakeOffice } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook } from "../../fakes/excel/state";
import { resultFixture } from "../../cli/resultFixture";

const LANGS = ["sv", "en"] as const;
/** What the retired synonyms were; no host may show them as a heading again. */
const RETIRED = ["Vistelser", "Jämförelsevärde", "Differens", "Snitt"];
const MONEY_AND_COUNTS: FigureColumn[] = ["stays", "benchmark", "amount", "invoicedAmount", "difference"];

describe("the labels themselves", () => {
  it("are distinct per language and say what the difference is", () => {
    for (const lang of LANGS) {
      const all = Object.values(FIGURE_LABELS).map((l) => l[lang]);
      expect(new Set(all).size).toBe(all.length);
    }
    expect(FIGURE_LABELS.stays.sv).toBe("Vårdtillfällen");
    expect(FIGURE_LABELS.benchmark.sv).toBe("Riktmärke");
    expect(FIGURE_LABELS.difference.sv).toBe("Skillnad");
    expect(figureHeading("difference", "sv")).toBe("Skillnad (kr)");
    expect(figureHeading("stays", "en")).toBe("Stays");
  });
});

describe("every host reads them", () => {
  it("the pane's texts", () => {
    for (const lang of LANGS) {
      const t = TEXTS[lang];
      const pane: Record<string, string> = {
        municipality: t.municipality,
        careType: t.careType,
        period: t.period,
        stays: t.stays,
        days: t.days,
        average: t.average,
        benchmark: t.benchmark,
        liableDays: t.liableDays,
        amount: t.amount,
        invoicedAmount: t.invoicedAmount,
        difference: t.difference,
      };
      expect(t.computedAmount).toBe(FIGURE_LABELS.amount[lang]);
      for (const [column, text] of Object.entries(pane)) expect(text).toBe(FIGURE_LABELS[column as FigureColumn][lang]);
      expect([t.somatic, t.psychiatric, t.totals]).toEqual([CARE_TYPE_LABELS.somatic[lang], CARE_TYPE_LABELS.psychiatric[lang], TOTAL_LABEL[lang]]);
    }
  });

  it("the headless summary's table heading", () => {
    for (const lang of LANGS) {
      const text = formatSummary(resultFixture([]), {
        file: "x.xlsx", usingSample: false, lang, privacy: privacyFilter(false), revealed: false, today: "2023-11-15", limit: 0, markedCopy: null,
      });
      const heading = text.split("\n").find((l) => l.includes(FIGURE_LABELS.municipality[lang]) && l.includes(FIGURE_LABELS.difference[lang]))!;
      expect(heading).toBeDefined();
      const order = MONEY_AND_COUNTS.map((c) => heading.indexOf(FIGURE_LABELS[c][lang]));
      expect(order.every((i) => i > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      for (const word of RETIRED) expect(text).not.toContain(word);
    }
  });

  it("the result sheet written in Excel", async () => {
    const g = globalThis as unknown as Record<string, unknown>;
    const handle = installFakeOffice(g, makeWorkbook([makeSheet("Fakturaunderlag", [["x"]])]));
    try {
      await createExcelHost().writeResultSheet(resultFixture([]));
      const cells = handle.state.sheets.find((s) => s.name === RESULT_SHEET)!.values.flat().map(String);
      for (const c of MONEY_AND_COUNTS) expect(cells).toContain(figureHeading(c, "sv"));
      for (const word of RETIRED) expect(cells.join(" ")).not.toContain(word);
    } finally {
      uninstallFakeOffice(g);
    }
  });

  it("the marked copy's result sheet", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "labels-"));
    const input = path.join(dir, "in.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Fakturaunderlag").getCell("A1").value = "Fakturaunderlag";
    await wb.xlsx.writeFile(input);
    for (const lang of LANGS) {
      const out = path.join(dir, `out-${lang}.xlsx`);
      await writeMarkedCopy(input, out, resultFixture([]), { lang });
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(out);
      const texts: string[] = [];
      copy.worksheets.at(-1)!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
      for (const c of MONEY_AND_COUNTS) expect(texts).toContain(figureHeading(c, lang));
      for (const word of RETIRED) expect(texts.join(" ")).not.toContain(word);
    }
  });
});
