import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SPEECH_ENGINE_SPEC, type SpeechEngine, type SynthesisResult } from '../engines/speech-engine.js';
import { hearAudio, type HeardAudio } from './heard-audio.js';
import { requestOfSize, sampleRequest } from './sample-request.js';

/** Undoes what {@link SpeechEngineTestOptions.setup} did. */
export type Teardown = () => void | Promise<void>;

/** How to run the conformance suite against one engine. */
export interface SpeechEngineTestOptions {
  /** Shown in the suite's title: `speech engine conformance: <name>`. */
  name: string;
  /**
   * Makes the engine under test. Called before every test, after `setup`, so
   * each test gets a fresh engine; the suite calls its `close()` afterwards.
   */
  make: () => SpeechEngine | Promise<SpeechEngine>;
  /**
   * Runs before `make` for every test: start a local vendor server, write a
   * helper program... It may return a teardown, run after the engine is closed.
   */
  setup?: () => void | Teardown | Promise<void | Teardown>;
  /**
   * Makes every later request of the current test hang until it is aborted
   * (a vendor server that never answers, a program that never exits). Without
   * it, the in-flight abort test is reported as skipped.
   */
  stall?: () => void | Promise<void>;
  /**
   * Makes every later request of the current test fail the way the vendor
   * fails temporarily (HTTP 429 or 503). Without it, the retryable-error test
   * is reported as skipped.
   */
  failTemporarily?: () => void | Promise<void>;
  /** BCP 47 language of the sample requests; default `en`. */
  language?: string;
  /** A short sentence of plain words the sample requests speak; default an English sentence. */
  text?: string;
}

const DEFAULT_TEXT = 'The ferry left the harbour at dawn with twelve passengers on board.';
/** A voice id no engine offers. */
const UNKNOWN_VOICE = 'conformance-no-such-voice';
/** Requests beyond the limit are this much longer, so a dropped tail is heard as missing time. */
const OVER_LIMIT_FACTOR = 1.1;

/**
 * The speech engine conformance suite: registers, in a `describe` block, the
 * tests every {@link SpeechEngine} must pass — its declaration and voices,
 * synthesis of a short request, its input limit, aborting, its errors and,
 * where it declares them, word timings. Tests an engine cannot be put through
 * (no `stall` hook, no word timings) are reported as skipped, never as passed.
 *
 * Call it at the top level of a vitest test file:
 *
 * ```ts
 * import { testSpeechEngine } from 'briefing/testing';
 * testSpeechEngine({ name: 'my-engine', make: () => createMyEngine({ options: {} }) });
 * ```
 */
