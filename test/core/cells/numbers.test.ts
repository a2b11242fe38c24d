import fc from "fast-check";
import { parseNumberCell } from "../../../src/core/cells/numbers";

const num = (v: Parameters<typeof parseNumberCell>[0]) => {
  const p = parseNumberCell(v);
  return p.kind === "ok" ? p.value : p.kind;
};

describe("parseNumberCell", () => {
  test("real numbers pass through", () => {
    expect(num(3)).toBe(3);
    expect(num(-2.5)).toBe(-2.5);
    expect(num(0)).toBe(0);
  });

  test.each([
    ["1 234,50", 1234.5],
    ["1\u00a0234,50", 1234.5],
    ["1\u202f234,50", 1234.5],
    ["1234.5", 1234.5],
    ["1,234.50", 1234.5],
    ["1.234,50", 1234.5],
    ["1.234.567", 1234567],
    ["12 600 kr", 12600],
    ["12 600 SEK", 12600],
    ["12 600:-", 12600],
    ["-3", -3],
    ["\u22123", -3],
    ["+4", 4],
    ["(500)", -500],
    ["3,0", 3],
    ["3,5 dagar", 3.5],
    [" 7 ", 7],
  ])("%s → %d", (text, expected) => {
    expect(num(text)).toBe(expected);
  });

  test.each([["abc"], ["1,2,3,4x"], ["12-3"], ["kr"], ["1 2 3,4,5"], ["(-5)"], ["#N/A"], ["#DIV/0!"]])(
    "%s is invalid",
    (text) => {
      expect(num(text)).toBe("invalid");
    },
  );

  test("booleans, NaN and infinities are invalid; blanks are empty", () => {
    expect(num(true)).toBe("invalid");
    expect(num(false)).toBe("invalid");
    expect(num(NaN)).toBe("invalid");
    expect(num(Infinity)).toBe("invalid");
    expect(num(-Infinity)).toBe("invalid");
    expect(num("")).toBe("empty");
    expect(num("  ")).toBe("empty");
    expect(num(null)).toBe("empty");
    expect(num(undefined)).toBe("empty");
  });

  test("an Excel error says so", () => {
    const p = parseNumberCell("#N/A");
    expect(p.kind === "invalid" && p.reason.en).toMatch(/Excel error value #N\/A/);
  });

  test("never throws; ok values are finite", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constantFrom(null, undefined)), (v) => {
        const p = parseNumberCell(v);
        if (p.kind === "ok") expect(Number.isFinite(p.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test("Swedish formatting of an integer reads back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        // thousands separated by no-break spaces, e.g. 1 234 567
        const text = n.toLocaleString("en-US").replace(/,/g, "\u00a0");
        expect(num(text)).toBe(n);
      }),
    );
  });
});
