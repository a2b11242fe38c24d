/**
 * The custom XML parts of an .xlsx (customXml/itemN.xml), where the add-in keeps disputes: read
 * straight from the zip with fflate, decompressing only those entries, so the headless command
 * applies what reviewers saved in the workbook. Which parts are disputes the core decides
 * (loadDisputes); everything else is ignored.
 */
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { XlsxError } from "./xlsxError";

const ITEM = /^customXml\/item\d+\.xml$/;

export function readCustomXmlParts(filePath: string): { id: string; xml: string }[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(readFileSync(filePath), { filter: (f) => ITEM.test(f.name) });
  } catch {
    throw new XlsxError("CORRUPT", {
      sv: `${filePath}: arbetsbokens delar kunde inte läsas (trasig zip).`,
      en: `${filePath}: the workbook's parts could not be read (damaged zip).`,
    });
  }
  return Object.keys(files)
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    .map((name) => ({ id: name, xml: decode(files[name]) }));
}

/** UTF-8, or UTF-16 with its byte-order mark (how Office writes some custom XML parts). */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return strFromU8(bytes.subarray(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0));
}
