/**
 * What the disputes tab needs, without React: the reviewer (a name given once, remembered with a
 * writer id), the workbook's disputes (loaded, merged, saved through the DisputeHost port),
 * disputing from a finding or in bulk with the count confirmed, edit, withdraw, remove all,
 * findings filtered by disputed or not, the figures side by side and the exports. Every figure
 * comes from the core; the clock is passed in.
 */
import {
  activeDisputes,
  bulkCandidates,
  disputeFinding,
  disputeInBulk,
  disputeListRows,
  disputeListTsv,
  editDispute,
  keyedMarks,
  listWorkbookBytes,
  matchDisputes,
  mergeDisputes,
  putRecord,
  REASON_RULES,
  sideBySide,
  toBase64,
  withdrawDispute,
  type AgreementProfile,
  type Bilingual,
  type BulkSelection,
  type Dispute,
  type DisputeHost,
  type DisputeMatch,
  type DisputeReason,
  type Finding,
  type KeyedMark,
  type LoadedDisputes,
  type ReviewResult,
  type SideBySide,
  type StayKeyIndex,
  type Writer,
} from "../../core";

/** Shown next to every export: the list is for the region and holds identity numbers in full. */
export const PERSONAL_DATA_NOTICE: Bilingual = {
  sv: "Exporten innehåller personnummer i sin helhet: den är avsedd för regionen. Hantera den som personuppgifter.",
  en: "The export holds identity numbers in full: it is meant for the region. Handle it as personal data.",
};

/** The reason table as the tab shows it (the same rows the docs and the command print). */
export function reasonRulesFor(lang: "sv" | "en"): { reason: DisputeReason; label: string; effect: string; why: string; assumed: boolean }[] {
  const effect = { void: { sv: "häver ansvaret", en: "voids liability" }, arithmetic: { sv: "räknas om", en: "recomputed" } };
  return REASON_RULES.map((r) => ({ reason: r.reason, label: r.label[lang], effect: effect[r.effect][lang], why: r.why[lang], assumed: r.assumed }));
}

/** Where the reviewer is remembered (the pane gives it localStorage; tests a map). */
export interface ReviewerMemory {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const REVIEWER_KEY = "granskning.reviewer";

export function rememberedReviewer(memory: ReviewerMemory): Writer | null {
  try {
    const v = JSON.parse(memory.getItem(REVIEWER_KEY) ?? "null") as Partial<Writer> | null;
    return v && typeof v.id === "string" && typeof v.name === "string" && v.name.trim() ? { id: v.id, name: v.name } : null;
  } catch {
    return null;
  }
}

/** The reviewer's name, given once; the writer id stays when the name is changed. */
export function rememberReviewer(memory: ReviewerMemory, name: string, newId: () => string): Writer {
  const known = rememberedReviewer(memory);
  const writer = { id: known?.id ?? newId(), name: name.trim() };
  memory.setItem(REVIEWER_KEY, JSON.stringify(writer));
  return writer;
}

export type ChangeResult = { ok: true } | { ok: false; problems: string[] };

export class DisputeWorkspace {
  private loaded: LoadedDisputes | null = null;
  private own: Dispute[] = [];

  constructor(
    private readonly host: DisputeHost,
    private readonly writer: Writer,
    /** ISO time in UTC ("…Z"), from the pane's clock. */
    private readonly now: () => string,
  ) {}

  async open(): Promise<LoadedDisputes> {
    this.loaded = await this.host.loadDisputes(this.writer.id);
    this.own = this.loaded.own;
    return this.loaded;
  }

  /** Everyone's disputes, merged (withdrawn ones included: they are shown as withdrawn). */
  all(): Dispute[] {
    return mergeDisputes(this.loaded?.merged ?? [], this.own);
  }

  active(): Dispute[] {
    return activeDisputes(this.all());
  }

  /** What could not be read when the disputes were loaded: shown, never hidden. */
  problems(): Bilingual[] {
    return this.loaded?.problems ?? [];
  }

  match(index: StayKeyIndex): DisputeMatch {
    return matchDisputes(this.active(), index);
  }

  private async save(records: Dispute[]): Promise<void> {
    let own = this.own;
    for (const r of records) own = putRecord(own, r);
    this.loaded = await this.host.saveDisputes(this.writer, own, this.loaded?.ownUnreadable ?? []);
    this.own = this.loaded.own;
  }

