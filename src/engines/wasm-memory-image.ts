/** The memory a new instance of a WebAssembly module starts with, and the parts of it no run writes. */
export interface WasmMemoryImage {
  /**
   * The initial pages, zeroed, with every active data segment written at its
   * offset, except the read-only ones: {@link readOnly} is left zero here,
   * since a restore never copies it (for Flite, 16 of the 17 MB are never
   * written, nor faulted in). Held in a `SharedArrayBuffer`, so every thread
   * of a process can restore its instances from one copy.
   */
  memory: SharedArrayBuffer;
  /**
   * The `[start, end)` ranges, in order, of the data segments the module's
   * name section calls `.rodata`: the compiler's read-only data (a C
   * program's constants and string literals, Flite's voices), which a
   * correct program never writes, so a restore can leave it as it is.
   * Empty when the module names no segment so.
   */
  readOnly: (readonly [start: number, end: number])[];
}

/**
 * The linear memory a WebAssembly module's new instance starts with, read
 * from the module's bytes without instantiating it (what the specification's
 * instantiation does), with its read-only data named (see
 * {@link WasmMemoryImage}).
 *
 * Returns `undefined` for a module whose start state this cannot know from its
 * bytes alone: one that imports its memory, has several or a 64-bit one, runs
 * a start function, or places a segment at an offset computed from a global.
 */
export function wasmMemoryImage(bytes: Uint8Array): WasmMemoryImage | undefined {
  try {
    return readMemoryImage(bytes);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function readMemoryImage(bytes: Uint8Array): WasmMemoryImage | undefined {
  const reader = new Reader(bytes);
  if (reader.u32le() !== 0x6d736100 || reader.u32le() !== 1) return undefined;
  let initialPages: number | undefined;
  /** Active segments, by their index among all the module's segments. */
  const segments = new Map<number, { offset: number; start: number; end: number }>();
  let segmentNames = new Map<number, string>();
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
      const count = reader.leb();
      for (let index = 0; index < count; index += 1) {
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
        segments.set(index, { offset, start: reader.position, end: reader.position + length });
        reader.skip(length);
      }
    }
    if (id === 0) segmentNames = dataSegmentNames(new Reader(bytes.subarray(reader.position, end))) ?? segmentNames;
    reader.position = end;
  }
  if (initialPages === undefined) return undefined;
  const image = new SharedArrayBuffer(initialPages * 65536);
  const view = new Uint8Array(image);
  const isReadOnly = (index: number) => /^\.rodata(\.|$)/.test(segmentNames.get(index) ?? '');
  for (const [index, segment] of segments) {
    if (segment.offset + (segment.end - segment.start) > view.byteLength) return undefined;
    if (!isReadOnly(index)) view.set(bytes.subarray(segment.start, segment.end), segment.offset);
  }
  const readOnly = [...segments]
    .filter(([index]) => isReadOnly(index))
    .map(([, segment]): [number, number] => [segment.offset, segment.offset + (segment.end - segment.start)])
    .sort((a, b) => a[0] - b[0]);
  return { memory: image, readOnly: mergeRanges(readOnly) };
}

/** The data segment names of a custom section, when it is the name section and has them (subsection 9); else undefined. */
function dataSegmentNames(reader: Reader): Map<number, string> | undefined {
  try {
    return readDataSegmentNames(reader);
  } catch (error) {
    // A malformed name section leaves the memory known, with nothing taken as read-only.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function readDataSegmentNames(reader: Reader): Map<number, string> | undefined {
  if (reader.name() !== 'name') return undefined;
  while (!reader.done()) {
    const subsection = reader.byte();
    const size = reader.leb();
    const end = reader.position + size;
    if (subsection === 9) {
      const names = new Map<number, string>();
      for (let count = reader.leb(); count > 0; count -= 1) {
        const index = reader.leb();
        names.set(index, reader.name());
      }
      return names;
    }
    reader.position = end;
  }
  return undefined;
}

/** Sorted ranges with the ones that touch or overlap joined. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
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

  /** A name: its length in bytes, then UTF-8. */
  name(): string {
    const length = this.leb();
    if (this.position + length > this.bytes.byteLength) throw new RangeError('WebAssembly module ends early');
    const text = new TextDecoder().decode(this.bytes.subarray(this.position, this.position + length));
    this.skip(length);
    return text;
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
