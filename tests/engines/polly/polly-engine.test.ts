import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPollyEngine } from '../../../src/engines/polly/polly-engine.js';
import type { EngineOptions, SpeechEngine } from '../../../src/engines/speech-engine.js';
import { fakeSpeechDurationMs, pcm16DurationMs, pcm16Rms } from '../../helpers/test-audio.js';
import { startPollyServer, type FakeVendorServer } from '../../helpers/vendor-server.js';
import { rejection } from '../../helpers/expect-error.js';

const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789';
const REGION = 'eu-west-1';
const SSML = '<speak><p><s>Floods closed the coast road.</s><s>It reopens tonight.</s></p></speak>';

describe('polly engine', () => {
  let server: FakeVendorServer;
  let engine: SpeechEngine;
  const env = { AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: SESSION_TOKEN, AWS_REGION: REGION };
  const make = (options: EngineOptions['options'] = {}, environment: EngineOptions['env'] = env): Promise<SpeechEngine> =>
    createPollyEngine({ options: { endpoint: server.url, ...options }, env: environment });

  beforeEach(async () => {
    server = await startPollyServer({ accessKeyId: ACCESS_KEY_ID, region: REGION });
    engine = await make();
  });
  afterEach(async () => {
    await engine.close?.();
    await server.close();
  });

  it('declares the polly dialect and its documented limits', async () => {
    expect(engine.defaultVoice).toBe('Joanna');
    expect(engine.capabilities).toMatchObject({
      input: 'ssml',
      dialect: expect.objectContaining({ name: 'polly' }),
      maxInput: 3000,
      inputUnit: 'billed-chars',
      maxBreakMs: 10_000,
      wordTimings: false,
      network: true,
      embedded: false,
    });
    expect(engine.capabilities.ssmlTags).not.toContain('emphasis');
    expect((await make({ engine: 'standard' })).capabilities.ssmlTags).toContain('emphasis');
  });

  it('signs SynthesizeSpeech with SigV4 and returns 16 kHz pcm16', async () => {
    const result = await engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en-US', voice: 'Matthew' });
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/speech');
    expect(request.headers.authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/\\d{8}/${REGION}/polly/aws4_request, SignedHeaders=\\S+, Signature=[0-9a-f]{64}$`),
    );
    expect(request.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(request.headers['x-amz-security-token']).toBe(SESSION_TOKEN);
    expect(request.json).toEqual({ Engine: 'neural', OutputFormat: 'pcm', SampleRate: '16000', Text: SSML, TextType: 'ssml', VoiceId: 'Matthew' });
    expect(result.audio.format).toBe('pcm16');
    if (result.audio.format !== 'pcm16') return;
    expect(result.audio.sampleRate).toBe(16000);
    expect(pcm16DurationMs(result.audio.data, 16000)).toBeCloseTo(fakeSpeechDurationMs(SSML), -1);
    expect(pcm16Rms(result.audio.data)).toBeGreaterThan(0.1);
    expect(result.words).toBeUndefined();
  });

  it('asks word speech marks in a second request when wordTimings is on', async () => {
    const timed = await make({ wordTimings: 'true', engine: 'standard', sampleRate: '8000' });
    expect(timed.capabilities.wordTimings).toBe(true);
    const result = await timed.synthesize({ input: '<speak>Mary had a little lamb</speak>', inputType: 'ssml', language: 'en-US' });
    const bodies = server.requests.map((request) => request.json as Record<string, unknown>);
    expect(bodies).toContainEqual(expect.objectContaining({ OutputFormat: 'pcm', SampleRate: '8000', Engine: 'standard' }));
    expect(bodies).toContainEqual(expect.objectContaining({ OutputFormat: 'json', SpeechMarkTypes: ['word'], TextType: 'ssml' }));
    expect(result.words?.map((word) => word.word)).toEqual(['Mary', 'had', 'a', 'little', 'lamb']);
    expect(result.words?.[1]).toEqual({ word: 'had', startMs: 220, endMs: 340 });
    expect(result.words?.[4]?.endMs).toBeCloseTo(fakeSpeechDurationMs('Mary had a little lamb'), -1);
  });

  it('lists voices over every DescribeVoices page', async () => {
    const voices = await (await make({ engine: 'standard' })).voices();
    const paths = server.requests.map((request) => `${request.path}?${request.query.toString()}`);
    expect(paths[0]).toContain('Engine=standard');
    expect(paths[1]).toContain('NextToken=page-2');
    expect(voices).toEqual([
      { id: 'Joanna', languages: ['en-US'], gender: 'female' },
      { id: 'Matthew', languages: ['en-US'], gender: 'male' },
      { id: 'Aditi', languages: ['en-IN', 'hi-IN'], gender: 'female' },
    ]);
  });

  it('reports InvalidSsmlException (400) as final with the vendor message', async () => {
    server.failNext({ status: 400, code: 'InvalidSsmlException', message: 'Invalid SSML request' });
    const error = await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en-US' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: false });
    expect(error.message).toBe('polly: Invalid SSML request [InvalidSsmlException] (HTTP 400)');
  });

  it('maps a rejected VoiceId to VOICE_UNKNOWN', async () => {
    const error = await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en-US', voice: 'Robot' }));
    expect(error.code).toBe('VOICE_UNKNOWN');
    expect(error.message).toContain("Value 'Robot' at 'voiceId'");
  });

  it('reports a bad signature (403) as final', async () => {
    const other = await make({}, { ...env, AWS_ACCESS_KEY_ID: 'AKIAOTHERKEY000000000' });
    const error = await rejection(other.synthesize({ input: SSML, inputType: 'ssml', language: 'en-US' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: false });
    expect(error.message).toBe('polly: The security token included in the request is invalid. [UnrecognizedClientException] (HTTP 403)');
  });

  it('reports ThrottlingException (documented as HTTP 400) as retryable', async () => {
    server.failNext({ status: 400, code: 'ThrottlingException', message: 'Rate exceeded' });
    const error = await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en-US' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true });
    expect(error.message).toContain('Rate exceeded [ThrottlingException]');
  });

  it('reports 429 as retryable with the Retry-After wait', async () => {
    server.failNext({ status: 429, code: 'TooManyRequestsException', message: 'Too many requests', retryAfter: '3' });
    const error = await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en-US' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true, retryAfterMs: 3000 });
  });

  it('reports ServiceFailureException (500) as retryable', async () => {
    server.failNext({ status: 500, code: 'ServiceFailureException', message: 'An unknown condition has caused a service failure.' });
    const error = await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en-US' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true });
    expect(error.message).toContain('(HTTP 500)');
  });

  it('rejects with ABORTED and closes the request when the caller aborts in flight', async () => {
    server.stall();
    const controller = new AbortController();
    const pending = engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en-US' }, controller.signal);
    await server.stalledRequest();
    controller.abort();
    expect((await rejection(pending)).code).toBe('ABORTED');
    // The request is cancelled on the wire, not left waiting for an answer.
    await server.stalledRequestAbandoned();
  });

  it('reports missing credentials on first use, naming the options and the variables', async () => {
    const bare = await createPollyEngine({ options: { endpoint: server.url, region: REGION }, env: {} });
    const error = await rejection(bare.synthesize({ input: SSML, inputType: 'ssml', language: 'en-US' }));
    expect(error.code).toBe('ENGINE_CREDENTIALS_MISSING');
    expect(error.message).toBe(
      'polly: no AWS credentials: pass --engine-option accessKeyId=… --engine-option secretAccessKey=… or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or configure an AWS profile)',
    );
    const noRegion = await createPollyEngine({ options: { endpoint: server.url }, env: { AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET } });
    const regionError = await rejection(noRegion.synthesize({ input: SSML, inputType: 'ssml', language: 'en-US' }));
    expect(regionError.code).toBe('ENGINE_CREDENTIALS_MISSING');
    expect(regionError.message).toBe('polly: no AWS region: pass --engine-option region=… or set AWS_REGION');
    expect(server.requests).toHaveLength(0);
  });

  it('takes credentials and region from the options over the environment', async () => {
    const fromOptions = await createPollyEngine({
      options: { endpoint: server.url, accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET, region: REGION },
      env: {},
    });
    await fromOptions.synthesize({ input: SSML, inputType: 'ssml', language: 'en-US' });
    expect(server.requests[0]!.headers.authorization).toContain(`Credential=${ACCESS_KEY_ID}/`);
  });

  it('never shows the secret key or session token in errors or settings', async () => {
    server.failNext({ status: 400, code: 'InvalidSsmlException', message: `Bad request signed with ${SECRET} and ${SESSION_TOKEN}` });
    const error = await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en-US' }));
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain(SESSION_TOKEN);
    const settings = JSON.stringify(engine.settings?.());
    expect(settings).not.toContain(SECRET);
    expect(settings).not.toContain(ACCESS_KEY_ID);
    expect(engine.settings?.()).toEqual({ engine: 'neural', outputFormat: 'pcm', sampleRate: 16000, wordTimings: false });
  });
});
