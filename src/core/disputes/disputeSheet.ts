/**
 * The dispute sheet as data (a SheetSpec), for a host to render: the dispute list in the export's
 * columns (EXPORT_COLUMNS, so readDisputeList reads it back), in a table "Bestridanden", with
 * notes on what each reason does to the figures and how many disputes were found again.
 *
 * Identity numbers: the export for the region holds them in full (exportList.ts); this sheet
 * shows every text through privateText, so they are masked unless the caller reveals them
 * (the headless command's --reveal). A masked list is not a list the region can act on, and
 * the title says which kind the sheet is.
 */
import { privateText } from "../cells/mask";
import type { Bilingual } from "../model";
import type { SheetSpec, SpecColumn, SpecFormat } from "../sheets/sheetSpec";
import type { Dispute } from "./dispute";
import { disputeListRows, EXPORT_COLUMNS } from "./exportList";
import type { DisputeMatch } from "./match";
import { REASON_RULES } from "./reasons";

export const DISPUTE_SHEET_NAME = "Bestridanden";
export const DISPUTE_TABLE_NAME = "Bestridanden";

export const DISPUTE_SHEET_TITLES: { revealed: Bilingual; masked: Bilingual } = {
  // The revealed Swedish title is the add-in's own export's (adapters/excel/disputeSheet.ts).
  revealed: { sv: "Bestridanden – lista till regionen (innehåller personnummer)", en: "Disputes – list for the region (holds identity numbers)" },
  masked: { sv: "Bestridanden – lista till regionen (personnummer maskerade)", en: "Disputes – list for the region (identity numbers masked)" },
};

/** Number columns by the export's column id; every other column is text. */
const FORMATS: Record<string, SpecFormat> = { days: "integer", liableDays: "decimal", amount: "kronor", row: "integer" };

export interface DisputeSheetInput {
  /** The disputes applied to this review, as found again by key. */
  match: DisputeMatch;
  lang: "sv" | "en";
  /** Identity numbers in full (the user asked to); default masked. */
  reveal?: boolean;
}

/** Found and changed disputes are listed where their stay is now; orphaned ones where it was last seen. */
function listed(match: DisputeMatch): Dispute[] {
  const here = [...match.found, ...match.changed].map((f) => ({ ...f.dispute, sheet: f.stay.sheet, row: f.stay.row }));
  return [...here, ...match.orphaned];
}

export function disputeSheetSpec(input: DisputeSheetInput): SheetSpec {
  const { match, lang } = input;
  const reveal = input.reveal ?? false;
  const sv = lang === "sv";
  const shown = (v: string | number | null) => (typeof v === "string" ? privateText(v, reveal) : v);
  const list = disputeListRows(listed(match), lang);
  const columns: SpecColumn[] = EXPORT_COLUMNS.map((c, i) => ({ title: list.header[i], format: FORMATS[c.id] ?? "text" }));
  const arithmetic = REASON_RULES.filter((r) => r.effect === "arithmetic").map((r) => r.reason).join(", ");
  const counts = { found: match.found.length, changed: match.changed.length, orphaned: match.orphaned.length };
  const notes = [
    sv
      ? `${list.rows.length} bestridanden: ${counts.found} tillämpade, ${counts.changed} vars vistelse har ändrade uppgifter (visas, tillämpas inte), ${counts.orphaned} vars vistelse inte finns i bladet (visas, tillämpas inte).`
      : `${list.rows.length} disputes: ${counts.found} applied, ${counts.changed} whose stay has changed (shown, not applied), ${counts.orphaned} whose stay is not in the sheet (shown, not applied).`,
    sv
      ? `Ett skäl som häver betalningsansvaret lämnar vistelsen utanför beräkningen; ett skäl om regionens aritmetik (${arithmetic}) behåller den med den omräknade siffran.`
      : `A reason that voids liability leaves the stay out of the figures; a reason about the region's arithmetic (${arithmetic}) keeps it at its recomputed figure.`,
    reveal
      ? sv
        ? "Listan innehåller personnummer i sin helhet: personuppgifter."
        : "The list holds identity numbers in full: personal data."
      : sv
        ? "Personnummer är maskerade; listan kan inte läsas in igen som bestridanden förrän de visas i sin helhet."
        : "Identity numbers are masked; the list cannot be read back as disputes until they are shown in full.",
  ];
  return {
    name: DISPUTE_SHEET_NAME,
    title: (reveal ? DISPUTE_SHEET_TITLES.revealed : DISPUTE_SHEET_TITLES.masked)[lang],
    notes,
    tables: [
      {
        name: DISPUTE_TABLE_NAME,
        caption: sv ? "Bestridanden, per blad och rad" : "Disputes, by sheet and row",
        columns,
        rows: list.rows.map((r) => r.map(shown)),
      },
    ],
    charts: [],
  };
}
