import type { EngineDefinition } from '../spec/index.js';
import type { PollyOptions } from './polly-options.js';

/** What no options mean: the defaults of the options schema. */
export const pollyOptionDefaults = {
  engine: 'neural' as const,
  sampleRate: '16000' as const,
  wordTimings: false,
  timeoutMs: 120_000,
};

/** Amazon Polly. */
export const pollyDefinition: EngineDefinition<PollyOptions> = {
  id: 'polly',
  description: 'Amazon Polly (cloud; standard, neural, long-form or generative voices)',
  options: {
    engine: 'polly',
    defaults: pollyOptionDefaults,
    schema: async () => (await import('./polly-options.js')).pollyOptionsSchema,
  },
  credentials: [
    { variable: 'AWS_ACCESS_KEY_ID', placeholder: 'listing' },
    { variable: 'AWS_SECRET_ACCESS_KEY', placeholder: 'listing' },
    { variable: 'AWS_SESSION_TOKEN' },
    { variable: 'AWS_REGION', placeholder: 'us-east-1' },
    { variable: 'AWS_DEFAULT_REGION' },
  ],
  listing: {
    capabilities: { input: 'ssml', ssmlTags: ['speak', 'break', 'lang', 'mark', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub', 'w', 'amazon:effect'], maxInput: 3000, inputUnit: 'billed-chars', maxBreakMs: 10000, wordTimings: false, network: true, embedded: false, dialect: 'polly' },
    pricing: { usdPerMillionCharacters: 16, tier: 'neural' },
  },
  load: async () => (await import('./polly-engine.js')).createPollyEngine,
};
