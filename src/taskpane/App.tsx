/**
 * The task pane: find the invoice-basis sheets, let the user correct the mapping and pick the
 * agreement, run the review, show what the ReviewResult says. It talks to the workbook only
 * through the WorkbookHost port and to the rules only through the PaneEngine.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, Field as FluentField, MessageBar, MessageBarBody, ProgressBar, Spinner } from "@fluentui/react-components";
import { copyProfile, type AgreementProfile, type Field, type Finding, type MappingOverride, type ReadProgress, type ReviewResult, type SheetGrid, type SheetPreview, type WorkbookHost } from "../core";
import { AgreementPanel } from "./AgreementPanel";
import { MIN_CONFIDENCE, type PaneEngine } from "./engine";
import { describeError, isCancellation, type PaneError } from "./errors";
import { FindingsPanel } from "./FindingsPanel";
import { TEXTS, type Lang } from "./i18n";
import { ErrorMessage } from "./PaneMessage";
import { columnsToRead, monthPeriod, parseBenchmark, todayEpochDay } from "./paneModel";
import { ResultsPanel } from "./ResultsPanel";
import { SheetPanel, type DetectedSheet } from "./SheetPanel";
import { usePaneStyles } from "./styles";

export interface AppProps {
  host: WorkbookHost;
  engine: PaneEngine;
  lang: Lang;
  /** Called once when the pane is interactive (sheets listed or an error shown). */
  onReady?: () => void;
  now?: () => Date;
}

type Busy =
  | { kind: "reading"; progress: ReadProgress | null }
  | { kind: "computing" }
  | { kind: "action" }
  | null;

interface Reviewed {
  result: ReviewResult;
  grids: Map<string, SheetGrid>;
}

function detectAll(
  engine: PaneEngine,
  previews: SheetPreview[],
  overrides: Record<string, MappingOverride>,
): DetectedSheet[] {
  return previews.map((preview) => {
    const override = overrides[preview.name];
    const detection = engine.detect(
      { name: preview.name, values: preview.head.values, originRow: preview.originRow, originColumn: preview.originColumn },
      override,
    );
    return {
      preview,
      detection,
      isInvoice: detection.headerRow !== null && detection.confidence >= MIN_CONFIDENCE,
      overridden: override !== undefined && Object.keys(override).length > 0,
    };
  });
}

