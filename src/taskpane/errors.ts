/**
 * Turns anything thrown into a message the user can act on. Errors that carry their own
 * bilingual text (the engine's ReviewError, the adapter's errors) speak for themselves;
 * Office's error codes get our wording; the rest gets a generic message plus the detail.
 */
import type { Bilingual } from "../core";
import type { Lang, Texts } from "./i18n";

export interface PaneError {
  title: string;
  message: string;
  /** Technical detail for support (never contains cell values). */
  detail?: string;
}

function hasBilingual(e: unknown): e is { bilingual: Bilingual } {
  const b = (e as { bilingual?: Partial<Bilingual> } | null)?.bilingual;
  return typeof b?.sv === "string" && typeof b?.en === "string";
}

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

/** True when the user cancelled (AbortController) rather than something failing. */
export function isCancellation(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === "AbortError" || /cancel/i.test(codeOf(e));
}

export function describeError(e: unknown, t: Texts, lang: Lang): PaneError {
  if (hasBilingual(e)) return { title: t.errorTitle, message: e.bilingual[lang], detail: codeOf(e) || undefined };
  const code = codeOf(e);
  const upper = code.toUpperCase().replace(/[^A-Z]/g, "");
  if (upper.includes("SHEETCHANGED") || upper.includes("CHANGEDDURINGREVIEW")) {
    return { title: t.errorTitle, message: t.errorSheetChanged, detail: code };
  }
  if (upper.includes("PROTECT") || upper === "ACCESSDENIED") {
    return { title: t.errorTitle, message: t.errorProtected, detail: code };
  }
  const text = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  return { title: t.errorTitle, message: t.errorUnknown, detail: [code, text].filter(Boolean).join(": ") || undefined };
}
