/**
 * The dispute list for the region: one row per active dispute with the stay id and the identity
 * number IN FULL (the region needs them to find the stay; hosts say that the export holds
 * personal data), the reason in words, comment, who, when, the stay's days and amount.
 *
 * The same rows serve the table on a sheet, the new workbook, the text to copy and the headless
 * command's --disputes (readDisputeList reads them back: key, fingerprint and content are columns).
 */
import { columnLetter } from "../cells/cellValue";
import type { Bilingual } from "../model";
import { disputeSchema, type Dispute } from "./dispute";
import { reasonRule, type DisputeReason } from "./reasons";

export type ExportCell = string | number | null;

interface Column {
  id: string;
  title: Bilingual;
  value: (d: Dispute, lang: "sv" | "en") => ExportCell;
}

const EFFECT: Record<"void" | "arithmetic", Bilingual> = {
  void: { sv: "Häver betalningsansvaret", en: "Voids liability" },
  arithmetic: { sv: "Räknas om (ingår)", en: "Recomputed (stays in)" },
};

/** In this order on the sheet; `id` is what readDisputeList recognises (either language's title too). */
export const EXPORT_COLUMNS: readonly Column[] = [
  { id: "stayId", title: { sv: "Vårdtillfälle", en: "Stay id" }, value: (d) => d.stay.stayId },
  { id: "personId", title: { sv: "Personnummer", en: "Identity number" }, value: (d) => d.stay.personId },
  { id: "municipality", title: { sv: "Kommun", en: "Municipality" }, value: (d) => d.stay.municipality },
  { id: "careType", title: { sv: "Vårdform", en: "Care type" }, value: (d, l) => (d.stay.careType === null ? null : CARE[d.stay.careType][l]) },
  { id: "ready", title: { sv: "Utskrivningsklar", en: "Discharge-ready" }, value: (d) => d.stay.ready },
  { id: "discharge", title: { sv: "Utskriven", en: "Discharged" }, value: (d) => d.stay.discharge },
  { id: "reasonText", title: { sv: "Skäl", en: "Reason" }, value: (d, l) => reasonRule(d.reason).label[l] },
  { id: "effect", title: { sv: "Verkan", en: "Effect" }, value: (d, l) => EFFECT[reasonRule(d.reason).effect][l] },
  { id: "comment", title: { sv: "Kommentar", en: "Comment" }, value: (d) => d.comment },
  { id: "by", title: { sv: "Bestritt av", en: "Disputed by" }, value: (d) => d.by },
  { id: "at", title: { sv: "Tidpunkt (UTC)", en: "Time (UTC)" }, value: (d) => d.at },
  { id: "days", title: { sv: "Dagar", en: "Days" }, value: (d) => d.figures.days },
  { id: "liableDays", title: { sv: "Debiterade dagar", en: "Billed days" }, value: (d) => d.figures.liableDays },
  { id: "amount", title: { sv: "Belopp", en: "Amount" }, value: (d) => d.figures.amount },
  { id: "reason", title: { sv: "Skälkod", en: "Reason code" }, value: (d) => d.reason },
  { id: "sheet", title: { sv: "Blad", en: "Sheet" }, value: (d) => d.sheet },
  { id: "row", title: { sv: "Rad (senast)", en: "Row (last seen)" }, value: (d) => d.row },
  { id: "key", title: { sv: "Nyckel", en: "Key" }, value: (d) => d.key },
  { id: "fingerprint", title: { sv: "Fingeravtryck", en: "Fingerprint" }, value: (d) => d.fingerprint },
  { id: "content", title: { sv: "Innehåll", en: "Content" }, value: (d) => d.content },
];

const CARE = { somatic: { sv: "somatik", en: "somatic" }, psychiatric: { sv: "psykiatri", en: "psychiatric" } } as const;

export interface DisputeList {
  header: string[];
  rows: ExportCell[][];
}

/** Active disputes (withdrawn ones are not sent), ordered by sheet and last-seen row. */
export function disputeListRows(disputes: readonly Dispute[], lang: "sv" | "en"): DisputeList {
  const active = disputes.filter((d) => !d.withdrawn).sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row));
  return {
    header: EXPORT_COLUMNS.map((c) => c.title[lang]),
    rows: active.map((d) => EXPORT_COLUMNS.map((c) => c.value(d, lang))),
  };
}

/**
 * A text cell that a spreadsheet would read as a formula (=, +, -, @, or a tab/CR start) gets a
 * leading apostrophe; numbers are numbers and stay as they are.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function tsvCell(v: ExportCell): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  // A tab or line break inside a cell would start a new cell or row.
  return safeText(v.replace(/[\t\r\n]+/g, " "));
}

/** Tab-separated text to copy, header first, safe to paste into a spreadsheet. */
export function disputeListTsv(list: DisputeList): string {
  return [list.header, ...list.rows].map((r) => r.map(tsvCell).join("\t")).join("\r\n") + "\r\n";
}

