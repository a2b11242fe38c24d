/**
 * File-system errors as one line in Swedish and English, naming the path, instead of Node's
 * "EACCES: permission denied, open '…'".
 */
import path from "node:path";
import { XlsxError } from "./xlsxError";

export type FsAction = "read" | "write";

function errnoCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

export function isErrno(e: unknown, ...codes: string[]): boolean {
  const code = errnoCode(e);
  return code !== null && codes.includes(code);
}

/** The one-line error for a Node fs error, or the error itself when it is not one. */
export function fileSystemError(e: unknown, filePath: string, action: FsAction): unknown {
  if (e instanceof XlsxError) return e;
  const code = errnoCode(e);
  if (!code) return e;
  const dir = path.dirname(path.resolve(filePath));
  const write = action === "write";
  switch (code) {
    case "EACCES":
    case "EPERM":
      return new XlsxError("FS_PERMISSION", write
        ? { sv: `Ingen behörighet att skriva ${filePath} (mappen ${dir})`, en: `No permission to write ${filePath} (folder ${dir})` }
        : { sv: `Ingen behörighet att läsa ${filePath}`, en: `No permission to read ${filePath}` });
    case "ENOSPC":
    case "EDQUOT":
      return new XlsxError("FS_DISK_FULL", {
        sv: `Disken är full: ${filePath} kunde inte skrivas; frigör utrymme eller välj en annan plats`,
        en: `The disk is full: ${filePath} could not be written; free some space or choose another place`,
      });
    case "EROFS":
      return new XlsxError("FS_READ_ONLY", { sv: `${dir} är skrivskyddad: ${filePath} kan inte skrivas där`, en: `${dir} is read-only: ${filePath} cannot be written there` });
    case "EISDIR":
      return new XlsxError("FS_IS_DIRECTORY", { sv: `${filePath} är en mapp, inte en fil; ange ett filnamn`, en: `${filePath} is a folder, not a file; give a file name` });
    case "ENOENT":
      return write
        ? new XlsxError("FS_NO_DIRECTORY", { sv: `Mappen finns inte: ${dir}`, en: `The folder does not exist: ${dir}` })
        : new XlsxError("FILE_NOT_FOUND", { sv: `Filen finns inte: ${filePath}`, en: `File not found: ${filePath}` });
    case "ENOTDIR":
      return new XlsxError("FS_NOT_DIRECTORY", { sv: `${filePath}: en del av sökvägen är en fil, inte en mapp`, en: `${filePath}: part of the path is a file, not a folder` });
    case "ENAMETOOLONG":
      return new XlsxError("FS_NAME_TOO_LONG", { sv: `Sökvägen är för lång: ${filePath}`, en: `The path is too long: ${filePath}` });
    default:
      return new XlsxError(write ? "WRITE_FAILED" : "READ_FAILED", write
        ? { sv: `Kunde inte skriva ${filePath} (filsystemets fel ${code})`, en: `Could not write ${filePath} (file system error ${code})` }
        : { sv: `Kunde inte läsa ${filePath} (filsystemets fel ${code})`, en: `Could not read ${filePath} (file system error ${code})` });
  }
}
