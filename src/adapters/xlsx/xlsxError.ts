import type { Bilingual } from "../../core";

export type XlsxErrorCode =
  | "FILE_NOT_FOUND"
  | "NOT_A_FILE"
  | "NOT_XLSX"
  | "ENCRYPTED"
  | "XLS_FORMAT"
  | "CORRUPT"
  | "SAME_FILE"
  | "WRITE_FAILED";

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
