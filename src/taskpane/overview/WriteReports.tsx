/**
 * The overview's "write report" action: the follow-up reports (DOMAIN.md §8) as sheets in the
 * workbook, one chosen or all. The core builds each sheet (reportSpecs) from the review, the
 * agreement shown, the stays' keys as read and the disputes found; the host renders it.
 */
import { useRef, useState } from "react";
import { Button, Field, makeStyles, Select, Switch } from "@fluentui/react-components";
import {
  isReportId, keyWorkbookStays, REPORT_IDS, REPORT_TITLES, reportInputOf, reportSpecs,
  type AgreementProfile, type FoundDispute, type ReportId, type StayKeyIndex, type WorkbookHost,
} from "../../core";
import { usePane } from "../context/PaneContext";
import type { Reviewed } from "../hooks/useReview";
import { usePaneStyles } from "../shared/styles";
import { REPORT_TEXTS } from "./reportTexts";

/** The host's part (WorkbookHost.writeSpecSheet): renders a sheet described as data, replacing the add-in's earlier one. */
export type SpecSheetWriter = Pick<WorkbookHost, "writeSpecSheet">;

const ALL = "all";

/** The reports' titles are long: the select shrinks to the pane instead of widening it (320 px). */
const useFitStyles = makeStyles({ fit: { minWidth: 0, maxWidth: "100%", width: "100%" } });

/** The stays' keys of the review as read (the rows the result's figures come from). */
export function reviewedKeys(reviewed: Reviewed): StayKeyIndex {
  const { input } = reviewed;
  return keyWorkbookStays(
    { sheets: input.grids, dateSystem: input.dateSystem },
    { sheets: input.sheets, mappingOverrides: input.overrides, referenceYear: new Date().getFullYear() },
  );
}

interface Props {
  reviewed: Reviewed;
  /** The agreement the overview shows (a changed benchmark included). */
  profile: AgreementProfile;
  /** Disputes found in the reviewed rows; undefined where the pane keeps none. */
  found: readonly FoundDispute[] | undefined;
  writer: SpecSheetWriter;
  /** The figures are not current (a change is being recomputed). */
  disabled: boolean;
}

export function WriteReports({ reviewed, profile, found, writer, disabled }: Props) {
  const { lang, busy, setBusy, fail, notify, clearError } = usePane();
  const r = REPORT_TEXTS[lang];
  const s = usePaneStyles();
  const fit = useFitStyles();
  const [which, setWhich] = useState<string>(ALL);
  const [reveal, setReveal] = useState(false);
  // Keyed once per review, on the first report written: keying reads every row again.
  const keyed = useRef<{ of: Reviewed; keys: StayKeyIndex } | null>(null);

  const write = async () => {
    setBusy({ kind: "action" });
    clearError();
    try {
      const chosen: ReportId[] | "all" = isReportId(which) ? [which] : "all";
      if (keyed.current?.of !== reviewed) keyed.current = { of: reviewed, keys: reviewedKeys(reviewed) };
      const input = reportInputOf({ ...reviewed.result, profile }, keyed.current.keys, found);
      const specs = reportSpecs(chosen, input, { lang, reveal });
      for (const spec of specs) await writer.writeSpecSheet(spec);
      notify(r.written(specs.map((x) => x.name)));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className={s.section} aria-labelledby="reports-heading" data-testid="reports">
      <h3 id="reports-heading" className={s.subheading}>
        {r.heading}
      </h3>
      <Field label={r.which}>
        <Select className={fit.fit} select={{ className: fit.fit }} value={which} onChange={(_e, v) => setWhich(v.value)} data-testid="report-which">
          <option value={ALL}>{r.all}</option>
          {REPORT_IDS.map((id) => (
            <option key={id} value={id}>
              {REPORT_TITLES[id][lang]}
            </option>
          ))}
        </Select>
      </Field>
      <Switch label={r.reveal} checked={reveal} onChange={(_e, d) => setReveal(d.checked)} data-testid="report-reveal" />
      <div className={s.row}>
        <Button disabled={busy !== null || disabled} onClick={() => void write()} data-testid="write-report">
          {r.write}
        </Button>
      </div>
    </section>
  );
}
