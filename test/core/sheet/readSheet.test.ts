import { privateText } from "../../../src/core/cells/mask";
import { staysOf } from "../../../src/core/sheet/stayTable";
import fc from "fast-check";
import type { CellValue, SheetGrid } from "../../../src/core/cells/cellValue";
import { formatDateTime } from "../../../src/core/cells/localDate";
import type { LocalDateTime } from "../../../src/core/cells/localDate";
import { careTypeOf, readSheet, yesNo, type ReadOptions } from "../../../src/core/sheet/readSheet";

const OPTS: ReadOptions = { dateSystem: "1900", referenceYear: 2026 };
const read = (values: CellValue[][], extra: Partial<SheetGrid> = {}, opts: ReadOptions = OPTS) =>
  readSheet({ name: "Okt", values, ...extra }, opts);
const show = (d: LocalDateTime | null) => (d ? formatDateTime(d) : null);

const HEADER = [
  "Personnummer", "Vårdtillfälle", "Inskrivningsdatum", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun",
  "Folkbokföringskommun", "Verksamhetsområde", "Avdelning", "Antal dagar", "Debiterade dagar", "Pris per dygn",
  "Belopp", "Behov av SIP",
];
// 811218-9876 is Luhn-valid (see personId.test.ts); 45000 = 2023-03-15, 45005.5 = 2023-03-20 12:00.
const ROW = [
  "811218-9876", 5001, 45000.25, 45005.5, 45008, " Halmstad ", "Halmstads kommun", "Somatik", "Avd 12",
  3, "0", "10 500", "0 kr", "Ja",
];

describe("readSheet: a well-formed row", () => {
  test("every field read and typed", () => {
    const r = read([HEADER, ROW]);
    expect(r.headerRow).toBe(1);
    expect(r.rows).toBe(1);
    expect(r.findings).toEqual([]);
    expect(r.skipped).toEqual([]);
    const s = staysOf(r.table)[0];
    expect(s.sheet).toBe("Okt");
    expect(s.row).toBe(2);
    expect(s.personId).toMatchObject({ normalized: "198112189876", kind: "personnummer", checkDigitValid: true });
    expect(s.personIdRaw).toBe("811218-9876");
    expect(s.stayId).toBe("5001");
    expect(show(s.admission)).toBe("2023-03-15 06:00");
    expect(show(s.ready)).toBe("2023-03-20 12:00");
    expect(show(s.discharge)).toBe("2023-03-23");
    expect(s.municipality).toBe("Halmstad");
    expect(s.residenceMunicipality).toBe("Halmstads kommun");
    expect(s.careType).toBe("somatic");
    expect(s.careTypeRaw).toBe("Somatik");
    expect(s.unit).toBe("Avd 12");
    expect(s.statedDays).toBe(3);
    expect(s.billedDays).toBe(0);
    expect(s.pricePerDay).toBe(10500);
    expect(s.amount).toBe(0);
    expect(s.planningNeeded).toBe(true);
    // unmapped fields stay null
    expect(s.death).toBeNull();
    expect(s.dischargeCause).toBeNull();
    expect(s.newReady).toBeNull();
  });

  test("1904 system and ten-digit ids follow the options", () => {
    const r = read([HEADER, ["121212+1212", "", 45000 - 1462]], {}, { dateSystem: "1904", referenceYear: 2026 });
    expect(show(staysOf(r.table)[0].admission)).toBe("2023-03-15");
    expect(staysOf(r.table)[0].personId?.normalized).toBe("191212121212");
  });

  test("date-only serials: equal days read equal, the phantom 29 Feb 1900 is a finding, 1904 serial 60 is a day", () => {
    const header = ["Personnummer", "Utskrivningsklar", "Utskrivningsdatum"];
    const r = read([header, ["811218-9876", 45000, 45000.5], ["811218-9876", 45000, 60]]);
    expect(staysOf(r.table)[0].ready).toEqual({ day: 19431, minute: null }); // 45000 − 25569
    expect(staysOf(r.table)[1].ready).toEqual(staysOf(r.table)[0].ready);
    expect(staysOf(r.table)[0].discharge).toEqual({ day: 19431, minute: 720 });
    expect(staysOf(r.table)[1].discharge).toBeNull();
    expect(r.findings.map((f) => [f.row, f.columns[0], f.value])).toEqual([[3, "C", "60"]]);
    expect(r.findings[0].message.en).toMatch(/29 February 1900/);
    const r1904 = read([header, ["811218-9876", 60]], {}, { dateSystem: "1904", referenceYear: 2026 });
    expect(show(staysOf(r1904.table)[0].ready)).toBe("1904-03-01");
  });

  test("a missing or ragged cell leaves its field null, and the row is still a stay", () => {
    const r = read([HEADER, ["811218-9876", "", "2023-03-15"], ["", "", "", "", "", "Halmstad"]]);
    expect(r.rows).toBe(2);
    expect(staysOf(r.table)[0].stayId).toBeNull();
    expect(show(staysOf(r.table)[0].admission)).toBe("2023-03-15");
    expect(staysOf(r.table)[0].municipality).toBeNull();
    expect(staysOf(r.table)[1].personId).toBeNull();
    expect(staysOf(r.table)[1].personIdRaw).toBeNull();
    expect(staysOf(r.table)[1].municipality).toBe("Halmstad");
    expect(r.findings).toEqual([]);
  });

  test("texts are trimmed and blank texts are null", () => {
    const r = read([["Personnummer", "Kommun", "Avdelning", "Utskrivningsklar"], ["811218-9876", "  ", "\u00a0Avd 3\u00a0", ""]]);
    expect(staysOf(r.table)[0].municipality).toBeNull();
    expect(staysOf(r.table)[0].unit).toBe("Avd 3");
  });

  test("a number in a text column is read as its text", () => {
    const r = read([["Personnummer", "Kommun", "Utskrivningsklar"], ["811218-9876", 1380]]);
    expect(staysOf(r.table)[0].municipality).toBe("1380");
  });
});

