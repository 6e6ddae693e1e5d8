/**
 * Worker thread that owns one instance of an embedded engine. Embedded
 * engines compute in WebAssembly on the calling thread, so running one per
 * worker is what makes synthesis use every core.
 */
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../engines/registry.js';
import { adoptWasmModules, compiledWasmModules, type CompiledWasm } from '../engines/wasm-loader.js';
import type { SynthesisRequest } from '../engines/speech-engine.js';
import { isBriefingError } from '../errors.js';

interface WorkerSetup {
  engine: string;
  options: Record<string, string | number | boolean | undefined>;
  /** This thread compiles the engine's WebAssembly and posts it to the pool, for the other threads. */
  compiles: boolean;
}

const setup = workerData as WorkerSetup;
// Below the encoder: on a machine with as many threads as cores, the MP3 encoder (which can only
// follow the pieces in order) then keeps pace with synthesis instead of finishing long after it.
// On Linux this sets the priority of this thread alone; elsewhere it may be refused, which costs nothing.
try {
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not permitted here: the thread runs at the normal priority.
}
// A thread that does not compile is first sent the WebAssembly modules (and their start memories)
// another thread compiled: shared rather than made again here.
if (!setup.compiles) {
  const { modules } = await new Promise<{ modules: CompiledWasm[] }>((resolve) => parentPort!.once('message', resolve));
  adoptWasmModules(modules);
}
const engine = await createEngine(setup.engine, { options: setup.options });
if (setup.compiles) {
  await engine.prepare?.();
  parentPort!.postMessage({ modules: await compiledWasmModules() });
}

/**
 * Each request leaves garbage behind: a whole dead linear memory for an
 * engine that instantiates per request (eSpeak NG), the run's files and
 * buffers for Flite, which reuses its instance. V8 frees it only when it next
 * collects, which can be hundreds of megabytes later. Collecting after every
 * request keeps a worker's footprint flat. A request's garbage is young (its
 * buffers die before the next request), so a young-generation collection
 * frees it: measured on the seed article, a full collection after each
 * request spent 0.56–0.61 s of the build's CPU in the collector, a young one
 * 0.30–0.38 s, with the same peak memory; none at all raised the peak by 6 to
 * 12 MB.
 */
const collect = (globalThis as { gc?: (options?: { type?: 'major' | 'minor' }) => void }).gc;

parentPort!.on('message', async (message: { id: number; request: SynthesisRequest }) => {
  try {
    const result = await engine.synthesize(message.request);
    collect?.({ type: 'minor' });
    const transfer = result.audio.data.buffer instanceof ArrayBuffer ? [result.audio.data.buffer] : [];
    parentPort!.postMessage({ id: message.id, result }, transfer);
  } catch (error) {
    parentPort!.postMessage({
      id: message.id,
      error: {
        code: isBriefingError(error) ? error.code : 'ENGINE_REQUEST_FAILED',
        message: error instanceof Error ? error.message : String(error),
        retryable: isBriefingError(error) ? error.retryable : false,
      },
    });
  }
});
parentPort!.postMessage({ ready: true });
