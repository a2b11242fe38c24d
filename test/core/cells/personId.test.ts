import fc from "fast-check";
import type { CellValue } from "../../../src/core/cells/cellValue";
import { maskPersonId } from "../../../src/core/cells/mask";
import { luhnValid, parsePersonId } from "../../../src/core/cells/personId";
import type { PersonId } from "../../../src/core/model";

const REF = 2026;
function ok(v: CellValue, ref = REF): PersonId {
  const p = parsePersonId(v, ref);
  if (p.kind !== "ok") throw new Error(`expected ok for ${String(v)}, got ${p.kind}`);
  return p.id;
}
const kindOf = (v: CellValue) => parsePersonId(v, REF).kind;

// 1981-12-18 as an epoch day: 1970→1981 = 11 × 365 + 3 leap days (72, 76, 80) = 4018;
// 1 Jan → 18 Dec = 334 + 17 = 351 days; 4018 + 351 = 4369.
const BORN_811218 = 4369;

describe("Luhn check digit", () => {
  test("811218-9876: 8·2=16→7, 1, 1·2=2, 2, 1·2=2, 8, 9·2=18→9, 8, 7·2=14→5; sum 44 → check 6", () => {
    expect(luhnValid("8112189876")).toBe(true);
    expect(luhnValid("8112189875")).toBe(false);
  });
  test("121212-1212: nine products of 2, sum 18 → check 2", () => {
    expect(luhnValid("1212121212")).toBe(true);
  });
});

describe("parsePersonId", () => {
  test.each([["19811218\u20139876"], ["811218 \u2212 9876"], ["19811218\u20119876"], ["811218\u20109876"], ["19811218\u00a09876"]])(
    "%s (another dash or a space, as word processors write it) reads as 19811218-9876",
    (text) => {
      expect(ok(text)).toEqual({ normalized: "198112189876", kind: "personnummer", checkDigitValid: true, birthDay: BORN_811218 });
    },
  );

  test("ten digits with a dash: century from the reference year", () => {
    expect(ok("811218-9876")).toEqual({
      normalized: "198112189876",
      kind: "personnummer",
      checkDigitValid: true,
      birthDay: BORN_811218,
    });
    // 12 → 2012 (not after 2026); 27 → 1927 (2027 would be in the future)
    expect(ok("121212-1212").normalized).toBe("201212121212");
    expect(ok("271212-1212").normalized).toBe("192712121212");
  });

  test("+ means 100 years or older", () => {
    expect(ok("811218+9876").normalized).toBe("188112189876");
    expect(ok("121212+1212").normalized).toBe("191212121212");
  });

  test("twelve digits with and without dash, and as numbers", () => {
    const expected = ok("811218-9876");
    expect(ok("19811218-9876")).toEqual(expected);
    expect(ok("198112189876")).toEqual(expected);
    expect(ok(198112189876)).toEqual(expected);
    expect(ok(8112189876)).toEqual(expected);
    expect(ok("8112189876")).toEqual(expected);
    expect(ok(" 19811218 - 9876 ")).toEqual(expected);
    expect(ok("19121212-1212").checkDigitValid).toBe(true);
  });

  test("a number that lost its leading zero (born 2000–2009) is padded", () => {
    // 050101-123C: 0·2, 5, 0·2, 1, 0·2, 1, 1·2, 2, 3·2 = 0+5+0+1+0+1+2+2+6 = 17 → check 3
    const id = ok(501011233);
    expect(id.normalized).toBe("200501011233");
    expect(id.checkDigitValid).toBe(true);
  });

  test("a wrong check digit is ok but not valid", () => {
    const id = ok("811218-9875");
    expect(id.kind).toBe("personnummer");
    expect(id.checkDigitValid).toBe(false);
  });

  test("coordination numbers: day + 60, valid", () => {
    // 811278-987C: 8·2→7, 1, 1·2=2, 2, 7·2=14→5, 8, 9·2→9, 8, 7·2→5; sum 47 → check 3
    const id = ok("811278-9873");
    expect(id.kind).toBe("samordningsnummer");
    expect(id.checkDigitValid).toBe(true);
    expect(id.birthDay).toBe(BORN_811218);
    expect(id.normalized).toBe("198112789873");
  });

  test("reserve numbers: letters in the serial, or a prefix that is no date", () => {
    const r = ok("19800101-R123");
    expect(r.kind).toBe("reservnummer");
    expect(r.checkDigitValid).toBe(false);
    expect(r.normalized).toBe("19800101R123");
    // 1980-01-01: 10 × 365 + 2 leap days (72, 76) = 3652
    expect(r.birthDay).toBe(3652);
    const noDate = ok("199913451234");
    expect(noDate.kind).toBe("reservnummer");
    expect(noDate.birthDay).toBeNull();
    expect(ok("99-123456XY").kind).toBe("reservnummer");
  });

  test.each([["abc"], ["12"], ["1234567"], ["19811218987"], ["hello world"], ["#N/A"], ["811218-98"]])(
    "%s is invalid",
    (v) => {
      expect(kindOf(v)).toBe("invalid");
    },
  );

  test("odd cells", () => {
    expect(kindOf(true)).toBe("invalid");
    expect(kindOf(12)).toBe("invalid");
    expect(kindOf(1.5)).toBe("invalid");
    expect(kindOf(-8112189876)).toBe("invalid");
    expect(kindOf(NaN)).toBe("invalid");
    expect(kindOf("")).toBe("empty");
    expect(kindOf(null)).toBe("empty");
    expect(kindOf(undefined)).toBe("empty");
  });

  test("never throws on anything", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.double(),
          fc.integer(),
          fc.boolean(),
          fc.stringMatching(/^\d{6,8}[-+ ]?[0-9A-Z]{4}$/),
          fc.constantFrom(null, undefined),
        ),
        fc.integer({ min: 1900, max: 2200 }),
        (v, ref) => {
          const p = parsePersonId(v, ref);
          if (p.kind === "ok" && p.id.kind !== "reservnummer") expect(p.id.normalized).toMatch(/^\d{12}$/);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("every generated valid number parses back valid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 999 }), (y, m, d, serial) => {
        const nine = `${String(y % 100).padStart(2, "0")}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${String(serial).padStart(3, "0")}`;
        let check = 0;
        for (let c = 0; c <= 9; c++) if (luhnValid(nine + c)) check = c;
        const twelve = `${String(y)}${nine.slice(2)}${check}`;
        const id = ok(`${twelve.slice(0, 8)}-${twelve.slice(8)}`);
        expect(id.normalized).toBe(twelve);
        expect(id.checkDigitValid).toBe(true);
      }),
    );
  });
});