  async disputeFinding(finding: Finding, index: StayKeyIndex, comment = ""): Promise<ChangeResult> {
    const r = disputeFinding(finding, index, { by: this.writer.name, at: this.now() }, comment);
    if (!r.ok) return r;
    await this.save([r.dispute]);
    return { ok: true };
  }

  /** How many rows a bulk dispute would touch: the count the user confirms. */
  bulkCount(findings: readonly Finding[], selection: BulkSelection, index: StayKeyIndex): number {
    return bulkCandidates(findings, selection, this.active(), index).length;
  }

  async disputeBulk(findings: readonly Finding[], selection: BulkSelection, index: StayKeyIndex, confirmedCount: number, comment = ""): Promise<ChangeResult> {
    const r = disputeInBulk(findings, selection, this.active(), index, { by: this.writer.name, at: this.now() }, confirmedCount, comment);
    if (!r.ok) return { ok: false, problems: [`the count changed: ${r.expected} rows now, not ${confirmedCount}; confirm again`] };
    await this.save(r.disputes);
    return r.problems.length ? { ok: false, problems: r.problems } : { ok: true };
  }

  private async change(key: string, make: (d: Dispute, at: string) => { ok: true; dispute: Dispute } | { ok: false; problems: string[] }): Promise<ChangeResult> {
    const d = this.all().find((x) => x.key === key);
    if (!d) return { ok: false, problems: [`no dispute for ${key}`] };
    const r = make(d, timeAfter(d.at, this.now()));
    if (!r.ok) return r;
    await this.save([r.dispute]);
    return { ok: true };
  }

  edit(key: string, change: { reason?: DisputeReason; comment?: string }): Promise<ChangeResult> {
    return this.change(key, (d, at) => editDispute(d, change, this.writer.name, at));
  }

  withdraw(key: string): Promise<ChangeResult> {
    return this.change(key, (d, at) => withdrawDispute(d, this.writer.name, at));
  }

  async removeAll(confirmedCount: number): Promise<ChangeResult> {
    const r = await this.host.removeAllDisputes(this.writer, this.now(), confirmedCount);
    if (!r.ok) return { ok: false, problems: [`${r.expected} disputes now, not ${confirmedCount}; confirm again`] };
    this.loaded = r.loaded;
    this.own = r.loaded.own;
    return { ok: true };
  }

  /** Findings of disputed rows, or of rows not disputed. */
  filterFindings(findings: readonly Finding[], index: StayKeyIndex, disputed: boolean): Finding[] {
    const keys = new Set(this.match(index).found.map((f) => f.dispute.key));
    return findings.filter((f) => {
      const s = f.row === null ? undefined : index.at(f.sheet, f.row);
      return (s !== undefined && keys.has(s.key)) === disputed;
    });
  }

  /** The four figures side by side; `index` must be of the same read as `result`. */
  /** Under `profile` (the agreement the pane shows) or else the reviewed one. */
  figures(result: ReviewResult, index: StayKeyIndex, profile: AgreementProfile = result.profile): SideBySide {
    return sideBySide({ basis: result.basis, profile, found: this.match(index).found, findings: result.findings });
  }

  /** Marks by key: the findings' severities, disputed rows in their own colour. */
  marks(findings: readonly Finding[], index: StayKeyIndex): KeyedMark[] {
    return keyedMarks(findings, index, new Set(this.match(index).found.map((f) => f.dispute.key)));
  }

  exportText(lang: "sv" | "en"): string {
    return disputeListTsv(disputeListRows(this.active(), lang));
  }

  exportToSheet(lang: "sv" | "en"): Promise<void> {
    return this.host.writeDisputeSheet(disputeListRows(this.active(), lang));
  }

  exportToNewWorkbook(lang: "sv" | "en"): Promise<void> {
    return this.host.openDisputeWorkbook(toBase64(listWorkbookBytes(disputeListRows(this.active(), lang))));
  }
}

/**
 * A change must sort after the record it changes (the latest record per stay wins), even when
 * made within the same millisecond: then it takes the next millisecond.
 */
export function timeAfter(previous: string, now: string): string {
  if (Date.parse(now) > Date.parse(previous)) return now;
  return new Date(Date.parse(previous) + 1).toISOString();
}
