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

  test("a scratch step's memory goes to the next taker, zeroed by take() and as left by takeUnfilled()", () => {
    const arena = Arena.reserve(64);
    const kept = arena.take(Int32Array, 2);
    arena.scratch((s) => s.take(Int32Array, 8).fill(7));
    const zeroed = arena.take(Int32Array, 4);
    expect(zeroed.byteOffset).toBe(8); // right after `kept`: the scratch memory again
    expect([...zeroed]).toEqual([0, 0, 0, 0]);
    const unfilled = arena.takeUnfilled(Int32Array, 4);
    expect([...unfilled]).toEqual([7, 7, 7, 7]); // left by the scratch step: the caller writes it in full
    expect(kept.buffer).toBe(unfilled.buffer);
  });

  test("without a buffer every column is its own, zero-filled", () => {
    const arena = new Arena();
    const a = arena.take(Float64Array, 3);
    const b = arena.takeUnfilled(Float64Array, 3);
    expect(a.buffer).not.toBe(b.buffer);
    expect([...a, ...b]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
