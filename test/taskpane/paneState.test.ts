import { PRESETS, getPreset } from "../../src/core/agreements/presets";
import { parseAgreementProfile } from "../../src/core/agreements/profileSchema";
import { messagePieces } from "../../src/taskpane/findings/findingText";
import { freshness } from "../../src/taskpane/hooks/freshness";
import { applyChoice, benchmarkCareTypes, splitBenchmark } from "../../src/taskpane/hooks/useAgreement";
import { rowsWithFindings } from "../../src/taskpane/paneModel";
import { formatFor } from "../../src/taskpane/shared/format";

const halland = getPreset("halland-2022")!;
/** An agreement whose psychiatric care is billed per stay and somatic care on the average. */
const mixed = parseAgreementProfile({ ...halland, id: "mixed", psychiatric: { ...getPreset("lag-2017-612")!.psychiatric } });
if (!mixed.ok) throw new Error(mixed.problems.join("; "));
const split = mixed.profile;
const empty = { somatic: "", psychiatric: "" };

describe("applyChoice: the profile the core gets, and a key that follows every input", () => {
  it("keeps the preset when nothing is typed, and copies it with the typed benchmark", () => {
    const plain = applyChoice(halland, empty, "");
    expect(plain.profile).toBe(halland);
    expect(plain.benchmarks).toEqual({});
    expect(plain.period).toBeNull();
    const typed = applyChoice(halland, { somatic: "3,5", psychiatric: "3,5" }, "");
    expect(typed.profile!.somatic.benchmark).toBe(3.5);
    expect(typed.profile!.psychiatric.benchmark).toBe(3.5);
    expect(typed.key).not.toBe(plain.key);
    // The preset itself is untouched.
    expect(halland.somatic.benchmark).toBe(2.3);
  });

  it("gives no profile while a benchmark is not a number", () => {
    const bad = applyChoice(halland, { somatic: "tre", psychiatric: "tre" }, "");
    expect(bad.profile).toBeUndefined();
    expect(bad.key).not.toBe(applyChoice(halland, empty, "").key);
  });

  it("a period is part of the choice; an incomplete month is none", () => {
    expect(applyChoice(halland, empty, "2023-10").period).toBe("2023-10");
    expect(applyChoice(halland, empty, "2023-1").period).toBeNull();
    expect(applyChoice(halland, empty, "2023-10").key).not.toBe(applyChoice(halland, empty, "2023-11").key);
  });

  it("one benchmark per care type where the rules differ", () => {
    expect(splitBenchmark(halland)).toBe(false);
    expect(splitBenchmark(split)).toBe(true);
    expect(benchmarkCareTypes(split)).toEqual(["somatic"]);
    const typed = applyChoice(split, { somatic: "1", psychiatric: "9" }, "");
    // Psychiatric care is billed per stay here: a benchmark typed for it is not an override.
    expect(typed.benchmarks).toEqual({ somatic: 1 });
    expect(typed.profile!.somatic.benchmark).toBe(1);
    expect(typed.profile!.psychiatric.benchmark).toBe(split.psychiatric.benchmark);
    // Two average rules that differ get one benchmark each.
    const both = parseAgreementProfile({ ...halland, id: "both", psychiatric: { ...halland.psychiatric, benchmark: 4 } });
    if (!both.ok) throw new Error("invalid");
    expect(splitBenchmark(both.profile)).toBe(true);
    const each = applyChoice(both.profile, { somatic: "2", psychiatric: "5" }, "");
    expect([each.profile!.somatic.benchmark, each.profile!.psychiatric.benchmark]).toEqual([2, 5]);
  });

  it("a preset that bills per stay takes no benchmark", () => {
    const law = PRESETS.find((p) => p.id === "lag-2017-612")!;
    expect(benchmarkCareTypes(law)).toEqual([]);
    expect(applyChoice(law, { somatic: "2", psychiatric: "2" }, "").benchmarks).toEqual({});
  });
});

describe("freshness: what is shown belongs to the choices shown", () => {
  const a = applyChoice(halland, empty, "");
  const b = applyChoice(halland, { somatic: "3", psychiatric: "3" }, "");
  const bad = applyChoice(halland, { somatic: "x", psychiatric: "x" }, "");
  it("current when made for the current choice, updating when not, invalid when the input is wrong", () => {
    expect(freshness(a, a, 1, 1)).toBe("current");
    expect(freshness(a, b, 1, 1)).toBe("updating");
    expect(freshness(a, bad, 1, 1)).toBe("invalid");
  });
  it("a changed mapping outranks everything: only a new read helps", () => {
    expect(freshness(a, a, 1, 2)).toBe("mapping");
    expect(freshness(a, b, 1, 2)).toBe("mapping");
  });
});

describe("messagePieces: related rows in a message become links", () => {
  it("links the row the message names and adds the ones it does not", () => {
    expect(messagePieces("Samma patient finns redan på rad 47.", [47])).toEqual({
      pieces: [{ text: "Samma patient finns redan på " }, { text: "rad 47", row: 47 }, { text: "." }],
      extra: [],
    });
    expect(messagePieces("Overlaps row 12 and row 13", [13, 99])).toEqual({
      pieces: [{ text: "Overlaps row 12 and " }, { text: "row 13", row: 13 }],
      extra: [99],
    });
    expect(messagePieces("Inget att länka", undefined)).toEqual({ pieces: [{ text: "Inget att länka" }], extra: [] });
  });
});

describe("the pane's number formats", () => {
  const sv = formatFor("sv");
  it("kronor with unbreakable thousands, signed differences, the profile's decimals", () => {
    expect(sv.kr(2583000)).toBe("2\u00a0583\u00a0000\u00a0kr");
    expect(sv.signed(10500)).toBe("+10\u00a0500");
    expect(sv.signed(-10500)).toMatch(/^[−-]10\u00a0500$/);
    expect(sv.signed(0)).toBe("0");
    expect(sv.fixed(3.5, 2)).toBe("3,50");
    expect(sv.money(null)).toBe("–");
    expect(formatFor("en").kr(1234.5)).toBe("1,234.5\u00a0SEK");
  });
  it("counts the rows marking colours: one per sheet row with a finding", () => {
    expect(rowsWithFindings([{ sheet: "A", row: 2 }, { sheet: "A", row: 2 }, { sheet: "B", row: 2 }, { sheet: "A", row: null }])).toBe(2);
  });
});
