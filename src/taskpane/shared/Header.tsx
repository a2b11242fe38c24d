/** The pane's title (the Office task-pane template's Header). */
import { usePane } from "../context/PaneContext";
import { usePaneStyles } from "./styles";

export function Header() {
  const { t } = usePane();
  const s = usePaneStyles();
  return (
    <header>
      <h1 className={s.heading} style={{ fontSize: "1.125rem" }}>
        {t.title}
      </h1>
      <div className={s.muted}>{t.subtitle}</div>
    </header>
  );
}
