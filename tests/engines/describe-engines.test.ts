import { describe, expect, it } from 'vitest';
import { describeEngines, madeListing } from '../../src/engines/describe-engines.js';
import { BUILT_IN_ENGINES } from '../../src/engines/registry.js';

// `briefing engines` lists what each definition writes out, loading no engine: each listing must say what the engine says of itself.
describe('the listings written in the engine definitions', () => {
  const listed = BUILT_IN_ENGINES.filter((definition) => definition.listing !== undefined);

  it('cover every engine that can be made without set-up (the command engine needs its template)', () => {
    const makeable = BUILT_IN_ENGINES.filter((definition) => !definition.listingCapabilities);
    expect(listed.map((definition) => definition.id)).toEqual(makeable.map((definition) => definition.id));
  });

  it.each(listed.map((definition) => [definition.id, definition] as const))('%s: the written listing is what the engine made with no options says', async (_id, definition) => {
    const { listing: written, ...unlisted } = definition;
    const made = await madeListing(unlisted);
    expect(made).toBeDefined();
    expect(written).toEqual(made);
  });

  it('are what describeEngines reports', async () => {
    const described = await describeEngines();
    for (const definition of listed) {
      const entry = described.find((engine) => engine.id === definition.id)!;
      expect({ capabilities: entry.capabilities, ...(entry.pricing ? { pricing: entry.pricing } : {}) }).toEqual(definition.listing);
    }
  });
});
