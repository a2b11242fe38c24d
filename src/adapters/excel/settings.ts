/**
 * The user's mapping corrections, kept in the workbook (workbook.settings, JSON under one key)
 * so that they travel with the file and never leave it.
 *
 * APIs: Workbook.settings, SettingCollection.add/getItemOrNullObject, Setting.value [ExcelApi 1.4].
 */
import { FIELDS, SCENARIO_STORAGE_LIMIT, type MappingOverride } from "../../core";
import { ExcelHostError, translateOfficeError } from "./excelHostError";

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

export const SCENARIOS_KEY = "granskning.scenarios";

/** The stored scenarios' JSON text as stored (validated by the pane, which keeps what it cannot read); null when none. */
export async function loadScenariosIn(context: Excel.RequestContext): Promise<string | null> {
  try {
    const setting = context.workbook.settings.getItemOrNullObject(SCENARIOS_KEY);
    setting.load("value");
    await context.sync();
    if (setting.isNullObject) return null;
    const value: unknown = setting.value;
    // Text is what this add-in stores; anything else is handed on as JSON so the pane can say what it is.
    return typeof value === "string" ? value : JSON.stringify(value);
  } catch (e) {
    throw translateOfficeError(e, { sv: "läsa sparade scenarier", en: "read the saved scenarios" });
  }
}

export async function saveScenariosIn(context: Excel.RequestContext, text: string): Promise<void> {
  if (text.length > SCENARIO_STORAGE_LIMIT) throw scenariosTooLarge(text.length);
  try {
    context.workbook.settings.add(SCENARIOS_KEY, text);
    await context.sync();
  } catch (e) {
    throw translateOfficeError(e, { sv: "spara scenarierna", en: "save the scenarios" });
  }
}

export function scenariosTooLarge(length: number): ExcelHostError {
  const kb = Math.ceil(length / 1000);
  const limit = SCENARIO_STORAGE_LIMIT / 1000;
  return new ExcelHostError(
    "PAYLOAD_TOO_LARGE",
    {
      sv: `Scenarierna är ${kb} kB, mer än de ${limit} kB som kan sparas i arbetsboken. Ta bort några scenarier; det som redan är sparat ligger kvar.`,
      en: `The scenarios are ${kb} KB, more than the ${limit} KB that can be stored in the workbook. Delete some scenarios; what is already stored is kept.`,
    },
    `${length} characters`,
  );
}
