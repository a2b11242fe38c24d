/** When the basis section may fold to one line: every field the figures need is mapped, and surely. */
import type { AgreementProfile, Field } from "../../core";
import type { DetectedSheet } from "../hooks/useSheets";
import { benchmarkCareTypes } from "../hooks/useAgreement";

/** Without these a stay cannot enter the figures (DOMAIN.md §1). */
export const ESSENTIAL_FIELDS: readonly Field[] = ["personId", "readyDate", "dischargeDate", "municipality", "careType"];

/** Below this a column match is a guess the user should look at. */
export const SURE_MATCH = 0.8;

export function uncertainFields(sheet: DetectedSheet): Field[] {
  const guessed = sheet.detection.mapping.filter((m) => m.how === "partial" || m.confidence < SURE_MATCH).map((m) => m.field);
  const missing = ESSENTIAL_FIELDS.filter((f) => !sheet.detection.mapping.some((m) => m.field === f));
  return [...missing, ...guessed];
}

/** The agreement needs a benchmark the user has not given (Stockholm states none). */
export function benchmarkMissing(preset: AgreementProfile, typed: Partial<Record<string, number>>): boolean {
  return benchmarkCareTypes(preset).some((c) => preset[c].benchmark === null && typed[c] === undefined);
}

export function needsAttention(sheets: readonly DetectedSheet[], preset: AgreementProfile, typed: Partial<Record<string, number>>): boolean {
  return sheets.some((s) => uncertainFields(s).length > 0) || benchmarkMissing(preset, typed);
}
