import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiEngine } from '../../../src/engines/openai/openai-engine.js';
import type { SpeechEngine } from '../../../src/engines/speech-engine.js';
import { fakeSpeechDurationMs, pcm16DurationMs, pcm16Rms } from '../../helpers/test-audio.js';
import { startOpenAiServer, type FakeVendorServer } from '../../helpers/vendor-server.js';
import { rejection, thrown } from '../../helpers/expect-error.js';

const API_KEY = 'sk-test-0123456789abcdef';
const TEXT = 'Markets rallied on Tuesday after the central bank held rates.';

describe('openai engine', () => {
  let server: FakeVendorServer;
  let engine: SpeechEngine;

  beforeEach(async () => {
    server = await startOpenAiServer({ apiKey: API_KEY });
    engine = await createOpenAiEngine({ options: { endpoint: `${server.url}/v1`, instructions: 'Calm newsreader.' }, env: { OPENAI_API_KEY: API_KEY } });
  });
  afterEach(async () => {
    await server.close();
  });

  it('declares a text engine with the documented 4096-character limit and rate prosody', () => {
    expect(engine.spec).toBe('v1');
    expect(engine.id).toBe('openai');
    expect(engine.defaultVoice).toBe('alloy');
    expect(engine.capabilities).toMatchObject({ input: 'text', maxInput: 4096, inputUnit: 'chars', network: true, embedded: false, wordTimings: false });
    expect(engine.capabilities.prosody).toEqual(['rate']);
  });

  it('sends the documented speech request and returns 24 kHz pcm16', async () => {
    const result = await engine.synthesize({ input: TEXT, inputType: 'text', language: 'en', voice: 'coral' });
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/audio/speech');
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.json).toEqual({ model: 'gpt-4o-mini-tts', voice: 'coral', input: TEXT, response_format: 'pcm', instructions: 'Calm newsreader.' });
    expect(result.audio.format).toBe('pcm16');
    if (result.audio.format !== 'pcm16') return;
    expect(result.audio.sampleRate).toBe(24000);
    expect(pcm16DurationMs(result.audio.data, 24000)).toBeCloseTo(fakeSpeechDurationMs(TEXT), -1);
    expect(pcm16Rms(result.audio.data)).toBeGreaterThan(0.1);
  });

  it('multiplies the speed option by the request prosody rate', async () => {
    const fast = await createOpenAiEngine({ options: { endpoint: `${server.url}/v1`, speed: '1.5' }, env: { OPENAI_API_KEY: API_KEY } });
    await fast.synthesize({ input: TEXT, inputType: 'text', language: 'en', prosody: { rate: 0.8 } });
    expect((server.requests[0]!.json as { speed: number }).speed).toBeCloseTo(1.2);
    expect(fast.settings?.()).toMatchObject({ model: 'gpt-4o-mini-tts', speed: 1.5, responseFormat: 'pcm' });
  });

  it('lists the documented built-in voices', async () => {
    const voices = await engine.voices();
    expect(voices.map((voice) => voice.id)).toEqual(expect.arrayContaining(['alloy', 'ash', 'coral', 'nova', 'shimmer', 'marin', 'cedar']));
    expect(voices.every((voice) => voice.languages.includes('en'))).toBe(true);
  });

  it('reports a 400 as a final error carrying the vendor message', async () => {
    server.failNext({ status: 400, message: "[{'type': 'string_too_long', 'loc': ('body', 'input')}]" });
    const error = await rejection(engine.synthesize({ input: TEXT, inputType: 'text', language: 'en' }));
    expect(error.code).toBe('ENGINE_REQUEST_FAILED');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/^openai: .*string_too_long.* \(HTTP 400\)$/);
  });

  it('maps an unknown voice to VOICE_UNKNOWN', async () => {
    const error = await rejection(engine.synthesize({ input: TEXT, inputType: 'text', language: 'en', voice: 'robot' }));
    expect(error.code).toBe('VOICE_UNKNOWN');
    expect(error.message).toContain("Invalid value: 'robot'");
  });

  it('reports 401 and 403 as final', async () => {
    server.failNext({ status: 401, code: 'invalid_api_key', message: 'Incorrect API key provided.' });
    const unauthorized = await rejection(engine.synthesize({ input: TEXT, inputType: 'text', language: 'en' }));
    expect(unauthorized).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: false });
    expect(unauthorized.message).toBe('openai: Incorrect API key provided. [invalid_api_key] (HTTP 401)');
    server.failNext({ status: 403, code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported' });
    const forbidden = await rejection(engine.synthesize({ input: TEXT, inputType: 'text', language: 'en' }));
    expect(forbidden).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: false });
  });

  it('reports 429 as retryable with the Retry-After wait', async () => {
    server.failNext({ status: 429, code: 'rate_limit_exceeded', message: 'Rate limit reached for gpt-4o-mini-tts on requests per min (RPM).', retryAfter: '7' });
    const error = await rejection(engine.synthesize({ input: TEXT, inputType: 'text', language: 'en' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true, retryAfterMs: 7000 });
    expect(error.message).toContain('Rate limit reached');
    expect(error.message).toContain('(HTTP 429)');
  });

  it('reports 500 as retryable', async () => {
    server.failNext({ status: 500, message: 'The server had an error while processing your request.' });
    const error = await rejection(engine.synthesize({ input: TEXT, inputType: 'text', language: 'en' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true });
    expect(error.message).toContain('The server had an error');
  });

  it('reports a refused connection as retryable', async () => {
    const closed = await createOpenAiEngine({ options: { endpoint: 'http://127.0.0.1:9/v1' }, env: { OPENAI_API_KEY: API_KEY } });
    const error = await rejection(closed.synthesize({ input: TEXT, inputType: 'text', language: 'en' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true });
  });

  it('rejects with ABORTED and closes the request when the caller aborts one that never gets an answer', async () => {
    server.stall();
    const controller = new AbortController();
    const pending = engine.synthesize({ input: TEXT, inputType: 'text', language: 'en' }, controller.signal);
    await server.stalledRequest();
    controller.abort();
    const error = await rejection(pending);
    expect(error.code).toBe('ABORTED');
    // The request is cancelled on the wire, not left waiting for an answer.
    await server.stalledRequestAbandoned();
  });

  it('fails at creation with a one-line error naming the option and the variable when the key is missing', async () => {
    const error = await rejection(createOpenAiEngine({ options: {}, env: {} }));
    expect(error.code).toBe('ENGINE_CREDENTIALS_MISSING');
    expect(error.message).toBe('openai: no API key: pass --engine-option apiKey=… or set OPENAI_API_KEY');
  });

  it('never shows the key: not in errors that echo it, not in settings', async () => {
    const wrong = await createOpenAiEngine({ options: { endpoint: `${server.url}/v1`, apiKey: 'sk-wrong-key-987654321' }, env: {} });
    const error = await rejection(wrong.synthesize({ input: TEXT, inputType: 'text', language: 'en' }));
    expect(error.message).toContain('Incorrect API key provided');
    expect(error.message).not.toContain('sk-wrong-key-987654321');
    expect(JSON.stringify(wrong.settings?.())).not.toContain('sk-wrong-key-987654321');
    expect(JSON.stringify(engine.settings?.())).not.toContain(API_KEY);
  });
});
