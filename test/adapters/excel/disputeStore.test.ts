import { PARTS_PER_SYNC, loadDisputesIn, removeAllDisputesIn, saveDisputesIn } from "../../../src/adapters/excel/disputeStore";
import { disputeSchema, editDispute, withdrawDispute, type Dispute } from "../../../src/core/disputes/dispute";
import { DISPUTE_NAMESPACE, PART_BYTES } from "../../../src/core/disputes/store";
import { DEFAULT_PAYLOAD_LIMIT, installFakeOffice, uninstallFakeOffice, type FakeOfficeHandle } from "../../fakes/excel/fakeOffice";
import { makeSheet, makeWorkbook, type FakeWorkbookState } from "../../fakes/excel/state";
import { clone, invoiceValues } from "./fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
const g = globalThis as any;
afterEach(() => uninstallFakeOffice(g));

const ANNA = { id: "w-anna-1", name: "Anna Andersson" };
const BO = { id: "w-bo-2", name: "Bo Berg" };

/** A dispute shaped like the real ones (key and identity from the fixtures' rows). */
function dispute(i: number, by = ANNA.name, at = "2024-02-01T10:00:00Z"): Dispute {
  return disputeSchema.parse({
    key: `id:VT${String(i).padStart(7, "0")}`,
    fingerprint: (0x1234567890 + i).toString(16).padStart(16, "0"),
    content: (0x9876543210 + i).toString(16).padStart(16, "0"),
    sheet: "Underlag",
    row: i + 2,
    reason: i % 3 === 0 ? "NOT_RESIDENT" : "DAYS_MISMATCH",
    comment: "Folkbokförd i Nybro enligt Navet 2024-01-15",
    by,
    at,
    withdrawn: false,
    stay: { stayId: `VT${String(i).padStart(7, "0")}`, personId: "19300101-1000", municipality: "Kalmar", careType: "somatic", ready: "2024-01-03", discharge: "2024-01-08" },
    figures: { days: 5, liableDays: 2, amount: 18070 },
  });
}

function workbook(): FakeWorkbookState {
  return makeWorkbook([makeSheet("Underlag", invoiceValues(20), { fills: [{ address: "A1:R1", color: "#4472C4" }] })]);
}

function as(state: FakeWorkbookState): FakeOfficeHandle {
  return installFakeOffice(g, state);
}
const run = <T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => g.Excel.run(fn);

