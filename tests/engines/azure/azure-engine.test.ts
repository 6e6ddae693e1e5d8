import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAzureEngine } from '../../../src/engines/azure/azure-engine.js';
import type { SpeechEngine } from '../../../src/engines/speech-engine.js';
import { fakeSpeechDurationMs, pcm16DurationMs, pcm16Rms } from '../../helpers/test-audio.js';
import { startAzureServer, type FakeVendorServer } from '../../helpers/vendor-server.js';
import { rejection, thrown } from '../../helpers/expect-error.js';

const KEY = 'azure-speech-key-0123456789abcdef';
const ssml = (voice: string): string =>
  `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xmlns:mstts="https://www.w3.org/2001/mstts" xml:lang="en-US"><voice name="${voice}"><p><s>Rail strikes were called off.</s><s>Trains run on Monday.</s></p></voice></speak>`;

describe('azure engine', () => {
  let server: FakeVendorServer;
  let engine: SpeechEngine;

  beforeEach(async () => {
    server = await startAzureServer({ key: KEY });
    engine = await createAzureEngine({ options: { endpoint: server.url }, env: { AZURE_SPEECH_KEY: KEY } });
  });
  afterEach(async () => {
    await server.close();
  });

  it('declares the azure dialect, a documented default voice and conservative limits', () => {
    expect(engine.defaultVoice).toBe('en-US-JennyNeural');
    expect(engine.capabilities).toMatchObject({ input: 'ssml', dialect: expect.objectContaining({ name: 'azure' }), inputUnit: 'chars', network: true, embedded: false, wordTimings: false });
    expect(engine.capabilities.maxInput).toBeGreaterThan(1000);
    expect(engine.capabilities.maxBreakMs).toBe(5000);
    expect(engine.capabilities.ssmlTags).toEqual(expect.arrayContaining(['voice', 'break', 'prosody', 'mstts:express-as']));
  });

  it('posts the SSML as is with the documented headers and returns 24 kHz pcm16', async () => {
    const input = ssml('en-US-JennyNeural');
    const result = await engine.synthesize({ input, inputType: 'ssml', language: 'en-US', voice: 'en-US-JennyNeural' });
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/cognitiveservices/v1');
    expect(request.headers['ocp-apim-subscription-key']).toBe(KEY);
    expect(request.headers['content-type']).toBe('application/ssml+xml');
    expect(request.headers['x-microsoft-outputformat']).toBe('riff-24khz-16bit-mono-pcm');
    expect(request.headers['user-agent']).toBe('briefing');
    expect(request.body).toBe(input);
    expect(result.audio.format).toBe('pcm16');
    if (result.audio.format !== 'pcm16') return;
    expect(result.audio.sampleRate).toBe(24000);
    expect(pcm16DurationMs(result.audio.data, 24000)).toBeCloseTo(fakeSpeechDurationMs(input), -1);
    expect(pcm16Rms(result.audio.data)).toBeGreaterThan(0.1);
  });

  it('builds the regional endpoint from the region', async () => {
    const regional = await createAzureEngine({ options: {}, env: { AZURE_SPEECH_KEY: KEY, AZURE_SPEECH_REGION: 'westeurope' } });
    expect(regional.id).toBe('azure');
  });

  it('lists voices from voices/list', async () => {
    const voices = await engine.voices();
    expect(server.requests[0]!.path).toBe('/cognitiveservices/voices/list');
    expect(server.requests[0]!.headers['ocp-apim-subscription-key']).toBe(KEY);
    expect(voices).toContainEqual({ id: 'en-US-JennyMultilingualNeural', name: 'Jenny Multilingual', languages: ['en-US', 'de-DE', 'fr-FR'], gender: 'female' });
    expect(voices).toContainEqual({ id: 'zh-CN-YunxiNeural', name: 'Yunxi', languages: ['zh-CN'], gender: 'male' });
  });

  it('reports a 400 as final with the body text, and an empty 400 with the documented meaning', async () => {
    server.failNext({ status: 400, message: 'SSML parsing error: 0x80045003 - Unexpected end of file.' });
    const error = await rejection(engine.synthesize({ input: ssml('en-US-JennyNeural'), inputType: 'ssml', language: 'en-US' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: false });
    expect(error.message).toBe('azure: SSML parsing error: 0x80045003 - Unexpected end of file. (HTTP 400)');
    server.failNext({ status: 400, message: '' });
    const empty = await rejection(engine.synthesize({ input: ssml('en-US-JennyNeural'), inputType: 'ssml', language: 'en-US' }));
    expect(empty.message).toMatch(/^azure: .+ \(HTTP 400\)$/);
  });

  it('maps an unsupported voice to VOICE_UNKNOWN', async () => {
    const error = await rejection(engine.synthesize({ input: ssml('en-US-NobodyNeural'), inputType: 'ssml', language: 'en-US' }));
    expect(error.code).toBe('VOICE_UNKNOWN');
    expect(error.message).toContain('Unsupported voice en-US-NobodyNeural');
  });

  it('reports 401 as final with the gateway message', async () => {
    const wrong = await createAzureEngine({ options: { endpoint: server.url, key: 'not-the-key-at-all' }, env: {} });
    const error = await rejection(wrong.synthesize({ input: ssml('en-US-JennyNeural'), inputType: 'ssml', language: 'en-US' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: false });
    expect(error.message).toContain('Access denied due to invalid subscription key');
    expect(error.message).toContain('(HTTP 401)');
  });

  it('reports 429 as retryable with the Retry-After wait (HTTP-date form)', async () => {
    const when = new Date(Date.now() + 20_000).toUTCString();
    server.failNext({ status: 429, message: 'Too many requests', retryAfter: when });
    const error = await rejection(engine.synthesize({ input: ssml('en-US-JennyNeural'), inputType: 'ssml', language: 'en-US' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true });
    expect(error.retryAfterMs).toBeGreaterThan(15_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(20_000);
    expect(error.message).toBe('azure: Too many requests (HTTP 429)');
  });

  it('reports 502 and 503 as retryable', async () => {
    server.failNext({ status: 502, message: 'Bad gateway' });
    expect(await rejection(engine.synthesize({ input: ssml('en-US-JennyNeural'), inputType: 'ssml', language: 'en-US' }))).toMatchObject({ retryable: true });
    server.failNext({ status: 503, message: '' });
    expect(await rejection(engine.synthesize({ input: ssml('en-US-JennyNeural'), inputType: 'ssml', language: 'en-US' }))).toMatchObject({ retryable: true, code: 'ENGINE_REQUEST_FAILED' });
  });

  it('rejects with ABORTED and closes the request when the caller aborts in flight', async () => {
    server.stall();
    const controller = new AbortController();
    const pending = engine.synthesize({ input: ssml('en-US-JennyNeural'), inputType: 'ssml', language: 'en-US' }, controller.signal);
    await server.stalledRequest();
    controller.abort();
    expect((await rejection(pending)).code).toBe('ABORTED');
    // The request is cancelled on the wire, not left waiting for an answer.
    await server.stalledRequestAbandoned();
  });

  it('fails at creation naming the option and the variable for a missing key or region', async () => {
    const noKey = await rejection(createAzureEngine({ options: { region: 'westeurope' }, env: {} }));
    expect(noKey.code).toBe('ENGINE_CREDENTIALS_MISSING');
    expect(noKey.message).toBe('azure: no speech key: pass --engine-option key=… or set AZURE_SPEECH_KEY');
    const noRegion = await rejection(createAzureEngine({ options: {}, env: { AZURE_SPEECH_KEY: KEY } }));
    expect(noRegion.code).toBe('ENGINE_CREDENTIALS_MISSING');
    expect(noRegion.message).toBe('azure: no region: pass --engine-option region=… or set AZURE_SPEECH_REGION');
  });

  it('never shows the key in errors or settings', async () => {
    server.failNext({ status: 400, message: `Request with key ${KEY} rejected` });
    const error = await rejection(engine.synthesize({ input: ssml('en-US-JennyNeural'), inputType: 'ssml', language: 'en-US' }));
    expect(error.message).not.toContain(KEY);
    expect(error.message).toContain('[redacted]');
    expect(JSON.stringify(engine.settings?.())).not.toContain(KEY);
    expect(engine.settings?.()).toEqual({ outputFormat: 'riff-24khz-16bit-mono-pcm' });
  });
});
