/** Texts of the per-sheet care-type choice, Swedish and English (beside the basis, not in the shared dictionary). */
import type { Lang } from "../i18n";

const sv = {
  label: "Vårdform för bladet",
  auto: "Automatiskt (kolumnen, bladets namn eller rubrik, enhetens namn)",
  somatic: "Somatisk vård: alla rader",
  psychiatric: "Psykiatrisk vård: alla rader",
  hint: "Ändras valet räknas raderna i minnet om, utan att bladet läses igen.",
  /** In the result's heading, like the other overrides. */
  override: (sheet: string, care: string) => `${sheet}: ${care} (ditt val)`,
};

const en: typeof sv = {
  label: "Care type of the sheet",
  auto: "Automatic (the column, the sheet's name or title, the unit's name)",
  somatic: "Somatic care: every row",
  psychiatric: "Psychiatric care: every row",
  hint: "A change reviews the rows in memory again, without reading the sheet.",
  override: (sheet: string, care: string) => `${sheet}: ${care} (your choice)`,
};

export const CARE_TYPE_TEXTS: Record<Lang, typeof sv> = { sv, en };
