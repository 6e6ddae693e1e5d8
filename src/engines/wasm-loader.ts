import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const compiled = new Map<string, Promise<WebAssembly.Module>>();

/**
 * Compiles the WebAssembly file shipped in an npm package once per process
 * (per thread) and hands the same module to every caller.
 */
export function loadWasmModule(packageFile: string): Promise<WebAssembly.Module> {
  let module = compiled.get(packageFile);
  if (!module) {
    module = readFile(require.resolve(packageFile)).then((bytes) => WebAssembly.compile(bytes));
    compiled.set(packageFile, module);
    module.catch(() => compiled.delete(packageFile));
  }
  return module;
}

/** Every module compiled so far in this thread, by package file (to share with worker threads). */
export async function compiledWasmModules(): Promise<[string, WebAssembly.Module][]> {
  return Promise.all([...compiled.entries()].map(async ([file, module]) => [file, await module] as [string, WebAssembly.Module]));
}

/** Adopts modules compiled by another thread of this process: the compiled code is shared, not compiled again. */
export function adoptWasmModules(modules: readonly [string, WebAssembly.Module][]): void {
  for (const [file, module] of modules) compiled.set(file, Promise.resolve(module));
}
