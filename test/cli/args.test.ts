import { DEFAULT_AGREEMENT, DEFAULT_LIMIT, DEFAULT_SAMPLE, parseArgs, parseIsoDay, parsePeriod, stockholmDay, USAGE } from "../../src/cli/args";
import { epochDay } from "../../src/core/cells/localDate";

function ok(argv: string[]) {
  const r = parseArgs(argv);
  if (r.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.args;
}

describe("parseArgs", () => {
  it("reads --care-type SHEET=TYPE, repeatable, in English or Swedish, the last = splitting", () => {
    const a = ok(["--care-type", "Psyk okt=psychiatric", "--care-type=A=B=somatik", "--care-type", "C=Psykiatri"]);
    expect(a.careTypes).toEqual({ "Psyk okt": "psychiatric", "A=B": "somatic", C: "psychiatric" });
    expect(ok([]).careTypes).toEqual({});
    for (const bad of ["psychiatric", "=psychiatric", "A=dental", "A="]) expect(parseArgs(["--care-type", bad]).kind).toBe("usage");
  });

  it("documents --care-type in --help", async () => {
    const { USAGE } = await import("../../src/cli/args");
    expect(USAGE).toMatch(/--care-type SHEET=psychiatric\|somatic/);
  });

  it("defaults to the bundled sample and the statutory agreement", () => {
    const a = ok([]);
    expect(a.file).toBe(DEFAULT_SAMPLE);
    expect(a.usingSample).toBe(true);
    expect(a.agreement).toBe(DEFAULT_AGREEMENT);
    expect(DEFAULT_AGREEMENT).toBe("lag-2017-612");
    expect(a).toMatchObject({ json: false, reveal: false, lang: "sv", out: null, period: null, today: null, benchmark: null, limit: DEFAULT_LIMIT, sheets: [] });
  });

  it("reads every option, in both --name value and --name=value forms", () => {
    const a = ok([
      "in.xlsx", "--agreement", "halland-2022", "--sheet", "A", "--sheet=B", "--json", "--out", "out.xlsx",
      "--period=2023-10", "--benchmark", "2,5", "--lang", "en", "--reveal", "--today", "2023-11-15", "--limit", "0", "--open-stays",
    ]);
    expect(a.file).toBe("in.xlsx");
    expect(a.usingSample).toBe(false);
    expect(a.agreement).toBe("halland-2022");
    expect(a.sheets).toEqual(["A", "B"]);
    expect(a.json).toBe(true);
    expect(a.out).toBe("out.xlsx");
    expect(a.period).toEqual({ fromDay: epochDay(2023, 10, 1), toDay: epochDay(2023, 10, 31), label: "2023-10" });
    expect(a.benchmark).toBe(2.5);
    expect(a.lang).toBe("en");
    expect(a.reveal).toBe(true);
    expect(a.today).toBe(epochDay(2023, 11, 15));
    expect(a.limit).toBe(0);
    expect(a.countOpenStays).toBe(true);
  });

  it("takes several files and folders in the order given, the first as the single file; --progress", () => {
    const a = ok(["sep.xlsx", "--json", "okt.xlsx", "underlag/", "--progress"]);
    expect(a.inputs).toEqual(["sep.xlsx", "okt.xlsx", "underlag/"]);
    expect(a.file).toBe("sep.xlsx");
    expect(a.usingSample).toBe(false);
    expect(a.progress).toBe(true);
    expect(ok([]).inputs).toEqual([]);
    expect(ok([]).progress).toBe(false);
    expect(USAGE).toMatch(/FILE\.xlsx FILE\.xlsx\.\.\. \| DIR/);
    expect(USAGE).toMatch(/4 partial/);
  });

  it.each([
    [["--period", "2023-13"], /--period/],
    [["--period", "oktober"], /--period/],
    [["--today", "2023-02-30"], /--today/],
    [["--lang", "de"], /--lang/],
    [["--benchmark", "x"], /--benchmark/],
    [["--benchmark", "-1"], /--benchmark/],
    [["--limit", "1.5"], /--limit/],
    [["--frobnicate"], /unknown option/],
    [["--agreement"], /needs a value/],
    [["in.xlsx", "--out", ""], /--out needs a file name/],
    [["in.xlsx", "--out="], /--out needs a file name/],
    [["in.xlsx", "--out", "  "], /--out needs a file name/],
    [["in.xlsx", "--out"], /--out needs a value/],
    [["in.xlsx", "--out", "--json"], /--out needs a file name \(a folder when several files are reviewed\), not the option --json/],
  ])("rejects %j as a usage error", (argv, pattern) => {
    const r = parseArgs(argv);
    expect(r.kind).toBe("usage");
    if (r.kind === "usage") expect(r.message).toMatch(pattern);
  });

  it("--force lets --out replace a file; off by default; --help says so", () => {
    expect(ok(["in.xlsx", "--out", "o.xlsx"]).force).toBe(false);
    expect(ok(["in.xlsx", "--out", "o.xlsx", "--force"])).toMatchObject({ out: "o.xlsx", force: true });
    expect(ok(["in.xlsx", "--out=-odd.xlsx"]).out).toBe("-odd.xlsx");
    expect(USAGE).toMatch(/--force\s+let --out replace an existing file/);
    expect(USAGE).toMatch(/never written/);
    expect(USAGE).toMatch(/3 the marked copy could not be written/);
  });

  it("answers --help", () => {
    expect(parseArgs(["x.xlsx", "--help"]).kind).toBe("help");
  });
});

describe("dates", () => {
  it("periods span the whole month, December into the next year", () => {
    // 2024 is a leap year: February has 29 days.
    expect(parsePeriod("2024-02")).toEqual({ fromDay: epochDay(2024, 2, 1), toDay: epochDay(2024, 2, 29), label: "2024-02" });
    expect(parsePeriod("2023-12")!.toDay).toBe(epochDay(2023, 12, 31));
  });
  it("ISO days", () => {
    // 2023-10-05: 19635 days after 1970-01-01 (= Excel serial 45204 − 25569).
    expect(parseIsoDay("2023-10-05")).toBe(19635);
    expect(parseIsoDay("2023-10-5")).toBeNull();
  });
  it("today is the Stockholm date, not the UTC date", () => {
    // 2023-10-31 23:30 UTC is already 2023-11-01 00:30 in Stockholm (CET, UTC+1).
    expect(stockholmDay(new Date(Date.UTC(2023, 9, 31, 23, 30)))).toBe(epochDay(2023, 11, 1));
    // 2023-07-01 21:59 UTC is 23:59 in Stockholm (CEST, UTC+2): still July 1.
    expect(stockholmDay(new Date(Date.UTC(2023, 6, 1, 21, 59)))).toBe(epochDay(2023, 7, 1));
  });
});
