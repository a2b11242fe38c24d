import type { Bilingual } from "../../core";

export type XlsxErrorCode =
  | "FILE_NOT_FOUND"
  | "NOT_A_FILE"
  | "NOT_XLSX"
  | "ENCRYPTED"
  | "XLS_FORMAT"
  | "CORRUPT"
  | "SAME_FILE"
  | "OUT_EXISTS"
  | "WRITE_FAILED"
  | "READ_FAILED"
  | "FS_PERMISSION"
  | "FS_DISK_FULL"
  | "FS_READ_ONLY"
  | "FS_IS_DIRECTORY"
  | "FS_NO_DIRECTORY"
  | "FS_NOT_DIRECTORY"
  | "FS_NAME_TOO_LONG";

/** A workbook that cannot be read or written: the CLI prints `message` on one line and exits non-zero. */
export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    readonly bilingual: Bilingual,
  ) {
    super(`${bilingual.sv} / ${bilingual.en}`);
    this.name = "XlsxError";
  }
}
