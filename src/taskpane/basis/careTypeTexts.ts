/** Texts of the per-sheet care-type choice, Swedish and English (beside the basis, not in the shared dictionary). */
import type { Lang } from "../i18n";

const sv = {
  label: "Vårdform för bladet",
  auto: "Automatiskt",
  somatic: "Somatisk vård (alla rader)",
  psychiatric: "Psykiatrisk vård (alla rader)",
  hint: "Automatiskt: kolumnen, annars bladets namn eller rubrik, annars enhetens namn. Ett nytt val räknar om raderna i minnet utan att läsa bladet.",
  /** In the result's heading, like the other overrides. */
  override: (sheet: string, care: string) => `${sheet}: ${care} (ditt val)`,
};

const en: typeof sv = {
  label: "Care type of the sheet",
  auto: "Automatic",
  somatic: "Somatic care (every row)",
  psychiatric: "Psychiatric care (every row)",
  hint: "Automatic: the column, else the sheet's name or title, else the unit's name. A new choice reviews the rows in memory again without reading the sheet.",
  override: (sheet: string, care: string) => `${sheet}: ${care} (your choice)`,
};

export const CARE_TYPE_TEXTS: Record<Lang, typeof sv> = { sv, en };
