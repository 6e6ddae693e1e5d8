import {
  BriefingError,
  engineEnvironment,
  optional,
  parseEngineOptions,
  parseJsonBody,
  requireWaveAudio,
  sendVendorRequest,
  SPEECH_ENGINE_SPEC,
  trimBaseUrl,
  type EngineCapabilities,
  type EngineOptions,
  type SpeechEngine,
  type SynthesisRequest,
  type SynthesisResult,
  type VendorRequest,
  type Voice,
  type WordTiming,
} from '../kit/index.js';
import { resolveGoogleAuth } from './google-auth.js';
import { googleDefinition } from './google-definition.js';
import { GOOGLE_DIALECT, GOOGLE_MARKED_DIALECT } from './google-dialect.js';
import { googlePricing } from './google-prices.js';
import { isGoogleVoiceUnknown, readGoogleError } from './google-errors.js';

const ENGINE = 'google';

/** SSML elements Google Cloud Text-to-Speech documents as supported. */
const GOOGLE_SSML_TAGS = [
  'speak',
  'break',
  'say-as',
  'p',
  's',
  'sub',
  'mark',
  'prosody',
  'emphasis',
  'phoneme',
  'voice',
  'lang',
] as const;

/**
 * Creates the Google Cloud Text-to-Speech engine (REST `text:synthesize`).
 *
 * Options (`--engine-option key=value`):
 * - `apiKey` / `keyFile`: credentials; otherwise `GOOGLE_APPLICATION_CREDENTIALS`
 *   (service-account key file: an RS256 JWT is exchanged at the file's `token_uri`,
 *   the token is cached until it expires) or `GOOGLE_API_KEY`.
 * - `endpoint`: base URL (default `https://texttospeech.googleapis.com`).
 * - `voice`: default voice name (default `en-US-Neural2-F`); `languageCode`: the
 *   voice language and the `voices()` filter (default: taken from the voice name).
 * - `sampleRate` (Hz, default 24000), `speakingRate` (0.25–4), `pitch` (−20–20
 *   semitones), `volumeGainDb` (−96–16): the `audioConfig`.
 * - `timepoints=true`: use `v1beta1` with `enableTimePointing: ['SSML_MARK']`, with a
 *   `<mark>` named after each word before the word; each comes back as a {@link WordTiming}.
 * - `timeoutMs`: per-request timeout (default 120000).
 *
 * Audio is requested as `LINEAR16`; the WAV header Google adds is removed and
 * the result is raw `pcm16`. Limit: 5000 bytes of input per request.
 */
