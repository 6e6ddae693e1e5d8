import type { EngineDefinition } from '../spec/index.js';
import type { OpenAiOptions } from './openai-options.js';

/** What no options mean: the defaults of the options schema. */
export const openAiOptionDefaults = { model: 'gpt-4o-mini-tts', voice: 'alloy', speed: 1, timeoutMs: 120_000 };

/** OpenAI text to speech. */
export const openAiDefinition: EngineDefinition<OpenAiOptions> = {
  id: 'openai',
  description: 'OpenAI text to speech (cloud; plain text)',
  options: {
    engine: 'openai',
    defaults: openAiOptionDefaults,
    schema: async () => (await import('./openai-options.js')).openAiOptionsSchema,
  },
  credentials: [{ variable: 'OPENAI_API_KEY', placeholder: 'listing' }],
  listing: {
    capabilities: { input: 'text', maxInput: 4096, inputUnit: 'chars', wordTimings: false, network: true, prosody: ['rate'], embedded: false },
    pricing: { usdPerMillionCharacters: 15, tier: 'gpt-4o-mini-tts' },
  },
  load: async () => (await import('./openai-engine.js')).createOpenAiEngine,
};
