/**
 * The disputes tab's state: the reviewer (asked once, remembered), the workspace on the
 * DisputeHost, the stay keys of the reviewed rows and every action, each with the pane busy and
 * ending in the status line or an error. The figures and the matching come from the core.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { type AgreementProfile, type BulkSelection, type StayKeyIndex, type DisputeHost, type DisputeReason, type Finding, type Writer } from "../../core";
import { usePane } from "../context/PaneContext";
import type { Reviewed } from "../hooks/useReview";
import { DISPUTE_TEXTS } from "./disputeTexts";
import { keysOfReview } from "./stayKeys";
import { DisputeWorkspace, rememberedReviewer, rememberReviewer, type ChangeResult, type ReviewerMemory } from "./disputeWorkspace";

const forgetful: ReviewerMemory = { getItem: () => null, setItem: () => undefined };

/** localStorage where the browser lets the pane have it; otherwise the name lasts the session. */
function browserMemory(): ReviewerMemory {
  try {
    return globalThis.localStorage ?? forgetful;
  } catch {
    return forgetful;
  }
}

const newWriterId = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
// Milliseconds kept: records compare by time as text, so every time has the same form.
const isoNow = () => new Date().toISOString();

export interface DisputesOptions {
  memory?: ReviewerMemory;
  now?: () => string;
  /** The keys of the review's read (findings and figures name its rows); made from its grids when absent. */
  reviewIndex?: StayKeyIndex;
  /** The keys where the rows are now (after a sort): where each dispute's stay is shown. */
  currentIndex?: StayKeyIndex | null;
  /** The agreement the pane shows (a changed benchmark included): the figures side by side follow it. */
  profile?: AgreementProfile;
}

export function useDisputes(reviewed: Reviewed, host: DisputeHost | undefined, options: DisputesOptions = {}) {
  const { lang, setBusy, fail, notify, clearError } = usePane();
  const d = DISPUTE_TEXTS[lang];
  const memory = useMemo(() => options.memory ?? browserMemory(), [options.memory]);
  const now = options.now ?? isoNow;
  const [writer, setWriter] = useState<Writer | null>(() => rememberedReviewer(memory));
  const [workspace, setWorkspace] = useState<DisputeWorkspace | null>(null);
  /** Grows after every change: what is derived from the workspace is read again. */
  const [version, setVersion] = useState(0);
  const { input } = reviewed;
  const given = options.reviewIndex;
  const index = useMemo(() => given ?? keysOfReview(input, new Date().getFullYear()), [given, input]);
  /** Where the stays are now: the last read after a sort, else the review's. */
  const here = options.currentIndex ?? index;

  useEffect(() => {
    if (!host || !writer) return;
    let live = true;
    const ws = new DisputeWorkspace(host, writer, now);
    ws.open().then(
      () => {
        if (!live) return;
        setWorkspace(ws);
        setVersion((v) => v + 1);
      },
      (e: unknown) => live && fail(e),
    );
    return () => {
      live = false;
    };
    // The clock is not a reason to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host, writer, fail]);

  const setName = useCallback((name: string) => {
    if (name.trim()) setWriter(rememberReviewer(memory, name, newWriterId));
  }, [memory]);

  const act = useCallback(
    async (action: (ws: DisputeWorkspace) => Promise<ChangeResult | void>, done: string): Promise<boolean> => {
      if (!workspace) {
        notify(d.nameFirst);
        return false;
      }
      setBusy({ kind: "action" });
      clearError();
      try {
        const r = await action(workspace);
        setVersion((v) => v + 1);
        if (r && !r.ok) {
          notify(r.problems.join("; "));
          return false;
        }
        notify(done);
        return true;
      } catch (e) {
        fail(e);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [workspace, notify, d, setBusy, clearError, fail],
  );

  const findings = reviewed.result.findings;
  const derived = useMemo(() => {
    if (!workspace) return null;
    const match = workspace.match(here);
    return {
      match,
      disputedKeys: new Set(match.found.map((f) => f.dispute.key)),
      figures: workspace.figures(reviewed.result, index, options.profile),
      problems: workspace.problems(),
      active: workspace.active().length,
    };
    // version: the workspace changed in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace, index, here, reviewed.result, options.profile, version]);

  return {
    writer,
    setName,
    ready: derived !== null,
    derived,
    support: host?.support() ?? null,
    isDisputed: (f: Finding) => {
      const stay = f.row === null ? undefined : index.at(f.sheet, f.row);
      return stay !== undefined && (derived?.disputedKeys.has(stay.key) ?? false);
    },
    /** The findings of disputed rows (true) or of the others (false). */
    filterFindings: (list: readonly Finding[], disputed: boolean) => workspace?.filterFindings(list, index, disputed) ?? (disputed ? [] : [...list]),
    disputeFinding: (f: Finding) => act((ws) => ws.disputeFinding(f, index), d.disputedDone),
    bulkCount: (selection: BulkSelection) => workspace?.bulkCount(findings, selection, index) ?? 0,
    disputeBulk: (selection: BulkSelection, confirmed: number) => act((ws) => ws.disputeBulk(findings, selection, index, confirmed), d.bulkDone(confirmed)),
    edit: (key: string, change: { reason?: DisputeReason; comment?: string }) => act((ws) => ws.edit(key, change), d.saved),
    withdraw: (key: string) => act((ws) => ws.withdraw(key), d.withdrawn),
    removeAll: (confirmed: number) => act((ws) => ws.removeAll(confirmed), d.removed),
    exportText: () => workspace?.exportText(lang) ?? "",
    exportSheet: () => act((ws) => ws.exportToSheet(lang), d.exported),
    exportWorkbook: () => act((ws) => ws.exportToNewWorkbook(lang), d.exported),
  };
}

export type DisputesState = ReturnType<typeof useDisputes>;
