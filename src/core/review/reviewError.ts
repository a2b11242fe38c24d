import type { Bilingual } from "../model";

/** A review that cannot start (no invoice sheet, …): hosts show the message, never a stack. */
export class ReviewError extends Error {
  constructor(
    readonly code: "NO_INVOICE_SHEET" | "INVALID_PROFILE",
    readonly bilingual: Bilingual,
  ) {
    super(bilingual.en);
    this.name = "ReviewError";
  }
}
