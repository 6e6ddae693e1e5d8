import { testSpeechEngine } from 'briefing/testing';
import { createElevenLabsEngine } from '../../../src/engines/elevenlabs/elevenlabs-engine.js';
import { startElevenLabsServer, type FakeVendorServer } from '../../helpers/vendor-server.js';

const API_KEY = 'eleven-conformance';
let server: FakeVendorServer;

testSpeechEngine({
  name: 'elevenlabs',
  setup: async () => {
    server = await startElevenLabsServer({ apiKey: API_KEY });
    return () => server.close();
  },
  make: () => createElevenLabsEngine({ options: { endpoint: server.url }, env: { ELEVENLABS_API_KEY: API_KEY } }),
  stall: () => server.stall(),
  failTemporarily: () => server.failNext({ status: 429, message: 'Too many concurrent requests.' }, 100),
});
