/**
 * What the pane needs to know about its Office host before rendering: the display language and
 * whether the Office theme is dark. Read defensively: outside Office these are absent.
 */
import { MINIMUM_EXCEL_API } from "../adapters/excel/requirements";
import { pickLanguage, type Lang } from "./i18n";

/** The subset of Office.context the pane reads (a fake in tests provides the same shape). */
export interface OfficeContextLike {
  displayLanguage?: string;
  officeTheme?: { bodyBackgroundColor?: string } | null;
  requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
}

/** Relative luminance below one half (WCAG formula) counts as a dark background. */
export function isDarkColor(color: string | null | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return luminance < 0.5;
}

export function paneEnvironment(context: OfficeContextLike | null | undefined): { lang: Lang; dark: boolean } {
  let background: string | undefined;
  try {
    // officeTheme throws in some hosts that do not support it (e.g. older Excel on Mac).
    background = context?.officeTheme?.bodyBackgroundColor;
  } catch {
    background = undefined;
  }
  return { lang: pickLanguage(context?.displayLanguage), dark: isDarkColor(background) };
}

/** The Excel API set the adapter needs; manifest.xml's Requirements must say the same (tested). */
export const REQUIRED_API = { set: "ExcelApi", version: MINIMUM_EXCEL_API } as const;
