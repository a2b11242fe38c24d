/**
 * Tells an .xlsx (a zip) from what users often hand over instead: an old .xls or a
 * password-protected .xlsx. Both of those are OLE compound files (magic D0 CF 11 E0); an
 * encrypted OOXML package holds the streams "EncryptionInfo" and "EncryptedPackage".
 */
import { closeSync, openSync, readSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileSystemError } from "./fsErrors";
import { XlsxError } from "./xlsxError";

export type FileKind = "zip" | "encrypted-ooxml" | "xls" | "ole-other" | "unknown";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Directory entry names in a compound file are UTF-16LE. */
const utf16 = (s: string) => Buffer.from(s, "utf16le");

function startsWith(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

export function detectFileKind(filePath: string): FileKind {
  const head = Buffer.alloc(8);
  let fd: number;
  try {
    fd = openSync(filePath, "r");
  } catch (e) {
    throw fileSystemError(e, filePath, "read");
  }
  let n: number;
  try {
    n = readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, n);
  if (startsWith(bytes, ZIP_MAGIC)) return "zip";
  if (!startsWith(bytes, OLE_MAGIC)) return "unknown";
  // Compound files of spreadsheets are small enough to scan whole for the stream names.
  const all = readFileSync(filePath);
  if (all.includes(utf16("EncryptedPackage")) || all.includes(utf16("EncryptionInfo"))) return "encrypted-ooxml";
  if (all.includes(utf16("Workbook")) || all.includes(utf16("Book"))) return "xls";
  return "ole-other";
}

/** Throws an XlsxError with a one-line bilingual message unless the path is a readable zip file. */
export function assertReadableXlsx(filePath: string): void {
  const name = path.basename(filePath);
  let isFile = false;
  try {
    isFile = statSync(filePath).isFile();
  } catch (e) {
    // ENOENT: "file not found"; a file in the middle of the path, a name too long, …: said as such.
    throw fileSystemError(e, filePath, "read");
  }
  if (!isFile) {
    throw new XlsxError("NOT_A_FILE", { sv: `Inte en fil: ${filePath}`, en: `Not a file: ${filePath}` });
  }
  const kind = detectFileKind(filePath);
  switch (kind) {
    case "zip":
      return;
    case "encrypted-ooxml":
      throw new XlsxError("ENCRYPTED", {
        sv: `${name} är lösenordsskyddad; spara en kopia utan lösenord och försök igen`,
        en: `${name} is password-protected; save a copy without a password and try again`,
      });
    case "xls":
      throw new XlsxError("XLS_FORMAT", {
        sv: `${name} är i det gamla .xls-formatet; spara den som .xlsx i Excel och försök igen`,
        en: `${name} is in the old .xls format; save it as .xlsx in Excel and try again`,
      });
    case "ole-other":
      throw new XlsxError("XLS_FORMAT", {
        sv: `${name} är en gammal Office-fil (.xls) eller lösenordsskyddad; spara den som .xlsx utan lösenord`,
        en: `${name} is an old Office file (.xls) or password-protected; save it as .xlsx without a password`,
      });
    default:
      throw new XlsxError("NOT_XLSX", {
        sv: `${name} är ingen Excel-arbetsbok (.xlsx)`,
        en: `${name} is not an Excel workbook (.xlsx)`,
      });
  }
}
