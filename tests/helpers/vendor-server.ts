/**
 * Fake vendor APIs for the cloud speech engines: real HTTP servers on
 * 127.0.0.1 that record what they are sent, check authentication the way the
 * vendor does, and answer as each vendor's API reference documents — audio,
 * voice lists and error bodies. Shared by the per-engine tests and the engine
 * contract suite.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicKey, verify } from 'node:crypto';
import { fakeSpeechDurationMs, sinePcm16, spokenWords, wavFile } from './test-audio.js';

/** One request a fake vendor received. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
}

/** An error to answer with, in the vendor's documented shape. */
export interface FakeFailure {
  status: number;
  message: string;
  /** The vendor's error code (exception name, status string...); a documented default otherwise. */
  code?: string;
  /** `Retry-After` header value. */
  retryAfter?: string;
}

/** A running fake vendor. */
export interface FakeVendorServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  requests: RecordedRequest[];
  /** Answers the next `times` requests with `failure` (default once). */
  failNext(failure: FakeFailure, times?: number): void;
  /** From now on, accepts requests and never answers them. */
  stall(): void;
  /** Resolves once a request has arrived since {@link stall} (at once when one has). */
  stalledRequest(): Promise<void>;
  /** Resolves once the client has closed the connection of a stalled request (at once when it has). */
  stalledRequestAbandoned(): Promise<void>;
  close(): Promise<void>;
}

type Handler = (request: RecordedRequest, response: ServerResponse) => void;
type FailureWriter = (response: ServerResponse, failure: FakeFailure) => void;

