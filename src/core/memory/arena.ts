/**
 * Typed columns carved out of one buffer reserved up front. Typed-array memory counts against
 * the JavaScript engine's external-memory budget, and crossing it starts a collection of the
 * whole heap; one reservation made while the heap holds only the input grid pays that
 * collection once, while it is cheapest (docs/BENCHMARKS.md).
 */
export interface TypedColumn {
  length: number;
}

export interface TypedColumnType<T extends TypedColumn> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

export class Arena {
  private at = 0;
  /** Memory below this was used by a finished scratch step and is not zero any more. */
  private dirtyUntil = 0;

  /** `buffer` null: every column is its own allocation (small inputs, tests). */
  constructor(private readonly buffer: ArrayBuffer | null = null) {}

  static reserve(bytes: number): Arena {
    return new Arena(new ArrayBuffer(Arena.aligned(bytes)));
  }

  /** A column of n elements; from the buffer while it lasts, else newly allocated. Zero-filled either way. */
  take<T extends TypedColumn & { fill(value: number): unknown }>(type: TypedColumnType<T>, n: number): T {
    const from = this.at;
    const column = this.takeUnfilled(type, n);
    if (from < this.dirtyUntil && this.at > from) column.fill(0);
    return column;
  }

  /**
   * A column of n elements whose contents are undefined (zero, or left by a finished scratch
   * step): for a column the caller writes in full before reading.
   */
  takeUnfilled<T extends TypedColumn>(type: TypedColumnType<T>, n: number): T {
    const bytes = Arena.aligned(n * type.BYTES_PER_ELEMENT);
    if (this.buffer === null || this.at + bytes > this.buffer.byteLength) return new type(n);
    const column = new type(this.buffer, this.at, n);
    this.at += bytes;
    return column;
  }

  /**
   * Runs `use` with columns it takes from here, then gives their memory back for the next
   * taker: scratch columns of one step become the next step's columns, on memory already paged
   * in (take() zero-fills what it hands out again). Nothing `use` took may be kept after it returns.
   */
  scratch<T>(use: (arena: Arena) => T): T {
    const from = this.at;
    try {
      return use(this);
    } finally {
      this.dirtyUntil = Math.max(this.dirtyUntil, this.at);
      this.at = from;
    }
  }

  /** Rounded up to 8 bytes, so that every column of any element type starts aligned. */
  static aligned(bytes: number): number {
    return Math.ceil(bytes / 8) * 8;
  }
}
