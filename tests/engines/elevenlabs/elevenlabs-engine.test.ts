import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createElevenLabsEngine } from '../../../src/engines/elevenlabs/elevenlabs-engine.js';
import type { SpeechEngine } from '../../../src/engines/speech-engine.js';
import { fakeSpeechDurationMs, pcm16DurationMs, pcm16Rms } from '../../helpers/test-audio.js';
import { startElevenLabsServer, type FakeVendorServer } from '../../helpers/vendor-server.js';
import { rejection, thrown } from '../../helpers/expect-error.js';

const API_KEY = 'sk_elevenlabs_test_0123456789';
const INPUT = 'The museum reopens on Friday. <break time="1.5s" /> Tickets are free.';

describe('elevenlabs engine', () => {
  let server: FakeVendorServer;
  let engine: SpeechEngine;

  beforeEach(async () => {
    server = await startElevenLabsServer({ apiKey: API_KEY });
    engine = await createElevenLabsEngine({ options: { endpoint: server.url, stability: '0.4', similarityBoost: '0.8' }, env: { ELEVENLABS_API_KEY: API_KEY } });
  });
  afterEach(async () => {
    await server.close();
  });

  it('declares the elevenlabs dialect with <break> up to 3 s and the model limit', () => {
    expect(engine.capabilities).toMatchObject({ input: 'ssml', dialect: expect.objectContaining({ name: 'elevenlabs' }), maxInput: 10_000, inputUnit: 'chars', maxBreakMs: 3000, network: true, embedded: false });
    expect(engine.capabilities.ssmlTags).toEqual(['break']);
  });

  it('follows the model: phoneme on the English v2 models, plain text on Eleven v3, larger limits on Flash v2.5', async () => {
    const env = { ELEVENLABS_API_KEY: API_KEY };
    expect((await createElevenLabsEngine({ options: { model: 'eleven_flash_v2' }, env })).capabilities.ssmlTags).toEqual(['break', 'phoneme']);
    expect((await createElevenLabsEngine({ options: { model: 'eleven_flash_v2_5' }, env })).capabilities.maxInput).toBe(40_000);
    const v3 = (await createElevenLabsEngine({ options: { model: 'eleven_v3' }, env })).capabilities;
    expect(v3).toMatchObject({ input: 'text', maxInput: 5000, prosody: ['rate'] });
    expect(v3.dialect).toBeUndefined();
  });

  it('sends the documented request and returns pcm16 at the asked rate', async () => {
    const result = await engine.synthesize({
      input: INPUT,
      inputType: 'ssml',
      language: 'en',
      voice: 'EXAVITQu4vr4xnSDxMaL',
      previousText: 'Earlier in the day, the council met.',
      nextText: 'Now the weather.',
    });
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/text-to-speech/EXAVITQu4vr4xnSDxMaL');
    expect(request.query.get('output_format')).toBe('pcm_24000');
    expect(request.headers['xi-api-key']).toBe(API_KEY);
    expect(request.json).toEqual({
      text: INPUT,
      model_id: 'eleven_multilingual_v2',
      voice_settings: { stability: 0.4, similarity_boost: 0.8 },
      previous_text: 'Earlier in the day, the council met.',
      next_text: 'Now the weather.',
    });
    expect(result.audio.format).toBe('pcm16');
    if (result.audio.format !== 'pcm16') return;
    expect(result.audio.sampleRate).toBe(24000);
    expect(pcm16DurationMs(result.audio.data, 24000)).toBeCloseTo(fakeSpeechDurationMs(INPUT), -1);
    expect(pcm16Rms(result.audio.data)).toBeGreaterThan(0.1);
  });

  it('asks pcm_22050 when the sampleRate option says so, and maps prosody.rate onto speed for v3', async () => {
    const v3 = await createElevenLabsEngine({ options: { endpoint: server.url, model: 'eleven_v3', sampleRate: '22050' }, env: { ELEVENLABS_API_KEY: API_KEY } });
    const result = await v3.synthesize({ input: 'Plain words.', inputType: 'text', language: 'en', prosody: { rate: 1.1 } });
    expect(server.requests[0]!.query.get('output_format')).toBe('pcm_22050');
    expect(server.requests[0]!.json).toMatchObject({ model_id: 'eleven_v3', voice_settings: { speed: 1.1 } });
    expect(result.audio).toMatchObject({ format: 'pcm16', sampleRate: 22050 });
  });

  it('lists voices with their verified languages and gender', async () => {
    const voices = await engine.voices();
    expect(server.requests[0]!.path).toBe('/v1/voices');
    expect(voices).toEqual([
      { id: 'JBFqnCBsd6RMkjVDRZzb', name: 'George', languages: ['en-GB'], gender: 'male' },
      { id: 'EXAVITQu4vr4xnSDxMaL', name: 'Sarah', languages: ['en'], gender: 'female' },
    ]);
  });

  it('reports a 400 as final with the detail message', async () => {
    server.failNext({ status: 400, code: 'max_character_limit_exceeded', message: "This request's text has 12000 characters and exceeds the character limit of 10000 characters." });
    const error = await rejection(engine.synthesize({ input: INPUT, inputType: 'ssml', language: 'en' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: false });
    expect(error.message).toBe(
      "elevenlabs: This request's text has 12000 characters and exceeds the character limit of 10000 characters. [max_character_limit_exceeded] (HTTP 400)",
    );
  });

  it('maps voice_not_found to VOICE_UNKNOWN', async () => {
    const error = await rejection(engine.synthesize({ input: INPUT, inputType: 'ssml', language: 'en', voice: 'nobody' }));
    expect(error.code).toBe('VOICE_UNKNOWN');
    expect(error.message).toContain('A voice with voice_id nobody was not found.');
  });

  it('reports 401 and 403 as final', async () => {
    const wrong = await createElevenLabsEngine({ options: { endpoint: server.url, apiKey: 'sk_wrong' }, env: {} });
    const unauthorized = await rejection(wrong.synthesize({ input: INPUT, inputType: 'ssml', language: 'en' }));
    expect(unauthorized).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: false });
    expect(unauthorized.message).toBe('elevenlabs: Invalid API key [invalid_api_key] (HTTP 401)');
    server.failNext({ status: 403, code: 'missing_permissions', message: 'The API key you used is missing the permission text_to_speech.' });
    expect(await rejection(engine.synthesize({ input: INPUT, inputType: 'ssml', language: 'en' }))).toMatchObject({ retryable: false });
  });

  it('reports 429 as retryable with the Retry-After wait', async () => {
    server.failNext({ status: 429, code: 'too_many_concurrent_requests', message: 'Too many concurrent requests for your subscription.', retryAfter: '2' });
    const error = await rejection(engine.synthesize({ input: INPUT, inputType: 'ssml', language: 'en' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true, retryAfterMs: 2000 });
    expect(error.message).toContain('too_many_concurrent_requests');
  });

  it('reports 500 as retryable', async () => {
    server.failNext({ status: 500, message: 'An internal server error occurred.' });
    expect(await rejection(engine.synthesize({ input: INPUT, inputType: 'ssml', language: 'en' }))).toMatchObject({ retryable: true, code: 'ENGINE_REQUEST_FAILED' });
  });

  it('rejects with ABORTED and closes the request when the caller aborts in flight', async () => {
    server.stall();
    const controller = new AbortController();
    const pending = engine.synthesize({ input: INPUT, inputType: 'ssml', language: 'en' }, controller.signal);
    await server.stalledRequest();
    controller.abort();
    expect((await rejection(pending)).code).toBe('ABORTED');
    // The request is cancelled on the wire, not left waiting for an answer.
    await server.stalledRequestAbandoned();
  });

  it('fails at creation naming the option and the variable when the key is missing', async () => {
    const error = await rejection(createElevenLabsEngine({ options: {}, env: {} }));
    expect(error.code).toBe('ENGINE_CREDENTIALS_MISSING');
    expect(error.message).toBe('elevenlabs: no API key: pass --engine-option apiKey=… or set ELEVENLABS_API_KEY');
  });

  it('rejects bad option values with ENGINE_OPTION_INVALID', async () => {
    const error = await rejection(createElevenLabsEngine({ options: { stability: 'high' }, env: { ELEVENLABS_API_KEY: API_KEY } }));
    expect(error.code).toBe('ENGINE_OPTION_INVALID');
    expect(error.message).toContain('stability');
  });

  it('never shows the key in errors or settings', async () => {
    server.failNext({ status: 401, code: 'invalid_api_key', message: `Invalid API key: ${API_KEY}` });
    const error = await rejection(engine.synthesize({ input: INPUT, inputType: 'ssml', language: 'en' }));
    expect(error.message).not.toContain(API_KEY);
    expect(JSON.stringify(engine.settings?.())).not.toContain(API_KEY);
    expect(engine.settings?.()).toEqual({ model: 'eleven_multilingual_v2', outputFormat: 'pcm_24000', voiceSettings: { stability: 0.4, similarity_boost: 0.8 } });
  });
});
