import type { EngineDefinition } from '../spec/index.js';
import type { ElevenLabsOptions } from './elevenlabs-options.js';

/** The `speed` range of `voice_settings`. */
export const ELEVENLABS_SPEED = { min: 0.7, max: 1.2 } as const;

/** What no options mean: the defaults of the options schema. */
export const elevenLabsOptionDefaults = {
  endpoint: 'https://api.elevenlabs.io',
  model: 'eleven_multilingual_v2',
  /** "George", the premade voice of ElevenLabs' own examples. */
  voice: 'JBFqnCBsd6RMkjVDRZzb',
  sampleRate: '24000' as const,
  timeoutMs: 120_000,
};

/** ElevenLabs text to speech. */
export const elevenLabsDefinition: EngineDefinition<ElevenLabsOptions> = {
  id: 'elevenlabs',
  description: 'ElevenLabs text to speech (cloud)',
  options: {
    engine: 'elevenlabs',
    defaults: elevenLabsOptionDefaults,
    schema: async () => (await import('./elevenlabs-options.js')).elevenLabsOptionsSchema,
  },
  credentials: [{ variable: 'ELEVENLABS_API_KEY', placeholder: 'listing' }],
  listing: {
    capabilities: { input: 'ssml', ssmlTags: ['break'], maxInput: 10000, inputUnit: 'chars', maxBreakMs: 3000, wordTimings: false, network: true, embedded: false, dialect: 'elevenlabs' },
    pricing: { usdPerMillionCharacters: 300, tier: 'eleven_multilingual_v2' },
  },
  load: async () => (await import('./elevenlabs-engine.js')).createElevenLabsEngine,
};
