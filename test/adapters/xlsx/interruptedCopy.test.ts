/** Ctrl-C while the copy is written leaves no temporary file behind (it holds identity numbers). */
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..", "..");
jest.setTimeout(60_000);

it.each(["SIGINT", "SIGTERM"] as const)("%s during the write removes the temporary file", async (signal) => {
  const dir = mkdtempSync(path.join(tmpdir(), "xlsx-int-"));
  const input = path.join(dir, "in.xlsx");
  copyFileSync(path.join(ROOT, "samples/fakturaunderlag-exempel.xlsx"), input);
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "interruptedCopy.child.ts"), input, path.join(dir, "out.xlsx")], { cwd: ROOT });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => String(d).includes("stalled") && resolve());
    child.on("exit", (code) => reject(new Error(`child ended early (${code})`)));
  });
  expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toHaveLength(1);
  const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_, s) => resolve(s)));
  child.kill(signal);
  expect(await ended).toBe(signal);
  expect(readdirSync(dir)).toEqual(["in.xlsx"]);
});
