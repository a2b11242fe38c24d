import type { CellValue, SheetGrid } from "../../../src/core/cells/cellValue";
import { detectSheet } from "../../../src/core/sheet/detectSheet";
import { matchHeader, synonymKeys } from "../../../src/core/sheet/headerSynonyms";
import type { Field } from "../../../src/core/sheet/fields";

const grid = (values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name: "Okt", values, ...extra });
/** field → column letter, for compact expectations. */
function letters(d: ReturnType<typeof detectSheet>): Partial<Record<Field, string>> {
  return Object.fromEntries(d.mapping.map((m) => [m.field, m.letter]));
}

const LIFECARE_HEADER = [
  "Personnummer", "Vårdtillfälle", "Inskrivningsdatum", "Utskrivningsklar datum", "Utskrivningsdatum",
  "Kommun", "Folkbokföringskommun", "Verksamhetsområde", "Avdelning", "Antal dagar", "Debiterade dagar",
  "Pris per dygn", "Belopp",
];

describe("header synonyms", () => {
  test("no key names two fields", () => {
    const seen = new Map<string, Field>();
    const clashes: string[] = [];
    for (const { key, field } of synonymKeys()) {
      const prior = seen.get(key);
      if (prior && prior !== field) clashes.push(`${key}: ${prior} / ${field}`);
      seen.set(key, field);
    }
    expect(clashes).toEqual([]);
  });

  test.each<[string, Field, string]>([
    ["Personnummer", "personId", "exact"],
    ["PNR", "personId", "synonym"],
    ["Person-id", "personId", "exact"],
    ["Personal identity number", "personId", "exact"],
    ["VtfId", "stayId", "synonym"],
    ["Vårdtillfälle-id", "stayId", "exact"],
    ["Inskr.datum", "admissionDate", "synonym"],
    ["Admission date", "admissionDate", "exact"],
    ["Utskrivningsklar datum", "readyDate", "exact"],
    ["UTSKRIVNINGSKLAR DATUM", "readyDate", "exact"],
    ["Utskr.klar datum", "readyDate", "synonym"],
    ["UK-datum", "readyDate", "synonym"],
    ["Discharge ready date", "readyDate", "exact"],
    ["Utskrivningsdatum", "dischargeDate", "exact"],
    ["Utskr.datum", "dischargeDate", "synonym"],
    ["Discharge date", "dischargeDate", "exact"],
    ["Kommun", "municipality", "exact"],
    ["Betalningsansvarig kommun", "municipality", "exact"],
    ["Folkbokföringskommun", "residenceMunicipality", "exact"],
    ["Folkbokforingskommun", "residenceMunicipality", "exact"],
    ["Folkbokf. kommun", "residenceMunicipality", "synonym"],
    ["Hemkommun", "residenceMunicipality", "exact"],
    ["Vårdform", "careType", "exact"],
    ["Vårdenhet", "unit", "exact"],
    ["Ward", "unit", "exact"],
    ["Utskrivningsorsak", "dischargeCause", "exact"],
    ["Dödsdatum", "deathDate", "exact"],
    ["Date of death", "deathDate", "exact"],
    ["Antal dagar", "statedDays", "exact"],
    ["Utskrivningsklara dagar", "statedDays", "exact"],
    ["Debiterade dagar", "billedDays", "exact"],
    ["Betalningsdagar", "billedDays", "exact"],
    ["Pris per dygn", "pricePerDay", "exact"],
    ["Pris per dygn (kr)", "pricePerDay", "exact"],
    ["Dygnskostnad", "pricePerDay", "exact"],
    ["Belopp", "amount", "exact"],
    ["Belopp (SEK)", "amount", "exact"],
    ["Att betala", "amount", "exact"],
    ["Inskrivningsmeddelande skickat", "admissionNoticeTime", "exact"],
    ["Inskr.medd", "admissionNoticeTime", "synonym"],
    ["Behov av SIP (J/N)", "planningNeeded", "exact"],
    ["Samordnad planering", "planningNeeded", "exact"],
    ["Kallelse SIP", "sipInvitationTime", "exact"],
    ["SIP kallelse skickad", "sipInvitationTime", "exact"],
    ["Fast vårdkontakt", "careContact", "exact"],
    ["Ej längre utskrivningsklar", "readyWithdrawnDate", "exact"],
    ["Återtagen", "readyWithdrawnDate", "exact"],
    ["Åter utskrivningsklar", "newReadyDate", "exact"],
    ["Ny utskrivningsklar", "newReadyDate", "exact"],
    ["Ready again", "newReadyDate", "exact"],
  ])("%s → %s (%s)", (header, field, how) => {
    expect(matchHeader(header)).toMatchObject({ field, how });
  });

  test.each<[string, Field]>([
    // the longer keyword holds the shorter: "utskrivning" inside "utskrivningsklar"
    ["Utskrivningsklar tid och datum", "readyDate"],
    ["Datum för utskrivning", "dischargeDate"],
    ["Antal utskrivningsklara dygn totalt", "statedDays"],
    ["Antal debiterade dagar totalt", "billedDays"],
    // two fields' words: the more specific field wins
    ["Nytt utskrivningsklardatum (efter återtag)", "newReadyDate"],
    ["Kommun enligt folkbokföring", "residenceMunicipality"],
    ["Kallelse till samordnad planering skickad", "sipInvitationTime"],
    ["Orsak till utskrivning", "dischargeCause"],
    ["Totalt belopp att betala", "amount"],
  ])("partial: %s → %s", (header, field) => {
    expect(matchHeader(header)).toEqual({ field, confidence: 0.6, how: "partial" });
  });

  test.each([["Vårddagar"], ["Kommentar"], ["Namn"], ["Ålder"], [""], ["Datum"], ["Nr"]])("%s names no field", (h) => {
    expect(matchHeader(h)).toBeNull();
  });
});

