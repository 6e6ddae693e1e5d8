import { testSpeechEngine } from 'briefing/testing';
import { createGoogleEngine } from '../../../src/engines/google/google-engine.js';
import { startGoogleServer, type FakeVendorServer } from '../../helpers/vendor-server.js';

const API_KEY = 'google-conformance-key';
let server: FakeVendorServer;

testSpeechEngine({
  name: 'google',
  setup: async () => {
    server = await startGoogleServer({ apiKey: API_KEY });
    return () => server.close();
  },
  make: () => createGoogleEngine({ options: { endpoint: server.url }, env: { GOOGLE_API_KEY: API_KEY } }),
  stall: () => server.stall(),
  failTemporarily: () => server.failNext({ status: 503, message: 'The service is currently unavailable.' }, 100),
});

testSpeechEngine({
  name: 'google with word timings',
  setup: async () => {
    server = await startGoogleServer({ apiKey: API_KEY });
    return () => server.close();
  },
  make: () => createGoogleEngine({ options: { endpoint: server.url, timepoints: true }, env: { GOOGLE_API_KEY: API_KEY } }),
});
