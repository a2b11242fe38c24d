/**
 * A cursor over the bytes of one XML part (UTF-8), enough for the few shapes of SpreadsheetML
 * the reader needs: tags and their attributes, and the text of leaf elements. It works on the
 * inflated bytes directly and makes a string only for a value that is a string.
 *
 * Why not an XML parser: saxes (the parser exceljs uses) read the 100,000-row benchmark sheet in
 * 5.8 s of CPU time, more than exceljs's whole read (5.0 s), against 0.19 s to inflate it
 * (docs/BENCHMARKS.md); it decodes every byte to a string and makes an object per tag and
 * attribute. This cursor skips what the grid does not need.
 *
 * Element names are compared by their local part, so prefixed (strict OOXML, `x:row`) and
 * unprefixed names read alike. Comments, processing instructions and CDATA are understood.
 */

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const COLON = 58;
const EQUALS = 61;
const AMP = 38;
const CR = 13;
const UNDERSCORE = 95;

export class XmlSyntaxError extends Error {}

export class XmlBytes {
  b: Buffer = Buffer.alloc(0);
  p = 0;
  end = 0;
  /** The current tag's local name: b[nameStart, nameEnd). */
  nameStart = 0;
  nameEnd = 0;
  /** The current tag is an end tag (`</x>`). */
  closing = false;
  /** The current start tag ended in `/>` (set once its attributes are read or skipped). */
  selfClosing = false;
  /** The current attribute: name b[attrStart, attrEnd), value b[valueStart, valueEnd). */
  attrStart = 0;
  attrEnd = 0;
  valueStart = 0;
  valueEnd = 0;

  reset(b: Buffer, start = 0, end = b.length): void {
    this.b = b;
    this.p = start;
    this.end = end;
  }

  /**
   * Moves to the next tag and reads its name; the cursor then stands on its attributes.
   * Text before it is skipped. False at the end of the bytes.
   */
  nextTag(): boolean {
    const b = this.b;
    const end = this.end;
    let p = this.p;
    for (;;) {
      while (p < end && b[p] !== LT) p++;
      if (p >= end) {
        this.p = end;
        return false;
      }
      const next = b[p + 1];
      if (next === QUESTION) {
        p = this.after("?>", p + 2);
        continue;
      }
      if (next === BANG) {
        p = this.skipBang(p);
        continue;
      }
      break;
    }
    p++;
    this.closing = b[p] === SLASH;
    if (this.closing) p++;
    let start = p;
    for (;;) {
      const c = b[p];
      // A name ends at white space, ">" or "/"; a prefix ends at ":".
      if (c === GT || c === SLASH || c <= 32) break;
      if (c === COLON) start = p + 1;
      p++;
      if (p >= end) throw new XmlSyntaxError("the XML ends inside a tag");
    }
    this.nameStart = start;
    this.nameEnd = p;
    this.p = p;
    this.selfClosing = false;
    return true;
  }

