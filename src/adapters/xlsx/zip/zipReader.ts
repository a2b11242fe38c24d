/**
 * Reads a zip's central directory and gives each entry's stored bytes, so that a copy can
 * take parts over without inflating them (see zipWriter.ts for why this is our own code).
 * Only what .xlsx packages use: one disk, no encryption, no zip64 (Excel writes zip64 only
 * past 4 GB, far above a sheet of 1,048,576 rows).
 */
import type { FileHandle } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_END = 0x06054b50;
const SIG_DESCRIPTOR = 0x08074b50;
const END_MIN = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The central directory record as the input has it (name, extra and comment included). */
  centralRecord: Buffer;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: the end of the entries' data. */
  centralOffset: number;
}

export class ZipFormatError extends Error {}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw new ZipFormatError(`unexpected end of file at ${position + done}`);
    done += bytesRead;
  }
  return buf;
}

export async function readZipDirectory(fh: FileHandle): Promise<ZipDirectory> {
  const { size } = await fh.stat();
  const tailLength = Math.min(size, END_MIN + MAX_COMMENT);
  const tail = await readAt(fh, size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - END_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError("no end of central directory");
  const count = tail.readUInt16LE(end + 10);
  const centralSize = tail.readUInt32LE(end + 12);
  const centralOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) throw new ZipFormatError("zip64 packages are not supported");
  if (tail.readUInt16LE(end + 4) !== 0 || tail.readUInt16LE(end + 6) !== 0) throw new ZipFormatError("multi-disk zip");
  const central = await readAt(fh, centralOffset, centralSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > central.length || central.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipFormatError(`bad central directory record ${i}`);
    const flags = central.readUInt16LE(p + 8);
    const nameLength = central.readUInt16LE(p + 28);
    const recordLength = 46 + nameLength + central.readUInt16LE(p + 30) + central.readUInt16LE(p + 32);
    const nameBytes = central.subarray(p + 46, p + 46 + nameLength);
    if (flags & 1) throw new ZipFormatError("encrypted zip entries");
    entries.push({
      // Bit 11: UTF-8 names; otherwise CP437, which for the ASCII names of OOXML parts is the same.
      name: nameBytes.toString(flags & 0x800 ? "utf8" : "latin1"),
      method: central.readUInt16LE(p + 10),
      flags,
      crc32: central.readUInt32LE(p + 16),
      compressedSize: central.readUInt32LE(p + 20),
      size: central.readUInt32LE(p + 24),
      localOffset: central.readUInt32LE(p + 42),
      centralRecord: Buffer.from(central.subarray(p, p + recordLength)),
    });
    p += recordLength;
  }
  return { entries, centralOffset };
}

/** Where an entry's stored data starts and how long its local record is, descriptor included. */
export async function entryExtent(fh: FileHandle, entry: ZipEntry): Promise<{ dataStart: number; recordLength: number }> {
  const head = await readAt(fh, entry.localOffset, 30);
  if (head.readUInt32LE(0) !== SIG_LOCAL) throw new ZipFormatError(`bad local header of ${entry.name}`);
  const dataStart = entry.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  let recordLength = dataStart - entry.localOffset + entry.compressedSize;
  if (entry.flags & 8) {
    // A data descriptor follows the data: crc, sizes, with or without its signature.
    const sig = (await readAt(fh, dataStart + entry.compressedSize, 4)).readUInt32LE(0);
    recordLength += sig === SIG_DESCRIPTOR ? 16 : 12;
  }
  return { dataStart, recordLength };
}

/** A small part (workbook.xml, styles.xml, …) inflated into memory. */
export async function readEntry(fh: FileHandle, entry: ZipEntry): Promise<Buffer> {
  const { dataStart } = await entryExtent(fh, entry);
  const stored = await readAt(fh, dataStart, entry.compressedSize);
  if (entry.method === 0) return stored;
  if (entry.method === 8) return inflateRawSync(stored);
  throw new ZipFormatError(`compression method ${entry.method} of ${entry.name}`);
}
