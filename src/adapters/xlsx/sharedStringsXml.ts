/** The shared-strings part (`<sst>`): every `<si>` as its text, in order, read a piece at a time. */
import { ElementPieces } from "./elementPieces";
import { readStringItem } from "./richText";
import { XmlBytes } from "./xmlBytes";

export class SharedStringsReader {
  readonly strings: string[] = [];
  private readonly x = new XmlBytes();
  private readonly pieces = new ElementPieces("si", (b, s, e) => this.scan(b, s, e));

  push(piece: Buffer): void {
    this.pieces.push(piece);
  }

  finish(): string[] {
    this.pieces.finish();
    return this.strings;
  }

  private scan(b: Buffer, start: number, end: number): void {
    const x = this.x;
    x.reset(b, start, end);
    while (x.nextTag()) {
      if (x.closing) x.skipEndTag();
      else if (x.nameIs("si")) {
        x.finishTag();
        this.strings.push(readStringItem(x, "si"));
      } else x.finishTag();
    }
  }
}
