import { describe, expect, it } from 'vitest';
import { pricePerMillion } from '../../src/synthesize/estimate.js';
import { SPEECH_ENGINE_SPEC, type EngineCapabilities, type SpeechEngine } from '../../src/engines/speech-engine.js';

function engine(id: string, network: boolean, pricing?: SpeechEngine['pricing']): SpeechEngine {
  const capabilities: EngineCapabilities = { input: 'text', maxInput: 100, inputUnit: 'chars', wordTimings: false, network, embedded: false };
  return {
    spec: SPEECH_ENGINE_SPEC,
    id,
    version: '1',
    defaultVoice: 'v',
    capabilities,
    ...(pricing ? { pricing } : {}),
    voices: async () => [],
    synthesize: async () => ({ audio: { format: 'pcm16', sampleRate: 8000, data: new Uint8Array(2) }, warnings: [] }),
  };
}

describe('price per million characters', () => {
  const tiered = engine('vendor', true, { usdPerMillionCharacters: 16, tier: 'neural' });

  it("is the engine's own list price", () => {
    expect(pricePerMillion(tiered)).toBe(16);
  });

  it("is overridden by the user's price for the engine, and more closely for its tier", () => {
    expect(pricePerMillion(tiered, { vendor: 12 })).toBe(12);
    expect(pricePerMillion(tiered, { vendor: 12, 'vendor:neural': 10, 'vendor:standard': 3 })).toBe(10);
  });

  it('is nothing for an offline engine without a price, and unknown for a network one', () => {
    expect(pricePerMillion(engine('local', false))).toBe(0);
    expect(pricePerMillion(engine('cloud', true))).toBeUndefined();
    expect(pricePerMillion(engine('cloud', true), { cloud: 5 })).toBe(5);
  });
});