async function startFakeServer(handle: Handler, writeFailure: FailureWriter): Promise<FakeVendorServer> {
  const requests: RecordedRequest[] = [];
  const failures: FakeFailure[] = [];
  let stalled = false;
  const arrived = eventLatch();
  const abandoned = eventLatch();
  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body,
        ...parseJson(body),
      };
      requests.push(recorded);
      if (stalled) {
        response.once('close', abandoned.fire);
        arrived.fire();
        return;
      }
      const failure = failures.shift();
      if (failure) {
        if (failure.retryAfter !== undefined) response.setHeader('Retry-After', failure.retryAfter);
        writeFailure(response, failure);
        return;
      }
      try {
        handle(recorded, response);
      } catch (error) {
        response.statusCode = 500;
        response.end(`fake server bug: ${(error as Error).message}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(failure, times = 1) {
      for (let count = 0; count < times; count += 1) failures.push(failure);
    },
    stall() {
      stalled = true;
    },
    stalledRequest: () => arrived.happened,
    stalledRequestAbandoned: () => abandoned.happened,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A promise that resolves the first time `fire` is called. */
function eventLatch(): { fire: () => void; happened: Promise<void> } {
  let fire = () => {};
  const happened = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fire, happened };
}

function parseJson(body: string): { json?: unknown } {
  if (body === '') return {};
  try {
    return { json: JSON.parse(body) as unknown };
  } catch {
    return {};
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function sendBytes(response: ServerResponse, contentType: string, bytes: Uint8Array): void {
  response.writeHead(200, { 'Content-Type': contentType, 'Content-Length': String(bytes.length) });
  response.end(Buffer.from(bytes));
}

// ---------------------------------------------------------------- Polly

/** Voices the fake Polly knows. */
export const FAKE_POLLY_VOICES = [
  { Id: 'Joanna', Name: 'Joanna', Gender: 'Female', LanguageCode: 'en-US', LanguageName: 'US English', SupportedEngines: ['standard', 'neural', 'generative'] },
  { Id: 'Matthew', Name: 'Matthew', Gender: 'Male', LanguageCode: 'en-US', LanguageName: 'US English', SupportedEngines: ['standard', 'neural', 'generative'] },
  { Id: 'Aditi', Name: 'Aditi', Gender: 'Female', LanguageCode: 'en-IN', AdditionalLanguageCodes: ['hi-IN'], LanguageName: 'Indian English', SupportedEngines: ['standard'] },
];

/**
 * Fake Amazon Polly (REST-JSON protocol): `POST /v1/speech` (SynthesizeSpeech:
 * `pcm` audio or `json` word speech marks) and `GET /v1/voices`
 * (DescribeVoices, two pages joined by `NextToken`). Requests must carry a
 * SigV4 `Authorization` for `accessKeyId` in `region` and an `X-Amz-Date`.
 * Errors: the exception name in `x-amzn-ErrorType`, body `{ "message" }`.
 */
export async function startPollyServer(expected: { accessKeyId: string; region: string }): Promise<FakeVendorServer> {
  const writeFailure: FailureWriter = (response, failure) => {
    const code = failure.code ?? pollyExceptionFor(failure.status);
    sendJson(response, failure.status, { message: failure.message }, { 'x-amzn-ErrorType': code });
  };
  return startFakeServer((request, response) => {
    const authorization = String(request.headers.authorization ?? '');
    const shape = new RegExp(
      `^AWS4-HMAC-SHA256 Credential=${expected.accessKeyId}/\\d{8}/${expected.region}/polly/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$`,
    );
    if (!shape.test(authorization) || !/^\d{8}T\d{6}Z$/.test(String(request.headers['x-amz-date'] ?? ''))) {
      writeFailure(response, { status: 403, code: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' });
      return;
    }
    if (request.method === 'GET' && request.path === '/v1/voices') {
      const engine = request.query.get('Engine');
      const voices = FAKE_POLLY_VOICES.filter((voice) => !engine || voice.SupportedEngines.includes(engine));
      if (request.query.get('NextToken') === 'page-2') sendJson(response, 200, { Voices: voices.slice(2) });
      else sendJson(response, 200, { Voices: voices.slice(0, 2), NextToken: 'page-2' });
      return;
    }
    if (request.method === 'POST' && request.path === '/v1/speech') {
      const body = request.json as { Text: string; VoiceId: string; OutputFormat: string; SampleRate?: string };
      if (!FAKE_POLLY_VOICES.some((voice) => voice.Id === body.VoiceId)) {
        writeFailure(response, {
          status: 400,
          code: 'ValidationException',
          message: `1 validation error detected: Value '${body.VoiceId}' at 'voiceId' failed to satisfy constraint: Member must satisfy enum value set`,
        });
        return;
      }
      if (body.OutputFormat === 'json') {
        let offset = 0;
        const lines = spokenWords(body.Text).map((word, index) => {
          const line = JSON.stringify({ time: 100 + index * 120, type: 'word', start: offset, end: offset + word.length, value: word });
          offset += word.length + 1;
          return line;
        });
        sendBytes(response, 'application/x-json-stream', new TextEncoder().encode(`${lines.join('\n')}\n`));
        return;
      }
      const rate = Number(body.SampleRate ?? '16000');
      response.setHeader('x-amzn-RequestCharacters', String(spokenWords(body.Text).join(' ').length));
      sendBytes(response, 'audio/pcm', sinePcm16(fakeSpeechDurationMs(body.Text), rate));
      return;
    }
    writeFailure(response, { status: 404, code: 'UnknownOperationException', message: `no route ${request.method} ${request.path}` });
  }, writeFailure);
}

function pollyExceptionFor(status: number): string {
  if (status === 400) return 'InvalidSsmlException';
  if (status === 403) return 'AccessDeniedException';
  if (status === 429) return 'TooManyRequestsException';
  return 'ServiceFailureException';
}

// ---------------------------------------------------------------- Google

/** Voices the fake Google Cloud Text-to-Speech knows. */
export const FAKE_GOOGLE_VOICES = [
  { languageCodes: ['en-US'], name: 'en-US-Neural2-F', ssmlGender: 'FEMALE', naturalSampleRateHertz: 24000 },
  { languageCodes: ['en-US'], name: 'en-US-Neural2-D', ssmlGender: 'MALE', naturalSampleRateHertz: 24000 },
  { languageCodes: ['de-DE'], name: 'de-DE-Neural2-B', ssmlGender: 'MALE', naturalSampleRateHertz: 24000 },
];

const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/**
 * Fake Google Cloud Text-to-Speech: `POST /v1/text:synthesize` and
 * `/v1beta1/text:synthesize` (`audioContent`: base64 LINEAR16 with its WAV
 * header; `timepoints` for `<mark>`s when `enableTimePointing` asks), `GET
 * /v1/voices`, and an OAuth token endpoint `POST /token` that verifies the
 * service account's RS256 JWT with `serviceAccount.publicKey`.
 * Auth: `X-Goog-Api-Key: apiKey` or `Authorization: Bearer <issued token>`.
 * Errors: `{ "error": { "code", "message", "status" } }`.
 */
export async function startGoogleServer(expected: {
  apiKey?: string;
  serviceAccount?: { clientEmail: string; publicKeyPem: string };
}): Promise<FakeVendorServer & { issuedTokens: string[] }> {
  const issuedTokens: string[] = [];
  const writeFailure: FailureWriter = (response, failure) => {
    sendJson(response, failure.status, {
      error: { code: failure.status, message: failure.message, status: failure.code ?? GOOGLE_STATUS[failure.status] ?? 'UNKNOWN' },
    });
  };
  let base = '';
  const server = await startFakeServer((request, response) => {
    if (request.method === 'POST' && request.path === '/token') {
      const form = new URLSearchParams(request.body);
      const assertion = form.get('assertion') ?? '';
      const claims = expected.serviceAccount ? verifyJwt(assertion, expected.serviceAccount.publicKeyPem) : undefined;
      const valid =
        form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
        claims !== undefined &&
        claims.iss === expected.serviceAccount?.clientEmail &&
        claims.aud === `${base}/token` &&
        claims.scope === 'https://www.googleapis.com/auth/cloud-platform';
      if (!valid) {
        sendJson(response, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
        return;
      }
      const token = `ya29.fake-token-${issuedTokens.length + 1}`;
      issuedTokens.push(token);
      sendJson(response, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
      return;
    }
    const apiKeyOk = expected.apiKey !== undefined && request.headers['x-goog-api-key'] === expected.apiKey;
    const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    if (!apiKeyOk && !(bearer && issuedTokens.includes(bearer))) {
      writeFailure(response, { status: 403, message: 'The request is missing a valid API key.' });
      return;
    }
    if (request.method === 'GET' && request.path === '/v1/voices') {
      const language = request.query.get('languageCode');
      sendJson(response, 200, { voices: FAKE_GOOGLE_VOICES.filter((voice) => !language || voice.languageCodes.some((code) => code.startsWith(language))) });
      return;
    }
    if (request.method === 'POST' && (request.path === '/v1/text:synthesize' || request.path === '/v1beta1/text:synthesize')) {
      const body = request.json as {
        input: { ssml?: string; text?: string };
        voice: { languageCode: string; name: string };
        audioConfig: { audioEncoding: string; sampleRateHertz?: number };
        enableTimePointing?: string[];
      };
      if (!FAKE_GOOGLE_VOICES.some((voice) => voice.name === body.voice.name)) {
        writeFailure(response, { status: 400, message: `Voice '${body.voice.name}' does not exist. Is it misspelled?` });
        return;
      }
      const input = body.input.ssml ?? body.input.text ?? '';
      const rate = body.audioConfig.sampleRateHertz ?? 24000;
      const audio = wavFile(sinePcm16(fakeSpeechDurationMs(input), rate), rate);
      // Google parses the SSML: a mark's name comes back unescaped.
      const marks = [...input.matchAll(/<mark name=(?:"([^"]+)"|'([^']+)')\s*\/>/g)].map((match, index) => ({ markName: unescapeXml(match[1] ?? match[2] ?? ''), timeSeconds: 0.1 + index * 0.12 }));
      sendJson(response, 200, {
        audioContent: Buffer.from(audio).toString('base64'),
        ...(body.enableTimePointing?.includes('SSML_MARK') && request.path.startsWith('/v1beta1') ? { timepoints: marks } : {}),
      });
      return;
    }
    writeFailure(response, { status: 404, message: `Method not found: ${request.path}` });
  }, writeFailure);
  base = server.url;
  return Object.assign(server, { issuedTokens });
}

function verifyJwt(token: string, publicKeyPem: string): Record<string, unknown> | undefined {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return undefined;
  const ok = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64url'));
  if (!ok) return undefined;
  const parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string };
  if (parsedHeader.alg !== 'RS256') return undefined;
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

// ---------------------------------------------------------------- Azure

/** Voices the fake Azure Speech knows (the documented voices/list shape). */
export const FAKE_AZURE_VOICES = [
  { Name: 'Microsoft Server Speech Text to Speech Voice (en-US, JennyNeural)', DisplayName: 'Jenny', LocalName: 'Jenny', ShortName: 'en-US-JennyNeural', Gender: 'Female', Locale: 'en-US', LocaleName: 'English (United States)', SampleRateHertz: '24000', VoiceType: 'Neural', Status: 'GA', WordsPerMinute: '152' },
  { Name: 'Microsoft Server Speech Text to Speech Voice (en-US, JennyMultilingualNeural)', DisplayName: 'Jenny Multilingual', LocalName: 'Jenny Multilingual', ShortName: 'en-US-JennyMultilingualNeural', Gender: 'Female', Locale: 'en-US', LocaleName: 'English (United States)', SecondaryLocaleList: ['de-DE', 'fr-FR'], SampleRateHertz: '24000', VoiceType: 'Neural', Status: 'GA' },
  { Name: 'Microsoft Server Speech Text to Speech Voice (zh-CN, YunxiNeural)', DisplayName: 'Yunxi', LocalName: '云希', ShortName: 'zh-CN-YunxiNeural', Gender: 'Male', Locale: 'zh-CN', LocaleName: 'Chinese (Mandarin, Simplified)', SampleRateHertz: '24000', VoiceType: 'Neural', Status: 'GA' },
];

/**
 * Fake Azure Speech text to speech: `POST /cognitiveservices/v1` (SSML in,
 * `riff-24khz-16bit-mono-pcm` WAV out; checks `Content-Type`,
 * `X-Microsoft-OutputFormat` and `User-Agent`) and `GET
 * /cognitiveservices/voices/list`. Auth: `Ocp-Apim-Subscription-Key: key`.
 * Errors: status with a plain-text body (empty when the message is empty);
 * 401 in the gateway's JSON `{ "error": { "code", "message" } }`.
 */
export async function startAzureServer(expected: { key: string }): Promise<FakeVendorServer> {
  const writeFailure: FailureWriter = (response, failure) => {
    if (failure.status === 401) {
      sendJson(response, 401, { error: { code: failure.code ?? '401', message: failure.message } });
      return;
    }
    response.writeHead(failure.status, { 'Content-Type': 'text/plain' });
    response.end(failure.message);
  };
  return startFakeServer((request, response) => {
    if (request.headers['ocp-apim-subscription-key'] !== expected.key) {
      writeFailure(response, { status: 401, message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.' });
      return;
    }
    if (request.method === 'GET' && request.path === '/cognitiveservices/voices/list') {
      sendJson(response, 200, FAKE_AZURE_VOICES);
      return;
    }
    if (request.method === 'POST' && request.path === '/cognitiveservices/v1') {
      if (request.headers['content-type'] !== 'application/ssml+xml') {
        writeFailure(response, { status: 415, message: '' });
        return;
      }
      const format = request.headers['x-microsoft-outputformat'];
      if (format !== 'riff-24khz-16bit-mono-pcm' || !request.headers['user-agent']) {
        writeFailure(response, { status: 400, message: '' });
        return;
      }
      const voice = /<voice[^>]*\sname=["']([^"']+)["']/.exec(request.body)?.[1];
      if (!voice || !FAKE_AZURE_VOICES.some((candidate) => candidate.ShortName === voice)) {
        writeFailure(response, { status: 400, message: `Unsupported voice ${voice ?? '(none)'}.` });
        return;
      }
      sendBytes(response, 'audio/x-wav', wavFile(sinePcm16(fakeSpeechDurationMs(request.body), 24000), 24000));
      return;
    }
    writeFailure(response, { status: 404, message: 'Resource not found' });
  }, writeFailure);
}

// ---------------------------------------------------------------- OpenAI

/**
 * Fake OpenAI speech API: `POST /v1/audio/speech` answering `response_format:
 * pcm` with raw 24 kHz 16-bit mono PCM (`mp3` and others are refused).
 * Auth: `Authorization: Bearer apiKey`.
 * Errors: `{ "error": { "message", "type", "param", "code" } }`.
 */
export async function startOpenAiServer(expected: { apiKey: string }): Promise<FakeVendorServer> {
  const writeFailure: FailureWriter = (response, failure) => {
    const type = failure.status === 429 ? 'requests' : failure.status >= 500 ? 'server_error' : 'invalid_request_error';
    sendJson(response, failure.status, { error: { message: failure.message, type, param: null, code: failure.code ?? null } });
  };
  return startFakeServer((request, response) => {
    if (request.headers.authorization !== `Bearer ${expected.apiKey}`) {
      const shown = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
      writeFailure(response, { status: 401, code: 'invalid_api_key', message: `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.` });
      return;
    }
    if (request.method === 'POST' && request.path === '/v1/audio/speech') {
      const body = request.json as { model: string; voice: string; input: string; response_format?: string; speed?: number };
      const voices = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'sage', 'shimmer', 'verse', 'marin', 'cedar'];
      if (!voices.includes(body.voice)) {
        sendJson(response, 400, {
          error: { message: `Invalid value: '${body.voice}'. Supported values are: ${voices.map((voice) => `'${voice}'`).join(', ')}.`, type: 'invalid_request_error', param: 'voice', code: 'invalid_value' },
        });
        return;
      }
      if (body.response_format !== 'pcm') {
        writeFailure(response, { status: 400, message: 'this fake only speaks pcm' });
        return;
      }
      const durationMs = fakeSpeechDurationMs(body.input) / (body.speed ?? 1);
      sendBytes(response, 'audio/pcm', sinePcm16(durationMs, 24000));
      return;
    }
    writeFailure(response, { status: 404, message: `Invalid URL (${request.method} ${request.path})` });
  }, writeFailure);
}

// ---------------------------------------------------------------- ElevenLabs

/** Voices the fake ElevenLabs knows (the documented `GET /v1/voices` shape). */
export const FAKE_ELEVENLABS_VOICES = [
  { voice_id: 'JBFqnCBsd6RMkjVDRZzb', name: 'George', category: 'premade', labels: { accent: 'british', gender: 'male', age: 'middle_aged', use_case: 'narration' }, verified_languages: [{ language: 'en', model_id: 'eleven_multilingual_v2', accent: 'british', locale: 'en-GB' }] },
  { voice_id: 'EXAVITQu4vr4xnSDxMaL', name: 'Sarah', category: 'premade', labels: { accent: 'american', gender: 'female', age: 'young' }, verified_languages: [] },
];

/**
 * Fake ElevenLabs: `POST /v1/text-to-speech/{voice_id}?output_format=pcm_<rate>`
 * (raw 16-bit mono PCM at that rate) and `GET /v1/voices`.
 * Auth: `xi-api-key: apiKey`. Errors: `{ "detail": { "status", "message" } }`.
 */
export async function startElevenLabsServer(expected: { apiKey: string }): Promise<FakeVendorServer> {
  const writeFailure: FailureWriter = (response, failure) => {
    sendJson(response, failure.status, { detail: { status: failure.code ?? elevenLabsStatusFor(failure.status), message: failure.message } });
  };
  return startFakeServer((request, response) => {
    if (request.headers['xi-api-key'] !== expected.apiKey) {
      writeFailure(response, { status: 401, code: 'invalid_api_key', message: 'Invalid API key' });
      return;
    }
    if (request.method === 'GET' && request.path === '/v1/voices') {
      sendJson(response, 200, { voices: FAKE_ELEVENLABS_VOICES });
      return;
    }
    const match = /^\/v1\/text-to-speech\/([^/]+)$/.exec(request.path);
    if (request.method === 'POST' && match) {
      const voiceId = decodeURIComponent(match[1]!);
      if (!FAKE_ELEVENLABS_VOICES.some((voice) => voice.voice_id === voiceId)) {
        writeFailure(response, { status: 404, code: 'voice_not_found', message: `A voice with voice_id ${voiceId} was not found.` });
        return;
      }
      const format = request.query.get('output_format') ?? 'mp3_44100_128';
      const rate = /^pcm_(\d+)$/.exec(format)?.[1];
      if (!rate) {
        writeFailure(response, { status: 400, code: 'invalid_output_format', message: `this fake only speaks pcm, not ${format}` });
        return;
      }
      const body = request.json as { text: string };
      sendBytes(response, 'audio/pcm', sinePcm16(fakeSpeechDurationMs(body.text), Number(rate)));
      return;
    }
    writeFailure(response, { status: 404, code: 'not_found', message: `no route ${request.path}` });
  }, writeFailure);
}

function elevenLabsStatusFor(status: number): string {
  if (status === 401) return 'invalid_api_key';
  if (status === 429) return 'too_many_concurrent_requests';
  if (status >= 500) return 'internal_server_error';
  return 'invalid_request';
}

/** The five predefined XML entities and numeric references, decoded. */
function unescapeXml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, entity: string) =>
    entity.startsWith('#x') || entity.startsWith('#X') ? String.fromCodePoint(parseInt(entity.slice(2), 16)) : entity.startsWith('#') ? String.fromCodePoint(Number(entity.slice(1))) : (named[entity.toLowerCase()] ?? _),
  );
}
