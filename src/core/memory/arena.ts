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

  /** `buffer` null: every column is its own allocation (small inputs, tests). */
  constructor(private readonly buffer: ArrayBuffer | null = null) {}

  static reserve(bytes: number): Arena {
    return new Arena(new ArrayBuffer(Arena.aligned(bytes)));
  }

  /** A column of n zeros; from the buffer while it lasts, else newly allocated. */
  take<T extends TypedColumn>(type: TypedColumnType<T>, n: number): T {
    const bytes = Arena.aligned(n * type.BYTES_PER_ELEMENT);
    if (this.buffer === null || this.at + bytes > this.buffer.byteLength) return new type(n);
    const column = new type(this.buffer, this.at, n);
    this.at += bytes;
    return column;
  }

  /** Rounded up to 8 bytes, so that every column of any element type starts aligned. */
  static aligned(bytes: number): number {
    return Math.ceil(bytes / 8) * 8;
  }
}
