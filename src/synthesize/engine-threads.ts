import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';

const WORKER_FILE = new URL('./engine-worker.js', import.meta.url);
/**
 * What a thread runs: an import of the worker's module. A thread started from
 * the file itself takes the caller's `--input-type` (a script run by
 * `node --input-type=module -e`, say) and refuses to start; code given to
 * evaluate takes it as it should, and the caller's other Node options too.
 */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(WORKER_FILE.href)});`;

/** Which engine a thread runs, and whether it compiles the engine's WebAssembly for the others. */
export interface EngineThreadSetup {
  engine: string;
  options: Record<string, string | number | boolean | undefined>;
  /** This thread compiles the engine's WebAssembly and posts it to the pool, for the other threads. */
  compiles: boolean;
}

/** True when the compiled worker script is available (it is not when running from TypeScript sources). */
export function workerThreadsAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_FILE));
}

/** Starts an engine thread; without `setup`, it boots and waits to be sent one (`{ setup }`). */
export function startEngineThread(setup?: EngineThreadSetup): Worker {
  // Lets the threads collect the memory of finished WebAssembly runs at once (see engine-worker).
  v8.setFlagsFromString('--expose-gc');
  return new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: setup ?? { awaitsSetup: true }, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
}

/** Threads started ahead of a pool, booting or booted, not yet taken. */
const waiting: Worker[] = [];

/**
 * Starts engine threads before a build knows it needs them, so that they boot
 * while it loads the modules that read the articles: up to `count` threads
 * wait (never held alive by themselves) until a pool takes them with
 * {@link takeWaitingEngineThread}; {@link endWaitingEngineThreads} ends those
 * none took.
 */
export function startWaitingEngineThreads(count: number): void {
  while (waiting.length < count) {
    const thread = startEngineThread();
    thread.unref();
    const forget = () => {
      const index = waiting.indexOf(thread);
      if (index >= 0) waiting.splice(index, 1);
    };
    // A thread that fails or ends before it is taken is no longer offered; a pool starts its own instead.
    thread.once('error', forget);
    thread.once('exit', forget);
    waiting.push(thread);
  }
}

/** How many started threads wait for a pool. */
export function waitingEngineThreads(): number {
  return waiting.length;
}

/** A waiting thread, now held alive like one the pool started; undefined when none waits. */
export function takeWaitingEngineThread(setup: EngineThreadSetup): Worker | undefined {
  const thread = waiting.shift();
  if (!thread) return undefined;
  thread.ref();
  thread.postMessage({ setup });
  return thread;
}

/** Ends the waiting threads no pool took. */
export async function endWaitingEngineThreads(): Promise<void> {
  await Promise.all(waiting.splice(0).map((thread) => thread.terminate()));
}
