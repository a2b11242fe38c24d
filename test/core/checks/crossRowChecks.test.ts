/** DUPLICATE_STAY and OVERLAPPING_STAYS, within a sheet and across sheets; order independence; size. */
import fc from "fast-check";
import { compactPerson } from "../../../src/core/checks/crossRowChecks";
import { runChecks } from "../../../src/core/checks/runChecks";
import type { Finding, Stay } from "../../../src/core/model";
import { col, d, makeCtx, makeReading, makeStay, only } from "./fixtures";

const person = (n: number) => ({ normalized: `19800101${String(n).padStart(4, "0")}`, kind: "personnummer" as const, checkDigitValid: true, birthDay: null });
/** A clean stay of person p from admission day a (March 2023): ready a+1, discharge a+4 → 3 days, 0 billed. */
function stay(row: number, p: number, a: string, b: string, extra: Partial<Stay> = {}): Stay {
  return makeStay({
    row,
    personId: person(p),
    personIdRaw: `19800101-${String(p).padStart(4, "0")}`,
    stayId: `S${row}`,
    admission: d(a),
    admissionNotice: d(a),
    ready: d(a),
    discharge: d(b),
    statedDays: null,
    billedDays: null,
    amount: null,
    ...extra,
  });
}
const ctx = makeCtx({ invoicePeriod: null });
const run = (...readings: ReturnType<typeof makeReading>[]) => runChecks(readings, ctx).findings;

describe("DUPLICATE_STAY", () => {
  it("same person and stay id: an error on the later row, relatedRows the first", () => {
    const fs = run(makeReading([stay(2, 1, "2023-03-01", "2023-03-05", { stayId: "X" }), stay(3, 2, "2023-03-01", "2023-03-05", { stayId: "X" }), stay(5, 1, "2023-03-02", "2023-03-06", { stayId: "X" })]));
    const dups = only(fs, "DUPLICATE_STAY");
    expect(dups).toHaveLength(1);
    expect(dups[0]).toMatchObject({ row: 5, severity: "error", relatedRows: [2], fields: ["personId", "stayId"], columns: [col("personId"), col("stayId")] });
    expect(dups[0].message.en).toBe("The same patient and stay (X) already appear on row 2.");
    // a duplicate is not also an overlap
    expect(only(fs, "OVERLAPPING_STAYS")).toEqual([]);
  });

  it("without a stay id: same person, admission day and ready day (times may differ)", () => {
    const rows = [stay(2, 1, "2023-03-01 08:00", "2023-03-05"), stay(4, 1, "2023-03-01 09:30", "2023-03-05")];
    const fs = run(makeReading(rows, { without: ["stayId"] }));
    expect(only(fs, "DUPLICATE_STAY")).toEqual([expect.objectContaining({ row: 4, relatedRows: [2], fields: ["personId", "admissionDate", "readyDate"] })]);
  });

  it("every later copy points to the first", () => {
    const rows = [2, 3, 4].map((r) => stay(r, 1, "2023-03-01", "2023-03-05", { stayId: "X" }));
    const fs = only(run(makeReading(rows)), "DUPLICATE_STAY");
    expect(fs.map((f) => [f.row, f.relatedRows])).toEqual([[3, [2]], [4, [2]]]);
  });

  it("is not raised for different stay ids, for different persons, or a different ready day", () => {
    const fs = run(
      makeReading([
        stay(2, 1, "2023-03-01", "2023-03-05", { stayId: "A" }),
        stay(3, 1, "2023-03-01", "2023-03-05", { stayId: "B" }),
        stay(4, 2, "2023-03-01", "2023-03-05", { stayId: "A" }),
      ]),
    );
    expect(only(fs, "DUPLICATE_STAY")).toEqual([]);
    const noIds = run(makeReading([stay(2, 1, "2023-03-01", "2023-03-05"), stay(3, 1, "2023-03-01", "2023-03-05", { ready: d("2023-03-02") })], { without: ["stayId"] }));
    expect(only(noIds, "DUPLICATE_STAY")).toEqual([]);
  });

  it("does not take blank stay ids for the same stay", () => {
    const fs = run(makeReading([stay(2, 1, "2023-03-01", "2023-03-05", { stayId: "" }), stay(3, 1, "2023-03-20", "2023-03-25", { stayId: "" })]));
    expect(only(fs, "DUPLICATE_STAY")).toEqual([]);
  });

  it("finds a stay repeated on another sheet, naming that sheet", () => {
    const a = makeReading([stay(3, 1, "2023-03-01", "2023-03-05", { stayId: "X" })], { sheet: "Okt" });
    const b = makeReading([stay(3, 1, "2023-03-01", "2023-03-05", { stayId: "X" })], { sheet: "Okt (2)" });
    const [f] = only(run(a, b), "DUPLICATE_STAY");
    expect(f).toMatchObject({ sheet: "Okt (2)", row: 3, relatedRows: [3] });
    expect(f.message.sv).toContain('bladet "Okt" rad 3');
  });
});

