/**
 * Where the marked copy may go, and how it gets there without ever touching the input.
 *
 * The same file is recognised by device and inode, not by name: a hard link, a symlink, "./"
 * or a name in other letter case on a case-insensitive file system (APFS, NTFS, FAT, SMB) all
 * stat to the input's inode. Where the output name does not exist yet, stat cannot find the
 * input under it either, so it is a new file whatever the file system's case rules.
 *
 * The copy is written to a temporary file in the output's folder and then given its name in one
 * step (link, or rename with --force): a failed write leaves no half file and the input as it was.
 */
import { randomBytes } from "node:crypto";
import { lstatSync, statSync, unlinkSync, type BigIntStats } from "node:fs";
import { link, open, rename, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { fileSystemError, isErrno } from "../fsErrors";
import { XlsxError } from "../xlsxError";

export interface PathOps {
  stat(p: string): BigIntStats;
  lstat(p: string): BigIntStats;
}

export const NODE_PATH_OPS: PathOps = {
  stat: (p) => statSync(p, { bigint: true }),
  lstat: (p) => lstatSync(p, { bigint: true }),
};

export interface OutputPlan {
  /** The input's permission bits, given to the copy: it holds the same identity numbers. */
  mode: number;
}

function sameFile(a: BigIntStats, b: BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

export function emptyOutError(): XlsxError {
  return new XlsxError("WRITE_FAILED", { sv: "--out behöver ett filnamn", en: "--out needs a file name" });
}

/** Permission bits of a file written from no input: it holds identity numbers, so the owner's only. */
export const PRIVATE_MODE = 0o600;

/**
 * Throws a one-line XlsxError unless `out` is a place the copy may be written to. `input` is the
 * file (or files) the output is made from: never written over, and the output gets their
 * permission bits (the strictest of them: only what every input allows); none, PRIVATE_MODE.
 */
export function checkOutputPath(input: string | readonly string[], out: string, force: boolean, ops: PathOps = NODE_PATH_OPS): OutputPlan {
  if (out.trim() === "") throw emptyOutError();
  const inputs = typeof input === "string" ? [input] : input;
  const inStats = inputs.map((file) => {
    try {
      return { file, stat: ops.stat(file) };
    } catch (e) {
      throw fileSystemError(e, file, "read");
    }
  });
  const mode = inStats.length ? inStats.reduce((m, i) => m & Number(i.stat.mode & 0o777n), 0o777) : PRIVATE_MODE;
  const refuseSame = (file: string) =>
    new XlsxError("SAME_FILE", {
      sv: `Kopian får inte skrivas över originalet (${out} är samma fil som ${file}); välj ett annat filnamn`,
      en: `The copy must not overwrite the original (${out} is the same file as ${file}); choose another file name`,
    });
  let outLink: BigIntStats | null = null;
  try {
    outLink = ops.lstat(out);
  } catch (e) {
    if (!isErrno(e, "ENOENT")) throw fileSystemError(e, out, "write");
  }
  if (outLink === null) {
    checkFolder(out, ops);
    return { mode };
  }
  let target: BigIntStats | null = null;
  try {
    target = ops.stat(out);
  } catch {
    // A dangling symlink: not the input; replaced only with --force, like any existing name.
  }
  const same = target && inStats.find((i) => sameFile(target, i.stat));
  if (same) throw refuseSame(same.file);
  if (target?.isDirectory()) throw fileSystemError(Object.assign(new Error("is a directory"), { code: "EISDIR" }), out, "write");
  if (!force) throw existsError(out);
  return { mode };
}

function existsError(out: string): XlsxError {
  return new XlsxError("OUT_EXISTS", {
    sv: `${out} finns redan; välj ett annat filnamn eller lägg till --force för att ersätta den`,
    en: `${out} already exists; choose another file name or add --force to replace it`,
  });
}

function checkFolder(out: string, ops: PathOps): void {
  const dir = path.dirname(path.resolve(out));
  let st: BigIntStats;
  try {
    st = ops.stat(dir);
  } catch (e) {
    throw fileSystemError(e, out, "write");
  }
  if (!st.isDirectory()) throw fileSystemError(Object.assign(new Error("not a directory"), { code: "ENOTDIR" }), out, "write");
}

/** Opens the temporary file; a test may hand a failing one in. */
export type OpenTemp = (tempPath: string, mode: number) => Promise<FileHandle>;

export const openTemp: OpenTemp = async (tempPath, mode) => {
  const fh = await open(tempPath, "wx", mode);
  // open's mode passes through the umask; the copy gets exactly the input's bits.
  await fh.chmod(mode);
  return fh;
};

/**
 * Writes via a temporary file next to `out` and names it `out` only when complete. Without
 * --force an existing `out` is never replaced, even one that appears while writing (link fails
 * on an existing name); with --force it is replaced in one rename.
 */
export async function writeAtomically(
  input: string | readonly string[],
  out: string,
  force: boolean,
  write: (fh: FileHandle) => Promise<void>,
  openFile: OpenTemp = openTemp,
  ops: PathOps = NODE_PATH_OPS,
): Promise<void> {
  const plan = checkOutputPath(input, out, force, ops);
  const dir = path.dirname(path.resolve(out));
  const temp = path.join(dir, `.${path.basename(out)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  let fh: FileHandle | null = null;
  let named = false;
  // Interrupted (Ctrl-C) while writing: the half copy goes, then the signal takes its course.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    fh = await openFile(temp, plan.mode);
    await write(fh);
    // On disk before it takes the name: a crash right after the rename must not leave an empty copy.
    await fh.datasync();
    await fh.close();
    fh = null;
    // Checked again: the names may have changed while the copy was written.
    checkOutputPath(input, out, force, ops);
    if (force) {
      await rename(temp, out);
      named = true;
    } else {
      try {
        await link(temp, out);
        named = true;
      } catch (e) {
        if (isErrno(e, "EEXIST")) throw existsError(out);
        // A file system without hard links (some network and FAT drives): check, then rename.
        if (!isErrno(e, "EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK")) throw e;
        checkOutputPath(input, out, false, ops);
        await rename(temp, out);
        named = true;
        return;
      }
      await unlink(temp).catch(() => undefined);
    }
  } catch (e) {
    throw fileSystemError(e, out, "write");
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    if (fh) await fh.close().catch(() => undefined);
    if (!named) await unlink(temp).catch(() => undefined);
  }
}