describe("care type and planning needed", () => {
  test.each([
    ["Psykiatri", "psychiatric"],
    ["Rättspsykiatri", "psychiatric"],
    ["PSYKIATRISK VÅRD", "psychiatric"],
    ["Vuxenpsykiatri Halmstad", "psychiatric"],
    ["Psychiatry", "psychiatric"],
    ["BUP", "psychiatric"],
    ["Somatik", "somatic"],
    ["Medicin", "somatic"],
    ["Geriatrik", "somatic"],
  ])("%s → %s", (raw, type) => {
    expect(careTypeOf(raw)).toBe(type);
  });

  test("read into the stay with the raw text kept", () => {
    const r = read([["Personnummer", "Vårdform", "Utskrivningsklar"], ["811218-9876", "Rättspsyk"], ["811218-9876", " Kirurgi "]]);
    expect([staysOf(r.table)[0].careType, staysOf(r.table)[0].careTypeRaw]).toEqual(["psychiatric", "Rättspsyk"]);
    expect([staysOf(r.table)[1].careType, staysOf(r.table)[1].careTypeRaw]).toEqual(["somatic", "Kirurgi"]);
  });

  test.each<[CellValue, boolean | null | undefined]>([
    ["Ja", true], ["JA", true], ["j", true], ["X", true], ["1", true], [1, true], [true, true], ["Yes", true], ["true", true],
    ["Nej", false], ["n", false], ["0", false], [0, false], [false, false], ["No", false], ["FALSE", false],
    ["", null], [null, null], ["kanske", undefined], [2, undefined],
  ])("yesNo(%p) → %p", (cell, expected) => {
    expect(yesNo(cell)).toBe(expected);
  });
});

describe("Ja/Nej in event and care-contact columns", () => {
  const header = ["Personnummer", "Utskrivningsklar", "Inskrivningsmeddelande", "Kallelse SIP", "Dödsdatum", "Fast vårdkontakt"];

  test("Nej is an explicit no: empty, no finding", () => {
    const r = read([header, ["811218-9876", 45000, "Nej", "nej", "N", "Nej"], ["811218-9876", 45000, "", "", "", "Saknas"]]);
    expect(r.findings).toEqual([]);
    for (const s of staysOf(r.table)) {
      expect(s.admissionNotice).toBeNull();
      expect(s.sipInvitation).toBeNull();
      expect(s.death).toBeNull();
      expect(s.careContact).toBeNull();
    }
  });

  test("Ja without a time is a finding: the timing cannot be checked", () => {
    const r = read([header, ["811218-9876", 45000, "Ja", "", "", "Ja"]]);
    expect(staysOf(r.table)[0].admissionNotice).toBeNull();
    expect(staysOf(r.table)[0].careContact).toBe("Ja");
    expect(r.findings.map((f) => [f.fields[0], f.value])).toEqual([["admissionNoticeTime", "Ja"]]);
    expect(r.findings[0].message.en).toMatch(/Yes without a date or time/);
  });

  test("a name is a care contact", () => {
    const r = read([header, ["811218-9876", 45000, "", "", "", "Vårdcentralen Kungsbacka"]]);
    expect(staysOf(r.table)[0].careContact).toBe("Vårdcentralen Kungsbacka");
  });

  test("the main dates do not take Ja/Nej", () => {
    const r = read([header, ["811218-9876", "Nej"]]);
    expect(r.findings.map((f) => [f.fields[0], f.value])).toEqual([["readyDate", "Nej"]]);
  });
});

