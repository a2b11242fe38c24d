/**
 * Disputes in the headless command: those saved in the workbook (custom XML parts), an exported
 * list applied to another copy of the basis (--disputes FILE.xlsx), and every error finding
 * disputed (--dispute-errors); all found again by key in the reviewed sheets, then the figures
 * side by side. Rows that cannot be read are reported with file, sheet, row, column and value.
 */
import { activeDisputes, disputeInBulk, keyWorkbookStays, loadDisputes, matchDisputes, mergeDisputes, readDisputeList, sideBySide, type Bilingual, type Dispute, type DisputeMatch, type ReviewResult, type SideBySide, type StayKeyIndex, type WorkbookGrids } from "../core";
import { readCustomXmlParts } from "../adapters/xlsx/readStoredDisputes";
import { readXlsxFile } from "../adapters/xlsx/xlsxReader";

/** The writer id the command's own disputes carry (it saves none: it never writes the input). */
export const CLI_WRITER = "review-cli";
export const CLI_AUTHOR = "npm run review --dispute-errors";

export interface CliDisputeOptions {
  file: string;
  listFile: string | null;
  disputeErrors: boolean;
  /** ISO time in UTC for the disputes --dispute-errors makes. */
  now: string;
  referenceYear: number;
  /** The workbook's stays by key, when the caller has them already (keyWorkbookStays over the reviewed sheets). */
  index?: StayKeyIndex;
}

/** What the outputs show of the disputes: one file's or, in a batch, every file's as one. */
export interface DisputeSummary {
  /** Disputes read from the workbook, from the list, and made from errors. */
  counts: { stored: number; fromList: number; fromErrors: number };
  match: DisputeMatch;
  figures: SideBySide;
  problems: Bilingual[];
}

export interface CliDisputes extends DisputeSummary {
  /** The reviewed stays by key, as read (the follow-up reports use it too). */
  index: StayKeyIndex;
}

export async function applyDisputes(grids: WorkbookGrids, result: ReviewResult, options: CliDisputeOptions): Promise<CliDisputes> {
  const problems: Bilingual[] = [];
  const stored = loadDisputes(readCustomXmlParts(options.file), CLI_WRITER);
  problems.push(...stored.problems.map((p) => ({ sv: `${options.file}: ${p.sv}`, en: `${options.file}: ${p.en}` })));

  let fromList: Dispute[] = [];
  if (options.listFile) {
    const list = await readList(options.listFile);
    fromList = list.disputes;
    problems.push(...list.problems);
  }

  const index = options.index ?? keyWorkbookStays(grids, { sheets: result.sheets.map((s) => s.name), referenceYear: options.referenceYear });
  let fromErrors: Dispute[] = [];
  const held = mergeDisputes(stored.merged, fromList);
  if (options.disputeErrors) {
    const current = activeDisputes(held);
    const bulk = disputeInBulk(result.findings, { allErrors: true }, current, index, { by: CLI_AUTHOR, at: options.now }, -1);
    // The command confirms by asking for the count first: it is not interactive.
    const count = bulk.ok ? bulk.disputes.length : bulk.expected;
    const made = disputeInBulk(result.findings, { allErrors: true }, current, index, { by: CLI_AUTHOR, at: options.now }, count);
    if (made.ok) fromErrors = made.disputes;
  }
  const active = activeDisputes(mergeDisputes(held, fromErrors));
  const match = matchDisputes(active, index);
  return {
    counts: { stored: activeDisputes(stored.merged).length, fromList: fromList.length, fromErrors: fromErrors.length },
    match,
    figures: sideBySide({ basis: result.basis, profile: result.profile, found: match.found, findings: result.findings }),
    problems,
    index,
  };
}

async function readList(file: string): Promise<{ disputes: Dispute[]; problems: Bilingual[] }> {
  const grids = await readXlsxFile(file);
  for (const sheet of grids.sheets) {
    const read = readDisputeList(sheet.values);
    if (read.disputes.length === 0 && read.problems.length === 1 && read.problems[0].column === null) continue; // not a list
    return {
      disputes: read.disputes,
      problems: read.problems.map((p) => {
        const where = `${file}, ${sheet.name}, ${p.column ? `${p.column}${p.row}` : `rad/row ${p.row}`}${p.value !== null ? ` "${p.value}"` : ""}`;
        return { sv: `${where}: ${p.message.sv}`, en: `${where}: ${p.message.en}` };
      }),
    };
  }
  return {
    disputes: [],
    problems: [{ sv: `${file}: inget blad med en bestridandelista (kolumnen "Nyckel").`, en: `${file}: no sheet holds a dispute list (the column "Key").` }],
  };
}
