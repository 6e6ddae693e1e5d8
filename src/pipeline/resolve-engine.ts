import { createEngine, DEFAULT_ENGINE } from '../engines/registry.js';
import type { SpeechEngine } from '../engines/speech-engine.js';
import type { PrepareOptions } from './build-options.js';

/** Makes the engine named in the options (or uses the one given). */
export async function resolveEngine(options: PrepareOptions): Promise<SpeechEngine> {
  if (options.engine && typeof options.engine !== 'string') return options.engine;
  return createEngine(options.engine ?? DEFAULT_ENGINE, {
    options: { ...(options.engineOptions ?? {}) },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
}
