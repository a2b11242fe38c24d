/**
 * Personal identity numbers never leave the review unmasked unless the user asks (--reveal).
 * The core's messages may quote a raw cell, so text is masked here as well as known id fields.
 */
import { maskPersonId } from "../core/cells/mask";

/** 10 or 12 digits with an optional - or + before the last four: the shapes a Swedish id takes. */
const PERSON_ID_IN_TEXT = /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/g;

export function maskIdsInText(text: string): string {
  return text.replace(PERSON_ID_IN_TEXT, (m) => maskPersonId(m));
}

export function privacyFilter(reveal: boolean): (text: string) => string {
  return reveal ? (t) => t : maskIdsInText;
}
