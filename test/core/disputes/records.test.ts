import { activeDisputes, editDispute, mergeDisputes, withdrawDispute, type Dispute } from "../../../src/core/disputes/dispute";
import { disputeListRows, disputeListTsv, readDisputeList, safeText } from "../../../src/core/disputes/exportList";
import { bulkCandidates, disputeFinding, disputeInBulk, putRecord } from "../../../src/core/disputes/fromFindings";
import { REASON_RULES, DISPUTE_REASONS, reasonRule } from "../../../src/core/disputes/reasons";
import { loadDisputes, parsePart, serializeParts } from "../../../src/core/disputes/store";
import { StayKeyIndex } from "../../../src/core/stays/stayKey";
import { staysWithDays } from "../figures/stays";
import { AT, disputeOn, errorFinding } from "./helpers";

function index(): StayKeyIndex {
  const stays = staysWithDays([1, 4, 6], "2023-03-20");
  stays.forEach((s, i) => {
    s.stayId = `V-${i + 1}`;
    s.personIdRaw = "19121212-1212";
    s.amount = 10500 * i;
  });
  return StayKeyIndex.of(stays);
}

const ok = <T>(r: { ok: true; dispute: T } | { ok: false; problems: string[] }): T => {
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.dispute;
};

describe("reason rules", () => {
  it("every reason has one rule; the arithmetic ones are exactly the region's arithmetic (and READY_WITHDRAWN, assumed)", () => {
    expect(REASON_RULES.map((r) => r.reason)).toEqual([...DISPUTE_REASONS]);
    const arithmetic = REASON_RULES.filter((r) => r.effect === "arithmetic").map((r) => r.reason).sort();
    expect(arithmetic).toEqual(["AMOUNT_MISMATCH", "BILLED_DAYS_MISMATCH", "DAYS_MISMATCH", "PRICE_MISMATCH", "READY_WITHDRAWN"]);
    // DOMAIN.md names these grounds as voiding: they are not our assumption.
    for (const r of ["NOT_RESIDENT", "DECEASED", "DUPLICATE_STAY", "ADMISSION_NOTICE_MISSING", "INVALID_PERSON_ID"] as const) {
      expect(reasonRule(r)).toMatchObject({ effect: "void", assumed: false });
    }
    for (const r of REASON_RULES.filter((x) => x.assumed)) expect(r.why.en).toMatch(/^ASSUMED: /);
    expect(reasonRule("OTHER").assumed).toBe(true);
  });
});

describe("dispute records", () => {
  it("records key, fingerprint, where last seen, identity as written and the figures as invoiced", () => {
    const ix = index();
    const d = disputeOn(ix, "Underlag", 3, "DECEASED", { comment: "  avled 12/3  " });
    expect(d).toMatchObject({
      key: "id:V-2",
      sheet: "Underlag",
      row: 3,
      reason: "DECEASED",
      comment: "avled 12/3",
      by: "Anna",
      at: AT,
      withdrawn: false,
      stay: { stayId: "V-2", personId: "19121212-1212", municipality: "Halmstad", ready: "2023-03-16", discharge: "2023-03-20" },
      figures: { days: 4, liableDays: null, amount: 10500 },
    });
  });

  it("rejects a time that is not UTC ISO and an empty name, with the field named", () => {
    const d = disputeOn(index(), "Underlag", 2, "DECEASED");
    const bad = editDispute(d, { comment: "x" }, "  ", "2023-04-03 10:00");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join(" ")).toMatch(/by:.*at:|at:.*by:/s);
  });

  it("edit and withdraw are new records; the merge keeps the latest per key, a tombstone included", () => {
    const ix = index();
    const anna = disputeOn(ix, "Underlag", 2, "DECEASED");
    const bo = ok(editDispute(anna, { reason: "NOT_RESIDENT", comment: "bor i Laholm" }, "Bo", "2023-04-04T08:00:00Z"));
    const back = ok(withdrawDispute(anna, "Anna", "2023-04-05T08:00:00Z"));
    expect(mergeDisputes([anna], [bo])).toEqual([bo]);
    expect(mergeDisputes([bo], [anna])).toEqual([bo]);
    expect(mergeDisputes([anna, back], [bo])).toEqual([back]);
    expect(activeDisputes(mergeDisputes([anna, back], [bo]))).toEqual([]);
    expect(putRecord([anna], bo)).toEqual([bo]);
  });
});

