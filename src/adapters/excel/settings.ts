/**
 * The user's mapping corrections, kept in the workbook (workbook.settings, JSON under one key)
 * so that they travel with the file and never leave it.
 *
 * APIs: Workbook.settings, SettingCollection.add/getItemOrNullObject, Setting.value [ExcelApi 1.4].
 */
import { FIELDS, type MappingOverride } from "../../core";
import { translateOfficeError } from "./excelHostError";

export const SETTINGS_KEY = "granskning.mappingOverrides";

const FIELD_SET = new Set<string>(FIELDS);

/** Keeps what is a valid override (known field → column index ≥ 0 or null); the rest is ignored. */
export function parseOverrides(raw: unknown): Record<string, MappingOverride> {
  let value = raw;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  const out: Record<string, MappingOverride> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return out;
  for (const [sheet, override] of Object.entries(value as Record<string, unknown>)) {
    if (typeof override !== "object" || override === null || Array.isArray(override)) continue;
    const clean: Record<string, number | null> = {};
    for (const [field, column] of Object.entries(override as Record<string, unknown>)) {
      if (!FIELD_SET.has(field)) continue;
      if (column === null || (typeof column === "number" && Number.isInteger(column) && column >= 0 && column < 16_384)) clean[field] = column;
    }
    out[sheet] = clean as MappingOverride;
  }
  return out;
}

export async function loadOverridesIn(context: Excel.RequestContext): Promise<Record<string, MappingOverride>> {
  try {
    const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    setting.load("value");
    await context.sync();
    return setting.isNullObject ? {} : parseOverrides(setting.value);
  } catch (e) {
    throw translateOfficeError(e, { sv: "läsa sparade kolumnkopplingar", en: "read the saved column mappings" });
  }
}

export async function saveOverridesIn(context: Excel.RequestContext, overrides: Record<string, MappingOverride>): Promise<void> {
  try {
    // One JSON string: a host stores setting values as JSON anyway, and one key is one write.
    context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(overrides));
    await context.sync();
  } catch (e) {
    throw translateOfficeError(e, { sv: "spara kolumnkopplingarna", en: "save the column mappings" });
  }
}