describe("disputes in custom XML parts", () => {
  test("survive save and reopen; the user's sheets are untouched", async () => {
    const state = workbook();
    const before = clone(state.sheets);
    as(state);
    await run((ctx) => saveDisputesIn(ctx, ANNA, [dispute(1), dispute(2)]));
    // Reopen: a copy of what the file holds, in a new session.
    const reopened = clone(state);
    as(reopened);
    const loaded = await run((ctx) => loadDisputesIn(ctx, ANNA.id));
    expect(loaded.problems).toEqual([]);
    expect(loaded.merged).toEqual([dispute(1), dispute(2)]);
    expect(loaded.own).toEqual([dispute(1), dispute(2)]);
    expect(reopened.sheets).toEqual(before);
    expect(reopened.customXmlParts).toHaveLength(1);
    expect(reopened.customXmlParts![0].xml).toContain(`xmlns="${DISPUTE_NAMESPACE}"`);
  });

  test("10,000 disputes: every sync under the 5 MB payload limit (measured)", async () => {
    const state = workbook();
    const handle = as(state);
    const many = Array.from({ length: 10_000 }, (_, i) => dispute(i));
    await run((ctx) => saveDisputesIn(ctx, ANNA, many));
    const parts = state.customXmlParts!.length;
    const bytes = state.customXmlParts!.reduce((n, p) => n + p.xml.length, 0);
    const first = { syncs: handle.counters.syncs, max: handle.counters.maxBytes, total: handle.counters.bytesPerSync.reduce((a, b) => a + b, 0) };
    // 1 sync lists the (no) parts, then ⌈parts / PARTS_PER_SYNC⌉ add them.
    expect(first.syncs).toBe(1 + Math.ceil(parts / PARTS_PER_SYNC));
    expect(parts).toBe(Math.ceil(bytes / PART_BYTES));
    expect(first.max).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);

    // Saving again (one more dispute) reads the parts, adds the new ones, deletes the old: still under the limit.
    handle.resetCounters();
    await run((ctx) => saveDisputesIn(ctx, ANNA, [...many, dispute(10_000)]));
    const second = { syncs: handle.counters.syncs, max: handle.counters.maxBytes, total: handle.counters.bytesPerSync.reduce((a, b) => a + b, 0) };
    expect(second.max).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);
    handle.resetCounters();
    const loaded = await run((ctx) => loadDisputesIn(ctx, ANNA.id));
    expect(loaded.merged).toHaveLength(10_001);
    const load = { syncs: handle.counters.syncs, max: handle.counters.maxBytes };
    expect(load.max).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);
    // The figures docs/DISPUTES.md records.
    console.log(JSON.stringify({ disputes: 10_000, bytes, bytesPerDispute: Math.round(bytes / 10_000), parts, first, second, load }));
  });

  test("co-authoring: two reviewers saving into one workbook keep both lists; the latest edit per stay wins", async () => {
    const state = workbook();
    // Both open the workbook and load (nothing yet).
    as(state);
    await run((ctx) => loadDisputesIn(ctx, ANNA.id));
    as(state);
    await run((ctx) => loadDisputesIn(ctx, BO.id));
    // Anna saves hers, then Bo saves his without having re-read: nothing of Anna's is lost.
    as(state);
    await run((ctx) => saveDisputesIn(ctx, ANNA, [dispute(1), dispute(2)]));
    as(state);
    const afterBo = await run((ctx) => saveDisputesIn(ctx, BO, [dispute(3, BO.name)]));
    expect(afterBo.merged.map((d) => d.key)).toEqual([dispute(1).key, dispute(2).key, dispute(3).key]);
    const annasPart = state.customXmlParts!.find((p) => p.xml.includes(ANNA.id))!.xml;

    // Bo edits Anna's dispute 1 and withdraws her dispute 2 later: his records win, her part is not rewritten.
    const edited = editDispute(dispute(1), { comment: "Avliden 2024-01-05" }, BO.name, "2024-02-02T09:00:00Z");
    const withdrawn = withdrawDispute(dispute(2), BO.name, "2024-02-02T09:05:00Z");
    if (!edited.ok || !withdrawn.ok) throw new Error("invalid");
    as(state);
    await run((ctx) => saveDisputesIn(ctx, BO, [dispute(3, BO.name), edited.dispute, withdrawn.dispute]));
    expect(state.customXmlParts!.find((p) => p.xml.includes(ANNA.id))!.xml).toBe(annasPart);
    as(state);
    const seenByAnna = await run((ctx) => loadDisputesIn(ctx, ANNA.id));
    expect(seenByAnna.merged.find((d) => d.key === dispute(1).key)).toMatchObject({ comment: "Avliden 2024-01-05", by: BO.name });
    expect(seenByAnna.merged.find((d) => d.key === dispute(2).key)).toMatchObject({ withdrawn: true });
    // Anna saving her (older) list again does not undo Bo's later edit.
    as(state);
    const again = await run((ctx) => saveDisputesIn(ctx, ANNA, seenByAnna.own));
    expect(again.merged.find((d) => d.key === dispute(1).key)).toMatchObject({ by: BO.name });
  });

  test("a part that cannot be read is reported and kept as it is; a bad record is kept through saves", async () => {
    const state = workbook();
    const garbage = `<disputes xmlns="${DISPUTE_NAMESPACE}">{"format":"utskrivningsklar-granskning/disputes","version":1,"writer":</disputes>`;
    state.customXmlParts = [{ id: "{user-part}", xml: garbage }];
    as(state);
    await run((ctx) => saveDisputesIn(ctx, ANNA, [dispute(1)]));
    const bad = state.customXmlParts!.find((p) => p.xml.includes(ANNA.id))!;
    bad.xml = bad.xml.replace("]]}</disputes>", '],["kaputt",1]]}</disputes>');
    as(state);
    const loaded = await run((ctx) => loadDisputesIn(ctx, ANNA.id));
    expect(loaded.problems.map((p) => p.en)).toEqual([expect.stringMatching(/could not be read \(not JSON\)/), expect.stringMatching(/Dispute 2 from Anna Andersson could not be read/)]);
    as(state);
    await run((ctx) => saveDisputesIn(ctx, ANNA, [dispute(1), dispute(2)]));
    expect(state.customXmlParts!.find((p) => p.id === "{user-part}")!.xml).toBe(garbage);
    as(state);
    const after = await run((ctx) => loadDisputesIn(ctx, ANNA.id));
    expect(after.merged).toHaveLength(2);
    expect(after.ownUnreadable).toEqual([["kaputt", 1]]);
  });

  test("removing all disputes needs the count confirmed, and a co-author's stale save does not bring them back", async () => {
    const state = workbook();
    as(state);
    await run((ctx) => saveDisputesIn(ctx, ANNA, [dispute(1), dispute(2)]));
    as(state);
    const bos = await run((ctx) => saveDisputesIn(ctx, BO, [dispute(3, BO.name)]));
    as(state);
    expect(await run((ctx) => removeAllDisputesIn(ctx, ANNA, "2024-02-03T08:00:00Z", 2))).toEqual({ ok: false, expected: 3 });
    expect(state.customXmlParts).toHaveLength(2);
    as(state);
    const removed = await run((ctx) => removeAllDisputesIn(ctx, ANNA, "2024-02-03T08:00:00Z", 3));
    expect(removed.ok && removed.removed).toBe(3);
    expect(removed.ok && removed.loaded.merged).toEqual([]);
    // Bo's window still holds his old record and saves it.
    as(state);
    const stale = await run((ctx) => saveDisputesIn(ctx, BO, bos.own));
    expect(stale.merged).toEqual([]);
    // A new dispute after the removal counts.
    as(state);
    const fresh = await run((ctx) => saveDisputesIn(ctx, BO, [dispute(4, BO.name, "2024-02-03T09:00:00Z")]));
    expect(fresh.merged.map((d) => d.key)).toEqual([dispute(4).key]);
  });

  test("without ExcelApi 1.5 the call fails with ApiNotFound, translated", async () => {
    installFakeOffice(g, workbook(), { requirementSets: "1.4" });
    await expect(run((ctx) => loadDisputesIn(ctx, ANNA.id))).rejects.toMatchObject({ code: "API_UNSUPPORTED" });
  });
});
