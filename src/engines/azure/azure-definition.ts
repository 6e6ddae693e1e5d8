import type { EngineDefinition } from '../spec/index.js';
import type { AzureOptions } from './azure-options.js';

/** What no options mean: the defaults of the options schema. */
export const azureOptionDefaults = { voice: 'en-US-JennyNeural', timeoutMs: 120_000 };

/** Azure AI Speech. */
export const azureDefinition: EngineDefinition<AzureOptions> = {
  id: 'azure',
  description: 'Azure AI Speech (cloud)',
  options: {
    engine: 'azure',
    defaults: azureOptionDefaults,
    schema: async () => (await import('./azure-options.js')).azureOptionsSchema,
  },
  credentials: [
    { variable: 'AZURE_SPEECH_KEY', placeholder: 'listing' },
    { variable: 'AZURE_SPEECH_REGION', placeholder: 'eastus' },
  ],
  listing: {
    capabilities: { input: 'ssml', ssmlTags: ['speak', 'voice', 'break', 'p', 's', 'prosody', 'say-as', 'sub', 'phoneme', 'lang', 'bookmark', 'mstts:express-as', 'mstts:silence'], maxInput: 5000, inputUnit: 'chars', maxBreakMs: 5000, wordTimings: false, network: true, embedded: false, dialect: 'azure' },
    pricing: { usdPerMillionCharacters: 15 },
  },
  load: async () => (await import('./azure-engine.js')).createAzureEngine,
};
