import { parseArgs, USAGE } from "../../src/cli/args";
import { REPORT_IDS } from "../../src/core/reports";

describe("--report", () => {
  const ok = (argv: string[]) => {
    const r = parseArgs(argv);
    if (r.kind !== "ok") throw new Error(JSON.stringify(r));
    return r.args;
  };

  it("takes report ids, repeatable, each once; all takes every report; none by default", () => {
    expect(ok([]).reports).toEqual([]);
    expect(ok(["--report", "costPerMonth", "--report=delayedStays", "--report", "costPerMonth"]).reports).toEqual(["costPerMonth", "delayedStays"]);
    expect(ok(["--report", "all"]).reports).toEqual([...REPORT_IDS]);
  });

  it("refuses an unknown report, naming the choices, and one without a value", () => {
    const r = parseArgs(["--report", "kostnad"]);
    expect(r).toEqual({ kind: "usage", message: `--report must be all or one of ${REPORT_IDS.join(", ")}, not "kostnad"` });
    expect(parseArgs(["--report"]).kind).toBe("usage");
  });

  it("is documented in --help with every id", () => {
    expect(USAGE).toContain("--report ID|all");
    for (const id of REPORT_IDS) expect(USAGE).toContain(id);
  });
});
