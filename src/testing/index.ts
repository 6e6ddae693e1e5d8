/**
 * `briefing/testing`: the conformance suite every speech engine — built in
 * or a user's own — runs in its tests. It imports vitest, so it lives on its
 * own subpath: the library's main entry never loads it.
 *
 * @module
 */
export { testSpeechEngine, type SpeechEngineTestOptions, type Teardown } from './test-speech-engine.js';
