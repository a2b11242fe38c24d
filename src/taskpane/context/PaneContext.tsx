/**
 * What every part of the pane shares: its texts and language, whether it is busy (reading,
 * computing, an action), the error shown and the status line. Components read it with usePane().
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { ReadProgress } from "../../core";
import { describeError, type PaneError } from "../errors";
import { TEXTS, type Lang, type Texts } from "../i18n";

export type Busy = { kind: "reading"; progress: ReadProgress | null } | { kind: "computing" } | { kind: "action" } | null;

export interface PaneState {
  t: Texts;
  lang: Lang;
  busy: Busy;
  setBusy(busy: Busy): void;
  error: PaneError | null;
  /** Shows anything thrown as a message the user can act on. */
  fail(e: unknown): void;
  clearError(): void;
  /** The polite status line (announced to screen readers). */
  notice: string;
  notify(text: string): void;
}

const PaneContext = createContext<PaneState | null>(null);

export function PaneProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const t = TEXTS[lang];
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<PaneError | null>(null);
  const [notice, notify] = useState("");
  const fail = useCallback((e: unknown) => setError(describeError(e, t, lang)), [t, lang]);
  const clearError = useCallback(() => setError(null), []);
  const value = useMemo(
    () => ({ t, lang, busy, setBusy, error, fail, clearError, notice, notify }),
    [t, lang, busy, error, fail, clearError, notice],
  );
  return <PaneContext.Provider value={value}>{children}</PaneContext.Provider>;
}

export function usePane(): PaneState {
  const state = useContext(PaneContext);
  if (!state) throw new Error("usePane outside PaneProvider");
  return state;
}
