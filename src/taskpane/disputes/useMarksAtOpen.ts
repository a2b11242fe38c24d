/**
 * When the pane opens over marks made in an earlier session, the user may have sorted since:
 * the sheets with marks stored by key are keyed again from their cells (the mapping as detected
 * now) and the marks placed on the rows their keys have. Only until the first review starts:
 * from then on the review's read is followed.
 */
import { useEffect, useRef, useState } from "react";
import type { DisputeHost, WorkbookHost } from "../../core";
import { usePane } from "../context/PaneContext";
import type { SheetsState } from "../hooks/useSheets";
import { columnsToRead } from "../paneModel";
import type { FollowTarget } from "./useFollowedRows";

export function useMarksAtOpen(host: WorkbookHost, disputeHost: DisputeHost | undefined, sheets: SheetsState, referenceYear: number, reviewStarted: boolean): FollowTarget | null {
  const { fail } = usePane();
  const [target, setTarget] = useState<FollowTarget | null>(null);
  const [ended, setEnded] = useState(false);
  if (reviewStarted && !ended) setEnded(true);
  const asked = useRef(false);
  const { invoiceSheets, overrides } = sheets;

  useEffect(() => {
    if (!disputeHost || ended || asked.current || sheets.sheets === null || invoiceSheets.length === 0) return;
    asked.current = true;
    let live = true;
    (async () => {
      const stored = new Set((await disputeHost.storedMarkSheets()).map((n) => n.toLowerCase()));
      const marked = invoiceSheets.filter((x) => stored.has(x.preview.name.toLowerCase()));
      if (marked.length === 0) return;
      const dateSystem = await host.dateSystem();
      if (!live) return;
      setTarget({
        kind: "open",
        keyed: {
          sheets: marked.map((x) => ({ name: x.preview.name, columns: columnsToRead(x.detection.mapping, x.preview.originColumn) })),
          mappingOverrides: overrides,
          referenceYear,
          dateSystem,
        },
      });
    })().catch((e: unknown) => live && fail(e));
    return () => {
      live = false;
    };
  }, [host, disputeHost, ended, sheets.sheets, invoiceSheets, overrides, referenceYear, fail]);

  return ended ? null : target;
}
