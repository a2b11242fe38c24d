/**
 * --out from the command's side, in process: a refused target stops before the review; a copy
 * that fails after it still prints the review, and the exit code says the copy failed.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileSystemError } from "../../src/adapters/xlsx/fsErrors";

const failWith: { error: unknown } = { error: null };
jest.mock("../../src/adapters/xlsx/writeMarkedCopy", () => {
  const actual = jest.requireActual("../../src/adapters/xlsx/writeMarkedCopy");
  return {
    ...actual,
    writeMarkedCopy: (...args: unknown[]) => (failWith.error ? Promise.reject(failWith.error) : actual.writeMarkedCopy(...args)),
  };
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main, EXIT_COPY_FAILED, EXIT_OK } = require("../../src/cli/review") as typeof import("../../src/cli/review");

const SAMPLE = path.resolve(__dirname, "..", "..", "samples/fakturaunderlag-exempel.xlsx");
jest.setTimeout(60_000);

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((c) => ((stdout += String(c)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((c) => ((stderr += String(c)), true));
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => {
  failWith.error = null;
});

describe("review --out", () => {
  it("an existing file without --force: refused before the review, one line in the user's language, exit 3", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cli-out-"));
    const out = path.join(dir, "granskad.xlsx");
    writeFileSync(out, "keep me");
    const r = await run([SAMPLE, "--today", "2023-11-15", "--out", out, "--lang", "en"]);
    expect(r.code).toBe(EXIT_COPY_FAILED);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`review: ${out} already exists; choose another file name or add --force to replace it\n`);
    const sv = await run([SAMPLE, "--today", "2023-11-15", "--out", out]);
    expect(sv.stderr).toMatch(/^review: .* finns redan; välj ett annat filnamn eller lägg till --force för att ersätta den\n$/);
  });

  it("with --force the file is replaced and the JSON names the copy", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cli-out-"));
    const out = path.join(dir, "granskad.xlsx");
    writeFileSync(out, "old");
    const r = await run([SAMPLE, "--today", "2023-11-15", "--out", out, "--force", "--json"]);
    expect(r.code).toBe(EXIT_OK);
    expect(JSON.parse(r.stdout).markedCopy).toBe(out);
    expect(readdirSync(dir)).toEqual(["granskad.xlsx"]);
  });

  it("a copy that fails after the review (disk full): the review is printed, then one line, exit 3", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cli-out-"));
    const out = path.join(dir, "granskad.xlsx");
    failWith.error = fileSystemError(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }), out, "write");
    const json = await run([SAMPLE, "--today", "2023-11-15", "--out", out, "--json", "--lang", "en"]);
    expect(json.code).toBe(EXIT_COPY_FAILED);
    const report = JSON.parse(json.stdout);
    expect(report.findings.length).toBeGreaterThan(10);
    expect(report.markedCopy).toBeNull();
    expect(json.stderr.trim().split("\n")).toEqual([`review: The disk is full: ${out} could not be written; free some space or choose another place`]);

    const text = await run([SAMPLE, "--today", "2023-11-15", "--out", out]);
    expect(text.code).toBe(EXIT_COPY_FAILED);
    expect(text.stdout).toMatch(/Halmstad/);
    expect(text.stdout).not.toMatch(/Markerad kopia skriven/);
    expect(text.stderr).toMatch(/^review: Disken är full: /);

    // Also when the review prints a comparison of agreements instead of its summary.
    const compared = await run([SAMPLE, "--today", "2023-11-15", "--out", out, "--compare", "halland-2022"]);
    expect(compared.code).toBe(EXIT_COPY_FAILED);
    expect(compared.stdout).toMatch(/halland-2022/);
  });

  it("the input itself, a missing folder, a path under a file: refused before the review, exit 3", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cli-out-"));
    for (const [out, pattern] of [
      [SAMPLE, /originalet/],
      [path.join(dir, "nope", "x.xlsx"), /^review: Mappen finns inte: /],
      [path.join(SAMPLE, "x.xlsx"), /en del av sökvägen är en fil/],
    ] as const) {
      const r = await run([SAMPLE, "--out", out, "--force"]);
      expect({ out, code: r.code, stdout: r.stdout }).toEqual({ out, code: EXIT_COPY_FAILED, stdout: "" });
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("an input the file system cannot give (a file in the middle of its path): one line in the user's language, exit 1", async () => {
    const r = await run([path.join(SAMPLE, "x.xlsx"), "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`review: ${path.join(SAMPLE, "x.xlsx")}: part of the path is a file, not a folder\n`);
    const sv = await run([path.join(SAMPLE, "x.xlsx")]);
    expect(sv.stderr).toMatch(/^review: .*: en del av sökvägen är en fil, inte en mapp\n$/);
  });

  it("a path that holds an identity number is masked in the copy's error line unless --reveal", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cli-out-"));
    const out = path.join(dir, "19471205-9005", "x.xlsx");
    const masked = await run([SAMPLE, "--out", out]);
    expect(masked.code).toBe(EXIT_COPY_FAILED);
    expect(masked.stderr).toMatch(/Mappen finns inte: .*19471205-\*{4}/);
    expect(masked.stderr).not.toContain("19471205-9005");
    expect((await run([SAMPLE, "--out", out, "--reveal"])).stderr).toContain("19471205-9005");
  });
});
