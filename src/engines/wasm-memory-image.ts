/**
 * The linear memory a WebAssembly module's new instance starts with, read
 * from the module's bytes without instantiating it: its initial pages, zeroed,
 * with every active data segment written at its offset, in order (what the
 * specification's instantiation does). Held in a `SharedArrayBuffer`, so
 * every thread of a process can restore its instances from one copy.
 *
 * Returns `undefined` for a module whose start state this cannot know from its
 * bytes alone: one that imports its memory, has several or a 64-bit one, runs
 * a start function, or places a segment at an offset computed from a global.
 */
export function wasmMemoryImage(bytes: Uint8Array): SharedArrayBuffer | undefined {
  try {
    return readMemoryImage(bytes);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function readMemoryImage(bytes: Uint8Array): SharedArrayBuffer | undefined {
  const reader = new Reader(bytes);
  if (reader.u32le() !== 0x6d736100 || reader.u32le() !== 1) return undefined;
  let initialPages: number | undefined;
  const segments: { offset: number; start: number; end: number }[] = [];
  while (!reader.done()) {
    const id = reader.byte();
    const size = reader.leb();
    const end = reader.position + size;
    if (id === 8) return undefined;
    if (id === 2 && importsMemory(new Reader(bytes.subarray(reader.position, end)))) return undefined;
    if (id === 5) {
      if (reader.leb() !== 1) return undefined;
      const flags = reader.byte();
      if (flags !== 0 && flags !== 1) return undefined;
      initialPages = reader.leb();
    }
    if (id === 11) {
      for (let count = reader.leb(); count > 0; count -= 1) {
        const flags = reader.leb();
        if (flags === 1) {
          reader.skip(reader.leb());
          continue;
        }
        if (flags === 2 && reader.leb() !== 0) return undefined;
        if (flags !== 0 && flags !== 2) return undefined;
        if (reader.byte() !== 0x41) return undefined;
        const offset = reader.sleb() >>> 0;
        if (reader.byte() !== 0x0b) return undefined;
        const length = reader.leb();
        segments.push({ offset, start: reader.position, end: reader.position + length });
        reader.skip(length);
      }
    }
    reader.position = end;
  }
  if (initialPages === undefined) return undefined;
  const image = new SharedArrayBuffer(initialPages * 65536);
  const view = new Uint8Array(image);
  for (const segment of segments) {
    if (segment.offset + (segment.end - segment.start) > view.byteLength) return undefined;
    view.set(bytes.subarray(segment.start, segment.end), segment.offset);
  }
  return image;
}

/** Whether an import section brings in a memory (import kind 2). */
function importsMemory(reader: Reader): boolean {
  for (let count = reader.leb(); count > 0; count -= 1) {
    reader.skip(reader.leb());
    reader.skip(reader.leb());
    const kind = reader.byte();
    if (kind === 2) return true;
    if (kind === 0) reader.leb();
    else if (kind === 1) {
      reader.byte();
      limits(reader);
    } else if (kind === 3) reader.skip(2);
    else if (kind === 4) {
      reader.byte();
      reader.leb();
    } else return true;
  }
  return false;
}

function limits(reader: Reader): void {
  const flags = reader.byte();
  reader.leb();
  if (flags & 1) reader.leb();
}

/** Reads the integers of the WebAssembly binary format. */
class Reader {
  position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  done(): boolean {
    return this.position >= this.bytes.byteLength;
  }

  byte(): number {
    if (this.done()) throw new RangeError('WebAssembly module ends early');
    return this.bytes[this.position++]!;
  }

  u32le(): number {
    return (this.byte() | (this.byte() << 8) | (this.byte() << 16) | (this.byte() << 24)) >>> 0;
  }

  skip(count: number): void {
    this.position += count;
  }

  /** An unsigned LEB128 integer (up to 32 bits). */
  leb(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.byte();
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if ((byte & 0x80) === 0) return result;
    }
  }

  /** A signed LEB128 integer (up to 32 bits). */
  sleb(): number {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = this.byte();
      result |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    if (shift < 32 && byte & 0x40) result |= -1 << shift;
    return result;
  }
}
