import type { EngineDefinition } from '../spec/index.js';
import { commandCapabilities } from './command-capabilities.js';
import type { CommandOptions } from './command-options.js';

/** What no options mean: the defaults of the options schema. */
export const commandOptionDefaults = {
  input: 'text' as const,
  language: 'en',
  wpm: 175,
  maxInput: 4000,
  /** SSML a generic program is assumed to honour when `input=ssml`. */
  ssmlTags: ['speak', 'p', 's', 'break'],
  timeoutMs: 120_000,
};

/** Any installed text-to-speech program, through a command template. */
export const commandDefinition: EngineDefinition<CommandOptions> = {
  id: 'command',
  description: 'any installed TTS program through a command template (Piper, say, Festival, espeak-ng)',
  options: {
    engine: 'command',
    defaults: commandOptionDefaults,
    schema: async () => (await import('./command-options.js')).commandOptionsSchema,
  },
  listingCapabilities: () => commandCapabilities({ ...commandOptionDefaults, followsRate: false }),
  load: async () => (await import('./command-engine.js')).createCommandEngine,
};
