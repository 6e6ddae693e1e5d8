import type { InferredOptionTypes, Options } from 'yargs';
import { DEFAULT_ENGINE } from '../../engines/default-engine.js';
import type { PrepareOptions } from '../../pipeline/build-options.js';
import { parseEngineOptions } from '../engine-option.js';

/** The flags that choose and set up the speech engine. */
export const ENGINE_FLAGS = {
  engine: { alias: 'e', type: 'string', describe: `speech engine: an engine id (see \`briefing engines\`) or a path to an engine module (default ${DEFAULT_ENGINE})` },
  voice: { alias: 'v', type: 'string', describe: "voice of the narration (default: the engine's default voice)" },
  'engine-option': { type: 'string', array: true, describe: 'engine setting as key=value (repeatable)' },
} as const satisfies Record<string, Options>;

/** The parsed {@link ENGINE_FLAGS}. */
export type EngineFlags = InferredOptionTypes<typeof ENGINE_FLAGS>;

/** The engine choice of the flags, as build options: only what was given. */
export function engineOptionsFromFlags(flags: EngineFlags): Pick<PrepareOptions, 'engine' | 'engineOptions' | 'voice'> {
  return {
    ...(flags.engine ? { engine: flags.engine } : {}),
    engineOptions: parseEngineOptions(flags['engine-option']),
    ...(flags.voice ? { voice: flags.voice } : {}),
  };
}
