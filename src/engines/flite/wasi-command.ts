import { ConsoleStdout, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim';
import type { WasmMemoryImage } from '../wasm-memory-image.js';

/** What one run of a WASI command left behind. */
export interface WasiCommandRun {
  exitCode: number;
  /** The files of its working folder after the run, by name. */
  files: ReadonlyMap<string, Uint8Array>;
  /** What it wrote to stderr, by line. */
  errors: string[];
}

/** A linear memory this large is dropped after its run rather than kept for the next. */
const DEFAULT_MEMORY_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * Runs a WASI command module (`_start`) many times on one instance, each run
 * from the memory the module starts with.
 *
 * Instantiating costs far more than a short run: a new linear memory, the
 * module's data (Flite's voices, 17 MB) copied into it and every page faulted
 * in again, about as long as the synthesis itself for a sentence or two. A
 * command keeps all its state in its linear memory, except the stack pointer,
 * which a `_start` that returns has unwound. So after a run that returned,
 * copying the pristine memory back (and clearing what the run grew) gives
 * the next run exactly the state of a new instance; the pieces it makes are
 * byte for byte the same. The module's read-only data, when its start memory
 * names it (Flite's voices: 16 MB of the 17), is not copied back: no run
 * writes it, so each restore copies the other hundred kilobytes. A run that
 * exited through `proc_exit` or trapped has not unwound its stack, and one
 * whose memory grew past `memoryLimitBytes` would hold that memory: the next
 * run gets a new instance.
 *
 * The file system is in memory (browser_wasi_shim) rather than `node:wasi`,
 * which on Node 20 crashes the process after a few Flite runs.
 */
export class WasiCommand {
  private instance: WebAssembly.Instance | undefined;
  private pristine: Uint8Array | undefined;
  /** The ranges of {@link pristine} a restore leaves as they are (see {@link WasmMemoryImage.readOnly}). */
  private readOnly: readonly (readonly [number, number])[] = [];
  private reusable = false;
  /** The WASI host of the run under way: the instance's imports call whichever is current. */
  private host: WASI | undefined;
  /** Whether the run under way called `proc_exit`, which leaves its stack wound. */
  private exited = false;
  private readonly imports: WebAssembly.Imports;
  /** Instances made so far (a fresh one after each run that could not be reused). */
  instancesMade = 0;

  /**
   * @param startMemory The memory a new instance starts with, when known
   * beforehand (see `wasmMemoryImage`): kept instead of a copy of the first
   * instance's, so that threads holding the same shared image hold one copy
   * between them, and its read-only data is never copied back. Used only if
   * the first instance's memory matches it outside the read-only ranges
   * (the image leaves those zero).
   */
  constructor(
    private readonly module: WebAssembly.Module,
    private readonly memoryLimitBytes = DEFAULT_MEMORY_LIMIT_BYTES,
    private readonly startMemory?: WasmMemoryImage,
  ) {
    const forward: Record<string, (...args: unknown[]) => unknown> = {};
    for (const entry of WebAssembly.Module.imports(module)) {
      if (entry.module !== 'wasi_snapshot_preview1' || entry.kind !== 'function') continue;
      const name = entry.name as keyof WASI['wasiImport'];
      forward[name] = (...args: unknown[]) => {
        if (name === 'proc_exit') this.exited = true;
        return (this.host!.wasiImport[name] as (...a: unknown[]) => unknown)(...args);
      };
    }
    this.imports = { wasi_snapshot_preview1: forward as WebAssembly.ModuleImports };
  }

  /** Whether restores copy from the start memory given to the constructor (it matched the first instance). */
  get restoresFromStartMemory(): boolean {
    return this.pristine !== undefined && this.pristine.buffer === this.startMemory?.memory;
  }

  /** Runs the command with `args` in a folder holding `files`. */
  run(args: readonly string[], files: ReadonlyMap<string, Uint8Array>): WasiCommandRun {
    const instance = this.ready();
    const errors: string[] = [];
    const folder = new PreopenDirectory('.', new Map([...files].map(([name, data]) => [name, new File(data)])));
    this.host = new WASI(
      [...args],
      [],
      [new OpenFile(new File([])), ConsoleStdout.lineBuffered(() => {}), ConsoleStdout.lineBuffered((line) => errors.push(line)), folder],
      { debug: false },
    );
    let exitCode: number;
    this.reusable = false;
    this.exited = false;
    try {
      exitCode = this.host.start(instance as WebAssembly.Instance & { exports: { memory: WebAssembly.Memory; _start: () => unknown } });
    } catch (error) {
      this.instance = undefined;
      throw error;
    } finally {
      this.host = undefined;
    }
    const memory = instance.exports.memory as WebAssembly.Memory;
    this.reusable = !this.exited && exitCode === 0 && memory.buffer.byteLength <= this.memoryLimitBytes;
    if (!this.reusable) this.instance = undefined;
    const output = new Map<string, Uint8Array>();
    for (const [name, inode] of folder.dir.contents) if (inode instanceof File) output.set(name, inode.data);
    return { exitCode, files: output, errors };
  }

  /** The instance for the next run, at the state of a new one. */
  private ready(): WebAssembly.Instance {
    if (this.instance && this.reusable && this.pristine) {
      const memory = new Uint8Array((this.instance.exports.memory as WebAssembly.Memory).buffer);
      let from = 0;
      for (const [start, end] of this.readOnly) {
        memory.set(this.pristine.subarray(from, start), from);
        from = end;
      }
      memory.set(this.pristine.subarray(from), from);
      memory.fill(0, this.pristine.byteLength);
      return this.instance;
    }
    this.instance = new WebAssembly.Instance(this.module, this.imports);
    this.instancesMade += 1;
    if (!this.pristine) {
      const memory = new Uint8Array((this.instance.exports.memory as WebAssembly.Memory).buffer);
      const start = this.startMemory && new Uint8Array(this.startMemory.memory);
      const readOnly = start && orderedWithin(this.startMemory!.readOnly, start.byteLength);
      if (start && readOnly && sameBytesOutside(start, memory, readOnly)) {
        this.pristine = start;
        this.readOnly = readOnly;
      } else this.pristine = memory.slice();
    }
    return this.instance;
  }
}

/** `ranges` when they are in order, apart and inside `length` bytes; else undefined (the image is not used). */
function orderedWithin(ranges: readonly (readonly [number, number])[], length: number): readonly (readonly [number, number])[] | undefined {
  let end = 0;
  for (const [start, stop] of ranges) {
    if (!(start >= end && stop > start && stop <= length)) return undefined;
    end = stop;
  }
  return ranges;
}

/** Whether two memories of one length hold the same bytes outside `skipped` (ordered, apart ranges). */
function sameBytesOutside(a: Uint8Array, b: Uint8Array, skipped: readonly (readonly [number, number])[]): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const same = (from: number, to: number) => Buffer.from(a.buffer, a.byteOffset + from, to - from).equals(Buffer.from(b.buffer, b.byteOffset + from, to - from));
  let from = 0;
  for (const [start, end] of skipped) {
    if (!same(from, start)) return false;
    from = end;
  }
  return same(from, a.byteLength);
}
