import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testSpeechEngine } from 'briefing/testing';
import { loadUserEngine } from '../../../src/engines/user-engine/load-user-engine.js';

/**
 * A user's engine module as its author would write it: a beep as long as the
 * text has words, honouring its signal; `globalThis.beeper` switches on a
 * hang or a temporary failure for the suite's hooks.
 */
const BEEPER_MODULE = `
export default function createEngine() {
  return {
    spec: 'v1', id: 'beeper', version: '1', defaultVoice: 'beep',
    capabilities: { input: 'text', maxInput: 300, inputUnit: 'chars', wordTimings: false, network: false, embedded: false },
    async voices() { return [{ id: 'beep', languages: ['en'] }, { id: 'boop', languages: ['en-GB'] }]; },
    async synthesize(request, signal) {
      const aborted = () => Object.assign(new Error('beeper: aborted'), { code: 'ABORTED' });
      if (signal?.aborted) throw aborted();
      const voice = request.voice ?? 'beep';
      if (voice !== 'beep' && voice !== 'boop') throw Object.assign(new Error('beeper: no voice ' + voice), { code: 'VOICE_UNKNOWN' });
      if (globalThis.beeper === 'busy') throw Object.assign(new Error('beeper: busy, try again'), { code: 'ENGINE_REQUEST_FAILED', retryable: true });
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, globalThis.beeper === 'hang' ? 3_600_000 : 1);
        signal?.addEventListener('abort', () => { clearTimeout(timer); reject(aborted()); });
      });
      const words = request.input.split(/\\s+/).filter(Boolean).length;
      const samples = Math.round((0.1 + 0.12 * words) * 16000);
      const data = new Uint8Array(samples * 2);
      const view = new DataView(data.buffer);
      for (let i = 0; i < samples; i += 1) view.setInt16(i * 2, Math.round(Math.sin(i / 10) * 9000), true);
      return { audio: { format: 'pcm16', sampleRate: 16000, data }, warnings: [] };
    },
  };
}
`;

let folder: string;
const state = globalThis as { beeper?: 'hang' | 'busy' };

testSpeechEngine({
  name: 'a user engine module',
  setup: async () => {
    folder = await mkdtemp(join(tmpdir(), 'briefing-user-conformance-'));
    await writeFile(join(folder, 'beeper-engine.mjs'), BEEPER_MODULE);
    return async () => {
      delete state.beeper;
      await rm(folder, { recursive: true, force: true });
    };
  },
  make: () => loadUserEngine(join(folder, 'beeper-engine.mjs'), { options: {} }),
  stall: () => {
    state.beeper = 'hang';
  },
  failTemporarily: () => {
    state.beeper = 'busy';
  },
});