describe("stored form", () => {
  const writer = { id: "w-anna", name: "Anna" };

  it("round-trips through XML, split into parts under the size given", () => {
    const ix = index();
    const list = [disputeOn(ix, "Underlag", 2, "DECEASED", { comment: "<&> \"citat\" ]]>" }), disputeOn(ix, "Underlag", 3, "OTHER"), disputeOn(ix, "Underlag", 4, "PRICE_MISMATCH")];
    const parts = serializeParts(writer, list, [], 300);
    expect(parts.length).toBeGreaterThan(1);
    const loaded = loadDisputes(parts.map((xml, i) => ({ id: `p${i}`, xml })), "w-anna");
    expect(loaded.problems).toEqual([]);
    expect(loaded.merged).toEqual(mergeDisputes(list));
    expect(loaded.own).toEqual(mergeDisputes(list));
    expect(loaded.ownPartIds).toEqual(parts.map((_, i) => `p${i}`));
  });

  it("a record that fails validation is reported and kept for the next save; an unreadable part is reported and not claimed", () => {
    const ix = index();
    const good = disputeOn(ix, "Underlag", 2, "DECEASED");
    const xml = serializeParts(writer, [good])[0].replace(/\]\]\}<\/disputes>$/, '],["broken"]]}</disputes>');
    const loaded = loadDisputes(
      [
        { id: "a", xml },
        { id: "b", xml: "<disputes>{not json</disputes>" },
        { id: "c", xml: serializeParts({ id: "w-bo", name: "Bo" }, [good])[0].replace('"version":1', '"version":7') },
      ],
      "w-anna",
    );
    expect(loaded.merged).toEqual([good]);
    expect(loaded.ownUnreadable).toEqual([["broken"]]);
    expect(loaded.ownPartIds).toEqual(["a"]);
    expect(loaded.problems.map((p) => p.en)).toEqual([
      expect.stringMatching(/Dispute 2 from Anna could not be read .*kept unchanged/),
      expect.stringMatching(/not JSON.*left as it is/),
      expect.stringMatching(/version 7, this version reads 1/),
    ]);
    // Written back unchanged with the writer's next save.
    const again = parsePart(serializeParts(writer, loaded.own, loaded.ownUnreadable)[0]);
    expect(again.ok && again.part.unreadable).toEqual([["broken"]]);
  });

  it("reports a writer's missing part", () => {
    const ix = index();
    const parts = serializeParts(writer, [disputeOn(ix, "Underlag", 2, "DECEASED"), disputeOn(ix, "Underlag", 3, "DECEASED")], [], 200);
    expect(parts).toHaveLength(2);
    const loaded = loadDisputes([{ id: "a", xml: parts[0] }], "w-anna");
    expect(loaded.problems.map((p) => p.en)).toEqual([expect.stringMatching(/1 of 2 parts are missing/)]);
  });
});

