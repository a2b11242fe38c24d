/** Previous / page n of m / next, above the list. */
import { Button } from "@fluentui/react-components";
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "../shared/styles";

export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage(page: number): void }) {
  const { t } = usePane();
  const s = usePaneStyles();
  if (pages <= 1) return null;
  return (
    <nav className={s.row} aria-label={t.page(page, pages)} data-testid="pager">
      <Button size="small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t.previous}
      </Button>
      <span data-testid="page-label">{t.page(page, pages)}</span>
      <Button size="small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t.next}
      </Button>
    </nav>
  );
}
