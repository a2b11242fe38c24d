/**
 * Every message agrees with the figures: a finding that says its row is left out of the figures
 * is about a row the recomputed figures do not hold; one that says its row is counted, about a
 * row they hold; and every row they do not hold has a finding saying so. Walks every finding
 * code of the catalog (each must occur below), in Swedish and English, with and without open
 * stays counted.
 */
import { getPreset } from "../../../src/core/agreements/presets";
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import { FORMULA_WITHOUT_VALUE, type CellValue, type SheetGrid } from "../../../src/core/cells/cellValue";
import { epochDay } from "../../../src/core/cells/localDate";
import { findRow } from "../../../src/core/figures/figureBasis";
import { FINDING_CODES, type Finding } from "../../../src/core/model";
import { reviewWorkbook } from "../../../src/core/review/reviewWorkbook";
import { combineReviews } from "../../../src/core/batch/reviewBatch";
import { keyWorkbookStays } from "../../../src/core/stays/keyWorkbook";
import { FILES, grids } from "../batch/fixtures";

/** Excel 1900 serial of an October 2023 day (2023-10-01 is 45200). */
const oct = (d: number) => 45199 + d;
/** A Luhn-valid number for a synthetic person born 1940-01-01, serial n (three digits). */
function pnr(n: number): string {
  const nine = `400101${String(n).padStart(3, "0")}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return `19${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}

const HEADER = [
  "Personnummer", "Vårdtillfälle", "Inskrivningsdatum", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun",
  "Folkbokföringskommun", "Verksamhetsområde", "Avdelning", "Utskrivningsorsak", "Dödsdatum", "Inskrivningsmeddelande skickat",
  "Behov av SIP", "Kallelse SIP skickad", "Fast vårdkontakt", "Antal dagar", "Debiterade dagar", "Pris per dygn", "Belopp",
  "Utskrivningsklar återtagen", "Ny utskrivningsklar",
] as const;
type Column = (typeof HEADER)[number];

/** A clean stay: admitted 10-01, ready 10-03, discharged 10-13: 10 days, 7 billed × 10 500 = 73 500 kr. */
function row(n: number, change: Partial<Record<Column, CellValue>> = {}): CellValue[] {
  const clean: Record<Column, CellValue> = {
    Personnummer: pnr(n), Vårdtillfälle: `V${n}`, Inskrivningsdatum: oct(1) + 0.3, "Utskrivningsklar datum": oct(3), Utskrivningsdatum: oct(13),
    Kommun: "Halmstad", Folkbokföringskommun: "Halmstad", Verksamhetsområde: "Somatik", Avdelning: "Medicin 2", Utskrivningsorsak: "Hem",
    Dödsdatum: "", "Inskrivningsmeddelande skickat": oct(1) + 0.5, "Behov av SIP": "Nej", "Kallelse SIP skickad": "", "Fast vårdkontakt": "Anna",
    "Antal dagar": 10, "Debiterade dagar": 7, "Pris per dygn": 10500, Belopp: 73500, "Utskrivningsklar återtagen": "", "Ny utskrivningsklar": "",
  };
  const merged = { ...clean, ...change };
  return HEADER.map((h) => merged[h]);
}

const rows: CellValue[][] = [
  row(1),
  row(2, { Folkbokföringskommun: "Varberg" }), // NOT_RESIDENT
  row(3, { Dödsdatum: oct(10) }), // DECEASED
  row(4, { Inskrivningsdatum: oct(5) }), // READY_BEFORE_ADMISSION
  row(5, { Utskrivningsdatum: oct(2), "Antal dagar": "", "Debiterade dagar": "", Belopp: 73500 }), // DISCHARGE_BEFORE_READY, left out
  row(6, { "Utskrivningsklar datum": oct(3) + 0.6, Utskrivningsdatum: oct(3) + 0.3, "Antal dagar": 0, "Debiterade dagar": 0, Belopp: 0 }), // same day, counted
  row(7, { "Utskrivningsklar datum": "" }), // MISSING_FIELD, left out
  row(8, { Kommun: "" }), // MISSING_FIELD, counted under (kommun saknas)
  row(9, { "Inskrivningsmeddelande skickat": "" }), // ADMISSION_NOTICE_MISSING
  row(10, { "Inskrivningsmeddelande skickat": oct(4) }), // ADMISSION_NOTICE_LATE
  row(11, { "Behov av SIP": "Ja" }), // SIP_INVITATION_MISSING
  row(12, { "Behov av SIP": "Ja", "Kallelse SIP skickad": oct(9) }), // SIP_INVITATION_LATE
  row(13, { "Fast vårdkontakt": "" }), // NO_CARE_CONTACT
  row(14, { "Utskrivningsklar återtagen": oct(5), "Ny utskrivningsklar": oct(7), "Antal dagar": 6, "Debiterade dagar": 3, Belopp: 31500 }), // READY_WITHDRAWN
  row(15, { "Utskrivningsklar återtagen": oct(5) }), // READY_WITHDRAWN without a new notice
  row(16, { "Antal dagar": 12 }), // DAYS_MISMATCH
  row(17, { "Debiterade dagar": 9, Belopp: 94500 }), // BILLED_DAYS_MISMATCH
  row(18, { Belopp: 80000 }), // AMOUNT_MISMATCH
  row(19, { "Pris per dygn": 9000, Belopp: 63000 }), // PRICE_MISMATCH
  row(1), // DUPLICATE_STAY of the first row
  row(20, { Personnummer: pnr(2), Vårdtillfälle: "V20", Inskrivningsdatum: oct(10), "Utskrivningsklar datum": oct(12), Utskrivningsdatum: oct(15), "Antal dagar": 3, "Debiterade dagar": 0, Belopp: 0 }), // OVERLAPPING_STAYS
  row(21, { Utskrivningsdatum: oct(33), "Antal dagar": 30, "Debiterade dagar": 27, Belopp: 283500 }), // OUTSIDE_PERIOD
  row(22, { Personnummer: "19400101-0001" }), // INVALID_PERSON_ID
  row(23, { Avdelning: "Psykiatri avd 3" }), // CARE_TYPE_MISMATCH
  row(24, { "Utskrivningsklar datum": oct(3) - 40, Inskrivningsdatum: oct(3) - 42, "Inskrivningsmeddelande skickat": oct(3) - 42, "Antal dagar": 50, "Debiterade dagar": 47, Belopp: 493500 }), // LONG_STAY
  row(25, { Utskrivningsdatum: "", "Antal dagar": "", "Debiterade dagar": "", Belopp: "" }), // STILL_ADMITTED
  row(26, { Utskrivningsdatum: "" }), // STILL_ADMITTED, billing days
  row(27, { "Utskrivningsklar datum": "okänt" }), // INVALID_VALUE, left out
  row(28, { Utskrivningsdatum: FORMULA_WITHOUT_VALUE }), // INVALID_VALUE, left out
  row(29, { Belopp: 1e308 }), // INVALID_VALUE, value ignored
  row(30, { Inskrivningsdatum: 45293, "Inskrivningsmeddelande skickat": 45293.5, "Utskrivningsklar datum": 45294, Utskrivningsdatum: 45304 }), // 2024-01-03 → 01-13: outside Halland's validity
  row(31, { Inskrivningsdatum: 45658, "Inskrivningsmeddelande skickat": 45658.5, "Utskrivningsklar datum": 45660, Utskrivningsdatum: 45670, "Pris per dygn": "" }), // 2025: PRICE_UNKNOWN
];
/** A sheet without the discharge-ready column: no row can be counted. */
const noReady: SheetGrid = {
  name: "Utan klar",
  values: [["Personnummer", "Inskrivningsdatum", "Utskrivningsdatum", "Kommun", "Belopp"], [pnr(40), oct(1), oct(13), "Halmstad", 73500]],
};

const SAYS_LEFT_OUT = { en: /left out of the figures|cannot enter the figures|can enter the figures|does not enter the period's figures/, sv: /tas inte med i beräkningen|inte tas med i beräkningen|kan tas med i beräkningen|räknas inte med i periodens siffror/ };
const SAYS_COUNTED = { en: /\b(?:is|are) counted\b|counted with 0 days/, sv: /\bräknas (?:raden )?(?:med|som)\b/ };
const says = (f: Finding, what: typeof SAYS_LEFT_OUT) => {
  const sv = what.sv.test(f.message.sv);
  const en = what.en.test(f.message.en);
  // Both languages say the same thing.
  if (sv !== en) expect({ code: f.code, row: f.row, message: f.message, sv }).toEqual({ code: f.code, row: f.row, message: f.message, sv: en });
  return en;
};

const profiles: [string, AgreementProfile][] = [
  ["the law's default", getPreset("lag-2017-612")!],
  ["Region Halland (average, valid to 2023)", getPreset("halland-2022")!],
];

describe.each(profiles)("every message agrees with the figures (%s)", (_name, profile) => {
  describe.each([false, true])("open stays counted: %s", (countOpenStays) => {
    const result = reviewWorkbook(
      { sheets: [{ name: "Okt", values: [HEADER as unknown as CellValue[], ...rows] }, noReady], dateSystem: "1900" },
      {
        profile,
        referenceDay: epochDay(2025, 6, 1),
        invoicePeriod: { fromDay: epochDay(2023, 10, 1), toDay: epochDay(2023, 10, 31) },
        countOpenStays,
        sheets: ["Okt", "Utan klar"],
      },
    );
    const inFigures = (sheet: string, r: number) => findRow(result.basis, `${sheet}!${r}`) >= 0;

    it("a row said to be left out is not in the figures; a row said to be counted is", () => {
      for (const f of result.findings) {
        const leftOut = says(f, SAYS_LEFT_OUT);
        const counted = says(f, SAYS_COUNTED);
        if (f.row === null) {
          // A sheet-level finding that no row can enter: none of the sheet's rows did.
          if (leftOut && f.sheet !== "") expect(result.basis.sheets.includes(f.sheet) && result.basis.sheetIndex.some((s) => result.basis.sheets[s] === f.sheet)).toBe(false);
          continue;
        }
        if (leftOut) expect({ code: f.code, row: f.row, inFigures: inFigures(f.sheet, f.row) }).toEqual({ code: f.code, row: f.row, inFigures: false });
        if (counted) expect({ code: f.code, row: f.row, inFigures: inFigures(f.sheet, f.row) }).toEqual({ code: f.code, row: f.row, inFigures: true });
      }
    });

    it("every row the figures leave out has a finding that says so", () => {
      for (let r = 2; r <= rows.length + 1; r++) {
        if (inFigures("Okt", r)) continue;
        const said = result.findings.filter((f) => f.sheet === "Okt" && f.row === r).some((f) => SAYS_LEFT_OUT.en.test(f.message.en));
        expect({ row: r, said }).toEqual({ row: r, said: true });
      }
      expect(result.findings.some((f) => f.sheet === "Utan klar" && f.row === null && SAYS_LEFT_OUT.en.test(f.message.en))).toBe(true);
    });

    it("what the left-out rows invoice stays in the invoiced total", () => {
      const groups = result.figures.groups.reduce((sum, g) => sum + (g.invoicedAmount ?? 0), 0);
      const left = result.figures.totals.leftOut;
      expect(left.rows).toBeGreaterThan(0);
      expect(result.figures.totals.invoicedAmount).toBeCloseTo(groups + (left.invoicedAmount ?? 0), 6);
    });
  });
});

/** Several files together (../batch/fixtures.ts): the cross-file findings. */
function batchOf(profile: AgreementProfile) {
  const reviews = Object.keys(FILES).map((file) => {
    const g = grids(file);
    const result = reviewWorkbook(g, { profile, referenceDay: epochDay(2025, 6, 1) });
    return { file, result, stays: keyWorkbookStays(g, { sheets: result.sheets.map((s) => s.name), referenceYear: 2025 }) };
  });
  return { reviews, batch: combineReviews(reviews, profile) };
}

describe.each(profiles)("every cross-file message agrees with the combined figures (%s)", (_name, profile) => {
  const { reviews, batch } = batchOf(profile);
  const inCombined = (file: string, sheet: string, r: number) => findRow(batch.basis, `[${file}]${sheet}!${r}`) >= 0;

  it("a row said to be left out is not in the combined figures; a row said to be counted is", () => {
    const cross = batch.findings.filter((f) => f.code.startsWith("CROSS_FILE"));
    expect(cross.length).toBeGreaterThan(0);
    for (const f of cross) {
      const at = { code: f.code, file: f.file, row: f.row };
      if (says(f, SAYS_LEFT_OUT)) expect({ ...at, inFigures: inCombined(f.file, f.sheet, f.row!) }).toEqual({ ...at, inFigures: false });
      if (says(f, SAYS_COUNTED)) expect({ ...at, inFigures: inCombined(f.file, f.sheet, f.row!) }).toEqual({ ...at, inFigures: true });
    }
  });

  it("every row its own file counted but the combined figures do not has a finding that says so", () => {
    for (const { file, result } of reviews) {
      for (let i = 0; i < result.basis.count; i++) {
        const sheet = result.basis.sheets[result.basis.sheetIndex[i]];
        const r = result.basis.row[i];
        if (inCombined(file, sheet, r)) continue;
        const said = batch.findings.filter((f) => f.file === file && f.sheet === sheet && f.row === r).some((f) => SAYS_LEFT_OUT.en.test(f.message.en));
        expect({ file, row: r, said }).toEqual({ file, row: r, said: true });
      }
    }
  });
});

it("the scenarios above raise every finding code of the catalog", () => {
  const seen = new Set<string>();
  for (const [, profile] of profiles) for (const f of batchOf(profile).batch.findings) seen.add(f.code);
  for (const [, profile] of profiles) {
    for (const countOpenStays of [false, true]) {
      const r = reviewWorkbook(
        { sheets: [{ name: "Okt", values: [HEADER as unknown as CellValue[], ...rows] }, noReady], dateSystem: "1900" },
        { profile, referenceDay: epochDay(2025, 6, 1), invoicePeriod: { fromDay: epochDay(2023, 10, 1), toDay: epochDay(2023, 10, 31) }, countOpenStays, sheets: ["Okt", "Utan klar"] },
      );
      for (const f of r.findings) seen.add(f.code);
    }
  }
  expect(FINDING_CODES.filter((c) => !seen.has(c))).toEqual([]);
});
