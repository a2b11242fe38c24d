/** Text and attribute escaping for the parts the copy writes. */

/** Characters XML 1.0 does not allow at all (control characters other than tab, LF, CR). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Cell text: Excel reads "_xHHHH_" in a string as an escaped character, so a literal one is
 * written with its underscore escaped ("_x005F_"), and the cell shows what the finding said.
 */
export function escapeCellText(text: string): string {
  return escapeXml(text.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_"));
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9A-Fa-f]+|#\d+);/g, (_, e: string) => {
    switch (e) {
      case "lt": return "<";
      case "gt": return ">";
      case "amp": return "&";
      case "quot": return '"';
      case "apos": return "'";
      default: return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    }
  });
}

/** Attributes of the first start tag in `tag` (names with their prefixes). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1], unescapeXml(m[3] ?? m[4]));
  return out;
}