export function App({ host, engine, lang, onReady, now = () => new Date() }: AppProps) {
  const t = TEXTS[lang];
  const s = usePaneStyles();
  const [sheets, setSheets] = useState<DetectedSheet[] | null>(null);
  const [overrides, setOverrides] = useState<Record<string, MappingOverride>>({});
  const [presetId, setPresetId] = useState<string>(engine.presets[0]?.id ?? "");
  const [benchmarkText, setBenchmarkText] = useState("");
  const [periodText, setPeriodText] = useState("");
  const [busy, setBusy] = useState<Busy>(null);
  const [reviewed, setReviewed] = useState<Reviewed | null>(null);
  const [error, setError] = useState<PaneError | null>(null);
  const [notice, setNotice] = useState<string>("");
  const abortRef = useRef<AbortController | null>(null);
  const readyRef = useRef(false);

  const fail = useCallback((e: unknown) => setError(describeError(e, t, lang)), [t, lang]);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [previews, saved] = await Promise.all([host.previewSheets(), host.loadMappingOverrides()]);
        if (!live) return;
        setOverrides(saved);
        setSheets(detectAll(engine, previews, saved));
      } catch (e) {
        if (live) {
          fail(e);
          setSheets([]);
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [host, engine, fail]);

  useEffect(() => {
    if (sheets !== null && !readyRef.current) {
      readyRef.current = true;
      onReady?.();
    }
  }, [sheets, onReady]);

  const invoiceSheets = useMemo(() => (sheets ?? []).filter((x) => x.isInvoice), [sheets]);
  const preset = engine.presets.find((p) => p.id === presetId);
  const benchmark = parseBenchmark(benchmarkText);
  /** The preset, with the user's benchmark when one is typed (validated again by the core). */
  const profile = useMemo((): AgreementProfile | undefined => {
    if (!preset || benchmark === null) return preset;
    if (Number.isNaN(benchmark)) return undefined;
    const changed = copyProfile(preset, { somatic: { benchmark }, psychiatric: { benchmark } });
    return changed.ok ? changed.profile : undefined;
  }, [preset, benchmark]);

  const remap = async (sheetName: string, next: Record<string, MappingOverride>) => {
    setOverrides(next);
    setSheets((current) =>
      current?.map((x) => (x.preview.name === sheetName ? detectAll(engine, [x.preview], next)[0] : x)) ?? current,
    );
    setReviewed(null);
    try {
      await host.saveMappingOverrides(next);
      setNotice(t.mappingSaved);
    } catch (e) {
      fail(e);
    }
  };

  const onMap = (sheetName: string, field: Field, column: number | null) => {
    const sheetOverride: MappingOverride = { ...overrides[sheetName], [field]: column };
    void remap(sheetName, { ...overrides, [sheetName]: sheetOverride });
  };

  const onReset = (sheetName: string) => {
    const next = { ...overrides };
    delete next[sheetName];
    void remap(sheetName, next);
  };

  const review = async () => {
    if (!profile || invoiceSheets.length === 0) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setError(null);
    setReviewed(null);
    setNotice("");
    setBusy({ kind: "reading", progress: null });
    try {
      const grids: SheetGrid[] = [];
      for (const sheet of invoiceSheets) {
        const columns = columnsToRead(sheet.detection.mapping, sheet.preview.originColumn);
        const grid = await host.readSheet(
          sheet.preview.name,
          columns,
          (progress) => setBusy({ kind: "reading", progress }),
          controller.signal,
        );
        if (controller.signal.aborted) break;
        grids.push(grid);
      }
      if (controller.signal.aborted) {
        setNotice(t.cancelled);
        return;
      }
      setBusy({ kind: "computing" });
      const dateSystem = await host.dateSystem();
      const result = await engine.review(
        { sheets: grids, dateSystem },
        {
          profile,
          referenceDay: todayEpochDay(now()),
          invoicePeriod: monthPeriod(periodText),
          mappingOverrides: overrides,
          sheets: invoiceSheets.map((x) => x.preview.name),
        },
      );
      if (controller.signal.aborted) {
        setNotice(t.cancelled);
        return;
      }
      setReviewed({ result, grids: new Map(grids.map((g) => [g.name, g])) });
      setNotice(t.reviewDone(result.findings.length));
    } catch (e) {
      if (controller.signal.aborted || isCancellation(e)) setNotice(t.cancelled);
      else fail(e);
    } finally {
      abortRef.current = null;
      setBusy(null);
    }
  };

  const act = async (action: () => Promise<void>, done: string) => {
    setBusy({ kind: "action" });
    setError(null);
    try {
      await action();
      setNotice(done);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const selectFinding = (finding: Finding) => {
    if (finding.row === null) return;
    host.selectRow(finding.sheet, finding.row).catch(fail);
  };

  const progress = busy?.kind === "reading" ? busy.progress : null;
  const progressText =
    busy?.kind === "reading"
      ? progress
        ? t.reading(progress.sheet, progress.rowsRead, progress.rowsTotal)
        : t.reading(invoiceSheets[0]?.preview.name ?? "", 0, invoiceSheets[0]?.preview.rowCount ?? 0)
      : busy?.kind === "computing"
        ? t.computing
        : "";

  return (
    <main className={s.root} aria-busy={busy !== null} data-testid="pane">
      <header>
        <h1 className={s.heading} style={{ fontSize: "1.25rem" }}>
          {t.title}
        </h1>
        <div className={s.muted}>{t.subtitle}</div>
      </header>

      {error ? <ErrorMessage error={error} dismissLabel={t.dismiss} onDismiss={() => setError(null)} /> : null}

      {sheets === null ? (
        <Spinner size="small" label={t.loadingSheets} />
      ) : invoiceSheets.length === 0 ? (
        error ? null : (
          <MessageBar intent="warning" layout="multiline" data-testid="no-invoice-sheet">
            <MessageBarBody>{t.noInvoiceSheet}</MessageBarBody>
          </MessageBar>
        )
      ) : (
        <>
          <SheetPanel sheets={sheets} texts={t} lang={lang} disabled={busy !== null} onMap={onMap} onReset={onReset} />
          <AgreementPanel
            presets={engine.presets}
            selected={preset}
            texts={t}
            lang={lang}
            disabled={busy !== null}
            onSelect={(id) => {
              setPresetId(id);
              setBenchmarkText("");
              setReviewed(null);
            }}
            benchmark={benchmarkText}
            onBenchmark={setBenchmarkText}
            period={periodText}
            onPeriod={setPeriodText}
          />
          <div className={s.row}>
            <Button appearance="primary" disabled={busy !== null || !profile} onClick={() => void review()} data-testid="review">
              {t.reviewButton}
            </Button>
            {busy?.kind === "reading" || busy?.kind === "computing" ? (
              <Button onClick={() => abortRef.current?.abort()} data-testid="cancel">
                {t.cancel}
              </Button>
            ) : null}
          </div>
          {busy?.kind === "reading" || busy?.kind === "computing" ? (
            <FluentField validationMessage={progressText} validationState="none">
              <ProgressBar
                aria-label={progressText}
                value={progress && progress.rowsTotal > 0 ? progress.rowsRead / progress.rowsTotal : undefined}
              />
            </FluentField>
          ) : null}
        </>
      )}

      <div aria-live="polite" role="status" className={s.muted} data-testid="status">
        {notice}
      </div>

      {reviewed ? (
        <>
          <div className={s.row}>
            <Button disabled={busy !== null} onClick={() => void act(() => host.markFindings(reviewed.result.findings), t.marked)} data-testid="mark">
              {t.markRows}
            </Button>
            <Button disabled={busy !== null} onClick={() => void act(() => host.clearMarks(), t.cleared)} data-testid="clear">
              {t.clearMarks}
            </Button>
            <Button disabled={busy !== null} onClick={() => void act(() => host.writeResultSheet(reviewed.result), t.written)} data-testid="write">
              {t.writeResult}
            </Button>
          </div>
          <ResultsPanel result={reviewed.result} texts={t} lang={lang} />
          <FindingsPanel result={reviewed.result} grids={reviewed.grids} texts={t} lang={lang} onSelect={selectFinding} />
        </>
      ) : null}
    </main>
  );
}