describe("maskPersonId", () => {
  test.each([
    ["19800101-1234", "19800101-****"],
    ["198001011234", "19800101****"],
    ["800101-1234", "800101-****"],
    ["800101+1234", "800101+****"],
    ["8001011234", "800101****"],
    ["19800101-R123", "19800101-****"],
    [" 19800101-1234 ", "19800101-****"],
    ["abc", "***"],
    ["1980-01-01 1234", "***************"],
    ["", ""],
  ])("%s → %s", (raw, masked) => {
    expect(maskPersonId(raw)).toBe(masked);
  });

  test("never shows the last four digits of a twelve-digit number", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (s) => {
        const m = maskPersonId(s);
        expect(m.slice(8)).toBe("****");
        expect(m.length).toBe(12);
      }),
    );
  });
});

describe("the four common forms, read without a regex", () => {
  test("agree on number, kind, birth date and check digit (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1924, max: 2022 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.boolean(),
        (year, month, day, serial, coordination) => {
          const p2 = (v: number) => String(v).padStart(2, "0");
          const dd = p2(coordination ? day + 60 : day);
          const yymmdd = `${p2(year % 100)}${p2(month)}${dd}`;
          const last4 = String(serial).padStart(4, "0");
          const twelve = `${String(year).slice(0, 2)}${yymmdd}${last4}`;
          const reference = 2023; // every year above is less than a hundred years before it: the ten-digit forms read the same century
          for (const form of [twelve, `${twelve.slice(0, 8)}-${last4}`, `${yymmdd}${last4}`, `${yymmdd}-${last4}`]) {
            const r = parsePersonId(form, reference);
            if (r.kind !== "ok") throw new Error(`not read: ${form}`);
            expect(r.id.normalized).toBe(twelve);
            expect(r.id.kind).toBe(coordination ? "samordningsnummer" : "personnummer");
            expect(r.id.checkDigitValid).toBe(luhnValid(twelve.slice(2)));
            expect(r.id.birthDay).toBe(Date.UTC(year, month - 1, day) / 86_400_000);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
