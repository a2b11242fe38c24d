/**
 * Personal identity numbers never leave the review unmasked unless the user asks (--reveal).
 * The core's messages may quote a raw cell, so text is masked as well as known id fields.
 */
import { maskIdsInText } from "../core";

export { maskIdsInText };

export function privacyFilter(reveal: boolean): (text: string) => string {
  return reveal ? (t) => t : maskIdsInText;
}