  /** The current tag's local name is `name` (ASCII). */
  nameIs(name: string): boolean {
    const n = name.length;
    if (this.nameEnd - this.nameStart !== n) return false;
    const b = this.b;
    for (let i = 0; i < n; i++) if (b[this.nameStart + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  /** The current tag's local name is the one character `code`. */
  nameIsChar(code: number): boolean {
    return this.nameEnd - this.nameStart === 1 && this.b[this.nameStart] === code;
  }

  nameLength(): number {
    return this.nameEnd - this.nameStart;
  }

  /** Reads the next attribute of the current tag; false (and the cursor after ">") when there is none. */
  nextAttr(): boolean {
    const b = this.b;
    const end = this.end;
    let p = this.p;
    while (p < end && b[p] <= 32) p++;
    if (p >= end) throw new XmlSyntaxError("the XML ends inside a tag");
    const c = b[p];
    if (c === GT) {
      this.p = p + 1;
      return false;
    }
    if (c === SLASH) {
      this.selfClosing = true;
      this.p = p + 2;
      return false;
    }
    this.attrStart = p;
    while (p < end && b[p] !== EQUALS && b[p] > 32) p++;
    this.attrEnd = p;
    while (p < end && b[p] !== 34 && b[p] !== 39) p++;
    const quote = b[p++];
    this.valueStart = p;
    while (p < end && b[p] !== quote) p++;
    if (p >= end) throw new XmlSyntaxError("the XML ends inside an attribute");
    this.valueEnd = p;
    this.p = p + 1;
    return true;
  }

  /** The current attribute's name is the one character `code` (no prefix). */
  attrIsChar(code: number): boolean {
    return this.attrEnd - this.attrStart === 1 && this.b[this.attrStart] === code;
  }

  /** The current attribute's local name (after any prefix) is `name`. */
  attrLocalIs(name: string): boolean {
    let s = this.attrStart;
    for (let i = this.attrStart; i < this.attrEnd; i++) if (this.b[i] === COLON) s = i + 1;
    if (this.attrEnd - s !== name.length) return false;
    for (let i = 0; i < name.length; i++) if (this.b[s + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  attrValue(): string {
    return decodeEntities(this.b.toString("utf8", this.valueStart, this.valueEnd));
  }

  /** Skips the rest of the current tag's attributes (sets selfClosing). */
  finishTag(): void {
    const b = this.b;
    let p = this.p;
    let quote = 0;
    for (; p < this.end; p++) {
      const c = b[p];
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === GT) {
        this.selfClosing = b[p - 1] === SLASH;
        this.p = p + 1;
        return;
      }
    }
    throw new XmlSyntaxError("the XML ends inside a tag");
  }

  /**
   * After a start tag (attributes done, not self-closing): the bounds of its text up to the
   * next tag, when that text is plain (no CDATA or comment inside). Returns the end of the
   * text, or −1 when the element holds more than plain text (use `textContent`).
   */
  plainTextEnd(): number {
    const b = this.b;
    let p = this.p;
    while (p < this.end && b[p] !== LT) p++;
    if (p >= this.end) throw new XmlSyntaxError("the XML ends inside an element");
    return b[p + 1] === SLASH ? p : -1;
  }

  /**
   * The text of the current leaf element, decoded, the cursor left after its end tag. The start
   * tag's attributes must have been read; a self-closing element has the empty text.
   */
  textContent(): string {
    if (this.selfClosing) return "";
    const b = this.b;
    const plainEnd = this.plainTextEnd();
    if (plainEnd >= 0) {
      const s = decodeText(b, this.p, plainEnd);
      this.p = plainEnd;
      this.skipEndTag();
      return s;
    }
    // Text mixed with CDATA sections or comments: collect the pieces.
    let out = "";
    let p = this.p;
    for (;;) {
      let q = p;
      while (q < this.end && b[q] !== LT) q++;
      if (q >= this.end) throw new XmlSyntaxError("the XML ends inside an element");
      out += decodeText(b, p, q);
      if (b[q + 1] === SLASH) {
        this.p = q;
        this.skipEndTag();
        return out;
      }
      if (b[q + 1] === BANG && b[q + 2] === 91 /* [ */) {
        const close = b.indexOf("]]>", q + 9);
        if (close < 0 || close >= this.end) throw new XmlSyntaxError("the XML ends inside CDATA");
        out += normaliseLineEnds(b.toString("utf8", q + 9, close));
        p = close + 3;
      } else if (b[q + 1] === BANG || b[q + 1] === QUESTION) {
        p = b[q + 1] === BANG ? this.skipBang(q) : this.after("?>", q + 2);
      } else {
        throw new XmlSyntaxError("an element was found where text was expected");
      }
    }
  }

  /** Skips from "</" of an end tag to after its ">". */
  skipEndTag(): void {
    const b = this.b;
    let p = this.p;
    while (p < this.end && b[p] !== GT) p++;
    this.p = p + 1;
  }

  private after(marker: string, from: number): number {
    const at = this.b.indexOf(marker, from);
    if (at < 0 || at >= this.end) throw new XmlSyntaxError(`the XML ends before "${marker}"`);
    return at + marker.length;
  }

  /** Skips a comment, CDATA section or declaration starting at `<!`. */
  private skipBang(p: number): number {
    const b = this.b;
    if (b[p + 2] === 45 && b[p + 3] === 45) return this.after("-->", p + 4);
    if (b[p + 2] === 91) return this.after("]]>", p + 3);
    return this.after(">", p + 2);
  }
}

/**
 * Text bytes → string, as an XML parser gives it: UTF-8 decoded, line ends normalised (a CR
 * written as a byte becomes LF), entities and character references replaced.
 */
export function decodeText(b: Buffer, start: number, end: number): string {
  let special = false;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c === AMP || c === CR || c >= 0x80) {
      special = true;
      break;
    }
  }
  if (!special) return latin1(b, start, end);
  let s = b.toString("utf8", start, end);
  if (s.includes("\r")) s = normaliseLineEnds(s);
  return s.includes("&") ? decodeEntities(s) : s;
}

function normaliseLineEnds(s: string): string {
  return s.replace(/\r\n?/g, "\n");
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Replaces XML's five named entities and numeric character references; leaves anything else as written. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] !== "#") return NAMED[body] ?? whole;
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * SpreadsheetML's escape for characters XML cannot carry (ST_Xstring): `_xHHHH_` is the UTF-16
 * unit HHHH; Excel writes a literal "_x0041_" as "_x005F_x0041_". Office.js gives the
 * characters, so the reader does too.
 */
export function unescapeXString(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Bytes of `_` appear in a text; used to skip `unescapeXString` on the common path. */
export function hasUnderscore(b: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (b[i] === UNDERSCORE) return true;
  return false;
}

/**
 * ASCII bytes → string. Buffer's own latin1Slice (what `toString("latin1")` calls after checking
 * its arguments) is not in Node's typings; it is used when present.
 */
type Latin1Buffer = Buffer & { latin1Slice?: (start: number, end: number) => string };
function latin1(b: Buffer, start: number, end: number): string {
  const fast = (b as Latin1Buffer).latin1Slice;
  return fast ? fast.call(b, start, end) : b.toString("latin1", start, end);
}

const POW10: number[] = Array.from({ length: 23 }, (_x, k) => 10 ** k);
const MAX_EXACT = 2 ** 53;

/**
 * A number as `parseFloat` reads the same text. The common forms (an optional minus, digits,
 * an optional fraction, at most 2^53 as an integer mantissa and 22 fraction digits) are read
 * from the bytes: mantissa and power of ten are then exact doubles and one division is
 * correctly rounded, which is the value parseFloat gives. Anything else goes to parseFloat.
 */
export function parseNumberBytes(b: Buffer, start: number, end: number): number {
  let i = start;
  const negative = b[i] === 45;
  if (negative) i++;
  let mantissa = 0;
  let fraction = 0;
  let digits = 0;
  while (i < end) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    digits++;
    i++;
  }
  if (i < end && b[i] === 46) {
    i++;
    while (i < end) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      fraction++;
      digits++;
      i++;
    }
  }
  if (i !== end || digits === 0 || mantissa > MAX_EXACT || fraction > 22) return parseFloat(latin1(b, start, end));
  const value = fraction === 0 ? mantissa : mantissa / POW10[fraction];
  return negative ? -value : value;
}

/** A non-negative decimal integer from its bytes (shared-string indices); −1 if not one. */
export function parseIndexBytes(b: Buffer, start: number, end: number): number {
  let n = 0;
  let i = start;
  while (i < end && b[i] <= 32) i++;
  let e = end;
  while (e > i && b[e - 1] <= 32) e--;
  if (i === e) return -1;
  for (; i < e; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