describe("skipped rows", () => {
  test("blank, repeated header and total rows are skipped as runs with a reason", () => {
    const r = read([
      ["Fakturaunderlag oktober 2023"], // row 1
      HEADER, // row 2
      ROW, // 3
      [], // 4 blank
      ["", "  ", null], // 5 blank
      HEADER, // 6 repeated header
      ROW, // 7
      ["Summa", "", "", "", "", "", "", "", "", 6, 0, "", 0], // 8 total
      ["Totalt:", "", "", "", "", "", "", "", "", 6], // 9 total
      ["", "", "", "", "", "Summa Halmstad", "", "", "", 6], // 10 total (first text cell)
      [], // 11 blank
    ]);
    expect(r.headerRow).toBe(2);
    expect(staysOf(r.table).map((s) => s.row)).toEqual([3, 7]);
    expect(r.skipped).toEqual([
      { fromRow: 4, toRow: 5, reason: "blank" },
      { fromRow: 6, toRow: 6, reason: "repeated-header" },
      { fromRow: 8, toRow: 10, reason: "total" },
      { fromRow: 11, toRow: 11, reason: "blank" },
    ]);
    expect(r.rows).toBe(2);
  });

  test("a repeated header in other case and spacing still counts", () => {
    const r = read([HEADER, ROW, HEADER.map((h) => ` ${h.toUpperCase()} `)]);
    expect(r.skipped).toEqual([{ fromRow: 3, toRow: 3, reason: "repeated-header" }]);
  });

  test("a patient row is never a total row, whatever its first text says", () => {
    // person id as a number: the first text cell is the municipality column
    const r = read([["Personnummer", "Kommun", "Utskrivningsklar"], [198112189876, "Totalmunicipality"], [198112189876, "Summa"]]);
    expect(staysOf(r.table).map((s) => s.row)).toEqual([2, 3]);
    expect(r.skipped).toEqual([]);
  });

  test("a row with only a note outside the mapped columns is still a stay (the checks report its missing fields)", () => {
    const r = read([["Personnummer", "Utskrivningsklar", "Utskrivningsdatum"], ["", "", "", "Källa: Lifecare"]]);
    expect(r.rows).toBe(1);
    expect(staysOf(r.table)[0].personId).toBeNull();
  });
});

describe("origin offsets", () => {
  test("a used range from C5: Excel rows and columns in stays and findings", () => {
    const r = read(
      [
        ["Fakturaunderlag"], // row 5
        ["Personnummer", "Utskrivningsklar", "Utskrivningsdatum"], // row 6, columns C..E
        ["811218-9876", "2023-03-05", "2023-02-30"], // row 7
      ],
      { originRow: 5, originColumn: 2 },
    );
    expect(r.headerRow).toBe(6);
    expect(r.mapping.map((m) => m.letter)).toEqual(["C", "D", "E"]);
    expect(staysOf(r.table)[0].row).toBe(7);
    expect(show(staysOf(r.table)[0].ready)).toBe("2023-03-05");
    expect(staysOf(r.table)[0].discharge).toBeNull();
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ row: 7, columns: ["E"], fields: ["dischargeDate"], value: "2023-02-30" });
  });

  test("an override to a column left of the used range reads nothing and does not throw", () => {
    const r = read([["Personnummer", "Utskrivningsklar"], ["811218-9876", "2023-03-05"]], { originColumn: 3 }, { ...OPTS, override: { dischargeDate: 0 } });
    expect(staysOf(r.table)[0].discharge).toBeNull();
    expect(r.mapping.find((m) => m.field === "dischargeDate")?.letter).toBe("A");
  });
});

