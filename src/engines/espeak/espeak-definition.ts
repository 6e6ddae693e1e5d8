import type { EngineDefinition } from '../spec/index.js';
import type { EspeakOptions } from './espeak-options.js';

/** eSpeak NG: embedded, offline, many languages, native SSML. */
export const espeakDefinition: EngineDefinition<EspeakOptions> = {
  id: 'espeak',
  description: 'eSpeak NG (embedded, offline, 100+ languages, native SSML)',
  options: {
    engine: 'espeak',
    defaults: {},
    schema: async () => (await import('./espeak-options.js')).espeakOptionsSchema,
  },
  listing: {
    capabilities: { input: 'ssml', ssmlTags: ['speak', 'voice', 'prosody', 'say-as', 'mark', 's', 'p', 'sub', 'audio', 'emphasis', 'break'], maxInput: 4000, inputUnit: 'chars', maxBreakMs: 20000, wordTimings: false, network: false, embedded: true, dialect: 'espeak' },
  },
  load: async () => (await import('./espeak-engine.js')).createEspeakEngine,
};
