import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpeechEngine } from '../../../src/engines/speech-engine.js';
import { createFliteEngine } from '../../../src/engines/flite/flite-engine.js';
import { createEspeakEngine } from '../../../src/engines/espeak/espeak-engine.js';
import { createCommandEngine } from '../../../src/engines/command/command-engine.js';
import { createPollyEngine } from '../../../src/engines/polly/polly-engine.js';
import { createGoogleEngine } from '../../../src/engines/google/google-engine.js';
import { createAzureEngine } from '../../../src/engines/azure/azure-engine.js';
import { createOpenAiEngine } from '../../../src/engines/openai/openai-engine.js';
import { createElevenLabsEngine } from '../../../src/engines/elevenlabs/elevenlabs-engine.js';
import { loadUserEngine } from '../../../src/engines/user-engine/load-user-engine.js';
import { FAKE_TTS } from '../../helpers/fake-tts-program.js';
import {
  startAzureServer,
  startElevenLabsServer,
  startGoogleServer,
  startOpenAiServer,
  startPollyServer,
  type FakeVendorServer,
} from '../../helpers/vendor-server.js';

/** An engine ready for the contract suite, and what it takes to tear it down. */
export interface EngineUnderTest {
  engine: SpeechEngine;
  /** For engines behind a local vendor server: what the server was sent. */
  server?: FakeVendorServer;
  /** Makes the next request hang (for the abort check), where the engine has a server or a program to stall. */
  stall?: () => void;
  close(): Promise<void>;
}

/** A named way to make an engine for the contract suite. */
export interface EngineSetup {
  name: string;
  /** True when synthesizing a few thousand characters is cheap enough for a unit test. */
  cheap: boolean;
  make(): Promise<EngineUnderTest>;
}

function served(server: FakeVendorServer, engine: SpeechEngine): EngineUnderTest {
  return { engine, server, stall: () => server.stall(), close: () => server.close() };
}

const USER_ENGINE_MODULE = `
export default function createEngine() {
  return {
    spec: 'v1', id: 'beeper', version: '1', defaultVoice: 'beep',
    capabilities: { input: 'text', maxInput: 300, inputUnit: 'chars', wordTimings: false, network: false, embedded: false },
    async voices() { return [{ id: 'beep', languages: ['en'] }]; },
    async synthesize(request, signal) {
      if (request.voice && request.voice !== 'beep') throw Object.assign(new Error('beeper: no voice ' + request.voice), { code: 'VOICE_UNKNOWN' });
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, globalThis.beeperStalled ? 60000 : 1);
        signal?.addEventListener('abort', () => { clearTimeout(timer); reject(Object.assign(new Error('beeper: aborted'), { code: 'ABORTED' })); });
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

/** Every engine kind briefing supports, each set up to run offline. */
export const ENGINE_SETUPS: EngineSetup[] = [
  { name: 'flite', cheap: false, make: async () => ({ engine: await createFliteEngine(), close: async () => {} }) },
  { name: 'espeak', cheap: false, make: async () => ({ engine: await createEspeakEngine(), close: async () => {} }) },
  {
    name: 'command',
    cheap: true,
    make: async () => {
      const folder = mkdtempSync(join(tmpdir(), 'briefing-contract-command-'));
      const script = join(folder, 'fake-tts.mjs');
      writeFileSync(script, FAKE_TTS);
      const engine = await createCommandEngine({ options: { command: `${process.execPath} ${script} --voice {voice} --in {input} --out {out}`, voices: 'narrator,reader' } });
      return { engine, close: async () => rmSync(folder, { recursive: true, force: true }) };
    },
  },
  {
    name: 'polly',
    cheap: true,
    make: async () => {
      const server = await startPollyServer({ accessKeyId: 'AKIDCONTRACTTEST', region: 'eu-west-1' });
      const engine = await createPollyEngine({
        options: { endpoint: server.url, region: 'eu-west-1' },
        env: { AWS_ACCESS_KEY_ID: 'AKIDCONTRACTTEST', AWS_SECRET_ACCESS_KEY: 'contract-secret', AWS_REGION: 'eu-west-1' },
      });
      return served(server, engine);
    },
  },
  {
    name: 'google',
    cheap: true,
    make: async () => {
      const server = await startGoogleServer({ apiKey: 'google-contract-key' });
      return served(server, await createGoogleEngine({ options: { endpoint: server.url }, env: { GOOGLE_API_KEY: 'google-contract-key' } }));
    },
  },
  {
    name: 'azure',
    cheap: true,
    make: async () => {
      const server = await startAzureServer({ key: 'azure-contract-key' });
      return served(server, await createAzureEngine({ options: { endpoint: server.url }, env: { AZURE_SPEECH_KEY: 'azure-contract-key' } }));
    },
  },
  {
    name: 'openai',
    cheap: true,
    make: async () => {
      const server = await startOpenAiServer({ apiKey: 'sk-contract' });
      return served(server, await createOpenAiEngine({ options: { endpoint: `${server.url}/v1` }, env: { OPENAI_API_KEY: 'sk-contract' } }));
    },
  },
  {
    name: 'elevenlabs',
    cheap: true,
    make: async () => {
      const server = await startElevenLabsServer({ apiKey: 'eleven-contract' });
      return served(server, await createElevenLabsEngine({ options: { endpoint: server.url }, env: { ELEVENLABS_API_KEY: 'eleven-contract' } }));
    },
  },
  {
    name: 'user module',
    cheap: true,
    make: async () => {
      const folder = mkdtempSync(join(tmpdir(), 'briefing-contract-user-'));
      const path = join(folder, 'beeper-engine.mjs');
      writeFileSync(path, USER_ENGINE_MODULE);
      const engine = await loadUserEngine(path, { options: {} });
      return {
        engine,
        stall: () => {
          (globalThis as { beeperStalled?: boolean }).beeperStalled = true;
        },
        close: async () => {
          delete (globalThis as { beeperStalled?: boolean }).beeperStalled;
          rmSync(folder, { recursive: true, force: true });
        },
      };
    },
  },
];
