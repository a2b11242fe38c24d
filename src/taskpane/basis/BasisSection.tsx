/**
 * The invoice-basis sheets with their mapping and the agreement choice, as one section that folds
 * to a single line once everything is mapped with confidence (and after a review), and opens by
 * itself when a field is missing or uncertain.
 */
import { useState } from "react";
import { Badge } from "@fluentui/react-components";
import type { SheetsState } from "../hooks/useSheets";
import type { useAgreement } from "../hooks/useAgreement";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";
import { AgreementFields } from "./AgreementFields";
import { needsAttention } from "./basisModel";
import { SheetCard } from "./SheetCard";
import type { CareTypeChoice } from "./useCareTypes";

interface Props {
  sheets: SheetsState;
  agreement: ReturnType<typeof useAgreement>;
  /** Grows with each finished review: the section folds to leave the first screen to the result. */
  reviews: number;
  /** The user's care type per sheet. */
  careTypes?: CareTypeChoice;
}

export function BasisSection({ sheets, agreement, reviews, careTypes }: Props) {
  const { t, lang } = usePane();
  const s = usePaneStyles();
  const attention = needsAttention(sheets.invoiceSheets, agreement.preset, agreement.applied.benchmarks);
  const [open, setOpen] = useState(attention);
  const [seenReviews, setSeenReviews] = useState(reviews);
  if (seenReviews !== reviews) {
    setSeenReviews(reviews);
    setOpen(false);
  }
  const others = (sheets.sheets ?? []).filter((x) => !x.isInvoice);
  const rows = sheets.invoiceSheets.reduce((n, x) => n + x.preview.rowCount, 0);
  const names = sheets.invoiceSheets.map((x) => x.preview.name).join(", ");
  return (
    <details className={s.card} open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="basis">
      <summary data-testid="basis-summary">
        <strong>{t.basisHeading}</strong>
        {attention ? (
          <>
            {" "}
            <Badge appearance="tint" color="warning" size="small">
              {t.basisNeedsLook}
            </Badge>
          </>
        ) : null}
        <div className={s.muted}>{t.basisSummary(names, rows, agreement.preset.name[lang])}</div>
      </summary>
      <div className={s.section}>
        {sheets.invoiceSheets.map((sheet) => (
          <SheetCard
            key={sheet.preview.name}
            sheet={sheet}
            onMap={sheets.map}
            onReset={sheets.reset}
            careType={careTypes?.chosen[sheet.preview.name]}
            onCareType={careTypes?.choose}
          />
        ))}
        {others.length > 0 ? (
          <p className={s.muted}>
            {t.otherSheets}: {others.map((o) => o.preview.name).join(", ")}
          </p>
        ) : null}
        <AgreementFields agreement={agreement} />
      </div>
    </details>
  );
}