export interface ListProblem {
  /** 1-based row in the grid, and the column's letter where one cell is at fault. */
  row: number;
  column: string | null;
  value: string | null;
  message: Bilingual;
}

const unquote = (v: unknown): unknown => (typeof v === "string" && v.startsWith("'") && /^'[=+\-@]/.test(v) ? v.slice(1) : v);


/**
 * Reads an exported list back (the headless command's --disputes): the header row is found by
 * the titles of either language; each row is validated, and a row that fails is reported with
 * its row, column and raw value, never silently dropped.
 */
export function readDisputeList(grid: readonly (readonly unknown[])[]): { disputes: Dispute[]; problems: ListProblem[] } {
  const titles = new Map<string, string>();
  for (const c of EXPORT_COLUMNS) {
    titles.set(c.title.sv.toLowerCase(), c.id);
    titles.set(c.title.en.toLowerCase(), c.id);
  }
  const headerAt = grid.findIndex((r) => r.some((v) => typeof v === "string" && titles.get(v.trim().toLowerCase()) === "key"));
  if (headerAt < 0) {
    return {
      disputes: [],
      problems: [
        {
          row: 1,
          column: null,
          value: null,
          message: { sv: "Ingen bestridandelista: kolumnen \"Nyckel\" saknas.", en: "Not a dispute list: the column \"Key\" is missing." },
        },
      ],
    };
  }
  const col = new Map<string, number>();
  grid[headerAt].forEach((v, i) => {
    const id = typeof v === "string" ? titles.get(v.trim().toLowerCase()) : undefined;
    if (id && !col.has(id)) col.set(id, i);
  });
  const disputes: Dispute[] = [];
  const problems: ListProblem[] = [];
  const cell = (r: readonly unknown[], id: string): unknown => {
    const i = col.get(id);
    const v = i === undefined ? undefined : unquote(r[i]);
    return v === "" || v === undefined ? null : v;
  };
  const text = (r: readonly unknown[], id: string): string | null => {
    const v = cell(r, id);
    return v === null ? null : String(v);
  };
  const num = (r: readonly unknown[], id: string): unknown => {
    const v = cell(r, id);
    return typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v.replace(",", "."))) ? Number(v.replace(",", ".")) : v;
  };
  for (let i = headerAt + 1; i < grid.length; i++) {
    const r = grid[i];
    if (r.every((v) => v === "" || v === null || v === undefined)) continue;
    const careText = text(r, "careType")?.toLowerCase() ?? null;
    const candidate = {
      key: text(r, "key"),
      fingerprint: text(r, "fingerprint"),
      content: text(r, "content") ?? "",
      sheet: text(r, "sheet"),
      row: num(r, "row"),
      reason: text(r, "reason") as DisputeReason | null,
      comment: text(r, "comment") ?? "",
      by: text(r, "by"),
      at: text(r, "at"),
      withdrawn: false,
      stay: {
        stayId: text(r, "stayId"),
        personId: text(r, "personId"),
        municipality: text(r, "municipality"),
        careType: careText === null ? null : careText.startsWith("psyk") || careText.startsWith("psych") ? "psychiatric" : "somatic",
        ready: text(r, "ready"),
        discharge: text(r, "discharge"),
      },
      figures: { days: num(r, "days"), liableDays: num(r, "liableDays"), amount: num(r, "amount") },
    };
    const parsed = disputeSchema.safeParse(candidate);
    if (parsed.success) {
      disputes.push(parsed.data);
      continue;
    }
    const issue = parsed.error.issues[0];
    const field = String(issue.path[issue.path.length - 1] ?? "");
    const id = issue.path[0] === "stay" || issue.path[0] === "figures" ? field : String(issue.path[0] ?? "");
    const at = col.get(id);
    const detail = issue.code === "invalid_value" ? { sv: "okänt värde", en: "unknown value" } : { sv: issue.message, en: issue.message };
    problems.push({
      row: i + 1,
      column: at === undefined ? null : columnLetter(at),
      value: at === undefined ? null : String(r[at] ?? ""),
      message: {
        sv: `Rad ${i + 1}: ${EXPORT_COLUMNS.find((c) => c.id === id)?.title.sv ?? id} kan inte läsas (${detail.sv}).`,
        en: `Row ${i + 1}: ${EXPORT_COLUMNS.find((c) => c.id === id)?.title.en ?? id} cannot be read (${detail.en}).`,
      },
    });
  }
  return { disputes, problems };
}
