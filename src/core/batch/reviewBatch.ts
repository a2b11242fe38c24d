/**
 * Several invoice bases reviewed as one (a folder of monthly files, a year named on the command
 * line): each file is reviewed on its own (its date system, invoiced period and sheets are its
 * own), then the figure bases are combined and the figures computed ONCE from all stays, so a
 * municipality × care type × period found in two files is one group with one average. A stay in
 * several files counts once (batch/crossFile.ts says which row, and its findings say so).
 */
import type { AgreementProfile } from "../agreements/profileSchema";
import { recomputeFigures } from "../figures/computeFigures";
import { findRow, type FigureBasis } from "../figures/figureBasis";
import type { Bilingual, FindingCode, Severity } from "../model";
import type { FiguresResult, ReviewResult, SheetSummary } from "../review/result";
import type { KeyedStays } from "./compactStays";
import { combineFigureBases, splitQualifiedSheet } from "./combineBases";
import { crossFileStays, type BatchFinding, type BatchPlace } from "./crossFile";

export interface BatchFileReview {
  /** The file's label in every message: unique in the batch (the host decides it, e.g. the path as given). */
  file: string;
  result: ReviewResult;
  /** keyWorkbookStays over the reviewed sheets of the file (or its CompactStays, to let the grid go). */
  stays: KeyedStays;
}

/** A file that could not be reviewed: reported, and the others still are. */
export interface BatchFileFailure {
  file: string;
  message: Bilingual;
}

export interface BatchFileSummary {
  file: string;
  sheets: SheetSummary[];
  /** Stays the file's own review counted, and those it leaves to another file's row. */
  staysCounted: number;
  staysCountedElsewhere: number;
  counts: ReviewResult["counts"];
}

export interface BatchResult {
  profile: AgreementProfile;
  files: BatchFileSummary[];
  failed: BatchFileFailure[];
  /** The engine's readings (each once; a reading of some files only names them) and the batch's own. */
  assumptions: Bilingual[];
  /** Figures of all files together; a group's rows name their sheet as `[file]sheet` (rowPlace). */
  figures: FiguresResult;
  /** Every file's findings (file order, then sheet and row), the cross-file ones beside the row they are on, then the combined figures'. */
  findings: BatchFinding[];
  counts: ReviewResult["counts"];
  crossFile: { stays: number; duplicates: number; reinvoiced: number; rowsLeftOut: number };
  /** The combined figure basis (what-if path: recomputeFigures). */
  basis: FigureBasis;
}

/** A group row of the combined figures as file, sheet and row. */
export function rowPlace(ref: { sheet: string; row: number }): BatchPlace {
  const { file, sheet } = splitQualifiedSheet(ref.sheet);
  return { file: file ?? "", sheet, row: ref.row };
}

export function combineReviews(reviews: readonly BatchFileReview[], profile: AgreementProfile, failed: readonly BatchFileFailure[] = []): BatchResult {
  const cross = crossFileStays(
    reviews.map((r) => ({
      file: r.file,
      stays: r.stays,
      inFigures: (sheet, row) => findRow(r.result.basis, `${sheet}!${row}`) >= 0,
      stayIdColumn: (sheet) => r.result.sheets.find((s) => s.name === sheet)?.mapping.find((m) => m.field === "stayId")?.letter ?? null,
    })),
  );
  const basis = combineFigureBases(reviews.map((r, k) => ({ file: r.file, basis: r.result.basis, leaveOut: cross.leaveOut[k] })));
  const figures = recomputeFigures(basis, profile);

  // A file's own group-level findings (an unknown price…) are about its own figures: the combined figures' replace them.
  const findings: BatchFinding[] = [];
  reviews.forEach((r) => {
    const own = new Set(r.result.figures.findings);
    const mine: BatchFinding[] = r.result.findings.filter((f) => !own.has(f)).map((f) => ({ ...f, file: r.file }));
    for (const f of cross.findings) if (f.file === r.file) mine.push(f);
    const rank = new Map(r.result.sheets.map((s, i) => [s.name, i]));
    // Stable: a row's cross-file findings after its own, as the file's review sorted those.
    mine.sort((a, b) => (rank.get(a.sheet) ?? -1) - (rank.get(b.sheet) ?? -1) || (a.row ?? 0) - (b.row ?? 0));
    findings.push(...mine);
  });
  for (const f of figures.findings) findings.push({ ...f, file: "" });

  const rowsLeftOut = cross.leaveOut.reduce((n, s) => n + s.size, 0);
  return {
    profile,
    files: reviews.map((r, k) => ({
      file: r.file,
      sheets: r.result.sheets,
      staysCounted: r.result.basis.count - cross.leaveOut[k].size,
      staysCountedElsewhere: cross.leaveOut[k].size,
      counts: r.result.counts,
    })),
    failed: [...failed],
    assumptions: batchAssumptions(reviews),
    figures,
    findings,
    counts: countFindings(findings),
    crossFile: {
      stays: cross.stays,
      duplicates: cross.findings.filter((f) => f.code === "CROSS_FILE_DUPLICATE").length,
      reinvoiced: cross.findings.filter((f) => f.code === "CROSS_FILE_REINVOICED").length,
      rowsLeftOut,
    },
    basis,
  };
}

/** Each reading once; one that holds for some files only says which. */
function batchAssumptions(reviews: readonly BatchFileReview[]): Bilingual[] {
  const seen = new Map<string, { text: Bilingual; files: string[] }>();
  for (const r of reviews) {
    for (const a of r.result.assumptions) {
      const entry = seen.get(a.sv);
      if (entry) {
        if (!entry.files.includes(r.file)) entry.files.push(r.file);
      } else seen.set(a.sv, { text: a, files: [r.file] });
    }
  }
  const out: Bilingual[] = [
    {
      sv: `${reviews.length} filer granskade tillsammans: en kommun, vårdform och period i flera filer är en grupp, och dess snitt räknas på alla dess vistelser (inte som ett snitt av snitt).`,
      en: `${reviews.length} files reviewed together: a municipality, care type and period found in several files is one group, and its average is computed from all its stays (not as an average of averages).`,
    },
    {
      sv: "En vistelse (samma vårdtillfälles-id, annars samma patient och datum) i flera filer räknas en gång: den senaste versionen, i filernas ordning (en mapps filer i namnordning, filer på kommandoraden i angiven ordning). ANTAGET: en senare faktura rättar en tidigare. De andra radernas fakturerade belopp står kvar i Fakturerat.",
      en: "A stay (the same stay id, else the same patient and dates) in several files counts once: its latest version, in the files' order (a folder's files by name, files on the command line as given). ASSUMED: a later invoice corrects an earlier one. What the other rows invoice stays in Invoiced.",
    },
  ];
  for (const { text, files } of seen.values()) {
    if (files.length === reviews.length) out.push(text);
    else out.push({ sv: `${files.join(", ")}: ${text.sv}`, en: `${files.join(", ")}: ${text.en}` });
  }
  return out;
}

function countFindings(findings: readonly BatchFinding[]): ReviewResult["counts"] {
  const byCode: Partial<Record<FindingCode, number>> = {};
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    bySeverity[f.severity]++;
  }
  return { byCode, bySeverity };
}
