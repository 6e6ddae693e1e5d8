import { testSpeechEngine } from 'briefing/testing';
import { createOpenAiEngine } from '../../../src/engines/openai/openai-engine.js';
import { startOpenAiServer, type FakeVendorServer } from '../../helpers/vendor-server.js';

const API_KEY = 'sk-conformance';
let server: FakeVendorServer;

testSpeechEngine({
  name: 'openai',
  setup: async () => {
    server = await startOpenAiServer({ apiKey: API_KEY });
    return () => server.close();
  },
  make: () => createOpenAiEngine({ options: { endpoint: `${server.url}/v1` }, env: { OPENAI_API_KEY: API_KEY } }),
  stall: () => server.stall(),
  failTemporarily: () => server.failNext({ status: 500, message: 'The server had an error while processing your request.' }, 100),
});
