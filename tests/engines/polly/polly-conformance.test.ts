import { testSpeechEngine } from 'briefing/testing';
import { createPollyEngine } from '../../../src/engines/polly/polly-engine.js';
import { startPollyServer, type FakeVendorServer } from '../../helpers/vendor-server.js';

const REGION = 'eu-west-1';
const ACCESS_KEY_ID = 'AKIDCONFORMANCE';
let server: FakeVendorServer;

const polly = (wordTimings: boolean) => ({
  setup: async () => {
    server = await startPollyServer({ accessKeyId: ACCESS_KEY_ID, region: REGION });
    return () => server.close();
  },
  make: () =>
    createPollyEngine({
      options: { endpoint: server.url, region: REGION, ...(wordTimings ? { wordTimings: true } : {}) },
      env: { AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: 'conformance-secret', AWS_REGION: REGION },
    }),
  stall: () => server.stall(),
  failTemporarily: () => server.failNext({ status: 503, message: 'Service is unavailable, try again later.' }, 100),
});

testSpeechEngine({ name: 'polly', ...polly(false) });
testSpeechEngine({ name: 'polly with word timings', ...polly(true) });
