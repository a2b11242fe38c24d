/** Absurd values are findings, not arithmetic; long values are shortened in messages. */
import { getPreset } from "../../../src/core/agreements/presets";
import type { AgreementProfile } from "../../../src/core/agreements/profileSchema";
import type { CellValue } from "../../../src/core/cells/cellValue";
import { epochDay } from "../../../src/core/cells/localDate";
import { cappedList, shortText } from "../../../src/core/checks/messages";
import { reviewWorkbook } from "../../../src/core/review/reviewWorkbook";

const law = getPreset("lag-2017-612") as AgreementProfile;
const oct = (d: number) => 45199 + d; // 2023-10-01 is 45200
const HEADER = ["Personnummer", "Utskrivningsklar datum", "Utskrivningsdatum", "Kommun", "Folkbokföringskommun", "Vårdform", "Debiterade dagar", "Belopp"];
const review = (rows: CellValue[][]) =>
  reviewWorkbook({ sheets: [{ name: "Okt", values: [HEADER, ...rows] }], dateSystem: "1900" }, { profile: law, referenceDay: epochDay(2023, 11, 15) });
const everyText = (r: ReturnType<typeof review>) => JSON.stringify({ findings: r.findings, totals: r.figures.totals, groups: r.figures.groups });

describe("absurd values", () => {
  // Ready 10-02, discharged 10-12: 10 days, 7 billed × 10 500 = 73 500 kr.
  const clean: CellValue[] = ["19400101-1231", oct(2), oct(12), "Halmstad", "Halmstad", "Somatik", 7, 73500];

  it("an amount of 1e308 is an INVALID_VALUE whose value is ignored, not 'Infinity kr'", () => {
    for (const huge of [1e308, 1e11, -1e11, "100 000 000 000 kr"]) {
      const r = review([clean, ["19400102-1230", oct(2), oct(12), "Halmstad", "Halmstad", "Somatik", 7, huge]]);
      const [f] = r.findings.filter((x) => x.code === "INVALID_VALUE");
      expect(f).toMatchObject({ row: 3, fields: ["amount"], severity: "warning" });
      expect(f.message.en).toMatch(/the value "[^"]+" is implausibly large: over 10,000,000,000; the value is ignored: it is not in the invoiced sums and is not checked\.$/);
      expect(f.message.sv).toMatch(/orimligt stort: mer än 10 000 000 000; värdet bortses från/);
      // The row is counted (2 stays, 14 liable days, 2 × 73 500 = 147 000 kr); only its amount is ignored:
      // invoiced is row 2's 73 500 kr.
      expect(r.figures.totals).toMatchObject({ stays: 2, liableDays: 14, amount: 147000, invoicedAmount: 73500, difference: -73500 });
      expect(r.findings.filter((x) => x.code === "AMOUNT_MISMATCH")).toEqual([]);
      expect(everyText(r)).not.toMatch(/Infinity/);
    }
  });

  it("a stated number of days beyond a century is ignored the same way", () => {
    const r = review([["19400102-1230", oct(2), oct(12), "Halmstad", "Halmstad", "Somatik", 1e9, 73500]]);
    const [f] = r.findings.filter((x) => x.code === "INVALID_VALUE");
    expect(f).toMatchObject({ fields: ["billedDays"] });
    expect(f.message.en).toMatch(/implausibly large: over 36,525/);
    expect(r.figures.groups[0].invoicedBilledDays).toBeNull();
  });
});

describe("long values in messages", () => {
  it("show the value's start and its length, not the whole value", () => {
    const garbage = "x".repeat(5000);
    const town = "Kungsbacka" + "a".repeat(9990);
    const r = review([["19400102-1230", garbage, oct(12), "Halmstad", town, "Somatik", 7, 73500]]);
    const invalid = r.findings.find((f) => f.code === "INVALID_VALUE")!;
    expect(invalid.message.en).toContain(`"${"x".repeat(59)}… (5,000 characters)"`);
    expect(invalid.message.sv).toContain(`"${"x".repeat(59)}… (5 000 tecken)"`);
    const resident = r.findings.find((f) => f.code === "NOT_RESIDENT")!;
    expect(resident.message.en).toContain("… (10,000 characters)");
    for (const f of r.findings) expect(f.message.en.length + f.message.sv.length).toBeLessThan(800);
  });

  it("never split a character, and leave short texts whole", () => {
    expect(shortText("Halmstad")).toEqual({ sv: "Halmstad", en: "Halmstad" });
    const emoji = "a".repeat(58) + "😀" + "b".repeat(10); // the emoji's halves at 58 and 59
    expect(shortText(emoji).en.startsWith("a".repeat(58) + "…")).toBe(true);
  });

  it("cap a list at ten and say how many more", () => {
    const items = Array.from({ length: 25 }, (_, i) => `K${i + 1}`);
    expect(cappedList(items).en).toBe("K1, K2, K3, K4, K5, K6, K7, K8, K9, K10, +15 more");
    expect(cappedList(items).sv).toBe("K1, K2, K3, K4, K5, K6, K7, K8, K9, K10, +15 till");
    expect(cappedList(items.slice(0, 10)).en).toBe(items.slice(0, 10).join(", "));
  });
});