describe("OVERLAPPING_STAYS", () => {
  it("warns on both rows of one person's overlapping stays, with relatedRows", () => {
    // A [03-01, 03-10), C [03-05, 03-12), B [03-10, 03-20): A–C and C–B overlap; A–B only touch
    const fs = only(run(makeReading([stay(2, 1, "2023-03-01", "2023-03-10"), stay(3, 1, "2023-03-10", "2023-03-20"), stay(4, 1, "2023-03-05", "2023-03-12")])), "OVERLAPPING_STAYS");
    expect(fs.map((f) => [f.row, f.relatedRows, f.severity])).toEqual([
      [2, [4], "warning"],
      [3, [4], "warning"],
      [4, [2, 3], "warning"],
    ]);
    expect(fs[0].columns).toEqual([col("admissionDate"), col("dischargeDate"), col("personId")]);
    expect(fs[2].message.en).toBe("The stay (2023-03-05 – 2023-03-12) overlaps the same patient's stay on row 2, row 3.");
  });

  it("does not fire for back-to-back stays (discharged and readmitted the same day) or other persons", () => {
    const fs = run(makeReading([stay(2, 1, "2023-03-01", "2023-03-10"), stay(3, 1, "2023-03-10", "2023-03-20"), stay(4, 2, "2023-03-05", "2023-03-12")]));
    expect(only(fs, "OVERLAPPING_STAYS")).toEqual([]);
  });

  it("treats a stay without a discharge date as open-ended", () => {
    const fs = only(run(makeReading([stay(2, 1, "2023-03-01", "2023-03-10", { discharge: null }), stay(3, 1, "2023-03-20", "2023-03-25")])), "OVERLAPPING_STAYS");
    expect(fs.map((f) => f.row)).toEqual([2, 3]);
  });

  it("works across sheets", () => {
    const a = makeReading([stay(2, 1, "2023-03-01", "2023-03-10")], { sheet: "Somatik" });
    const b = makeReading([stay(7, 1, "2023-03-08", "2023-03-15")], { sheet: "Psykiatri" });
    const fs = only(run(a, b), "OVERLAPPING_STAYS");
    expect(fs.map((f) => [f.sheet, f.row, f.relatedRows])).toEqual([["Somatik", 2, [7]], ["Psykiatri", 7, [2]]]);
    expect(fs[1].message.sv).toContain('bladet "Somatik" rad 2');
  });
});

/** A finding as a comparable string (relatedRows order does not matter). */
const key = (f: Finding) => JSON.stringify({ ...f, relatedRows: f.relatedRows ? [...f.relatedRows].sort((a, b) => a - b) : undefined });

