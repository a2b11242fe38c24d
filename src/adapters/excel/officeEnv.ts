/**
 * What the pane needs from Office before it renders: whether Office and Excel are there, the
 * requirement set, the display language and whether the theme is dark, and the host to talk
 * to. The pane's start-up reads these through here, so `Office.*` is named only in this adapter.
 * Read defensively: outside Office the values are absent, and `officeTheme` throws in some hosts.
 */
import { createExcelHost, type ExcelHost } from "./excelHost";
import { MINIMUM_EXCEL_API } from "./requirements";

/** The subset of Office.context read here (a fake in tests provides the same shape). */
export interface OfficeContextLike {
  displayLanguage?: string;
  officeTheme?: { bodyBackgroundColor?: string } | null;
  requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
}

/** How the host looks: its language tag as Office reports it ("sv-SE") and a dark theme or not. */
export interface HostLook {
  displayLanguage: string | undefined;
  dark: boolean;
}

/** The Excel API set the adapter needs; manifest.xml's Requirements must say the same (tested). */
export const REQUIRED_API = { set: "ExcelApi", version: MINIMUM_EXCEL_API } as const;

/** How start-up went; every outcome but "ready" ends in a message in the pane. */
export type OfficeStart =
  | { kind: "no-office" }
  | { kind: "not-excel"; look: HostLook }
  | { kind: "requirement-missing"; look: HostLook; set: string; version: string }
  | { kind: "ready"; look: HostLook; createHost: () => ExcelHost };

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

export function hostLook(context: OfficeContextLike | null | undefined): HostLook {
  let background: string | undefined;
  try {
    background = context?.officeTheme?.bodyBackgroundColor;
  } catch {
    background = undefined;
  }
  let displayLanguage: string | undefined;
  try {
    displayLanguage = context?.displayLanguage;
  } catch {
    displayLanguage = undefined;
  }
  return { displayLanguage, dark: isDarkColor(background) };
}

/** Waits for Office and reports once how start-up went. */
export function startOffice(onStart: (start: OfficeStart) => void): void {
  if (typeof Office === "undefined") {
    onStart({ kind: "no-office" });
    return;
  }
  Office.onReady((info) => {
    const look = hostLook(Office.context);
    if (info.host !== Office.HostType.Excel) {
      onStart({ kind: "not-excel", look });
    } else if (!Office.context.requirements.isSetSupported(REQUIRED_API.set, REQUIRED_API.version)) {
      onStart({ kind: "requirement-missing", look, set: REQUIRED_API.set, version: REQUIRED_API.version });
    } else {
      onStart({ kind: "ready", look, createHost: () => createExcelHost() });
    }
  }).catch(() => onStart({ kind: "no-office" }));
}
