/**
 * The review and what follows from it. `run` reads the invoice-basis sheets through the host and
 * reviews them; afterwards the rows stay in memory, so a change of agreement, benchmark or period
 * never reads the sheet again: `recompute` gives new figures from the result's basis (the core's
 * what-if path, milliseconds), `recheck` reviews the rows in memory again so that the findings
 * that depend on the profile (notice conditions, billed days, the period) follow it too.
 * Every answer carries the choice it was made for; an answer for an older choice is dropped.
 */
import { useCallback, useRef, useState } from "react";
import type { DateSystem, FiguresResult, MappingOverride, ReviewResult, SheetGrid, WorkbookHost } from "../../core";
import { usePane } from "../context/PaneContext";
import type { PaneEngine } from "../engine";
import { isCancellation } from "../errors";
import { columnsToRead, monthPeriod, todayEpochDay } from "../paneModel";
import type { Applied } from "./useAgreement";
import type { DetectedSheet } from "./useSheets";

/** What a review read: kept so the rows can be checked again without the host. */
interface ReadInput {
  grids: SheetGrid[];
  dateSystem: DateSystem;
  sheets: string[];
  overrides: Record<string, MappingOverride>;
  /** Per sheet, the (0-based) columns read: rows are keyed again from the same columns after a sort. */
  columns?: Record<string, number[]>;
}

export interface Reviewed {
  result: ReviewResult;
  /** The choice the findings (and the result) were made for. */
  applied: Applied;
  grids: ReadonlyMap<string, SheetGrid>;
  mappingVersion: number;
  input: ReadInput;
}

export interface ShownFigures {
  figures: FiguresResult;
  applied: Applied;
}

export interface ReviewState {
  reviewed: Reviewed | null;
  figures: ShownFigures | null;
  /** A re-check of the rows in memory is under way. */
  rechecking: boolean;
  run(sheets: readonly DetectedSheet[], applied: Applied, overrides: Record<string, MappingOverride>, mappingVersion: number): Promise<boolean>;
  cancel(): void;
  recompute(applied: Applied): Promise<void>;
  recheck(applied: Applied): Promise<void>;
}

export function useReview(host: WorkbookHost, engine: PaneEngine, now: () => Date): ReviewState {
  const { t, setBusy, fail, notify, clearError } = usePane();
  const [reviewed, setReviewed] = useState<Reviewed | null>(null);
  const [figures, setFigures] = useState<ShownFigures | null>(null);
  const [rechecking, setRechecking] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  /** The choice last asked for: answers for any other are stale and dropped. */
  const wanted = useRef<string>("");

  const options = useCallback(
    (applied: Applied, input: Omit<ReadInput, "grids" | "dateSystem">) => ({
      profile: applied.profile!,
      referenceDay: todayEpochDay(now()),
      invoicePeriod: monthPeriod(applied.period ?? ""),
      mappingOverrides: input.overrides,
      sheets: input.sheets,
      careTypeBySheet: applied.careTypes,
    }),
    [now],
  );

  const run = useCallback<ReviewState["run"]>(
    async (sheets, applied, overrides, mappingVersion) => {
      if (!applied.profile || sheets.length === 0) return false;
      const controller = new AbortController();
      abortRef.current = controller;
      wanted.current = applied.key;
      clearError();
      setReviewed(null);
      setFigures(null);
      notify("");
      setBusy({ kind: "reading", progress: null });
      try {
        const grids: SheetGrid[] = [];
        const read: Record<string, number[]> = {};
        for (const sheet of sheets) {
          const columns = columnsToRead(sheet.detection.mapping, sheet.preview.originColumn);
          read[sheet.preview.name] = columns;
          const grid = await host.readSheet(sheet.preview.name, columns, (progress) => setBusy({ kind: "reading", progress }), controller.signal);
          if (controller.signal.aborted) break;
          grids.push(grid);
        }
        if (controller.signal.aborted) {
          notify(t.cancelled);
          return false;
        }
        setBusy({ kind: "computing" });
        const input: ReadInput = { grids, dateSystem: await host.dateSystem(), sheets: sheets.map((x) => x.preview.name), overrides, columns: read };
        const result = await engine.review({ sheets: grids, dateSystem: input.dateSystem }, options(applied, input));
        if (controller.signal.aborted) {
          notify(t.cancelled);
          return false;
        }
        setReviewed({ result, applied, grids: new Map(grids.map((g) => [g.name, g])), mappingVersion, input });
        setFigures({ figures: result.figures, applied });
        notify(t.reviewDone(result.findings.length));
        return true;
      } catch (e) {
        if (controller.signal.aborted || isCancellation(e)) notify(t.cancelled);
        else fail(e);
        return false;
      } finally {
        abortRef.current = null;
        setBusy(null);
      }
    },
    [host, engine, options, t, setBusy, fail, notify, clearError],
  );

  const recompute = useCallback(
    async (applied: Applied) => {
      if (!reviewed || !applied.profile) return;
      wanted.current = applied.key;
      try {
        const next = await engine.recompute(reviewed.result.basis, applied.profile);
        if (wanted.current === applied.key) setFigures({ figures: next, applied });
      } catch (e) {
        fail(e);
      }
    },
    [reviewed, engine, fail],
  );

  const recheck = useCallback(
    async (applied: Applied) => {
      if (!reviewed || !applied.profile) return;
      wanted.current = applied.key;
      setRechecking(true);
      try {
        const { input } = reviewed;
        const result = await engine.review({ sheets: input.grids, dateSystem: input.dateSystem }, options(applied, input));
        if (wanted.current !== applied.key) return;
        setReviewed({ ...reviewed, result, applied });
        setFigures({ figures: result.figures, applied });
      } catch (e) {
        fail(e);
      } finally {
        // A newer re-check, if any, clears the flag when it ends.
        if (wanted.current === applied.key) setRechecking(false);
      }
    },
    [reviewed, engine, options, fail],
  );

  const cancel = useCallback(() => abortRef.current?.abort(), []);
  return { reviewed, figures, rechecking, run, cancel, recompute, recheck };
}
