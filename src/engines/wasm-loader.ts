import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { wasmMemoryImage, type WasmMemoryImage } from './wasm-memory-image.js';

const require = createRequire(import.meta.url);
const compiled = new Map<string, Promise<WebAssembly.Module>>();
const images = new Map<string, Promise<WasmMemoryImage | undefined>>();

/** A module compiled in one thread, with its start memory when that was read, as handed to another thread. */
export type CompiledWasm = [file: string, module: WebAssembly.Module, memoryImage?: WasmMemoryImage];

/**
 * Compiles the WebAssembly file shipped in an npm package once per process
 * (per thread) and hands the same module to every caller. With
 * `memoryImage`, the same read of the file also makes its start memory for
 * {@link loadWasmMemoryImage}, so the file is read once.
 */
export function loadWasmModule(packageFile: string, options: { memoryImage?: boolean } = {}): Promise<WebAssembly.Module> {
  let module = compiled.get(packageFile);
  if (!module) {
    const bytes = readFile(require.resolve(packageFile));
    if (options.memoryImage && !images.has(packageFile)) rememberImage(packageFile, bytes.then((read) => wasmMemoryImage(read)));
    module = bytes.then((read) => WebAssembly.compile(read));
    compiled.set(packageFile, module);
    module.catch(() => compiled.delete(packageFile));
  }
  return module;
}

function rememberImage(packageFile: string, image: Promise<WasmMemoryImage | undefined>): Promise<WasmMemoryImage | undefined> {
  images.set(packageFile, image);
  image.catch(() => images.delete(packageFile));
  return image;
}

/**
 * The memory a new instance of the package's module starts with (see
 * {@link wasmMemoryImage}), read once per process: threads given it by
 * {@link adoptWasmModules} share the one copy. `undefined` when the module's
 * bytes cannot tell.
 */
export function loadWasmMemoryImage(packageFile: string): Promise<WasmMemoryImage | undefined> {
  return images.get(packageFile) ?? rememberImage(packageFile, readFile(require.resolve(packageFile)).then((bytes) => wasmMemoryImage(bytes)));
}

/** Every module compiled so far in this thread, by package file, with the memory images read so far (to share with worker threads). */
export async function compiledWasmModules(): Promise<CompiledWasm[]> {
  return Promise.all(
    [...compiled.entries()].map(async ([file, module]): Promise<CompiledWasm> => {
      const image = await images.get(file)?.catch(() => undefined);
      return image ? [file, await module, image] : [file, await module];
    }),
  );
}

/** Adopts modules (and memory images) of another thread of this process: the compiled code and the images are shared, not made again. */
export function adoptWasmModules(modules: readonly CompiledWasm[]): void {
  for (const [file, module, image] of modules) {
    compiled.set(file, Promise.resolve(module));
    if (image) images.set(file, Promise.resolve(image));
  }
}
