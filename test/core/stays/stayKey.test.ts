import fc from "fast-check";
import type { CellValue, WorkbookGrids } from "../../../src/core/cells/cellValue";
import { keyWorkbookStays } from "../../../src/core/stays/keyWorkbook";
import { baseStayKey, stayFingerprint } from "../../../src/core/stays/stayKey";
import { makeStay, d } from "../checks/fixtures";

const HEADER = ["Personnummer", "Vårdtillfälle", "Inskrivningsdatum", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Avdelning", "Belopp"];
const NO_ID_HEADER = HEADER.filter((h) => h !== "Vårdtillfälle");
// Luhn-valid synthetic numbers (see personId.test.ts).
const PERSONS = ["811218-9876", "19121212-1212", "640823-3234"];

type Row = CellValue[];

const rowArb = fc.record({
  person: fc.constantFrom(...PERSONS),
  stayId: fc.integer({ min: 1000, max: 1012 }),
  admission: fc.integer({ min: 45000, max: 45010 }),
  ready: fc.integer({ min: 0, max: 3 }),
  days: fc.integer({ min: 0, max: 4 }),
  municipality: fc.constantFrom("Halmstad", "Laholm"),
  amount: fc.constantFrom(0, 10500, 21000),
});

type Rec = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

function toRow(r: Rec, withId: boolean): Row {
  const ready = r.admission + r.ready;
  const cells: Row = [r.person, r.stayId, r.admission, ready, ready + r.days, r.municipality, "Avd 1", r.amount];
  return withId ? cells : cells.filter((_, i) => i !== 1);
}

function workbook(rows: Row[], withId: boolean): WorkbookGrids {
  return { dateSystem: "1900", sheets: [{ name: "Okt", values: [withId ? HEADER : NO_ID_HEADER, ...rows] }] };
}

const OPTS = { sheets: ["Okt"], referenceYear: 2026 };

/** key → the row's cells, as found in the grid at the key's current row. */
function contentByKey(rows: Row[], withId: boolean): Map<string, string> {
  const index = keyWorkbookStays(workbook(rows, withId), OPTS);
  const out = new Map<string, string>();
  for (const s of index.stays) out.set(s.key, JSON.stringify(rows[s.row - 2]));
  return out;
}

describe("stay keys survive what users do to a sheet", () => {
  test.each([true, false])("shuffling the rows keeps every key on the same row content (stay id column: %s)", (withId) => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 25 }), fc.integer(), (records, seed) => {
        const rows = records.map((r) => toRow(r, withId));
        const before = contentByKey(rows, withId);
        // Keys are unique: every row has one of its own.
        expect(before.size).toBe(rows.length);
        const shuffled = fc.sample(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), { numRuns: 1, seed })[0];
        const after = contentByKey(shuffled, withId);
        expect(after).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  test("inserting and deleting rows keeps the keys of the other rows", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 2, maxLength: 20 }), rowArb, fc.nat(), (records, extra, at) => {
        // Distinct stay ids, so no occurrence numbers move when a row joins or leaves.
        const rows = records.map((r, i) => toRow({ ...r, stayId: 2000 + i }, true));
        const before = contentByKey(rows, true);
        const inserted = [...rows];
        inserted.splice(at % (rows.length + 1), 0, toRow({ ...extra, stayId: 9999 }, true));
        const afterInsert = contentByKey(inserted, true);
        for (const [key, content] of before) expect(afterInsert.get(key)).toBe(content);
        const deleted = rows.filter((_, i) => i !== at % rows.length);
        const afterDelete = contentByKey(deleted, true);
        expect(afterDelete.size).toBe(before.size - 1);
        for (const [key, content] of afterDelete) expect(before.get(key)).toBe(content);
      }),
      { numRuns: 60 },
    );
  });

  test("identical rows get distinct keys, and a row identical in every field is still one of them after a sort", () => {
    const row: Row = ["811218-9876", 45000, 45002, 45005, "Halmstad", "Avd 1", 21000];
    const other: Row = ["811218-9876", 45000, 45002, 45005, "Halmstad", "Avd 1", 0];
    const keys = keyWorkbookStays(workbook([row, row, other], false), OPTS).stays.map((s) => s.key);
    expect(new Set(keys).size).toBe(3);
    // The row that differs only in its amount keeps its key when it moves to the top.
    const moved = keyWorkbookStays(workbook([other, row, row], false), OPTS);
    expect(moved.at("Okt", 2)?.key).toBe(keys[2]);
    expect(new Set(moved.stays.map((s) => s.key))).toEqual(new Set(keys));
  });

  test("a stay changed in an identifying field gets another key (without stay id) or another fingerprint (with one)", () => {
    const s = makeStay({ stayId: null, discharge: d("2023-10-05") });
    const changed = { ...s, discharge: d("2023-10-06") };
    expect(baseStayKey(changed)).not.toBe(baseStayKey(s));
    const withId = makeStay({ stayId: "V-17", discharge: d("2023-10-05") });
    const withIdChanged = { ...withId, discharge: d("2023-10-06") };
    expect(baseStayKey(withIdChanged)).toBe(baseStayKey(withId));
    expect(stayFingerprint(withIdChanged)).not.toBe(stayFingerprint(withId));
    // A change that does not identify the stay (the amount) leaves both alone.
    const amount = { ...s, amount: 999 };
    expect(baseStayKey(amount)).toBe(baseStayKey(s));
  });

  test("the identity number counts in its normalized form: 10 and 12 digits give one key", () => {
    const a = keyWorkbookStays(workbook([["811218-9876", 45000, 45002, 45005, "Halmstad", "Avd 1", 0]], false), OPTS);
    const b = keyWorkbookStays(workbook([["19811218-9876", 45000, 45002, 45005, "Halmstad", "Avd 1", 0]], false), OPTS);
    expect(a.stays[0].key).toBe(b.stays[0].key);
  });
});
