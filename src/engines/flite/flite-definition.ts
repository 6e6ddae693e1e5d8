import type { EngineDefinition } from '../spec/index.js';
import type { FliteOptions } from './flite-options.js';

/** What no options mean: the defaults of the options schema. */
export const fliteOptionDefaults = { voice: 'slt' };

/** Flite: embedded, offline, English; the default engine. */
export const fliteDefinition: EngineDefinition<FliteOptions> = {
  id: 'flite',
  description: 'Flite (embedded, offline, English; the default)',
  options: {
    engine: 'flite',
    defaults: fliteOptionDefaults,
    schema: async () => (await import('./flite-options.js')).fliteOptionsSchema,
  },
  listing: {
    capabilities: { input: 'text', maxInput: 2000, inputUnit: 'chars', wordTimings: false, network: false, prosody: ['rate', 'pitch'], embedded: true },
  },
  load: async () => (await import('./flite-engine.js')).createFliteEngine,
};
