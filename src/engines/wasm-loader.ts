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

/**
 * Node prints an ExperimentalWarning the first time `node:wasi` is used; it
 * means nothing to a user of this tool, so that one warning is swallowed.
 */
export async function importWasiQuietly(): Promise<typeof import('node:wasi')> {
  const original = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type === 'ExperimentalWarning' && /WASI/i.test(text)) return;
    return (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    const wasi = await import('node:wasi');
    new wasi.WASI({ version: 'preview1', args: [], env: {}, returnOnExit: true });
    return wasi;
  } finally {
    process.emitWarning = original;
  }
}
