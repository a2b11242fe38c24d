import { toJsonReport } from "../../src/cli/formatJson";
import { formatAgreement, formatNumber, formatSummary, table } from "../../src/cli/formatSummary";
import { getPreset } from "../../src/core/agreements/presets";
import { maskIdsInText, privacyFilter } from "../../src/cli/privacy";
import { finding, resultFixture } from "./resultFixture";

const findings = [
  finding({ code: "INVALID_PERSON_ID", severity: "error", row: 5, value: "19471206-9007",
    message: { sv: "Personnumret 19471206-9007 har fel kontrollsiffra", en: "The id 19471206-9007 fails its check digit" } }),
  finding({ code: "DUPLICATE_STAY", severity: "error", row: 7, columns: ["A", "B"], relatedRows: [5] }),
  finding({ code: "LONG_STAY", severity: "warning", row: 6 }),
];

const ctx = { file: "x.xlsx", lang: "en" as const, privacy: privacyFilter(false), today: "2023-11-15", period: "2023-10", benchmarkOverride: null, markedCopy: null };

describe("toJsonReport", () => {
  const json = toJsonReport(resultFixture(findings), ctx);

  it("has the required keys and group/finding shapes", () => {
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["agreement", "sheets", "groups", "findings", "assumptions", "checksNotRun"]));
    expect(json.agreement.id).toBe("lag-2017-612");
    expect(json.sheets[0]).toMatchObject({ name: "Fakturaunderlag", headerRow: 4, rows: 3 });
    expect(json.sheets[0].mapping[0]).toEqual({ field: "personId", column: "A", header: "Personnummer", confidence: 1, how: "exact" });
    // difference = invoiced 31 500 − computed 21 000 = 10 500
    expect(json.groups[0]).toMatchObject({ municipality: "Halmstad", careType: "somatic", period: "2023-10", stays: 3, days: 7, average: 2.33, benchmark: null, liableDays: 2, amount: 21000, invoicedAmount: 31500, difference: 10500 });
    expect(json.findings[1]).toEqual({ sheet: "Fakturaunderlag", row: 7, code: "DUPLICATE_STAY", severity: "error", column: "A", columns: ["A", "B"], message: "Message DUPLICATE_STAY", relatedRows: [5] });
    expect(json.checksNotRun).toEqual([{ code: "DECEASED", missingFields: ["deathDate"] }]);
  });

  it("masks identity numbers in messages and values unless revealed", () => {
    expect(json.findings[0].message).toBe("The id 19471206-**** fails its check digit");
    expect(json.findings[0].value).toBe("19471206-****");
    expect(JSON.stringify(json)).not.toContain("9007");
    const revealed = toJsonReport(resultFixture(findings), { ...ctx, privacy: privacyFilter(true) });
    expect(revealed.findings[0].value).toBe("19471206-9007");
  });
});

describe("formatSummary", () => {
  const base = { file: "x.xlsx", usingSample: false, lang: "sv" as const, privacy: privacyFilter(false), revealed: false, today: "2023-11-15", limit: 2, markedCopy: null };
  const text = formatSummary(resultFixture(findings), base);

  it("shows agreement, source, assumptions, mapping, skipped rows and checks not run", () => {
    expect(text).toContain("Lag (2017:612)");
    expect(text).toContain("Källa: Lag (2017:612) om samverkan");
    expect(text).toContain("ANTAGET: något");
    expect(text).toContain("rubrikrad 4, 3 datarader");
    expect(text).toContain("A=Personnummer, D=Utskrivningsklar datum (partial)");
    expect(text).toContain('okända kolumner: H "Övrigt"');
    expect(text).toContain("8 (summarad)");
    expect(text).toMatch(/DECEASED \(Patienten avled under vårdtillfället\): Dödsdatum/);
  });

  it("has a figures row with the difference and lists only the first N findings, masked", () => {
    const row = text.split("\n").find((l) => l.trimStart().startsWith("Halmstad"))!;
    // average 2,33, liable 2,00, amount 21 000, invoiced 31 500, difference 10 500
    expect(row).toMatch(/Halmstad\s+somatik\s+2023-10\s+3\s+7\s+2,33\s+–\s+2,00\s+21 000\s+31 500\s+10 500/);
    expect(text).toContain("Första 2 av 3");
    expect(text).toContain("19471206-****");
    expect(text).not.toContain("9007");
    expect(text).not.toContain("Meddelande LONG_STAY"); // third finding is beyond --limit 2
    expect(text).toMatch(/INVALID_PERSON_ID\s+1/);
    // Named by the catalog's title, as in the pane.
    expect(text).toMatch(/INVALID_PERSON_ID\s+1\s+Personnumret är ogiltigt/);
  });

  it("speaks English with --lang en", () => {
    const en = formatSummary(resultFixture(findings), { ...base, lang: "en", limit: 0 });
    expect(en).toContain("Agreement: Act 2017:612");
    expect(en).toContain("Message LONG_STAY");
    expect(en).toMatch(/Halmstad\s+somatic\s+2023-10\s+3\s+7\s+2\.33/);
  });
});

