/**
 * Masking of personal identity numbers in check messages: a message may be copied anywhere,
 * so it never carries the full number. Keeps the birth date (what a reviewer needs to find
 * the row) and hides the four last digits.
 */
export function maskId(text: string): string {
  const trimmed = text.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length === 12 || digits.length === 10) {
    return `${digits.slice(0, digits.length - 4)}-****`;
  }
  // Reserve numbers and unreadable text: keep a short prefix only.
  const keep = Math.min(2, Math.max(0, trimmed.length - 4));
  return trimmed.slice(0, keep) + "*".repeat(Math.max(4, trimmed.length - keep));
}
