/**
 * Writes a COPY of the reviewed workbook: flagged rows get a fill by their worst severity
 * (values untouched) and a result sheet "Granskning" holds the figures and the findings with
 * identity numbers masked. The input file is only read, never written.
 */
import ExcelJS from "exceljs";
import { realpathSync } from "node:fs";
import path from "node:path";
import { figureHeading, maskIdsInText, type FigureColumn, type ReviewResult, type Severity } from "../../core";
import { assertReadableXlsx } from "./fileKind";
import { XlsxError } from "./xlsxError";

/** Excel's own "Bad", "Neutral" and a light blue: familiar to Excel users. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
export const RESULT_SHEET = "Granskning";

export interface MarkedCopyOptions {
  lang?: "sv" | "en";
}

/** Worst severity per sheet and Excel row. */
export function worstSeverityByRow(result: ReviewResult): Map<string, Map<number, Severity>> {
  const out = new Map<string, Map<number, Severity>>();
  for (const f of result.findings) {
    if (f.row === null) continue;
    let rows = out.get(f.sheet);
    if (!rows) out.set(f.sheet, (rows = new Map()));
    const prev = rows.get(f.row);
    if (!prev || RANK[f.severity] > RANK[prev]) rows.set(f.row, f.severity);
  }
  return out;
}

function samePath(a: string, b: string): boolean {
  const resolve = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      // The output may not exist yet: compare its resolved parent's real path plus the name.
      try {
        return path.join(realpathSync(path.dirname(path.resolve(p))), path.basename(p));
      } catch {
        return path.resolve(p);
      }
    }
  };
  return resolve(a) === resolve(b);
}

export async function writeMarkedCopy(
  inputPath: string,
  outputPath: string,
  result: ReviewResult,
  options: MarkedCopyOptions = {},
): Promise<void> {
  const lang = options.lang ?? "sv";
  if (samePath(inputPath, outputPath)) {
    throw new XlsxError("SAME_FILE", {
      sv: `Kopian får inte skrivas över originalet (${outputPath}); välj ett annat filnamn`,
      en: `The copy must not overwrite the original (${outputPath}); choose another file name`,
    });
  }
  assertReadableXlsx(inputPath);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(inputPath);
  } catch (e) {
    throw new XlsxError("CORRUPT", {
      sv: `${inputPath} kunde inte läsas för kopian (${e instanceof Error ? e.message : e})`,
      en: `${inputPath} could not be read for the copy (${e instanceof Error ? e.message : e})`,
    });
  }

  for (const [sheetName, rows] of worstSeverityByRow(result)) {
    const ws = wb.getWorksheet(sheetName);
    if (!ws) continue;
    const width = Math.max(1, ws.columnCount);
    for (const [rowNo, severity] of rows) {
      const row = ws.getRow(rowNo);
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A new style object: exceljs may share one between cells that had the same style.
        cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[severity] } } };
      }
    }
  }

  addResultSheet(wb, result, lang);
  try {
    await wb.xlsx.writeFile(outputPath);
  } catch (e) {
    throw new XlsxError("WRITE_FAILED", {
      sv: `Kunde inte skriva ${outputPath} (${e instanceof Error ? e.message : e})`,
      en: `Could not write ${outputPath} (${e instanceof Error ? e.message : e})`,
    });
  }
}

function uniqueSheetName(wb: ExcelJS.Workbook, base: string): string {
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base} (${i})`;
  return name;
}

/** The group table's columns; their names come from the core, as in every other host. */
export const MARKED_COPY_COLUMNS: readonly FigureColumn[] = [
  "municipality", "careType", "period", "stays", "zeroDayStays", "days", "average", "benchmark",
  "liableDays", "amount", "invoicedAmount", "difference", "rowsWithErrors",
];

function addResultSheet(wb: ExcelJS.Workbook, result: ReviewResult, lang: "sv" | "en"): void {
  const sv = lang === "sv";
  const ws = wb.addWorksheet(uniqueSheetName(wb, RESULT_SHEET));
  const bold = { bold: true };
  ws.addRow([sv ? "Granskning av fakturaunderlag" : "Review of invoice basis"]).font = { bold: true, size: 14 };
  ws.addRow([`${sv ? "Överenskommelse" : "Agreement"}: ${result.profile.name[lang]} (${result.profile.id})`]);
  ws.addRow([`${sv ? "Källa" : "Source"}: ${result.profile.source}`]);
  for (const a of result.assumptions) ws.addRow([a[lang]]);
  ws.addRow([]);
  ws.addRow([
    sv ? "Färger: rött = fel, gult = varning, blått = info (radens värsta avvikelse)" : "Colours: red = error, amber = warning, blue = info (the row's worst finding)",
  ]);
  ws.addRow([]);

  const groupHead = MARKED_COPY_COLUMNS.map((c) => figureHeading(c, lang));
  ws.addRow(groupHead).font = bold;
  for (const g of result.figures.groups) {
    ws.addRow([
      g.municipality,
      g.careType === "somatic" ? (sv ? "somatik" : "somatic") : sv ? "psykiatri" : "psychiatric",
      g.period,
      g.stays,
      g.zeroDayStays,
      g.days,
      g.average,
      g.benchmark,
      g.liableDays,
      g.amount,
      g.invoicedAmount,
      g.difference,
      g.rowsWithErrors,
    ]);
  }
  ws.addRow([]);
  const findHead = sv
    ? ["Blad", "Rad", "Kod", "Allvarlighet", "Kolumner", "Meddelande", "Värde", "Andra rader"]
    : ["Sheet", "Row", "Code", "Severity", "Columns", "Message", "Value", "Other rows"];
  ws.addRow(findHead).font = bold;
  for (const f of result.findings) {
    ws.addRow([
      f.sheet,
      f.row,
      f.code,
      f.severity,
      f.columns.join(", "),
      maskIdsInText(f.message[lang]),
      f.value === undefined ? null : maskIdsInText(f.value),
      f.relatedRows?.join(", ") ?? null,
    ]);
  }
  ws.getColumn(1).width = 18;
  ws.getColumn(6).width = 80;
}
