import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { BriefingError, type BriefingErrorCode } from '../errors.js';
import type { SpeechEngine, SynthesisRequest, SynthesisResult } from '../engines/speech-engine.js';
import type { CompiledWasm } from '../engines/wasm-loader.js';
import { whenAborted } from '../platform/when-aborted.js';

const WORKER_FILE = new URL('./engine-worker.js', import.meta.url);
/**
 * What a thread runs: an import of the worker's module. A thread started from
 * the file itself takes the caller's `--input-type` (a script run by
 * `node --input-type=module -e`, say) and refuses to start; code given to
 * evaluate takes it as it should, and the caller's other Node options too.
 */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(WORKER_FILE.href)});`;

/** True when the compiled worker script is available (it is not when running from TypeScript sources). */
export function workerThreadsAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_FILE));
}

interface Pending {
  resolve: (result: SynthesisResult) => void;
  reject: (error: unknown) => void;
  worker: PoolWorker;
}

/** What a worker thread posts: its compiled modules (the thread that compiles), that it is ready, or a request's outcome. */
interface WorkerNotice {
  modules?: CompiledWasm[];
  ready?: boolean;
  id?: number;
  result?: SynthesisResult;
  error?: { code: BriefingErrorCode; message: string; retryable: boolean };
}

interface PoolWorker {
  thread: Worker;
  busy: number;
  ready: Promise<void>;
}

/** The engines this module made: a pool is never wrapped in another (its threads would sit idle beside the new ones). */
const pools = new WeakSet<SpeechEngine>();

/** True when `engine` is a pool of worker threads made by {@link createWorkerPoolEngine}. */
export function isWorkerPoolEngine(engine: SpeechEngine): boolean {
  return pools.has(engine);
}

/**
 * Wraps an embedded engine so its requests run on `size` worker threads, each
 * with its own engine instance, but never more threads than the machine runs
 * at once: an embedded engine computes, so more threads would only add an
 * engine's memory each (a `--jobs 64` build on two cores would hold 64)
 * without finishing sooner; requests beyond them wait for a free thread. The wrapper is itself a `SpeechEngine` with
 * the same id, version and capabilities, so results (and cache keys) do not
 * depend on how many threads made them. A pool given to it is returned as it is.
 */
export function createWorkerPoolEngine(
  engine: SpeechEngine,
  setup: {
    engine: string;
    options: Record<string, string | number | boolean | undefined>;
    /**
     * Modules compiled here, shared with every thread; may still be compiling (threads start at once
     * and take them when ready). Without them, the first thread compiles and shares its own.
     */
    modules?: CompiledWasm[] | Promise<CompiledWasm[]>;
  },
  size: number,
): SpeechEngine & { warm(): void } {
  if (pools.has(engine)) return engine as SpeechEngine & { warm(): void };
  const threads = Math.max(1, Math.min(Math.floor(size), availableParallelism()));
  let shared: Promise<CompiledWasm[]> | undefined = setup.modules === undefined ? undefined : Promise.resolve(setup.modules).catch(() => []);
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closed = false;
  const workers: PoolWorker[] = [];

  const start = (): PoolWorker => {
    // Lets the workers collect the memory of finished WebAssembly runs at once (see engine-worker).
    v8.setFlagsFromString('--expose-gc');
    // Without modules from the caller, the first thread compiles its engine's and shares them: it boots
    // and compiles while the calling thread reads the articles, and the others take its modules.
    const compiles = shared === undefined;
    let share: ((modules: CompiledWasm[]) => void) | undefined;
    if (compiles) shared = new Promise<CompiledWasm[]>((resolve) => (share = resolve));
    const thread = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { engine: setup.engine, options: setup.options, compiles }, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    // A thread that failed before sharing leaves the others to compile their own.
    if (share) thread.once('exit', () => share!([]));
    else shared!.then((compiled) => thread.postMessage({ modules: compiled }));
    const worker: PoolWorker = {
      thread,
      busy: 0,
      ready: new Promise<void>((resolve, reject) => {
        thread.on('message', (message: WorkerNotice) => {
          if (message.modules) share?.(message.modules);
          if (message.ready) resolve();
        });
        thread.once('error', reject);
      }),
    };
    worker.ready.catch(() => {});
    thread.on('message', (message: WorkerNotice) => {
      if (message.id === undefined) return;
      const entry = pending.get(message.id);
      if (!entry) return;
      pending.delete(message.id);
      entry.worker.busy -= 1;
      if (message.error) entry.reject(new BriefingError(message.error.code, message.error.message, { retryable: message.error.retryable }));
      else entry.resolve(message.result!);
    });
    thread.on('error', (error) => {
      for (const [id, entry] of pending) {
        if (entry.worker !== worker) continue;
        pending.delete(id);
        entry.reject(new BriefingError('ENGINE_REQUEST_FAILED', `${engine.id}: worker failed: ${error.message}`, { cause: error, retryable: true }));
      }
      const index = workers.indexOf(worker);
      if (index >= 0 && !closed) workers[index] = start();
    });
    return worker;
  };

  const pick = (): PoolWorker => {
    if (workers.length < threads) {
      const worker = start();
      workers.push(worker);
      return worker;
    }
    return workers.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best));
  };

  const pool: SpeechEngine & { warm(): void } = {
    spec: engine.spec,
    id: engine.id,
    version: engine.version,
    defaultVoice: engine.defaultVoice,
    capabilities: engine.capabilities,
    voices: () => engine.voices(),
    ...(engine.settings ? { settings: () => engine.settings!() } : {}),
    async synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<SynthesisResult> {
      if (closed) throw new BriefingError('ABORTED', `${engine.id}: engine closed`);
      if (signal?.aborted) throw new BriefingError('ABORTED', `${engine.id}: synthesis aborted`);
      const worker = pick();
      worker.busy += 1;
      await worker.ready.catch((error: Error) => {
        worker.busy -= 1;
        throw new BriefingError('ENGINE_UNAVAILABLE', `${engine.id}: could not start a worker thread: ${error.message}`, { cause: error });
      });
      const id = nextId++;
      return new Promise<SynthesisResult>((resolve, reject) => {
        const forget = signal
          ? whenAborted(signal, () => {
              pending.delete(id);
              worker.busy -= 1;
              reject(new BriefingError('ABORTED', `${engine.id}: synthesis aborted`));
            })
          : () => {};
        pending.set(id, {
          worker,
          resolve: (result) => {
            forget();
            resolve(result);
          },
          reject: (error) => {
            forget();
            reject(error);
          },
        });
        worker.thread.postMessage({ id, request });
      });
    },
    warm() {
      while (workers.length < threads) workers.push(start());
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(workers.map((worker) => worker.thread.terminate()));
      await engine.close?.();
    },
  };
  pools.add(pool);
  return pool;
}