export async function createGoogleEngine(options: EngineOptions): Promise<SpeechEngine> {
  const settings = await parseEngineOptions(googleDefinition.options, options.options);
  const env = engineEnvironment(options);
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const endpoint = trimBaseUrl(settings.endpoint);
  const { timeoutMs, voice: defaultVoice, languageCode: languageCodeOption, timepoints } = settings;
  const audioConfig = {
    audioEncoding: 'LINEAR16',
    sampleRateHertz: settings.sampleRate,
    ...optional('speakingRate', settings.speakingRate),
    ...optional('pitch', settings.pitch),
    ...optional('volumeGainDb', settings.volumeGainDb),
  };
  const auth = resolveGoogleAuth({
    ...optional('apiKey', settings.apiKey),
    ...optional('keyFile', settings.keyFile),
    env,
    fetch: fetchFunction,
    timeoutMs,
  });
  const apiVersion = timepoints ? 'v1beta1' : 'v1';

  async function call(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const headers = await auth.headers(signal);
    const request: VendorRequest = {
      engine: ENGINE,
      fetch: fetchFunction,
      url: `${endpoint}${path}`,
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
      timeoutMs,
      readError: readGoogleError,
      secrets: auth.secrets(),
      isVoiceUnknown: isGoogleVoiceUnknown,
    };
    const response = await sendVendorRequest(request);
    return parseJsonBody(ENGINE, response.body);
  }

  const capabilities: EngineCapabilities = {
    input: 'ssml',
    // Word timings come from a mark before each word.
    dialect: timepoints ? GOOGLE_MARKED_DIALECT : GOOGLE_DIALECT,
    ssmlTags: GOOGLE_SSML_TAGS,
    maxInput: 5000,
    inputUnit: 'bytes',
    maxBreakMs: 10_000,
    wordTimings: timepoints,
    network: true,
    embedded: false,
  };

  return {
    spec: SPEECH_ENGINE_SPEC,
    id: ENGINE,
    version: `texttospeech-${apiVersion}`,
    defaultVoice,
    capabilities,
    pricing: googlePricing(defaultVoice),

    async voices(): Promise<Voice[]> {
      const query = languageCodeOption ? `?languageCode=${encodeURIComponent(languageCodeOption)}` : '';
      const body = (await call('GET', `/v1/voices${query}`, undefined, undefined)) as { voices?: GoogleVoice[] };
      return (body.voices ?? []).map(toVoice);
    },

    async synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<SynthesisResult> {
      const voice = request.voice ?? defaultVoice;
      const body = {
        input: request.inputType === 'ssml' ? { ssml: request.input } : { text: request.input },
        voice: { languageCode: languageCodeOption ?? languageOfVoice(voice) ?? request.language, name: voice },
        audioConfig,
        ...(timepoints ? { enableTimePointing: ['SSML_MARK'] } : {}),
      };
      const answer = (await call('POST', `/${apiVersion}/text:synthesize`, body, signal)) as GoogleSynthesizeAnswer;
      if (typeof answer.audioContent !== 'string') {
        throw new BriefingError('ENGINE_REQUEST_FAILED', 'google: the answer has no audioContent');
      }
      const audio = requireWaveAudio(ENGINE, new Uint8Array(Buffer.from(answer.audioContent, 'base64')));
      const durationMs = audio.format === 'pcm16' ? (audio.data.length / 2 / audio.sampleRate) * 1000 : undefined;
      return {
        audio,
        ...(timepoints ? { words: markTimings(answer.timepoints ?? [], durationMs) } : {}),
        warnings: [],
      };
    },

    settings() {
      return { api: apiVersion, ...audioConfig, timepoints };
    },
  };
}

interface GoogleVoice {
  name?: string;
  languageCodes?: string[];
  ssmlGender?: string;
  naturalSampleRateHertz?: number;
}

interface GoogleSynthesizeAnswer {
  audioContent?: unknown;
  timepoints?: { markName?: string; timeSeconds?: number }[];
}

function toVoice(voice: GoogleVoice): Voice {
  const gender = voice.ssmlGender?.toLowerCase();
  return {
    id: voice.name ?? '',
    languages: voice.languageCodes ?? [],
    ...(gender === 'female' || gender === 'male' || gender === 'neutral' ? { gender } : {}),
  };
}

/** `en-US-Neural2-F` → `en-US`; `cmn-CN-Wavenet-A` → `cmn-CN`. */
function languageOfVoice(voice: string): string | undefined {
  return /^([a-z]{2,3}-[A-Za-z]{2,4})-/.exec(voice)?.[1];
}

function markTimings(points: { markName?: string; timeSeconds?: number }[], durationMs: number | undefined): WordTiming[] {
  const sorted = points
    .filter((point) => typeof point.markName === 'string' && typeof point.timeSeconds === 'number')
    .sort((a, b) => a.timeSeconds! - b.timeSeconds!);
  return sorted.map((point, index) => {
    const startMs = Math.round(point.timeSeconds! * 1000);
    const next = sorted[index + 1];
    const endMs = next ? Math.round(next.timeSeconds! * 1000) : Math.max(startMs, Math.round(durationMs ?? startMs));
    return { word: point.markName!, startMs, endMs };
  });
}
