/**
 * Filling the catalog's message templates. Called only when a finding is made, so rows without
 * findings never build strings. Numbers are written the Swedish way in Swedish messages.
 */
import { formatDateTime, type LocalDateTime } from "../cells/localDate";
import type { Bilingual } from "../model";
import { FIELD_LABELS, type Field } from "../sheet/fields";

/** A parameter: plain text, a number (formatted per language), or a text per language. */
export type MessageParam = string | number | Bilingual;

/** Replaces each {name} with its parameter; an unknown name stays visible rather than vanishing. */
export function fillMessage(template: Bilingual, params: Record<string, MessageParam>): Bilingual {
  return { sv: singularSv(fill(template.sv, params, "sv")), en: singularEn(fill(template.en, params, "en")) };
}

// Templates say "{n} days"; a count of exactly one reads "1 day" (and "1 debiterad dag").
const ONE_DAYS_EN = /(^|[^\d.,])1 (billed |discharge-ready |free |)days\b/g;
const ONE_DAGAR_SV = /(^|[^\d,])1 (debiterade |utskrivningsklara |fria |)dagar\b/g;
const SV_SINGULAR: Record<string, string> = { "debiterade ": "debiterad ", "utskrivningsklara ": "utskrivningsklar ", "fria ": "fri ", "": "" };

function singularEn(text: string): string {
  return text.replace(ONE_DAYS_EN, (_m, before: string, adj: string) => `${before}1 ${adj}day`);
}

function singularSv(text: string): string {
  return text.replace(ONE_DAGAR_SV, (_m, before: string, adj: string) => `${before}1 ${SV_SINGULAR[adj]}dag`);
}

function fill(text: string, params: Record<string, MessageParam>, lang: "sv" | "en"): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => {
    const p = params[name];
    if (p === undefined) return whole;
    if (typeof p === "string") return p;
    if (typeof p === "number") return formatNumber(p, lang);
    return p[lang];
  });
}

/** 10500 → "10 500" (sv) / "10,500" (en); at most two decimals, trailing zeros dropped. */
export function formatNumber(value: number, lang: "sv" | "en"): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(Math.abs(value) * 100) / 100;
  const [whole, frac] = String(rounded).split(".");
  const group = lang === "sv" ? " " : ",";
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 && rounded !== 0 ? "-" : "";
  return sign + grouped + (frac ? (lang === "sv" ? "," : ".") + frac : "");
}

export function dateText(value: LocalDateTime | null): string {
  return value ? formatDateTime(value) : "–";
}

export function fieldLabel(field: Field): Bilingual {
  return FIELD_LABELS[field];
}

/** "rad 12" / "row 12", naming the sheet when it differs from the finding's own. */
export function rowRef(sheet: string, row: number, ownSheet: string): Bilingual {
  return sheet === ownSheet
    ? { sv: `rad ${row}`, en: `row ${row}` }
    : { sv: `bladet "${sheet}" rad ${row}`, en: `sheet "${sheet}" row ${row}` };
}

/** A list of row references, joined per language. */
export function rowRefs(refs: { sheet: string; row: number }[], ownSheet: string): Bilingual {
  const parts = refs.map((r) => rowRef(r.sheet, r.row, ownSheet));
  return { sv: parts.map((p) => p.sv).join(", "), en: parts.map((p) => p.en).join(", ") };
}

/** Appended to notice findings: why the severity is what it is. */
export const CONDITION_TEXT: { required: Bilingual; notRequired: Bilingual } = {
  required: {
    sv: " Avtalet gör detta till ett villkor för betalningsansvar.",
    en: " The agreement makes this a condition of payment liability.",
  },
  notRequired: {
    sv: " Avtalsprofilen gör det inte till ett villkor för betalningsansvar; kontrollera för hand.",
    en: " The agreement profile does not make it a condition of payment liability; check by hand.",
  },
};

export function joinBilingual(parts: Bilingual[], separator = " "): Bilingual {
  return { sv: parts.map((p) => p.sv).join(separator), en: parts.map((p) => p.en).join(separator) };
}

/** Longer than this, a cell's text is shown by its start and its length (a cell may hold 32,767 characters). */
export const SHOWN_TEXT_LENGTH = 60;

/** A cell's text for a message: whole when short; else its start, "…" and its length. */
export function shortText(text: string, max = SHOWN_TEXT_LENGTH): Bilingual {
  if (text.length <= max) return { sv: text, en: text };
  let start = text.slice(0, max - 1);
  const last = start.charCodeAt(start.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) start = start.slice(0, -1); // never half a character
  const n = text.length;
  return { sv: `${start}… (${formatNumber(n, "sv")} tecken)`, en: `${start}… (${formatNumber(n, "en")} characters)` };
}

/** A list for a message or summary: the first `max` items, then "+N till" / "+N more". */
export function cappedList(items: readonly string[], max = 10, separator = ", "): Bilingual {
  if (items.length <= max) {
    const all = items.join(separator);
    return { sv: all, en: all };
  }
  const shown = items.slice(0, max).join(separator);
  const more = items.length - max;
  return { sv: `${shown}${separator}+${formatNumber(more, "sv")} till`, en: `${shown}${separator}+${formatNumber(more, "en")} more` };
}
