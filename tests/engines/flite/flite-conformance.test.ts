import { testSpeechEngine } from 'briefing/testing';
import { createFliteEngine } from '../../../src/engines/flite/flite-engine.js';

// Flite runs in this process and cannot be stalled, so the in-flight abort test shows as skipped.
testSpeechEngine({ name: 'flite', make: () => createFliteEngine({ options: {} }) });