describe("detectSheet", () => {
  test("a plain header in row 1", () => {
    const d = detectSheet(grid([LIFECARE_HEADER, ["19800101-1234"]]));
    expect(d.headerRow).toBe(1);
    expect(d.headerIndex).toBe(0);
    expect(letters(d)).toEqual({
      personId: "A", stayId: "B", admissionDate: "C", readyDate: "D", dischargeDate: "E", municipality: "F",
      residenceMunicipality: "G", careType: "H", unit: "I", statedDays: "J", billedDays: "K", pricePerDay: "L", amount: "M",
    });
    expect(d.mapping.every((m) => m.confidence === 1 && m.how === "exact")).toBe(true);
    expect(d.unmappedHeaders).toEqual([]);
    expect(d.missingFields).toEqual([
      "dischargeCause", "deathDate", "admissionNoticeTime", "planningNeeded", "sipInvitationTime", "careContact",
      "readyWithdrawnDate", "newReadyDate",
    ]);
    expect(d.confidence).toBe(1);
  });

  test("title rows and blank rows above the header; the stated period comes from the title", () => {
    const d = detectSheet(
      grid([
        ["Fakturaunderlag oktober 2023"],
        [],
        ["Region Halland", "", "Utskrivningsklara patienter"],
        ["", null, undefined],
        LIFECARE_HEADER,
        ["19800101-1234"],
      ]),
    );
    expect(d.headerRow).toBe(5);
    expect(d.headerIndex).toBe(4);
    // 2023-01-01 is epoch day 19358; 1 Oct is 273 days later (31+28+31+30+31+30+31+31+30) = 19631; 31 Oct = 19661
    expect(d.statedPeriod).toEqual({ fromDay: 19631, toDay: 19661, label: "Fakturaunderlag oktober 2023" });
  });

  test("abbreviations, odd case and accents; abbreviations are less certain", () => {
    const d = detectSheet(grid([["PNR", "VtfId", "Inskr.datum", "UK-datum", "Utskr.datum", "KOMMUN", "Folkbokf. kommun", "Vardform"]]));
    expect(letters(d)).toEqual({
      personId: "A", stayId: "B", admissionDate: "C", readyDate: "D", dischargeDate: "E", municipality: "F",
      residenceMunicipality: "G", careType: "H",
    });
    const byField = new Map(d.mapping.map((m) => [m.field, m]));
    expect(byField.get("personId")).toMatchObject({ confidence: 0.85, how: "synonym", header: "PNR" });
    expect(byField.get("municipality")).toMatchObject({ confidence: 1, how: "exact" });
    // core: 0.3×0.85 + 0.3×0.85 + 0.2×0.85 = 0.68; support: stayId 0.85 + admission 0.85 + municipality 1 +
    // residence 0.85 + careType 1 = 4.55 ≥ 3 → 0.2; total 0.88
    expect(d.confidence).toBe(0.88);
  });

  test("English headers", () => {
    const d = detectSheet(grid([["Personal identity number", "Admission date", "Discharge ready date", "Discharge date", "Municipality", "Days", "Amount"]]));
    expect(letters(d)).toEqual({
      personId: "A", admissionDate: "B", readyDate: "C", dischargeDate: "D", municipality: "E", statedDays: "F", amount: "G",
    });
  });

  test("overlapping names map where they belong", () => {
    const d = detectSheet(
      grid([["Utskrivningsklar datum", "Utskrivningsdatum", "Debiterade dagar", "Antal dagar", "Folkbokföringskommun", "Kommun", "Personnummer"]]),
    );
    expect(letters(d)).toEqual({
      readyDate: "A", dischargeDate: "B", billedDays: "C", statedDays: "D", residenceMunicipality: "E", municipality: "F", personId: "G",
    });
  });

  test("ready date alone does not become the discharge date", () => {
    const d = detectSheet(grid([["Personnummer", "Utskrivningsklar datum", "Kommun"]]));
    expect(letters(d).dischargeDate).toBeUndefined();
    expect(d.missingFields).toContain("dischargeDate");
  });

  test("headers that name nothing, and a second column for a field already mapped, are unmapped", () => {
    const d = detectSheet(grid([["Personnummer", "Kommentar", "Utskrivningsklar", "Personnummer", "Utskrivningsdatum", 2023]]));
    expect(letters(d)).toEqual({ personId: "A", readyDate: "C", dischargeDate: "E" });
    expect(d.unmappedHeaders).toEqual([
      { column: 1, letter: "B", header: "Kommentar" },
      { column: 3, letter: "D", header: "Personnummer" },
      { column: 5, letter: "F", header: "2023" },
    ]);
  });

  test("a used range that starts at C5", () => {
    const d = detectSheet(grid([["Rapport"], ["Personnummer", "Utskrivningsklar", "Utskrivningsdatum"]], { originRow: 5, originColumn: 2 }));
    expect(d.headerRow).toBe(6);
    expect(d.headerIndex).toBe(1);
    expect(d.mapping.map((m) => [m.field, m.column, m.letter])).toEqual([
      ["personId", 2, "C"],
      ["readyDate", 3, "D"],
      ["dischargeDate", 4, "E"],
    ]);
  });

  test("the row naming the most fields wins over a title that names one", () => {
    const d = detectSheet(grid([["Kommun", "Halmstad"], ["Personnummer", "Utskrivningsklar", "Utskrivningsdatum", "Kommun"]]));
    expect(d.headerRow).toBe(2);
  });

  test("an override wins with confidence 1 and claims its column", () => {
    const header = ["Personnummer", "Datum A", "Datum B", "Kommun", "Utskrivningsdatum"];
    const d = detectSheet(grid([header]), { readyDate: 1, dischargeDate: 2, municipality: null });
    expect(letters(d)).toEqual({ personId: "A", readyDate: "B", dischargeDate: "C" });
    const ready = d.mapping.find((m) => m.field === "readyDate");
    expect(ready).toEqual({ field: "readyDate", column: 1, letter: "B", header: "Datum A", confidence: 1, how: "override" });
    // "Utskrivningsdatum" (E) would map dischargeDate, but the override moved it: E is unmapped
    expect(d.unmappedHeaders.map((u) => u.letter)).toEqual(["D", "E"]);
    expect(d.missingFields).toContain("municipality");
  });

  test("an override onto a column another field claimed takes it from that field", () => {
    const d = detectSheet(grid([["Personnummer", "Utskrivningsklar", "Utskrivningsdatum"]]), { dischargeDate: 1 });
    expect(letters(d)).toEqual({ personId: "A", dischargeDate: "B" });
    expect(d.missingFields).toContain("readyDate");
  });

  test("no header row: null, confidence 0", () => {
    const d = detectSheet(grid([["Namn", "Adress"], ["Anna", "Storgatan 1"]]));
    expect(d.headerRow).toBeNull();
    expect(d.headerIndex).toBeNull();
    expect(d.confidence).toBe(0);
    expect(detectSheet(grid([])).headerRow).toBeNull();
  });

  test("a header below row 30 is not searched for", () => {
    const rows: CellValue[][] = Array.from({ length: 30 }, () => ["x"]);
    rows.push(["Personnummer", "Utskrivningsklar", "Utskrivningsdatum"]);
    expect(detectSheet(grid(rows)).headerRow).toBeNull();
  });

  test("confidence: identity number and ready date alone pass the bar; a contact list does not", () => {
    // 0.3 + 0.3 = 0.6
    expect(detectSheet(grid([["Personnummer", "Utskrivningsklar"]])).confidence).toBe(0.6);
    // Kommun + Avdelning + Belopp: no core field; support 3/3 → 0.2
    expect(detectSheet(grid([["Kommun", "Avdelning", "Belopp"]])).confidence).toBe(0.2);
  });
});
