/**
 * The summary of a batch review as a sheet (SheetSpec): the figures per municipality × care type
 * × period across all files, the files read (and those that could not be), and the cross-file
 * findings. Any host renders it (the headless command into the summary workbook of --out).
 * Every text passes `privacy` (the host's mask): a municipality or sheet name may hold an id.
 */
import { privateText } from "../cells/mask";
import type { SheetSpec, SpecCell, SpecTable } from "../sheets/sheetSpec";
import type { BatchResult } from "./reviewBatch";

export interface BatchSheetOptions {
  lang: "sv" | "en";
  /** Identity numbers unmasked (the user asked); default masked. */
  reveal?: boolean;
  /** The review date, YYYY-MM-DD. */
  today: string;
}

const T = {
  sv: {
    name: "Sammanställning",
    title: "Granskning av flera fakturaunderlag",
    agreement: "Överenskommelse",
    today: "Granskningsdag",
    figures: "Siffror per kommun, vårdform och period, alla filer",
    figureColumns: ["Kommun", "Vårdform", "Period", "Vistelser", "Dagar", "Snitt", "Riktmärke", "Ansvarsdagar", "Belopp", "Fakturerat", "Differens"],
    total: "Totalt",
    files: "Lästa filer",
    fileColumns: ["Fil", "Blad", "Datarader", "Räknade vistelser", "Räknade i annan fil", "Fel", "Varningar", "Info"],
    failed: "Filer som inte kunde läsas",
    failedColumns: ["Fil", "Orsak"],
    cross: "Samma vistelse i flera filer",
    crossColumns: ["Fil", "Blad", "Rad", "Kod", "Allvarlighet", "Andra rader", "Meddelande"],
    somatic: "somatik",
    psychiatric: "psykiatri",
    severity: { error: "fel", warning: "varning", info: "info" },
    leftOut: (rows: number) => `Utanför beräkningen: ${rows} rader med fakturerade uppgifter (ingår i Fakturerat och Differens).`,
    row: "rad",
  },
  en: {
    name: "Summary",
    title: "Review of several invoice bases",
    agreement: "Agreement",
    today: "Review date",
    figures: "Figures per municipality, care type and period, all files",
    figureColumns: ["Municipality", "Care type", "Period", "Stays", "Days", "Average", "Benchmark", "Liable days", "Amount", "Invoiced", "Difference"],
    total: "Total",
    files: "Files read",
    fileColumns: ["File", "Sheets", "Data rows", "Stays counted", "Counted in another file", "Errors", "Warnings", "Info"],
    failed: "Files that could not be read",
    failedColumns: ["File", "Reason"],
    cross: "The same stay in several files",
    crossColumns: ["File", "Sheet", "Row", "Code", "Severity", "Other rows", "Message"],
    somatic: "somatic",
    psychiatric: "psychiatric",
    severity: { error: "error", warning: "warning", info: "info" },
    leftOut: (rows: number) => `Left out of the figures: ${rows} rows stating invoiced figures (in Invoiced and Difference).`,
    row: "row",
  },
} as const;

export function batchSummarySpec(batch: BatchResult, options: BatchSheetOptions): SheetSpec {
  const t = T[options.lang];
  const lang = options.lang;
  const say = (text: string) => privateText(text, options.reveal ?? false);
  const cell = (v: SpecCell) => (typeof v === "string" ? say(v) : v);

  const figures: SpecTable = {
    name: "Sammanstallning_siffror",
    caption: t.figures,
    columns: [
      { title: t.figureColumns[0], format: "text" },
      { title: t.figureColumns[1], format: "text" },
      { title: t.figureColumns[2], format: "text" },
      { title: t.figureColumns[3], format: "integer", total: "sum" },
      { title: t.figureColumns[4], format: "integer", total: "sum" },
      { title: t.figureColumns[5], format: "decimal" },
      { title: t.figureColumns[6], format: "decimal" },
      { title: t.figureColumns[7], format: "decimal", total: "sum" },
      { title: t.figureColumns[8], format: "kronor", total: "sum" },
      { title: t.figureColumns[9], format: "kronor", total: "sum" },
      { title: t.figureColumns[10], format: "kronor", total: "sum" },
    ],
    rows: batch.figures.groups.map((g) =>
      [g.municipality, g.careType === "somatic" ? t.somatic : t.psychiatric, g.period, g.stays, g.days, g.average, g.benchmark, g.liableDays, g.amount, g.invoicedAmount, g.difference].map(cell),
    ),
    totalsLabel: t.total,
  };

  const files: SpecTable = {
    name: "Sammanstallning_filer",
    caption: t.files,
    columns: [
      { title: t.fileColumns[0], format: "text" },
      { title: t.fileColumns[1], format: "text" },
      { title: t.fileColumns[2], format: "integer", total: "sum" },
      { title: t.fileColumns[3], format: "integer", total: "sum" },
      { title: t.fileColumns[4], format: "integer", total: "sum" },
      { title: t.fileColumns[5], format: "integer", total: "sum" },
      { title: t.fileColumns[6], format: "integer", total: "sum" },
      { title: t.fileColumns[7], format: "integer", total: "sum" },
    ],
    rows: batch.files.map((f) =>
      [
        f.file,
        f.sheets.map((s) => s.name).join(", "),
        f.sheets.reduce((n, s) => n + s.rows, 0),
        f.staysCounted,
        f.staysCountedElsewhere,
        f.counts.bySeverity.error,
        f.counts.bySeverity.warning,
        f.counts.bySeverity.info,
      ].map(cell),
    ),
    totalsLabel: t.total,
  };

  const tables = [figures, files];
  if (batch.failed.length > 0) {
    tables.push({
      name: "Sammanstallning_olasta",
      caption: t.failed,
      columns: [
        { title: t.failedColumns[0], format: "text" },
        { title: t.failedColumns[1], format: "text" },
      ],
      rows: batch.failed.map((f) => [f.file, f.message[lang]].map(cell)),
    });
  }
  const crossFindings = batch.findings.filter((f) => f.code === "CROSS_FILE_DUPLICATE" || f.code === "CROSS_FILE_REINVOICED");
  tables.push({
    name: "Sammanstallning_dubbla",
    caption: t.cross,
    columns: [
      { title: t.crossColumns[0], format: "text" },
      { title: t.crossColumns[1], format: "text" },
      { title: t.crossColumns[2], format: "integer" },
      { title: t.crossColumns[3], format: "text" },
      { title: t.crossColumns[4], format: "text" },
      { title: t.crossColumns[5], format: "text" },
      { title: t.crossColumns[6], format: "text" },
    ],
    rows: crossFindings.map((f) =>
      [f.file, f.sheet, f.row, f.code, t.severity[f.severity], (f.related ?? []).map((p) => `${p.file}, ${p.sheet} ${t.row} ${p.row}`).join("; "), f.message[lang]].map(cell),
    ),
  });

  const left = batch.figures.totals.leftOut.rows;
  return {
    name: t.name,
    title: t.title,
    notes: [
      `${t.agreement}: ${batch.profile.name[lang]} (${batch.profile.id})`,
      `${t.today}: ${options.today}`,
      ...batch.assumptions.map((a) => say(a[lang])),
      ...(left > 0 ? [t.leftOut(left)] : []),
    ],
    tables,
    charts: [],
  };
}