describe("export for the region", () => {
  it("rows hold the stay id and identity number in full and the reason in words; withdrawn disputes are not sent", () => {
    const ix = index();
    const a = disputeOn(ix, "Underlag", 3, "NOT_RESIDENT", { comment: "bor i Laholm" });
    const b = ok(withdrawDispute(disputeOn(ix, "Underlag", 2, "DECEASED"), "Anna", "2023-04-04T08:00:00Z"));
    const list = disputeListRows([b, a], "sv");
    expect(list.rows).toHaveLength(1);
    const row = Object.fromEntries(list.header.map((h, i) => [h, list.rows[0][i]]));
    expect(row).toMatchObject({ Vårdtillfälle: "V-2", Personnummer: "19121212-1212", Skäl: "Ej folkbokförd i kommunen", Verkan: "Häver betalningsansvaret", Kommentar: "bor i Laholm", "Bestritt av": "Anna", Dagar: 4, Belopp: 10500 });
  });

  it("tab-separated text cannot start a formula, nor break a cell or row", () => {
    const ix = index();
    const d = disputeOn(ix, "Underlag", 2, "OTHER", { comment: '=HYPERLINK("http://x","y")\tand\nmore', by: "+46 Anna" });
    const tsv = disputeListTsv(disputeListRows([d], "en"));
    const lines = tsv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    const cells = lines[1].split("\t");
    expect(cells).toHaveLength(lines[0].split("\t").length);
    expect(cells).toContain(`'=HYPERLINK("http://x","y") and more`);
    expect(cells).toContain("'+46 Anna");
    expect(cells.every((c) => !/^[=+\-@]/.test(c) || /^-?\d/.test(c))).toBe(true);
    expect(safeText("-1+2")).toBe("'-1+2");
    expect(safeText("Halmstad")).toBe("Halmstad");
  });

  it("an exported list reads back to the same disputes; a bad row is reported with row, column and value", () => {
    const ix = index();
    const list = [disputeOn(ix, "Underlag", 2, "DECEASED", { comment: "=1+1" }), disputeOn(ix, "Underlag", 4, "DAYS_MISMATCH")];
    const rows = disputeListRows(list, "en");
    // As a sheet holds it: text cells written with their apostrophe guard.
    const grid = [rows.header, ...rows.rows.map((r) => r.map((v) => (typeof v === "string" ? safeText(v) : v)))];
    const back = readDisputeList(grid);
    expect(back.problems).toEqual([]);
    expect(mergeDisputes(back.disputes)).toEqual(mergeDisputes(list));
    const reasonCol = rows.header.indexOf("Reason code");
    grid[2][reasonCol] = "NONSENSE";
    const bad = readDisputeList(grid);
    expect(bad.disputes).toHaveLength(1);
    expect(bad.problems).toEqual([expect.objectContaining({ row: 3, column: String.fromCharCode(65 + reasonCol), value: "NONSENSE" })]);
  });
});

describe("disputes from findings", () => {
  it("one finding: the code is the reason, the row's key is kept", () => {
    const ix = index();
    const d = ok(disputeFinding(errorFinding("Underlag", 4, "NOT_RESIDENT"), ix, { by: "Anna", at: AT }));
    expect(d).toMatchObject({ key: "id:V-3", reason: "NOT_RESIDENT", row: 4 });
    expect(disputeFinding(errorFinding("Underlag", 99, "NOT_RESIDENT"), ix, { by: "Anna", at: AT }).ok).toBe(false);
  });

  it("in bulk: one per row, the voiding ground first, rows already disputed left out, and only with the count confirmed", () => {
    const ix = index();
    const findings = [
      errorFinding("Underlag", 2, "AMOUNT_MISMATCH"),
      errorFinding("Underlag", 2, "DECEASED"),
      errorFinding("Underlag", 3, "DAYS_MISMATCH"),
      { ...errorFinding("Underlag", 4, "LONG_STAY"), severity: "warning" as const },
    ];
    const existing: Dispute[] = [disputeOn(ix, "Underlag", 3, "OTHER")];
    const candidates = bulkCandidates(findings, { allErrors: true }, existing, ix);
    expect(candidates.map((f) => [f.row, f.code])).toEqual([[2, "DECEASED"]]);
    expect(disputeInBulk(findings, { allErrors: true }, existing, ix, { by: "Anna", at: AT }, 2)).toEqual({ ok: false, expected: 1 });
    const done = disputeInBulk(findings, { allErrors: true }, existing, ix, { by: "Anna", at: AT }, 1);
    expect(done.ok && done.disputes.map((d) => [d.row, d.reason])).toEqual([[2, "DECEASED"]]);
    const byCode = bulkCandidates(findings, { code: "LONG_STAY" }, [], ix);
    expect(byCode.map((f) => f.row)).toEqual([4]);
  });
});
