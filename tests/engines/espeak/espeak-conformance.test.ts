import { testSpeechEngine } from 'briefing/testing';
import { createEspeakEngine } from '../../../src/engines/espeak/espeak-engine.js';

// eSpeak NG runs in this process and cannot be stalled, so the in-flight abort test shows as skipped.
testSpeechEngine({ name: 'espeak', make: () => createEspeakEngine({ options: {} }) });
