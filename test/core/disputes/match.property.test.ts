import fc from "fast-check";
import type { CellValue, WorkbookGrids } from "../../../src/core/cells/cellValue";
import { matchDisputes } from "../../../src/core/disputes/match";
import type { Dispute } from "../../../src/core/disputes/dispute";
import { keyWorkbookStays } from "../../../src/core/stays/keyWorkbook";
import { disputeOn } from "./helpers";

const HEADER = ["Personnummer", "Vårdtillfälle", "Inskrivningsdatum", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Avdelning", "Belopp"];
const NO_ID_HEADER = HEADER.filter((h) => h !== "Vårdtillfälle");
const PERSONS = ["811218-9876", "19121212-1212", "640823-3234"];
const OPTS = { sheets: ["Okt"], referenceYear: 2026 };

type Row = CellValue[];

// Few distinct values, so that repeated stays (same key base) and identical rows are common.
const rowArb = fc.record({
  person: fc.constantFrom(...PERSONS),
  stayId: fc.integer({ min: 1000, max: 1006 }),
  admission: fc.integer({ min: 45000, max: 45004 }),
  ready: fc.integer({ min: 0, max: 2 }),
  days: fc.integer({ min: 0, max: 3 }),
  municipality: fc.constantFrom("Halmstad", "Laholm"),
  amount: fc.constantFrom(0, 10500),
});
type Rec = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

function toRow(r: Rec, withId: boolean): Row {
  const ready = r.admission + r.ready;
  const cells: Row = [r.person, r.stayId, r.admission, ready, ready + r.days, r.municipality, "Avd 1", r.amount];
  return withId ? cells : cells.filter((_, i) => i !== 1);
}

const grids = (rows: Row[], withId: boolean): WorkbookGrids => ({ dateSystem: "1900", sheets: [{ name: "Okt", values: [withId ? HEADER : NO_ID_HEADER, ...rows] }] });
const text = (row: Row) => JSON.stringify(row);
/** The identifying cells (all but the amount): a corrected amount is the same stay. */
const identity = (row: Row | string) => JSON.stringify((typeof row === "string" ? (JSON.parse(row) as Row) : row).slice(0, -1));

/** Disputes on the rows picked, each remembering the content of the row it was made on. */
function disputeRows(rows: Row[], withId: boolean, picked: number[]): { disputes: Dispute[]; made: Map<string, string> } {
  const index = keyWorkbookStays(grids(rows, withId), OPTS);
  const disputes = [...new Set(picked.map((p) => p % rows.length))].map((i) => disputeOn(index, "Okt", i + 2, "DECEASED"));
  return { disputes, made: new Map(disputes.map((d) => [d.key, text(rows[d.row - 2])])) };
}

function refind(rows: Row[], withId: boolean, disputes: Dispute[]) {
  return matchDisputes(disputes, keyWorkbookStays(grids(rows, withId), OPTS));
}

function shuffle<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const records = fc.array(rowArb, { minLength: 1, maxLength: 20 });
const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 8 });

