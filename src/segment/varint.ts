// Unsigned LEB128 varints: the byte format of the compact lexicon and model files (7 bits per byte, high bit set
// on every byte but the last).

/** Appends `x` (an unsigned 32-bit integer) to `bytes`. */
export function writeVarint(bytes: number[], x: number): void {
  let d = x >>> 0;
  while (d >= 0x80) {
    bytes.push((d & 0x7f) | 0x80);
    d >>>= 7;
  }
  bytes.push(d);
}

/** A reader over `buf` from offset 0: each call returns the next varint; `offset()` tells where it stands. */
export function varintReader(buf: Uint8Array): { read(): number; offset(): number } {
  let p = 0;
  return {
    read(): number {
      let d = 0;
      let shift = 0;
      let b: number;
      do {
        b = buf[p++]!;
        d |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      return d >>> 0;
    },
    offset: () => p,
  };
}
