import type { EngineDefinition } from '../spec/index.js';
import type { GoogleOptions } from './google-options.js';

/** What no options mean: the defaults of the options schema. */
export const googleOptionDefaults = {
  endpoint: 'https://texttospeech.googleapis.com',
  voice: 'en-US-Neural2-F',
  sampleRate: 24_000,
  timepoints: false,
  timeoutMs: 120_000,
};

/** Google Cloud Text-to-Speech. */
export const googleDefinition: EngineDefinition<GoogleOptions> = {
  id: 'google',
  description: 'Google Cloud Text-to-Speech (cloud)',
  options: {
    engine: 'google',
    defaults: googleOptionDefaults,
    schema: async () => (await import('./google-options.js')).googleOptionsSchema,
  },
  credentials: [{ variable: 'GOOGLE_API_KEY', placeholder: 'listing' }, { variable: 'GOOGLE_APPLICATION_CREDENTIALS' }],
  listing: {
    capabilities: { input: 'ssml', ssmlTags: ['speak', 'break', 'say-as', 'p', 's', 'sub', 'mark', 'prosody', 'emphasis', 'phoneme', 'voice', 'lang'], maxInput: 5000, inputUnit: 'bytes', maxBreakMs: 10000, wordTimings: false, network: true, embedded: false, dialect: 'google' },
    pricing: { usdPerMillionCharacters: 16 },
  },
  load: async () => (await import('./google-engine.js')).createGoogleEngine,
};
