import { BriefingError } from '../../src/errors.js';
import { SPEECH_ENGINE_SPEC, type SpeechEngine, type SynthesisRequest } from '../../src/engines/speech-engine.js';
import { sinePcm16 } from './test-audio.js';

/** A small real engine for tests: a tone whose length follows the word count (120 ms a word). */
export interface ToneEngine extends SpeechEngine {
  /** Every request it was sent, in order of arrival. */
  received: SynthesisRequest[];
}

/** Makes a tone engine; `fail(n)` may throw for request number n (1-based) to simulate vendor errors. */
export function createToneEngine(options: { fail?: (requestNumber: number) => BriefingError | undefined; maxInput?: number; wordTimings?: boolean } = {}): ToneEngine {
  const received: SynthesisRequest[] = [];
  return {
    spec: SPEECH_ENGINE_SPEC,
    id: 'tone',
    version: '1',
    defaultVoice: 'a4',
    received,
    capabilities: { input: 'text', maxInput: options.maxInput ?? 500, inputUnit: 'chars', wordTimings: options.wordTimings ?? false, network: false, embedded: false, prosody: ['rate'] },
    async voices() {
      return [
        { id: 'a4', languages: ['en'] },
        { id: 'c5', languages: ['en'] },
      ];
    },
    async synthesize(request) {
      received.push(request);
      const failure = options.fail?.(received.length);
      if (failure) throw failure;
      const spoken = request.input.split(/\s+/).filter(Boolean);
      const frequency = request.voice === 'c5' ? 523 : 440;
      const audio = { format: 'pcm16' as const, sampleRate: 16000, data: sinePcm16(spoken.length * 120, 16000, frequency) };
      if (!options.wordTimings) return { audio, warnings: [] };
      const words = spoken.map((word, index) => ({ word, startMs: index * 120, endMs: index * 120 + 100 }));
      return { audio, words, warnings: [] };
    },
  };
}
