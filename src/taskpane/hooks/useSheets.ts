/**
 * The workbook's sheets as the reader sees them (invoice basis or not, mapping, confidence) and
 * the user's corrections of the mapping, saved in the workbook.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Field, MappingOverride, SheetPreview, WorkbookHost } from "../../core";
import { usePane } from "../context/PaneContext";
import { MIN_CONFIDENCE, type PaneEngine, type SheetDetection } from "../engine";

export interface DetectedSheet {
  preview: SheetPreview;
  detection: SheetDetection;
  isInvoice: boolean;
  overridden: boolean;
}

function detectAll(engine: PaneEngine, previews: SheetPreview[], overrides: Record<string, MappingOverride>): DetectedSheet[] {
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

export interface SheetsState {
  /** null while the workbook is being read. */
  sheets: DetectedSheet[] | null;
  invoiceSheets: DetectedSheet[];
  overrides: Record<string, MappingOverride>;
  /** Grows with every change of the mapping: a review read under an older one is outdated. */
  mappingVersion: number;
  map(sheet: string, field: Field, column: number | null): void;
  reset(sheet: string): void;
}

export function useSheets(host: WorkbookHost, engine: PaneEngine): SheetsState {
  const { t, fail, notify } = usePane();
  const [sheets, setSheets] = useState<DetectedSheet[] | null>(null);
  const [overrides, setOverrides] = useState<Record<string, MappingOverride>>({});
  const [mappingVersion, setMappingVersion] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([host.previewSheets(), host.loadMappingOverrides()])
      .then(([previews, saved]) => {
        if (!live) return;
        setOverrides(saved);
        setSheets(detectAll(engine, previews, saved));
      })
      .catch((e: unknown) => {
        if (!live) return;
        fail(e);
        setSheets([]);
      });
    return () => {
      live = false;
    };
  }, [host, engine, fail]);

  const remap = useCallback(
    (sheetName: string, next: Record<string, MappingOverride>) => {
      setOverrides(next);
      setMappingVersion((v) => v + 1);
      setSheets((current) => current?.map((x) => (x.preview.name === sheetName ? detectAll(engine, [x.preview], next)[0] : x)) ?? current);
      host.saveMappingOverrides(next).then(() => notify(t.mappingSaved), fail);
    },
    [engine, host, notify, fail, t],
  );

  const map = useCallback(
    (sheetName: string, field: Field, column: number | null) =>
      remap(sheetName, { ...overrides, [sheetName]: { ...overrides[sheetName], [field]: column } }),
    [overrides, remap],
  );
  const reset = useCallback(
    (sheetName: string) => {
      const next = { ...overrides };
      delete next[sheetName];
      remap(sheetName, next);
    },
    [overrides, remap],
  );

  const invoiceSheets = useMemo(() => (sheets ?? []).filter((x) => x.isInvoice), [sheets]);
  return { sheets, invoiceSheets, overrides, mappingVersion, map, reset };
}
