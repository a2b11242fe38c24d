/**
 * Entry point: wait for Office, pick language and theme from the host, check the Excel API
 * set, then render the pane. Every failure before the pane exists still ends in a message.
 */
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { startOffice } from "../adapters/excel";
import { createExcelDisputeHost } from "../adapters/excel/disputeHost";
import { App } from "./App";
import { coreEngine } from "./coreEngine";
import { ErrorBoundary } from "./shared/ErrorBoundary";
import { pickLanguage, TEXTS, type Lang } from "./i18n";
import { ErrorMessage } from "./shared/PaneMessage";

/** The marker the browser tests (and time-to-interactive measurements) wait for. */
function markReady(): void {
  document.documentElement.dataset.paneReady = "true";
  performance.mark("pane-ready");
}

function render(content: ReactNode, lang: Lang, dark: boolean): void {
  document.documentElement.lang = lang;
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      <ErrorBoundary texts={TEXTS[lang]}>{content}</ErrorBoundary>
    </FluentProvider>,
  );
}

function fatal(message: string, lang: Lang, dark: boolean): void {
  const t = TEXTS[lang];
  render(
    <main style={{ padding: 12 }}>
      <ErrorMessage error={{ title: t.errorTitle, message }} />
    </main>,
    lang,
    dark,
  );
  markReady();
}

function start(): void {
  startOffice((office) => {
    if (office.kind === "no-office") {
      fatal(TEXTS.sv.errorNoOffice + " / " + TEXTS.en.errorNoOffice, "sv", false);
      return;
    }
    performance.mark("office-ready");
    const lang = pickLanguage(office.look.displayLanguage);
    const dark = office.look.dark;
    const t = TEXTS[lang];
    if (office.kind === "not-excel") {
      fatal(t.errorNotExcel, lang, dark);
      return;
    }
    if (office.kind === "requirement-missing") {
      fatal(t.errorRequirement(office.set, office.version), lang, dark);
      return;
    }
    try {
      render(<App host={office.createHost()} disputeHost={createExcelDisputeHost()} engine={coreEngine} lang={lang} onReady={markReady} />, lang, dark);
    } catch (e) {
      fatal(`${t.errorUnknown} (${e instanceof Error ? e.message : String(e)})`, lang, dark);
    }
  });
}

start();
