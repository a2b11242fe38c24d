import { parseArgs, USAGE } from "../../src/cli/args";
import { parseRange } from "../../src/cli/scenarioArgs";

function ok(argv: string[]) {
  const r = parseArgs(argv);
  if (r.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.args;
}

describe("scenario options", () => {
  it("default to none", () => {
    expect(ok([])).toMatchObject({ profileFile: null, compare: [], sensitivity: null });
  });

  it("--compare takes values up to the next option or .xlsx file, comma lists and repeats", () => {
    const a = ok(["--compare", "halland-2022", "my.json", "in.xlsx", "--json"]);
    expect(a.compare).toEqual(["halland-2022", "my.json"]);
    expect(a.file).toBe("in.xlsx");
    expect(a.json).toBe(true);
    expect(ok(["--compare=halland-2022,vgr-2020", "--compare", "x.json"]).compare).toEqual(["halland-2022", "vgr-2020", "x.json"]);
    // Defaults are not shared between parses.
    expect(ok([]).compare).toEqual([]);
  });

  it("--profile and --sensitivity in both forms; decimal comma accepted", () => {
    expect(ok(["--profile", "p.json"]).profileFile).toBe("p.json");
    expect(ok(["--profile=p.json", "in.xlsx"])).toMatchObject({ profileFile: "p.json", file: "in.xlsx" });
    expect(ok(["--sensitivity", "2:3,5:0,1"]).sensitivity).toEqual({ from: 2, to: 3.5, step: 0.1 });
    expect(ok(["--sensitivity=0:10:1"]).sensitivity).toEqual({ from: 0, to: 10, step: 1 });
  });

  it.each([
    [["--compare"], "--compare needs at least one"],
    [["--compare", "--json"], "--compare needs at least one"],
    [["--profile"], "--profile needs a value"],
    [["--sensitivity"], "--sensitivity needs a value"],
    [["--sensitivity", "2:3"], "--sensitivity must be FROM:TO:STEP"],
    [["--sensitivity", "3:2:0.1"], "--sensitivity must be FROM:TO:STEP"],
    [["--sensitivity", "2:3:0"], "--sensitivity must be FROM:TO:STEP"],
    [["--sensitivity", "a:b:c"], "--sensitivity must be FROM:TO:STEP"],
  ])("%j is a usage error", (argv, message) => {
    const r = parseArgs(argv);
    expect(r.kind).toBe("usage");
    expect(r.kind === "usage" && r.message).toContain(message);
  });

  it("parseRange rejects a negative start", () => {
    expect(parseRange("-1:2:1")).toBeNull();
  });

  it("--help explains them", () => {
    for (const o of ["--profile FILE.json", "--compare ID|FILE ...", "--sensitivity FROM:TO:STEP"]) expect(USAGE).toContain(o);
  });
});
