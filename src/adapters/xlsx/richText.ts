/**
 * The text of a string item (`<si>` of the shared strings, `<is>` of an inline string): the
 * plain `<t>`, or every run's `<t>` joined, without the phonetic guides (`<rPh>`), as Excel
 * shows it and Office.js `range.values` gives it.
 */
import { unescapeXString, XmlBytes, XmlSyntaxError } from "./xmlBytes";

const T = 116; // t

/** The cursor stands after the container's start tag (attributes read or skipped). */
export function readStringItem(x: XmlBytes, container: "si" | "is"): string {
  if (x.selfClosing) return "";
  let out = "";
  let phonetic = false;
  while (x.nextTag()) {
    if (x.closing) {
      const done = x.nameIs(container);
      if (x.nameIs("rPh")) phonetic = false;
      x.skipEndTag();
      if (done) return unescapeXString(out);
      continue;
    }
    if (x.nameIsChar(T)) {
      x.finishTag();
      const text = x.textContent();
      if (!phonetic) out += text;
    } else if (x.nameIs("rPh")) {
      x.finishTag();
      phonetic = !x.selfClosing;
    } else {
      x.finishTag();
    }
  }
  throw new XmlSyntaxError(`the XML ends inside <${container}>`);
}
