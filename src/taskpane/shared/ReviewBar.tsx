/** "Granska", Cancel while it runs, and the progress of the read. */
import { Button, Field as FluentField, ProgressBar } from "@fluentui/react-components";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "./styles";

export function ReviewBar({ canReview, firstSheet, onReview, onCancel }: { canReview: boolean; firstSheet: { name: string; rows: number } | undefined; onReview(): void; onCancel(): void }) {
  const { t, busy } = usePane();
  const s = usePaneStyles();
  const running = busy?.kind === "reading" || busy?.kind === "computing";
  const progress = busy?.kind === "reading" ? busy.progress : null;
  const progressText =
    busy?.kind === "reading"
      ? progress
        ? t.reading(progress.sheet, progress.rowsRead, progress.rowsTotal)
        : t.reading(firstSheet?.name ?? "", 0, firstSheet?.rows ?? 0)
      : t.computing;
  return (
    <>
      <div className={s.row}>
        <Button appearance="primary" disabled={busy !== null || !canReview} onClick={onReview} data-testid="review">
          {t.reviewButton}
        </Button>
        {running ? (
          <Button onClick={onCancel} data-testid="cancel">
            {t.cancel}
          </Button>
        ) : null}
      </div>
      {running ? (
        <FluentField validationMessage={progressText} validationState="none">
          <ProgressBar aria-label={progressText} value={progress && progress.rowsTotal > 0 ? progress.rowsRead / progress.rowsTotal : undefined} />
        </FluentField>
      ) : null}
    </>
  );
}
