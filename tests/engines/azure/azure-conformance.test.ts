import { testSpeechEngine } from 'briefing/testing';
import { createAzureEngine } from '../../../src/engines/azure/azure-engine.js';
import { startAzureServer, type FakeVendorServer } from '../../helpers/vendor-server.js';

const KEY = 'azure-conformance-key';
let server: FakeVendorServer;

testSpeechEngine({
  name: 'azure',
  setup: async () => {
    server = await startAzureServer({ key: KEY });
    return () => server.close();
  },
  make: () => createAzureEngine({ options: { endpoint: server.url }, env: { AZURE_SPEECH_KEY: KEY } }),
  stall: () => server.stall(),
  failTemporarily: () => server.failNext({ status: 429, message: 'Too many requests.', retryAfter: '1' }, 100),
});
