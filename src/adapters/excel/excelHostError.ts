import type { Bilingual } from "../../core";

export type ExcelHostErrorCode =
  | "SHEET_NOT_FOUND"
  | "SHEET_PROTECTED"
  | "SHEET_CHANGED_DURING_REVIEW"
  | "CANCELLED"
  | "RESULT_SHEET_NOT_OURS"
  | "INVALID_ROW"
  | "ACCESS_DENIED"
  | "PAYLOAD_TOO_LARGE"
  | "API_UNSUPPORTED"
  | "MARK_SHEETS_MISSING"
  | "TABLE_NAME_TAKEN"
  | "SHEET_SPEC_INVALID";

/**
 * A workbook operation that cannot be done: carries its own bilingual text, which the pane
 * shows as is. A cancellation is named "AbortError", as an aborted fetch would be.
 */
export class ExcelHostError extends Error {
  constructor(
    readonly code: ExcelHostErrorCode,
    readonly bilingual: Bilingual,
    /** Office's own error code or other technical detail; never cell values. */
    readonly detail?: string,
  ) {
    super(bilingual.en);
    this.name = code === "CANCELLED" ? "AbortError" : "ExcelHostError";
  }
}

export function cancelled(): ExcelHostError {
  return new ExcelHostError("CANCELLED", { sv: "Granskningen avbröts.", en: "The review was cancelled." });
}

export function sheetNotFound(name: string): ExcelHostError {
  return new ExcelHostError("SHEET_NOT_FOUND", {
    sv: `Bladet "${name}" finns inte längre i arbetsboken.`,
    en: `The sheet "${name}" is no longer in the workbook.`,
  });
}

export function sheetProtected(names: string[], action: Bilingual): ExcelHostError {
  const list = names.map((n) => `"${n}"`).join(", ");
  return new ExcelHostError("SHEET_PROTECTED", {
    sv: `Bladet ${list} är skyddat, så det går inte att ${action.sv}. Ta bort bladskyddet (Granska > Ta bort skydd för blad) och försök igen.`,
    en: `The sheet ${list} is protected, so the add-in cannot ${action.en}. Unprotect it (Review > Unprotect Sheet) and try again.`,
  });
}

/** Office.js errors carry a string `code` (OfficeExtension.Error). */
export function officeCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

export function isPayloadLimit(e: unknown): boolean {
  const code = officeCode(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** Turns Office's error codes that a user can act on into our messages; others pass through. */
export function translateOfficeError(e: unknown, action: Bilingual): unknown {
  if (e instanceof ExcelHostError) return e;
  const code = officeCode(e);
  if (code === "AccessDenied") {
    return new ExcelHostError(
      "ACCESS_DENIED",
      {
        sv: `Excel tillät inte att ${action.sv}. Bladet eller arbetsbokens struktur kan vara skyddad.`,
        en: `Excel did not allow the add-in to ${action.en}. The sheet or the workbook structure may be protected.`,
      },
      code,
    );
  }
  if (isPayloadLimit(e)) {
    return new ExcelHostError(
      "PAYLOAD_TOO_LARGE",
      {
        sv: `Excel kunde inte ${action.sv}: en enskild rad är större än vad Excel kan skicka på en gång (5 MB).`,
        en: `Excel could not ${action.en}: a single row is larger than Excel can send at once (5 MB).`,
      },
      code,
    );
  }
  if (code === "ApiNotFound") {
    return new ExcelHostError(
      "API_UNSUPPORTED",
      {
        sv: `Den här Excel-versionen kan inte ${action.sv}. Uppdatera Excel och försök igen.`,
        en: `This version of Excel cannot ${action.en}. Update Excel and try again.`,
      },
      code,
    );
  }
  return e;
}