describe("order independence", () => {
  it("shuffled rows give the same set of findings (property)", () => {
    const arbStay = fc.record({
      p: fc.integer({ min: 0, max: 3 }),
      a: fc.integer({ min: 1, max: 12 }),
      len: fc.integer({ min: 0, max: 6 }),
      id: fc.option(fc.constantFrom("A", "B", "C"), { nil: null }),
      open: fc.boolean(),
      sheet: fc.integer({ min: 0, max: 1 }),
    });
    fc.assert(
      fc.property(fc.array(arbStay, { minLength: 1, maxLength: 25 }), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (specs, rnd) => {
        const stays = specs.map((s, i) =>
          stay(i + 2, s.p, `2023-03-${String(s.a).padStart(2, "0")}`, `2023-03-${String(s.a + s.len).padStart(2, "0")}`, {
            stayId: s.id,
            discharge: s.open ? null : d(`2023-03-${String(s.a + s.len).padStart(2, "0")}`),
          }),
        );
        const split = (list: Stay[]) => [0, 1].map((k) => makeReading(list.filter((_, i) => specs[i].sheet === k), { sheet: `S${k}` }));
        const before = run(...split(stays)).map(key).sort();
        // Fisher–Yates with the generated stream, keeping each row on its sheet
        const order = stays.map((_, i) => i);
        const it = rnd[Symbol.iterator]();
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.floor((it.next().value as number) * (i + 1)) % (i + 1);
          [order[i], order[j]] = [order[j], order[i]];
        }
        const shuffled = order.map((i) => stays[i]);
        const specsShuffled = order.map((i) => specs[i]);
        const readings = [0, 1].map((k) => makeReading(shuffled.filter((_, i) => specsShuffled[i].sheet === k), { sheet: `S${k}` }));
        const after = run(...readings).map(key).sort();
        expect(after).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});

describe("size smoke test (correctness only; speed belongs to the benchmark)", () => {
  it("finds exactly the planted duplicates and overlaps among 200 000 stays", () => {
    const n = 200_000;
    const stays: Stay[] = new Array(n);
    const base = d("2023-03-01").day;
    const proto = makeStay();
    for (let i = 0; i < n; i++) {
      // two stays per person: [base+k, base+k+3) and [base+k+3, base+k+6): back to back, no overlap
      const p = i >> 1;
      const k = p % 20;
      const first = (i & 1) === 0;
      const adm = base + k + (first ? 0 : 3);
      stays[i] = {
        ...proto,
        row: i + 2,
        personId: { normalized: String(190000000000 + p), kind: "personnummer", checkDigitValid: true, birthDay: null },
        personIdRaw: String(190000000000 + p),
        stayId: `S${i}`,
        admission: { day: adm, minute: null },
        admissionNotice: { day: adm, minute: null },
        ready: { day: adm + 1, minute: null },
        discharge: { day: adm + 3, minute: null },
        statedDays: 2,
        billedDays: 0,
        amount: 0,
      };
    }
    // plant: rows of index 10 and 20 repeat the stay of index 0 and 2 (same person, same stay id) at the end
    const planted: Stay[] = [
      { ...stays[0], row: n + 2 },
      { ...stays[2], row: n + 3 },
      // and one overlap: person of index 4 gets a stay inside its first one
      { ...stays[4], row: n + 4, stayId: "EXTRA", ready: { day: stays[4].admission!.day + 1, minute: null }, admission: { day: stays[4].admission!.day + 1, minute: null }, discharge: { day: stays[4].admission!.day + 2, minute: null }, statedDays: 1 },
    ];
    const { findings } = runChecks([makeReading([...stays, ...planted])], makeCtx({ invoicePeriod: null }));
    const summary = findings.map((f) => [f.code, f.row, f.relatedRows ?? []]);
    expect(summary).toEqual([
      ["OVERLAPPING_STAYS", 6, [n + 4]],
      ["DUPLICATE_STAY", n + 2, [2]],
      ["DUPLICATE_STAY", n + 3, [4]],
      ["OVERLAPPING_STAYS", n + 4, [6]],
    ]);
  });
});

describe("grouping rows by person", () => {
  test("compactPerson: one 32-bit number per personal or coordination number in range, −1 outside", () => {
    expect(compactPerson(187001010000)).toBe(((0 * 12 + 0) * 64 + 1) * 10000 + 0);
    expect(compactPerson(198001610123)).toBe(((110 * 12 + 0) * 64 + 32) * 10000 + 123); // coordination day 61 → 32
    expect(compactPerson(212512919999)).toBe(((255 * 12 + 11) * 64 + 62) * 10000 + 9999);
    expect(compactPerson(212512919999)).toBeLessThan(2 ** 31);
    for (const outside of [186912311234, 212601011234, 198000011234, 198013011234, 198001321234, 198001601234, 198001921234]) {
      expect(compactPerson(outside)).toBe(-1);
    }
    // One to one over every day slot of a year and the serial's extremes.
    const seen = new Set<number>();
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 15, 31, 61, 75, 91]) {
        for (const serial of [0, 9999]) seen.add(compactPerson(((1990 * 100 + month) * 100 + day) * 10000 + serial));
      }
    }
    expect(seen.size).toBe(12 * 6 * 2);
  });

  test("persons without a 32-bit code (a birth year before 1870, reserve numbers) are grouped by their text", () => {
    const old = { normalized: "185001011234", kind: "personnummer" as const, checkDigitValid: true, birthDay: null };
    const reserve = { normalized: "RES98765", kind: "reservnummer" as const, checkDigitValid: false, birthDay: null };
    const rows = [
      stay(2, 1, "2023-03-01", "2023-03-05", { personId: old, stayId: "A" }),
      stay(3, 2, "2023-03-01", "2023-03-05", { personId: reserve, stayId: "B" }),
      stay(4, 3, "2023-03-01", "2023-03-05"), // another person between them
      stay(5, 1, "2023-03-01", "2023-03-05", { personId: old, stayId: "A" }),
      stay(6, 2, "2023-03-03", "2023-03-09", { personId: reserve, stayId: "C" }),
    ];
    const found = run(makeReading(rows)).filter((f) => f.code === "DUPLICATE_STAY" || f.code === "OVERLAPPING_STAYS");
    expect(found.map((f) => [f.code, f.row, f.relatedRows])).toEqual([
      ["OVERLAPPING_STAYS", 3, [6]],
      ["DUPLICATE_STAY", 5, [2]],
      ["OVERLAPPING_STAYS", 6, [3]],
    ]);
  });
});
