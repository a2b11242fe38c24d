/**
 * Cuts inflated XML, arriving a piece at a time, into runs of whole elements of one kind
 * (`<row>` of a sheet, `<si>` of the shared strings): each run handed on ends just after an end
 * tag of that element, and what follows waits for the next piece. The bytes are scanned where
 * they lie; only the few bytes of a row cut in two are copied.
 */
const LT = 60;
const SLASH = 47;
const COLON = 58;

export type RunHandler = (b: Buffer, start: number, end: number) => void;

export class ElementPieces {
  private carry: Buffer | null = null;
  private readonly marker: Buffer;

  constructor(
    name: string,
    private readonly onRun: RunHandler,
  ) {
    this.marker = Buffer.from(`${name}>`, "latin1");
  }

  push(piece: Buffer): void {
    let start = 0;
    if (this.carry) {
      const first = this.endAfter(piece, 0);
      if (first < 0) {
        this.carry = Buffer.concat([this.carry, piece]);
        return;
      }
      const joined = Buffer.concat([this.carry, piece.subarray(0, first)]);
      this.carry = null;
      this.onRun(joined, 0, joined.length);
      start = first;
    }
    const last = this.lastEndAfter(piece, start);
    if (last < 0) {
      this.carry = piece.subarray(start);
      return;
    }
    this.onRun(piece, start, last);
    this.carry = last < piece.length ? piece.subarray(last) : null;
  }

  /** The bytes after the last whole element (the part's closing tags, or a cut-off element). */
  finish(): void {
    const rest = this.carry;
    this.carry = null;
    if (rest && rest.length) this.onRun(rest, 0, rest.length);
  }

  /** Index just after the first end tag of the element at or after `from`; −1 if none. */
  private endAfter(b: Buffer, from: number): number {
    for (let at = b.indexOf(this.marker, from); at >= 0; at = b.indexOf(this.marker, at + 1)) {
      if (isEndTag(b, at)) return at + this.marker.length;
    }
    return -1;
  }

  private lastEndAfter(b: Buffer, from: number): number {
    for (let at = b.lastIndexOf(this.marker); at >= from; at = at > 0 ? b.lastIndexOf(this.marker, at - 1) : -1) {
      if (isEndTag(b, at)) return at + this.marker.length;
    }
    return -1;
  }
}

/** `name>` at `at` is an end tag: "</name>" or "</prefix:name>". */
function isEndTag(b: Buffer, at: number): boolean {
  if (at >= 2 && b[at - 1] === SLASH && b[at - 2] === LT) return true;
  if (at < 1 || b[at - 1] !== COLON) return false;
  for (let i = at - 2; i > 0 && at - i < 64; i--) {
    if (b[i] === SLASH) return b[i - 1] === LT;
    if (b[i] <= 32 || b[i] === LT) return false;
  }
  return false;
}
