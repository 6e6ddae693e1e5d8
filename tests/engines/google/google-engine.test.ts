import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGoogleEngine } from '../../../src/engines/google/google-engine.js';
import type { SpeechEngine } from '../../../src/engines/speech-engine.js';
import { fakeSpeechDurationMs, pcm16DurationMs, pcm16Rms } from '../../helpers/test-audio.js';
import { startGoogleServer, type FakeVendorServer } from '../../helpers/vendor-server.js';
import { rejection, thrown } from '../../helpers/expect-error.js';
import { renderBlock } from '../../../src/ssml/render-block.js';
import { DEFAULT_QUOTE_STYLE } from '../../../src/ssml/speech-plan.js';
import { speechBlock } from '../../helpers/speech-blocks.js';

const API_KEY = 'AIzaSy-test-key-0123456789';
const SSML = '<speak><p><s>The council approved the budget.</s><s>Work starts in May.</s></p></speak>';
const CLIENT_EMAIL = 'briefing-test@example-project.iam.gserviceaccount.com';

describe('google engine', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  let folder: string;
  let server: FakeVendorServer & { issuedTokens: string[] };
  let engine: SpeechEngine;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'briefing-google-test-'));
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });
  beforeEach(async () => {
    server = await startGoogleServer({ apiKey: API_KEY, serviceAccount: { clientEmail: CLIENT_EMAIL, publicKeyPem } });
    engine = await createGoogleEngine({ options: { endpoint: server.url, speakingRate: '1.1' }, env: { GOOGLE_API_KEY: API_KEY } });
  });
  afterEach(async () => {
    await server.close();
  });

  function writeKeyFile(): string {
    const path = join(folder, `key-${Date.now()}-${Math.random()}.json`);
    writeFileSync(path, JSON.stringify({
      type: 'service_account',
      project_id: 'example-project',
      private_key_id: 'key-1',
      private_key: privateKeyPem,
      client_email: CLIENT_EMAIL,
      token_uri: `${server.url}/token`,
    }));
    return path;
  }

  it('declares the google dialect and the 5000-byte limit', () => {
    expect(engine.capabilities).toMatchObject({ input: 'ssml', dialect: expect.objectContaining({ name: 'google' }), maxInput: 5000, inputUnit: 'bytes', network: true, embedded: false });
    expect(engine.capabilities.ssmlTags).toEqual(expect.arrayContaining(['break', 'mark', 'emphasis', 'prosody', 'say-as']));
    expect(engine.defaultVoice).toBe('en-US-Neural2-F');
  });

  it('sends the SSML as is with LINEAR16 audioConfig and returns pcm16 without the WAV header', async () => {
    const result = await engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en', voice: 'en-US-Neural2-D' });
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/text:synthesize');
    expect(request.headers['x-goog-api-key']).toBe(API_KEY);
    expect(request.query.get('key')).toBeNull();
    expect(request.json).toEqual({
      input: { ssml: SSML },
      voice: { languageCode: 'en-US', name: 'en-US-Neural2-D' },
      audioConfig: { audioEncoding: 'LINEAR16', sampleRateHertz: 24000, speakingRate: 1.1 },
    });
    expect(result.audio.format).toBe('pcm16');
    if (result.audio.format !== 'pcm16') return;
    expect(result.audio.sampleRate).toBe(24000);
    expect(String.fromCharCode(...result.audio.data.subarray(0, 4))).not.toBe('RIFF');
    expect(pcm16DurationMs(result.audio.data, 24000)).toBeCloseTo(fakeSpeechDurationMs(SSML), -1);
    expect(pcm16Rms(result.audio.data)).toBeGreaterThan(0.1);
  });

  it('uses v1beta1 timepointing for <mark> timings when asked', async () => {
    const marked = await createGoogleEngine({ options: { endpoint: server.url, timepoints: 'true' }, env: { GOOGLE_API_KEY: API_KEY } });
    expect(marked.capabilities.wordTimings).toBe(true);
    const result = await marked.synthesize({ input: '<speak><mark name="w0"/>Hello <mark name="w1"/>world</speak>', inputType: 'ssml', language: 'en' });
    expect(server.requests[0]!.path).toBe('/v1beta1/text:synthesize');
    expect((server.requests[0]!.json as { enableTimePointing: string[] }).enableTimePointing).toEqual(['SSML_MARK']);
    expect(result.words).toEqual([
      { word: 'w0', startMs: 100, endMs: 220 },
      { word: 'w1', startMs: 220, endMs: expect.any(Number) },
    ]);
  });

  it('with timepoints, is sent a mark before every word of a block and times each word', async () => {
    const marked = await createGoogleEngine({ options: { endpoint: server.url, timepoints: 'true' }, env: { GOOGLE_API_KEY: API_KEY } });
    const rendered = renderBlock(speechBlock('s0-b1', 'paragraph', ['Rates & fees rose.']), 0, marked, { voice: marked.defaultVoice, quotes: DEFAULT_QUOTE_STYLE, requestPerSentence: false });
    const request = rendered.requests.find((planned) => planned.kind === 'speech');
    if (request?.kind !== 'speech') throw new Error('no speech request');
    expect(request.input).toContain('<mark name="Rates"/>Rates <mark name="&amp;"/>&amp; <mark name="fees"/>fees <mark name="rose."/>rose.');
    const result = await marked.synthesize({ input: request.input, inputType: 'ssml', language: 'en' });
    expect(result.words?.map((word) => word.word)).toEqual(['Rates', '&', 'fees', 'rose.']);
    const starts = result.words!.map((word) => word.startMs);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('lists voices with languageCode filter', async () => {
    const german = await createGoogleEngine({ options: { endpoint: server.url, languageCode: 'de-DE' }, env: { GOOGLE_API_KEY: API_KEY } });
    const voices = await german.voices();
    expect(server.requests[0]!.path).toBe('/v1/voices');
    expect(server.requests[0]!.query.get('languageCode')).toBe('de-DE');
    expect(voices).toEqual([{ id: 'de-DE-Neural2-B', languages: ['de-DE'], gender: 'male' }]);
  });

  it('authenticates with a service-account key file: signs a JWT, exchanges it once and reuses the token', async () => {
    const keyFile = writeKeyFile();
    const account = await createGoogleEngine({ options: { endpoint: server.url }, env: { GOOGLE_APPLICATION_CREDENTIALS: keyFile } });
    await account.synthesize({ input: SSML, inputType: 'ssml', language: 'en' });
    await account.synthesize({ input: SSML, inputType: 'ssml', language: 'en' });
    const tokenRequests = server.requests.filter((request) => request.path === '/token');
    expect(tokenRequests).toHaveLength(1);
    expect(new URLSearchParams(tokenRequests[0]!.body).get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const synthesis = server.requests.filter((request) => request.path === '/v1/text:synthesize');
    expect(synthesis.map((request) => request.headers.authorization)).toEqual([`Bearer ${server.issuedTokens[0]}`, `Bearer ${server.issuedTokens[0]}`]);
    expect(synthesis[0]!.headers['x-goog-api-key']).toBeUndefined();
  });

  it('reports a rejected token exchange with the OAuth error', async () => {
    const { privateKey: otherKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const path = join(folder, 'wrong-key.json');
    writeFileSync(path, JSON.stringify({ client_email: CLIENT_EMAIL, private_key: otherKey.export({ type: 'pkcs8', format: 'pem' }).toString(), token_uri: `${server.url}/token` }));
    const account = await createGoogleEngine({ options: { endpoint: server.url, keyFile: path }, env: {} });
    const error = await rejection(account.synthesize({ input: SSML, inputType: 'ssml', language: 'en' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: false });
    expect(error.message).toBe('google: token exchange failed: invalid_grant: Invalid JWT Signature. (HTTP 400)');
  });

  it('reports a 400 as final with Google\'s message', async () => {
    server.failNext({ status: 400, message: 'Invalid SSML: unexpected end tag </s>.' });
    const error = await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: false });
    expect(error.message).toBe('google: Invalid SSML: unexpected end tag </s>. [INVALID_ARGUMENT] (HTTP 400)');
  });

  it('maps an unknown voice to VOICE_UNKNOWN', async () => {
    const error = await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en', voice: 'en-US-Nobody-Z' }));
    expect(error.code).toBe('VOICE_UNKNOWN');
    expect(error.message).toContain("Voice 'en-US-Nobody-Z' does not exist");
  });

  it('reports 401 and 403 as final', async () => {
    server.failNext({ status: 401, message: 'Request had invalid authentication credentials.' });
    expect(await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en' }))).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: false });
    const keyless = await createGoogleEngine({ options: { endpoint: server.url, apiKey: 'AIza-not-the-right-one' }, env: {} });
    const error = await rejection(keyless.synthesize({ input: SSML, inputType: 'ssml', language: 'en' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: false });
    expect(error.message).toContain('PERMISSION_DENIED');
  });

  it('reports 429 as retryable with the Retry-After wait', async () => {
    server.failNext({ status: 429, message: "Quota exceeded for quota metric 'Requests' of service 'texttospeech.googleapis.com'.", retryAfter: '30' });
    const error = await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true, retryAfterMs: 30_000 });
    expect(error.message).toContain('Quota exceeded');
    expect(error.message).toContain('RESOURCE_EXHAUSTED');
  });

  it('reports 500 and 503 as retryable', async () => {
    server.failNext({ status: 500, message: 'Internal error encountered.' });
    expect(await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en' }))).toMatchObject({ retryable: true, code: 'ENGINE_REQUEST_FAILED' });
    server.failNext({ status: 503, message: 'The service is currently unavailable.' });
    expect(await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en' }))).toMatchObject({ retryable: true });
  });

  it('rejects with ABORTED and closes the request when the caller aborts in flight', async () => {
    server.stall();
    const controller = new AbortController();
    const pending = engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en' }, controller.signal);
    await server.stalledRequest();
    controller.abort();
    expect((await rejection(pending)).code).toBe('ABORTED');
    // The request is cancelled on the wire, not left waiting for an answer.
    await server.stalledRequestAbandoned();
  });

  it('reports a request that takes longer than timeoutMs as retryable', async () => {
    server.stall();
    const slow = await createGoogleEngine({ options: { endpoint: server.url, timeoutMs: '100' }, env: { GOOGLE_API_KEY: API_KEY } });
    const error = await rejection(slow.synthesize({ input: SSML, inputType: 'ssml', language: 'en' }));
    expect(error).toMatchObject({ code: 'ENGINE_REQUEST_FAILED', retryable: true });
    expect(error.message).toContain('timeout');
  });

  it('fails at creation naming the option and the variables when no credential is set', async () => {
    const error = await rejection(createGoogleEngine({ options: {}, env: {} }));
    expect(error.code).toBe('ENGINE_CREDENTIALS_MISSING');
    expect(error.message).toBe(
      'google: no credentials: pass --engine-option apiKey=… or set GOOGLE_APPLICATION_CREDENTIALS (service-account key file) or GOOGLE_API_KEY',
    );
    expect(error.message).not.toContain('\n');
  });

  it('fails at creation when the key file cannot be read', async () => {
    const error = await rejection(createGoogleEngine({ options: {}, env: { GOOGLE_APPLICATION_CREDENTIALS: join(folder, 'missing.json') } }));
    expect(error.code).toBe('ENGINE_CREDENTIALS_MISSING');
    expect(error.message).toContain('missing.json');
  });

  it('never shows the key, token or private key in errors or settings', async () => {
    server.failNext({ status: 400, message: `API key not valid: ${API_KEY}. Please pass a valid API key.` });
    const error = await rejection(engine.synthesize({ input: SSML, inputType: 'ssml', language: 'en' }));
    expect(error.message).toContain('API key not valid');
    expect(error.message).not.toContain(API_KEY);
    const account = await createGoogleEngine({ options: { endpoint: server.url, keyFile: writeKeyFile() }, env: {} });
    await account.synthesize({ input: SSML, inputType: 'ssml', language: 'en' });
    server.failNext({ status: 401, message: `Token ${server.issuedTokens[0]} expired` });
    const tokenError = await rejection(account.synthesize({ input: SSML, inputType: 'ssml', language: 'en' }));
    expect(tokenError.message).not.toContain(server.issuedTokens[0]!);
    for (const settings of [engine.settings?.(), account.settings?.()]) {
      const text = JSON.stringify(settings);
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain('PRIVATE KEY');
      expect(text).not.toContain('ya29');
    }
  });
});
