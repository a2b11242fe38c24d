/**
 * Texts of the marks that follow the rows and of the disputed filter, Swedish and English. Kept
 * beside the findings tab (not in i18n.ts), so the tab can grow without touching the shared dictionary.
 */
import type { Lang } from "../i18n";

const sv = {
  disputedColour: "Bestriden",
  followsSorts: "Markeringarna följer raderna när du sorterar.",
  noSortEvents:
    "Den här Excel-versionen meddelar inte när du sorterar (ExcelApi 1.10 behövs): efter en sortering hamnar markeringarna rätt först när du placerar om dem eller öppnar fönstret igen.",
  placeAgain: "Placera om markeringarna",
  placedAgain: "Markeringarna är placerade på raderna igen.",
  disputedFilter: "Bestridna",
  disputedAll: (n: number) => `Alla (${n})`,
  disputedOnly: (n: number) => `Bestridna (${n})`,
  notDisputed: (n: number) => `Ej bestridna (${n})`,
};

const en: typeof sv = {
  disputedColour: "Disputed",
  followsSorts: "The marks follow the rows when you sort.",
  noSortEvents:
    "This version of Excel does not report sorting (ExcelApi 1.10 is needed): after a sort the marks are right again only when you place them again or reopen the pane.",
  placeAgain: "Place the marks again",
  placedAgain: "The marks are placed on the rows again.",
  disputedFilter: "Disputed",
  disputedAll: (n: number) => `All (${n})`,
  disputedOnly: (n: number) => `Disputed (${n})`,
  notDisputed: (n: number) => `Not disputed (${n})`,
};

export const MARK_TEXTS: Record<Lang, typeof sv> = { sv, en };
