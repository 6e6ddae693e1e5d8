import { BriefingError } from '../../src/errors.js';
import { SPEECH_ENGINE_SPEC, type SpeechEngine, type SynthesisRequest } from '../../src/engines/speech-engine.js';
import { sinePcm16 } from './test-audio.js';

/** A small real engine for tests: a tone whose length follows the word count (120 ms a word). */
export interface ToneEngine extends SpeechEngine {
  /** Every request it was sent, in order of arrival. */
  received: SynthesisRequest[];
}

/** Makes a tone engine; `fail(n)` may throw for request number n (1-based) to simulate vendor errors. */
export function createToneEngine(options: { fail?: (requestNumber: number) => BriefingError | undefined; maxInput?: number } = {}): ToneEngine {
  const received: SynthesisRequest[] = [];
  return {
    spec: SPEECH_ENGINE_SPEC,
    id: 'tone',
    version: '1',
    defaultVoice: 'a4',
    received,
    capabilities: { input: 'text', maxInput: options.maxInput ?? 500, inputUnit: 'chars', wordTimings: false, network: false, embedded: false, prosody: ['rate'] },
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
      const words = request.input.split(/\s+/).filter(Boolean).length;
      const frequency = request.voice === 'c5' ? 523 : 440;
      return { audio: { format: 'pcm16', sampleRate: 16000, data: sinePcm16(words * 120, 16000, frequency) }, warnings: [] };
    },
  };
}