describe("disputes are found again by key whatever is done to the rows", () => {
  test.each([true, false])("shuffled: every dispute is found, on a row with the content it was made on (stay id column: %s)", (withId) => {
    fc.assert(
      fc.property(records, picks, fc.integer(), (recs, picked, seed) => {
        const rows = recs.map((r) => toRow(r, withId));
        const { disputes, made } = disputeRows(rows, withId, picked);
        const sorted = shuffle(rows, seed);
        const m = refind(sorted, withId, disputes);
        expect(m.orphaned).toEqual([]);
        expect(m.changed).toEqual([]);
        expect(m.found).toHaveLength(disputes.length);
        for (const f of m.found) expect(text(sorted[f.stay.row - 2])).toBe(made.get(f.dispute.key));
        // Two disputes never land on one row.
        expect(new Set(m.found.map((f) => f.stay.row)).size).toBe(m.found.length);
      }),
      { numRuns: 80 },
    );
  });

  test.each([true, false])("filtered, inserted and deleted rows: a dispute is found on its own content or shown as orphaned (stay id column: %s)", (withId) => {
    fc.assert(
      fc.property(records, picks, fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), fc.array(rowArb, { maxLength: 4 }), fc.integer(), (recs, picked, keep, extra, seed) => {
        const rows = recs.map((r) => toRow(r, withId));
        const { disputes, made } = disputeRows(rows, withId, picked);
        // A filter hides rows (the reader no longer sees them), new rows arrive, the rest moves.
        const kept = rows.filter((_, i) => keep[i]);
        const after = shuffle([...kept, ...extra.map((r) => toRow({ ...r, amount: 777 as Rec["amount"] }, withId))], seed);
        const m = refind(after, withId, disputes);
        expect(m.found.length + m.changed.length + m.orphaned.length).toBe(disputes.length);
        for (const f of m.found) expect(identity(after[f.stay.row - 2])).toBe(identity(made.get(f.dispute.key)!));
        // A dispute whose row content is still there as often as before is found.
        const count = (list: Row[], t: string) => list.filter((r) => text(r) === t).length;
        for (const d of disputes) {
          const t = made.get(d.key)!;
          if (count(kept, t) === count(rows, t) && count(after, t) === count(rows, t)) {
            expect(m.found.some((f) => f.dispute.key === d.key)).toBe(true);
          }
        }
        expect(new Set([...m.found, ...m.changed].map((f) => f.stay.row)).size).toBe(m.found.length + m.changed.length);
      }),
      { numRuns: 80 },
    );
  });

  test("identical rows stay distinct: two disputes on two identical rows are both found, on two rows", () => {
    const row: Row = ["811218-9876", 45000, 45002, 45005, "Halmstad", "Avd 1", 21000];
    const rows = [row, ["640823-3234", 45001, 45001, 45001, "Laholm", "Avd 2", 0], row];
    const { disputes } = disputeRows(rows, false, [0, 2]);
    expect(new Set(disputes.map((d) => d.key)).size).toBe(2);
    const m = refind([rows[1], row, row], false, disputes);
    expect(m.found.map((f) => f.stay.row).sort()).toEqual([3, 4]);
  });

  test("a dispute on one of two twins (they differ only in amount) does not move to the other when its dates change", () => {
    // Found by the property below (seed 1620866290): the twin with amount 0 had the bare key and,
    // once its dates changed, the other twin (10 500 kr) took that key and the dispute with it.
    const twin = (amount: number): Row => ["811218-9876", 45004, 45004, 45006, "Laholm", "Avd 1", amount];
    const rows = [twin(10500), twin(0)];
    const { disputes } = disputeRows(rows, false, [1]);
    const changed = rows.map((r) => [...r]);
    changed[1][3] = (changed[1][3] as number) + 1;
    const m = refind(changed, false, disputes);
    expect(m.found).toEqual([]);
    expect(m.orphaned.map((d) => d.key)).toEqual([disputes[0].key]);
  });

  test.each([true, false])("a stay changed in an identifying field is changed or orphaned, never found on another stay (stay id column: %s)", (withId) => {
    fc.assert(
      fc.property(records, picks, fc.nat(), fc.integer({ min: 1, max: 30 }), fc.integer(), (recs, picked, which, shift, seed) => {
        const rows = recs.map((r) => toRow(r, withId));
        const { disputes, made } = disputeRows(rows, withId, picked);
        const target = which % rows.length;
        const changed = rows.map((r) => [...r]);
        const dischargeCol = withId ? 4 : 3;
        changed[target][dischargeCol] = (changed[target][dischargeCol] as number) + shift;
        const after = shuffle(changed, seed);
        const m = refind(after, withId, disputes);
        // Found means: on a row whose identifying fields are what was disputed.
        for (const f of m.found) expect(identity(after[f.stay.row - 2])).toBe(identity(made.get(f.dispute.key)!));
        const onTarget = disputes.find((d) => d.row === target + 2);
        if (onTarget && !rows.some((r, i) => i !== target && text(r) === made.get(onTarget.key))) {
          expect(m.found.some((f) => f.dispute.key === onTarget.key)).toBe(false);
          if (withId && rows.filter((r) => r[1] === rows[target][1]).length === 1) {
            // With a stay id of its own the key stays: the dispute is shown as changed, on the changed row.
            // (Among repeated ids, which occurrence changed cannot be told: it is shown as changed on one of them.)
            const c = m.changed.find((f) => f.dispute.key === onTarget.key);
            expect(c && after[c.stay.row - 2][dischargeCol]).toBe(changed[target][dischargeCol]);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});