export function testSpeechEngine(options: SpeechEngineTestOptions): void {
  const language = options.language ?? 'en';
  const text = options.text ?? DEFAULT_TEXT;

  describe(`speech engine conformance: ${options.name}`, () => {
    let engine: SpeechEngine | undefined;
    let teardown: Teardown | undefined;
    let atLimit: HeardAudio | undefined;

    /** The engine of the running test. */
    const subject = (): SpeechEngine => {
      if (!engine) throw new Error('the engine was not made');
      return engine;
    };

    beforeEach(async () => {
      teardown = (await options.setup?.()) ?? undefined;
      engine = await options.make();
    });
    afterEach(async () => {
      try {
        await engine?.close?.();
      } finally {
        engine = undefined;
        await teardown?.();
        teardown = undefined;
      }
    });

    it('declares the v1 spec, an id, a version and consistent capabilities', () => {
      const { capabilities, ...declared } = subject();
      expect(declared.spec).toBe(SPEECH_ENGINE_SPEC);
      expect(declared.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(declared.version).toEqual(expect.any(String));
      expect(declared.version).not.toBe('');
      expect(declared.defaultVoice).toEqual(expect.any(String));
      expect(['ssml', 'text']).toContain(capabilities.input);
      expect(['chars', 'billed-chars', 'bytes']).toContain(capabilities.inputUnit);
      expect(Number.isInteger(capabilities.maxInput) && capabilities.maxInput > 0).toBe(true);
      if (capabilities.maxBreakMs !== undefined) expect(capabilities.maxBreakMs).toBeGreaterThan(0);
      for (const flag of ['wordTimings', 'network', 'embedded'] as const) expect(typeof capabilities[flag]).toBe('boolean');
      // Embedded synthesis runs in worker threads of this process; a network engine waits on a vendor.
      expect(capabilities.embedded && capabilities.network, 'both embedded and network').toBe(false);
      for (const control of capabilities.prosody ?? []) expect(['rate', 'pitch']).toContain(control);
    });

    it('lists its voices, each with an id and its languages', async () => {
      const voices = await subject().voices();
      expect(voices.length).toBeGreaterThan(0);
      for (const voice of voices) {
        expect(voice.id).toEqual(expect.any(String));
        expect(voice.id).not.toBe('');
        expect(voice.languages.length, `voice ${voice.id} names no language`).toBeGreaterThan(0);
        // BCP 47's lexical shape (a 2–8 letter language, then 1–8 character subtags), not its subtag order.
        for (const tag of voice.languages) expect(tag, `voice ${voice.id}`).toMatch(/^[a-z]{2,8}(-[a-z\d]{1,8})*$/i);
      }
      const ids = voices.map((voice) => voice.id);
      expect(new Set(ids).size, 'voice ids repeat').toBe(ids.length);
    });

    it('speaks a short request as decodable audio of plausible length at its stated sample rate', async () => {
      const engine = subject();
      const result = await engine.synthesize(sampleRequest(engine, text, language));
      expect(Array.isArray(result.warnings)).toBe(true);
      const heard = await hearAudio(result.audio, engine.id);
      expect(Number.isInteger(heard.sampleRate)).toBe(true);
      expect(heard.sampleRate).toBeGreaterThanOrEqual(8000);
      expect(heard.sampleRate).toBeLessThanOrEqual(192_000);
      expect(heard.peak, 'the audio is silent').toBeGreaterThan(0);
      // Whatever the voice: no faster than 60 ms a word, no slower than a second a word after a second of lead-in.
      const words = text.split(/\s+/).filter(Boolean).length;
      expect(heard.durationMs).toBeGreaterThanOrEqual(words * 60);
      expect(heard.durationMs).toBeLessThanOrEqual(1000 + words * 1000);
    });

    it('accepts a request exactly at its input limit', async () => {
      const engine = subject();
      const request = requestOfSize(engine, engine.capabilities.maxInput, language);
      atLimit = await hearAudio((await engine.synthesize(request)).audio, engine.id);
      expect(atLimit.peak, 'the audio is silent').toBeGreaterThan(0);
    });

    it('rejects a request over its limit with ENGINE_INPUT_TOO_LONG, or speaks all of it', async () => {
      const engine = subject();
      const { maxInput } = engine.capabilities;
      const over = requestOfSize(engine, Math.ceil(maxInput * OVER_LIMIT_FACTOR), language, 'at-least');
      const outcome = await engine.synthesize(over).then(
        (result: SynthesisResult) => ({ result }),
        (error: unknown) => ({ error }),
      );
      if ('error' in outcome) {
        expectEngineError(outcome.error, 'ENGINE_INPUT_TOO_LONG');
        expect((outcome.error as { retryable?: unknown }).retryable).not.toBe(true);
        return;
      }
      atLimit ??= await hearAudio((await engine.synthesize(requestOfSize(engine, maxInput, language))).audio, engine.id);
      const heard = await hearAudio(outcome.result.audio, engine.id);
      // A tenth more text: at least a twentieth more audio, so nothing was cut at the limit.
      expect(heard.durationMs).toBeGreaterThan(atLimit.durationMs * 1.05);
    });

    it('rejects with ABORTED when its signal has already fired', async () => {
      const engine = subject();
      const controller = new AbortController();
      controller.abort();
      expectEngineError(await rejection(engine.synthesize(sampleRequest(engine, text, language), controller.signal)), 'ABORTED');
    });

    it.skipIf(!options.stall)('rejects with ABORTED when aborted in flight', async () => {
      const engine = subject();
      await options.stall?.();
      const controller = new AbortController();
      const running = rejection(engine.synthesize(sampleRequest(engine, text, language), controller.signal));
      // Let the request get under way (the vendor receives it, the program starts), then abort.
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.abort();
      expectEngineError(await running, 'ABORTED');
    });

    it('rejects an unknown voice with VOICE_UNKNOWN, naming the voice', async () => {
      const engine = subject();
      const error = await rejection(engine.synthesize(sampleRequest(engine, text, language, UNKNOWN_VOICE)));
      expectEngineError(error, 'VOICE_UNKNOWN');
      expect((error as Error).message).toContain(UNKNOWN_VOICE);
      expect((error as { retryable?: unknown }).retryable).not.toBe(true);
    });

    it.skipIf(!options.failTemporarily)('marks a temporary vendor failure as retryable', async () => {
      const engine = subject();
      await options.failTemporarily?.();
      const error = await rejection(engine.synthesize(sampleRequest(engine, text, language)));
      expectEngineError(error, 'ENGINE_REQUEST_FAILED');
      expect((error as { retryable?: unknown }).retryable).toBe(true);
    });

    it('gives word timings in order and within the audio, where it declares them', async (context) => {
      const engine = subject();
      if (!engine.capabilities.wordTimings) context.skip(`${engine.id} declares no word timings`);
      const result = await engine.synthesize(sampleRequest(engine, text, language));
      const heard = await hearAudio(result.audio, engine.id);
      const words = result.words ?? [];
      expect(words.length, 'no word timings').toBeGreaterThan(0);
      const spoken = text.toLowerCase();
      let previousStart = 0;
      for (const timing of words) {
        expect(timing.word.trim()).not.toBe('');
        expect(spoken, `"${timing.word}" is not a word of the request`).toContain(timing.word.toLowerCase().replace(/[^\p{L}\p{N}']/gu, ''));
        expect(timing.startMs).toBeGreaterThanOrEqual(previousStart);
        expect(timing.endMs).toBeGreaterThanOrEqual(timing.startMs);
        expect(timing.endMs).toBeLessThanOrEqual(heard.durationMs + 1);
        previousStart = timing.startMs;
      }
    });
  });
}

/** The error a promise rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the request succeeded'),
    (error: unknown) => error,
  );
}

/**
 * Checks `error` is a `BriefingError` with `code`. By name and fields rather
 * than `instanceof`: an engine package may bring its own copy of briefing.
 */
function expectEngineError(error: unknown, code: string): void {
  expect(error).toBeInstanceOf(Error);
  expect(error, (error as Error).message).toMatchObject({ name: 'BriefingError', code });
}
