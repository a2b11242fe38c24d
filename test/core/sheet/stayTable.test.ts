import fc from "fast-check";
import type { LocalDateTime } from "../../../src/core/cells/localDate";
import type { PersonId, Stay } from "../../../src/core/model";
import { StayCursor, staysOf, tableFromStays } from "../../../src/core/sheet/stayTable";

const date = fc.option(
  fc.record({ day: fc.integer({ min: -100_000, max: 3_000_000 }), minute: fc.option(fc.integer({ min: 0, max: 1439 })) }),
) as fc.Arbitrary<LocalDateTime | null>;
const text = fc.option(fc.string({ maxLength: 8 }));
const num = fc.option(fc.double({ noNaN: true }));
const twelveDigitId = fc
  .tuple(fc.integer({ min: 1800, max: 2099 }), fc.integer({ min: 0, max: 99_999_999 }))
  .map(([y, rest]) => `${y}${String(rest).padStart(8, "0")}`);
const person: fc.Arbitrary<PersonId | null> = fc.option(
  fc.record({
    normalized: fc.oneof(twelveDigitId, fc.string({ minLength: 1, maxLength: 14 })),
    kind: fc.constantFrom("personnummer" as const, "samordningsnummer" as const, "reservnummer" as const),
    checkDigitValid: fc.boolean(),
    birthDay: fc.option(fc.integer({ min: -60_000, max: 60_000 })),
  }),
);

const stayArb: fc.Arbitrary<Stay> = fc.record({
  sheet: fc.constant("Blad1"),
  row: fc.integer({ min: 2, max: 1_048_576 }),
  personId: person,
  personIdRaw: text,
  stayId: text,
  municipality: text,
  residenceMunicipality: text,
  careType: fc.constantFrom(null, "somatic" as const, "psychiatric" as const),
  careTypeRaw: text,
  unit: text,
  dischargeCause: text,
  admission: date,
  ready: date,
  discharge: date,
  death: date,
  admissionNotice: date,
  planningNeeded: fc.option(fc.boolean()),
  sipInvitation: date,
  careContact: text,
  readyWithdrawn: date,
  newReady: date,
  statedDays: num,
  billedDays: num,
  pricePerDay: num,
  amount: num,
});

describe("StayTable", () => {
  test("every field of every stay comes back as it went in", () => {
    fc.assert(
      fc.property(fc.array(stayArb, { maxLength: 30 }), (stays) => {
        const table = tableFromStays("Blad1", stays);
        expect(table.length).toBe(stays.length);
        expect(staysOf(table)).toEqual(stays);
      }),
      { numRuns: 200 },
    );
  });

  test("read() refills one cursor: each row read is the row's own, and a copy made with stay() is not changed by the next read", () => {
    fc.assert(
      fc.property(fc.array(stayArb, { minLength: 2, maxLength: 20 }), (stays) => {
        const table = tableFromStays("Blad1", stays);
        const cursor = new StayCursor();
        const kept = table.stay(0);
        for (let i = 0; i < stays.length; i++) {
          const s = table.read(i, cursor);
          expect(s).toBe(cursor);
          expect(s.row).toBe(stays[i].row);
          expect(s.ready).toEqual(stays[i].ready);
          expect(s.amount).toBe(stays[i].amount);
          expect(s.personId === null ? null : s.personId.normalized).toBe(stays[i].personId?.normalized ?? null);
        }
        expect(kept).toEqual(stays[0]);
      }),
      { numRuns: 100 },
    );
  });

  test("per-field accessors agree with the stay", () => {
    const stays = fc.sample(stayArb, { numRuns: 50, seed: 7 });
    const table = tableFromStays("Blad1", stays);
    stays.forEach((s, i) => {
      expect(table.stayIdOf(i)).toBe(s.stayId);
      expect(table.dayOf(table.discharge, i)).toBe(s.discharge?.day ?? null);
      const key = table.personKey(i);
      expect(key === null ? null : typeof key === "number" ? String(key).padStart(12, "0") : key).toBe(s.personId?.normalized ?? null);
    });
  });
});
