// Draws the add-in's icons (a white check mark on a green rounded square) as PNGs with zlib
// only: no image library, nothing downloaded. Run: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Distance from point p to segment ab. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function pixel(x, y) {
  // Coordinates in 0..1. Rounded square with radius 0.18.
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  const outside = Math.hypot(x - cx, y - cy) - r;
  if (outside > 0) return null;
  const stroke = 0.09;
  const d = Math.min(segmentDistance(x, y, 0.24, 0.52, 0.43, 0.71), segmentDistance(x, y, 0.43, 0.71, 0.78, 0.3));
  return d < stroke ? [255, 255, 255] : [16, 124, 65];
}

export function drawIcon(size) {
  const samples = 4; // supersampling for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let rs = 0, gs = 0, bs = 0, as = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = pixel((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (c) {
            rs += c[0];
            gs += c[1];
            bs += c[2];
            as += 1;
          }
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = as ? Math.round(rs / as) : 0;
      raw[o + 1] = as ? Math.round(gs / as) : 0;
      raw[o + 2] = as ? Math.round(bs / as) : 0;
      raw[o + 3] = Math.round((255 * as) / (samples * samples));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync("assets", { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(`assets/icon-${size}.png`, drawIcon(size));
    console.log(`assets/icon-${size}.png`);
  }
}