describe("INVALID_VALUE findings", () => {
  const header = ["Personnummer", "Utskrivningsklar datum", "Utskrivningsdatum", "Antal dagar", "Behov av SIP", "Kommun"];

  test("an impossible ready date: field null, an error naming sheet, row, column, field and raw value, the row left out", () => {
    const r = read([header, ["811218-9876", "2023-02-30", 45008]]);
    expect(staysOf(r.table)[0].ready).toBeNull();
    expect(show(staysOf(r.table)[0].discharge)).toBe("2023-03-23");
    expect(r.table.unreadableDate[0]).toBe(1);
    expect(r.findings).toEqual([
      {
        code: "INVALID_VALUE",
        severity: "error",
        sheet: "Okt",
        row: 2,
        columns: ["B"],
        fields: ["readyDate"],
        value: "2023-02-30",
        message: {
          sv: expect.stringContaining('Bladet "Okt", rad 2, kolumn B (Utskrivningsklar datum): värdet "2023-02-30" kunde inte läsas'),
          en: expect.stringContaining('Sheet "Okt", row 2, column B (Discharge-ready date): the value "2023-02-30" could not be read'),
        },
      },
    ]);
    expect(r.findings[0].message.en).toMatch(/no such date/);
    expect(r.findings[0].message.en).toMatch(/the row is left out of the figures \(its stated days and amount stay in the invoiced totals\)\.$/);
    expect(r.findings[0].message.sv).toMatch(/raden tas inte med i beräkningen/);
  });

  test("an Excel error value is an INVALID_VALUE; in a date the count needs, an error leaving the row out", () => {
    const r = read([header, ["811218-9876", "#N/A", "#REF!", "#DIV/0!", "", "#N/A"]]);
    expect(r.findings.map((f) => [f.columns[0], f.fields[0], f.value])).toEqual([
      ["B", "readyDate", "#N/A"],
      ["C", "dischargeDate", "#REF!"],
      ["D", "statedDays", "#DIV/0!"],
      ["F", "municipality", "#N/A"],
    ]);
    expect(r.findings[0].message.en).toBe(
      'Sheet "Okt", row 2, column B (Discharge-ready date): the cell holds the Excel error value #N/A; its days cannot be counted, so the row is left out of the figures (its stated days and amount stay in the invoiced totals).',
    );
    expect(r.findings[0].message.sv).toBe(
      'Bladet "Okt", rad 2, kolumn B (Utskrivningsklar datum): cellen har Excel-felvärdet #N/A; dagarna kan inte räknas, så raden tas inte med i beräkningen (dess angivna dagar och belopp står kvar i det fakturerade).',
    );
    expect(r.findings.map((f) => f.severity)).toEqual(["error", "error", "warning", "warning"]);
    expect(r.findings[2].message.en).toBe('Sheet "Okt", row 2, column D (Days stated): the cell holds the Excel error value #DIV/0!; the value is ignored: it is not in the invoiced sums and is not checked.');
    expect(staysOf(r.table)[0].municipality).toBeNull();
    expect(staysOf(r.table)[0].statedDays).toBeNull();
  });

  test("an unreadable identity number is quoted for masking whole in the message and not kept in value", () => {
    const r = read([header, ["19811218-98", "2023-03-05"]]);
    const f = r.findings[0];
    expect(f).toMatchObject({ code: "INVALID_VALUE", row: 2, columns: ["A"], fields: ["personId"] });
    expect(f.value).toBeUndefined();
    // Not a full number, so no pattern would know it: the quote marks it as one.
    expect(privateText(f.message.sv, false)).not.toContain("19811218");
    expect(privateText(f.message.en, false)).not.toContain("9811218");
    expect(privateText(f.message.en, false)).toContain('"***********"');
    expect(privateText(f.message.en, true)).toContain('"19811218-98"');
    expect(staysOf(r.table)[0].personId).toBeNull();
    // the raw text stays on the stay, for a masked display
    expect(staysOf(r.table)[0].personIdRaw).toBe("19811218-98");
  });

  test("an Excel error in the identity column is named as such", () => {
    const r = read([header, ["#N/A", "2023-03-05"]]);
    expect(r.findings[0].message.en).toBe('Sheet "Okt", row 2, column A (Personal identity number): the cell holds the Excel error value #N/A; the field is treated as empty.');
    expect(r.findings[0].value).toBeUndefined();
  });

  test("a wrong check digit is no reader finding (the checks report INVALID_PERSON_ID)", () => {
    const r = read([header, ["811218-9875", "2023-03-05"]]);
    expect(r.findings).toEqual([]);
    expect(staysOf(r.table)[0].personId?.checkDigitValid).toBe(false);
  });

  test("numbers, yes/no and booleans in the wrong place", () => {
    const r = read([header, ["811218-9876", true, "", "tre", "kanske", false]]);
    expect(r.findings.map((f) => [f.fields[0], f.value])).toEqual([
      ["readyDate", "true"],
      ["statedDays", "tre"],
      ["planningNeeded", "kanske"],
      ["municipality", "false"],
    ]);
    expect(staysOf(r.table)[0].planningNeeded).toBeNull();
  });
});

