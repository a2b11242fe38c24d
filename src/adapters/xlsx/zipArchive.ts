/**
 * The entries of a zip file, found through its central directory (at the end of the file), and
 * the bytes of one entry inflated a piece at a time. Reading the directory rather than walking
 * the local headers from the front finds every part whatever its order in the file and whether
 * or not its sizes sit in a data descriptor after the data (where a front-to-back stream can
 * stop early and lose a sheet).
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { createInflateRaw } from "node:zlib";

export interface ZipEntry {
  /** The part name as stored, e.g. "xl/worksheets/sheet1.xml". */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
  encrypted: boolean;
}

/** A zip that cannot be read as one; the message is English detail for the "corrupt" line. */
export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
/** The end record (22 bytes) plus the longest comment a zip may carry. */
const TAIL = 22 + 0xffff;

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly fd: number,
    readonly fileSize: number,
    readonly entries: ZipEntry[],
  ) {
    // Part names are compared without case (Open Packaging Conventions).
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  static open(filePath: string): ZipArchive {
    const fd = openSync(filePath, "r");
    try {
      const size = fstatSync(fd).size;
      return new ZipArchive(fd, size, readCentralDirectory(fd, size));
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, "").toLowerCase());
  }

  /** Where the entry's data begins (after its local header). */
  dataOffset(entry: ZipEntry): number {
    const head = readAt(this.fd, entry.headerOffset, 30);
    if (head.readUInt32LE(0) !== LOCAL) throw new ZipFormatError(`no local header for ${entry.name}`);
    return entry.headerOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  }

  /**
   * The entry's bytes, inflated, in pieces of about `chunkBytes`. Inflating runs in Node's
   * zlib on a worker thread, so the next piece is inflated while the caller parses this one.
   */
  async *chunks(entry: ZipEntry, chunkBytes = 1 << 20): AsyncGenerator<Buffer> {
    if (entry.encrypted) throw new ZipFormatError(`${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
    const start = this.dataOffset(entry);
    if (start + entry.compressedSize > this.fileSize) throw new ZipFormatError(`${entry.name} is cut off`);
    const compressed = this.compressedPieces(start, entry.compressedSize, chunkBytes);
    if (entry.method === 0) {
      yield* compressed;
      return;
    }
    const inflate = createInflateRaw({ chunkSize: 256 << 10 });
    const feeding = (async () => {
      for (const piece of compressed) {
        // The reader may stop early (the rest of a sheet after its cells is not needed).
        if (inflate.destroyed) return;
        if (!inflate.write(piece)) {
          await new Promise<void>((resolve) => {
            const go = () => {
              inflate.off("drain", go);
              inflate.off("close", go);
              resolve();
            };
            inflate.on("drain", go);
            inflate.on("close", go);
          });
        }
      }
      if (!inflate.destroyed) inflate.end();
    })();
    // A feeding error would otherwise be unhandled while the loop below waits.
    feeding.catch((e) => inflate.destroy(e as Error));
    let total = 0;
    try {
      for await (const piece of inflate as AsyncIterable<Buffer>) {
        total += piece.length;
        yield piece;
      }
    } catch (e) {
      throw new ZipFormatError(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      inflate.destroy();
    }
    await feeding;
    if (total !== entry.size && entry.size !== MAX32) throw new ZipFormatError(`${entry.name} inflated to ${total} bytes, not ${entry.size}`);
  }

  /** The whole entry inflated (for the small parts: workbook, relationships). */
  async bytes(entry: ZipEntry): Promise<Buffer> {
    const pieces: Buffer[] = [];
    for await (const p of this.chunks(entry)) pieces.push(p);
    return Buffer.concat(pieces);
  }

  private *compressedPieces(start: number, length: number, chunkBytes: number): Generator<Buffer> {
    for (let done = 0; done < length; ) {
      const n = Math.min(chunkBytes, length - done);
      yield readAt(this.fd, start + done, n);
      done += n;
    }
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) throw new ZipFormatError("the file ends early");
    got += n;
  }
  return buf;
}

function readCentralDirectory(fd: number, fileSize: number): ZipEntry[] {
  const tailStart = Math.max(0, fileSize - TAIL);
  const tail = readAt(fd, tailStart, fileSize - tailStart);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipFormatError("no zip directory at the end of the file");
  let count = tail.readUInt16LE(at + 10);
  let dirSize = tail.readUInt32LE(at + 12);
  let dirOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || dirSize === MAX32 || dirOffset === MAX32) {
    // Zip64: the real figures are in a record the locator (just before the end record) points at.
    const locatorAt = tailStart + at - 20;
    const locator = readAt(fd, locatorAt, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipFormatError("zip64 directory not found");
    const record = readAt(fd, Number(locator.readBigUInt64LE(8)), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipFormatError("zip64 directory not found");
    count = Number(record.readBigUInt64LE(32));
    dirSize = Number(record.readBigUInt64LE(40));
    dirOffset = Number(record.readBigUInt64LE(48));
  }
  if (dirOffset + dirSize > fileSize) throw new ZipFormatError("the zip directory points past the end of the file");
  const dir = readAt(fd, dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError("damaged zip directory");
    const flags = dir.readUInt16LE(p + 8);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: dir.toString("utf8", p + 46, p + 46 + nameLength),
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      size: dir.readUInt32LE(p + 24),
      headerOffset: dir.readUInt32LE(p + 42),
      encrypted: (flags & 1) !== 0,
    };
    readZip64Extra(dir, p + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets that did not fit 32 bits are in the zip64 extra field, in this order. */
function readZip64Extra(dir: Buffer, start: number, length: number, entry: ZipEntry): void {
  if (entry.size !== MAX32 && entry.compressedSize !== MAX32 && entry.headerOffset !== MAX32) return;
  for (let q = start; q + 4 <= start + length; ) {
    const id = dir.readUInt16LE(q);
    const size = dir.readUInt16LE(q + 2);
    if (id === 1) {
      let r = q + 4;
      const next = () => {
        const v = Number(dir.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (entry.size === MAX32) entry.size = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.headerOffset === MAX32) entry.headerOffset = next();
      return;
    }
    q += 4 + size;
  }
}
