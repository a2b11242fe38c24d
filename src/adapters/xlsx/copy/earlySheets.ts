/**
 * The marked sheets' rows, deflated while the review still runs. The marks need nothing from the
 * review until the sheet's tail (their element goes after </sheetData>), so each sheet part's rows
 * are inflated and deflated again (the copy's main cost) into a temporary file beside the output
 * as soon as the output is known to be allowed; zlib does that work on its own threads, beside
 * the review's read. The rows' deflate stream ends with a sync flush (no final block), so the
 * tail, deflated once the findings are known, follows it as a second stream in the same entry.
 */
import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { open, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { constants, crc32, createDeflateRaw } from "node:zlib";
import { untilTail, type SheetSplit } from "./sheetMarks";

export interface EarlyRows {
  /** The temporary file: the rows' raw deflate stream, not finished. */
  file: string;
  crc: number;
  size: number;
  compressedSize: number;
  split: SheetSplit;
}

/** Temporary files of this process not yet removed: a signal removes them (see onSignal). */
const pending = new Set<string>();
const onSignal = (signal: NodeJS.Signals) => {
  for (const f of pending) {
    try {
      unlinkSync(f);
    } catch {
      // already gone
    }
  }
  pending.clear();
  process.kill(process.pid, signal);
};

function track(file: string): void {
  if (pending.size === 0) {
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }
  pending.add(file);
}

async function untrack(file: string): Promise<void> {
  await unlink(file).catch(() => undefined);
  pending.delete(file);
  if (pending.size === 0) {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

/** Deflates a sheet part's rows into a temporary file next to `out`; `rows` yields the part inflated. */
export async function deflateRowsEarly(rows: AsyncIterable<Buffer>, out: string, level: number, signal: AbortSignal): Promise<EarlyRows> {
  const file = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}-${randomBytes(4).toString("hex")}.rows.tmp`);
  track(file);
  let fh: FileHandle | null = null;
  try {
    fh = await open(file, "wx", 0o600); // identity numbers: readable by the owner only
    const split: Partial<SheetSplit> = {};
    const result = { file, crc: 0, size: 0, compressedSize: 0 };
    const sink = fh;
    await pipeline(
      Readable.from(untilTail(rows, split)),
      async function* measure(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          result.crc = crc32(chunk, result.crc);
          result.size += chunk.length;
          yield chunk;
        }
      },
      createDeflateRaw({ level, chunkSize: 1 << 20, finishFlush: constants.Z_SYNC_FLUSH }),
      async (compressed: AsyncIterable<Buffer>) => {
        for await (const chunk of compressed) {
          await sink.write(chunk, 0, chunk.length, result.compressedSize);
          result.compressedSize += chunk.length;
        }
      },
      { signal },
    );
    await fh.close();
    fh = null;
    return { ...result, split: split as SheetSplit };
  } catch (e) {
    if (fh) await fh.close().catch(() => undefined);
    await untrack(file);
    throw e;
  }
}

/** Removes an early file once the copy is written (or not). */
export async function removeEarly(early: EarlyRows): Promise<void> {
  await untrack(early.file);
}
