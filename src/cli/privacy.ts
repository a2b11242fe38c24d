/**
 * Personal identity numbers never leave the review unmasked unless the user asks (--reveal).
 * Every text the command prints goes through the core's one mask (privateText).
 */
import { maskIdsInText, privateText } from "../core";

export { maskIdsInText };

export function privacyFilter(reveal: boolean): (text: string) => string {
  return (t) => privateText(t, reveal);
}
