import { Arena } from "../../../src/core/memory/arena";

describe("Arena", () => {
  test("columns come out of the one buffer, aligned to 8 bytes, until it is used up; then they are allocated", () => {
    const arena = Arena.reserve(64);
    const a = arena.take(Uint8Array, 3); // 3 bytes, rounded up to 8
    const b = arena.take(Float64Array, 2); // 16 bytes from offset 8
    expect(a.buffer).toBe(b.buffer);
    expect(b.byteOffset).toBe(8);
    const c = arena.take(Int32Array, 11); // 44 bytes, 48 aligned: 24 + 48 > 64, so its own buffer
    expect(c.buffer).not.toBe(a.buffer);
    expect(c.buffer.byteLength).toBe(44);
    expect(arena.take(Int32Array, 10).buffer).toBe(a.buffer); // 40 bytes still fit: 24 + 40 = 64
  });

  test("without a buffer every column is its own, zero-filled", () => {
    const arena = new Arena();
    const a = arena.take(Float64Array, 3);
    const b = arena.take(Float64Array, 3);
    expect(a.buffer).not.toBe(b.buffer);
    expect([...a, ...b]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