describe("properties", () => {
  const weirdCell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary", maxLength: 20 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom<CellValue>(
      null, undefined, "", " ", "#N/A", "#VALUE!", NaN, Infinity, -Infinity, 1e308, -1e308, Number.MAX_SAFE_INTEGER,
      "Summa", "Totalt", "Personnummer", "Utskrivningsklar", "811218-9876", "2023-02-30", "45000", 45000.5, 60,
    ),
  );
  const raggedRow = fc.array(weirdCell, { maxLength: 16 });

  test("random grids under a real header never throw, and every row is a stay or a skipped row", () => {
    fc.assert(
      fc.property(fc.array(raggedRow, { maxLength: 40 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 30 }), (rows, originRow, originColumn) => {
        const values = [HEADER as CellValue[], ...rows];
        const r = readSheet({ name: "S", values, originRow, originColumn }, OPTS);
        expect(r.headerRow).toBe(originRow);
        const skipped = r.skipped.reduce((n, s) => n + s.toRow - s.fromRow + 1, 0);
        expect(staysOf(r.table).length + skipped).toBe(rows.length);
        expect(r.rows).toBe(staysOf(r.table).length);
        // each data row is accounted for once: stays and skipped runs do not overlap
        const seen = new Set<number>();
        for (const s of staysOf(r.table)) seen.add(s.row);
        for (const s of r.skipped) for (let x = s.fromRow; x <= s.toRow; x++) seen.add(x);
        expect(seen.size).toBe(rows.length);
        for (const f of r.findings) {
          expect(f.code).toBe("INVALID_VALUE");
          expect(f.row).not.toBeNull();
          expect(staysOf(r.table).some((s) => s.row === f.row)).toBe(true);
          if (f.fields[0] === "personId") expect(f.value).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  test("random grids with no known header never throw", () => {
    fc.assert(
      fc.property(fc.array(raggedRow, { maxLength: 40 }), (rows) => {
        const r = readSheet({ name: "S", values: rows }, OPTS);
        if (r.headerRow === null) expect(staysOf(r.table)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("text dates with month names in a sheet", () => {
  test("\"7 okt 2023\" and \"7 oktober 2023 14:05\" are read as dates, not unreadable values", () => {
    const r = read([
      ["Personnummer", "Utskrivningsklar datum", "Utskrivningsdatum"],
      ["19121212-1212", "7 okt 2023", "9 Oct 2023"],
      ["19121212-1212", "7 oktober 2023 14:05", "10 okt. 2023"],
    ]);
    expect(r.findings).toEqual([]);
    const [a, b] = staysOf(r.table);
    // 2023-10-07 is epoch day 19637 (2023-01-01 = 19358, + 279 days to 7 October).
    expect(a.ready).toEqual({ day: 19637, minute: null });
    expect(a.discharge).toEqual({ day: 19639, minute: null });
    expect(b.ready).toEqual({ day: 19637, minute: 14 * 60 + 5 });
    expect(b.discharge).toEqual({ day: 19640, minute: null });
  });
});

describe("readSheet: a formula cell without a stored value", () => {
  test("each kind of column says it is a formula without a value, not that it is missing", async () => {
    const { FORMULA_WITHOUT_VALUE } = await import("../../../src/core/cells/cellValue");
    // Person id, stay id, a date, a text, the care type, a number and a yes/no: every way a cell is read.
    const columns = [0, 1, 3, 5, 7, 12, 13];
    const row = ROW.map((v, i) => (columns.includes(i) ? FORMULA_WITHOUT_VALUE : v));
    const r = read([HEADER, row]);
    expect(r.findings.map((f) => f.columns[0])).toEqual(["A", "B", "D", "F", "H", "M", "N"]);
    for (const f of r.findings) {
      expect(f.code).toBe("INVALID_VALUE");
      expect(f.message.en).toMatch(/formula without a stored value \(open the workbook in Excel, recalculate and save it\)/);
      expect(f.message.sv).toMatch(/formel utan sparat värde/);
      expect(`${f.message.sv} ${f.message.en}`).not.toMatch(/saknat|missing/);
      expect(f.message.en).not.toContain("\u0000");
      expect(f.value).toBeUndefined();
    }
    const s = staysOf(r.table)[0];
    expect([s.personId, s.stayId, s.ready, s.municipality, s.careType, s.amount, s.planningNeeded]).toEqual([null, null, null, null, null, null, null]);
  });
});