describe("formatAgreement", () => {
  it("describes each care rule in the summary's language", () => {
    const sv = formatAgreement(getPreset("stockholm-2020")!, "sv").join("\n");
    expect(sv).toContain("riktmärke okänt");
    expect(sv).toContain("period månad, kalenderdagar, räknat från meddelandetid, brytpunkt kl. 12:00");
    const en = formatAgreement(getPreset("vgr-2020")!, "en").join("\n");
    expect(en).toContain("benchmark 3.0, above the benchmark, paid: (average − benchmark) × stays, 0-day stays included, stays over 7 days billed individually (0 grace days), period month, calendar days");
    expect(formatAgreement(getPreset("lag-2017-612")!, "en").join("\n")).toContain("per stay, 3 grace days, period month, calendar days");
  });
});

describe("helpers", () => {
  it("formats numbers per language", () => {
    expect(formatNumber(1234567.891, 2, "sv")).toBe("1 234 567,89");
    expect(formatNumber(1234567.891, 2, "en")).toBe("1,234,567.89");
    expect(formatNumber(-10500, 0, "sv")).toBe("-10 500");
    expect(formatNumber(null, 0, "sv")).toBe("–");
  });
  it("aligns table columns", () => {
    expect(table(["a", "n"], [["xx", "1"], ["y", "100"]], 1)).toEqual(["a     n", "--  ---", "xx    1", "y   100"]);
  });
  it("masks ids of every shape in text", () => {
    expect(maskIdsInText("a 19800101-1234, b 800101+1234, c 198001011234; 2023-10-05 stays")).toBe(
      "a 19800101-****, b 800101+****, c 19800101****; 2023-10-05 stays",
    );
  });
});

describe("formatSummary: rows left out of the figures", () => {
  it("says how many rows the figures leave out and what they invoice", () => {
    const result = resultFixture([]);
    result.figures.totals = { ...result.figures.totals, invoicedAmount: 252000, difference: 231000, leftOut: { rows: 2, invoicedDays: 20, invoicedBilledDays: 14, invoicedAmount: 147000 } };
    const ctx = { file: "x.xlsx", usingSample: false, privacy: privacyFilter(false), revealed: false, today: "2023-11-15", limit: 25, markedCopy: null };
    expect(formatSummary(result, { ...ctx, lang: "sv" })).toContain("Utanför beräkningen: 2 rader med fakturerade uppgifter, fakturerat 147 000 kr (ingår i Fakturerat och Differens)");
    expect(formatSummary(result, { ...ctx, lang: "en" })).toContain("Left out of the figures: 2 rows stating invoiced figures, invoiced 147,000 SEK");
    expect(formatSummary(resultFixture([]), { ...ctx, lang: "en" })).not.toContain("Left out of the figures");
  });
});

describe("formatSummary: many unknown columns", () => {
  it("lists the first ten and says how many more", () => {
    const result = resultFixture([]);
    result.sheets[0].unmappedHeaders = Array.from({ length: 25 }, (_, i) => ({ column: 10 + i, letter: `X${i}`, header: `Kol ${i}` }));
    const ctx = { file: "x.xlsx", usingSample: false, privacy: privacyFilter(false), revealed: false, today: "2023-11-15", limit: 25, markedCopy: null };
    const line = formatSummary(result, { ...ctx, lang: "sv" }).split("\n").find((l) => l.includes("okända kolumner"))!;
    expect(line).toBe('    okända kolumner: X0 "Kol 0", X1 "Kol 1", X2 "Kol 2", X3 "Kol 3", X4 "Kol 4", X5 "Kol 5", X6 "Kol 6", X7 "Kol 7", X8 "Kol 8", X9 "Kol 9", +15 till');
    expect(formatSummary(result, { ...ctx, lang: "en" })).toContain('X9 "Kol 9", +15 more');
  });
});
