/**
 * Socialstyrelsen's price per discharge-ready day (SEK per vårddygn), DOMAIN.md §5. Data, not
 * code: each row says how sure we are and where it comes from. Unknown years stay null — the
 * user enters them (profile.priceOverrides); a missing price is never 0.
 */
export type PriceStatus = "official" | "secondary" | "inferred" | "unknown";

export interface PriceRow {
  year: number;
  amount: number | null;
  status: PriceStatus;
  source: string;
}

export const PRICE_TABLE: readonly PriceRow[] = [
  { year: 2018, amount: null, status: "unknown", source: "Not in this table: enter the year's price from Socialstyrelsen's regulation." },
  { year: 2019, amount: 7800, status: "official", source: "HSLF-FS 2018:67" },
  { year: 2020, amount: 8200, status: "secondary", source: "Regional notices quoting Socialstyrelsen" },
  { year: 2021, amount: null, status: "unknown", source: "Not in this table: enter the year's price from Socialstyrelsen's regulation." },
  { year: 2022, amount: 9300, status: "secondary", source: "Vårdsamverkan Skåne, quoting Socialstyrelsen" },
  { year: 2023, amount: 10500, status: "secondary", source: "Secondary source citing HSLF-FS 2022:60" },
  { year: 2024, amount: 11600, status: "inferred", source: "Inferred from Region Dalarna's invoice totals" },
  { year: 2025, amount: null, status: "unknown", source: "Not in this table: enter the year's price from Socialstyrelsen's regulation." },
  { year: 2026, amount: null, status: "unknown", source: "Not in this table: enter the year's price from Socialstyrelsen's regulation." },
];

/** The table row of a year, or null for a year the table does not list. */
export function priceRow(year: number): PriceRow | null {
  return PRICE_TABLE.find((r) => r.year === year) ?? null;
}
