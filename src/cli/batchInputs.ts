/**
 * The files of a batch review from what the user named: files as given, a folder's .xlsx and
 * .xlsm files sorted by name. What is passed over is said, with why (a lock file Excel leaves
 * beside an open workbook, another extension, a subfolder, a file named twice); nothing is
 * dropped silently.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export interface BatchInputs {
  /** The files to review, in order, each with the label its findings carry (the path as given). */
  files: string[];
  skipped: { file: string; why: { sv: string; en: string } }[];
  /** Inputs that do not exist or cannot be listed: each a file that could not be reviewed. */
  missing: { file: string; why: { sv: string; en: string } }[];
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** Whether the inputs make a batch review: several of them, or a folder. */
export function isBatch(inputs: readonly string[]): boolean {
  if (inputs.length > 1) return true;
  if (inputs.length === 0) return false;
  try {
    return statSync(inputs[0]).isDirectory();
  } catch {
    return false;
  }
}

export function batchInputs(inputs: readonly string[]): BatchInputs {
  const out: BatchInputs = { files: [], skipped: [], missing: [] };
  const seen = new Set<string>();
  const take = (file: string) => {
    // The same file by another name or through a link is the same file: reviewed once.
    let key = path.resolve(file);
    try {
      const st = statSync(file);
      key = `${st.dev}:${st.ino}`;
    } catch {
      // Not there: the reader says so for this file.
    }
    if (seen.has(key)) {
      out.skipped.push({ file, why: { sv: "angiven två gånger", en: "named twice" } });
      return;
    }
    seen.add(key);
    out.files.push(file);
  };
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(input).isDirectory();
    } catch (e) {
      const code = errnoCode(e);
      out.missing.push({ file: input, why: code === "ENOENT" ? { sv: "filen eller mappen finns inte", en: "no such file or folder" } : { sv: `kan inte läsas (${code || "okänt fel"})`, en: `cannot be read (${code || "unknown error"})` } });
      continue;
    }
    if (!isDir) {
      // A file named on the command line is reviewed whatever its name: the reader says if it is no workbook.
      take(input);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(input);
    } catch (e) {
      const code = errnoCode(e);
      out.missing.push({ file: input, why: { sv: `mappen kan inte läsas (${code})`, en: `the folder cannot be read (${code})` } });
      continue;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const file = path.join(input, name);
      if (name.startsWith("~$")) {
        out.skipped.push({ file, why: { sv: "låsfil från Excel (~$), inte ett underlag", en: "an Excel lock file (~$), not a basis" } });
        continue;
      }
      let entryIsDir = false;
      try {
        entryIsDir = statSync(file).isDirectory();
      } catch {
        // A broken link: said below as another kind of file.
      }
      if (entryIsDir) {
        out.skipped.push({ file, why: { sv: "en undermapp (läses inte)", en: "a subfolder (not read)" } });
        continue;
      }
      if (!WORKBOOK.test(name)) {
        out.skipped.push({ file, why: { sv: "inte .xlsx eller .xlsm", en: "not .xlsx or .xlsm" } });
        continue;
      }
      take(file);
    }
  }
  return out;
}

/** The errno code of a file-system error ("ENOENT"), else "" (not instanceof Error: errors may come from another realm). */
export function errnoCode(e: unknown): string {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
}
