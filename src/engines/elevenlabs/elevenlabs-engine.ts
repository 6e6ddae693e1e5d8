import {
  clampRate,
  credentialsMissingError,
  engineEnvironment,
  optional,
  parseEngineOptions,
  parseJsonBody,
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
} from '../kit/index.js';
import { ELEVENLABS_SPEED, elevenLabsDefinition } from './elevenlabs-definition.js';
import { ELEVENLABS_DIALECT } from './elevenlabs-dialect.js';
import { isElevenLabsVoiceUnknown, readElevenLabsError } from './elevenlabs-errors.js';
import { elevenLabsModelTraits } from './elevenlabs-models.js';

const ENGINE = 'elevenlabs';
/** US dollars per million characters: the Creator plan's overage rate for multilingual models. */
const PRICE_PER_MILLION_CHARACTERS = 300;

/**
 * Creates the ElevenLabs engine (REST `POST /v1/text-to-speech/{voice_id}`).
 *
 * Options (`--engine-option key=value`):
 * - `apiKey` (or `ELEVENLABS_API_KEY`), sent as `xi-api-key`.
 * - `endpoint`: base URL (default `https://api.elevenlabs.io`).
 * - `model` (default `eleven_multilingual_v2`), `voice` (a voice id; default `JBFqnCBsd6RMkjVDRZzb`).
 * - `sampleRate`: 16000, 22050, 24000 (default) or 44100; audio is asked as `pcm_<rate>`
 *   (raw 16-bit mono PCM; 44100 needs a Pro plan).
 * - `stability`, `similarityBoost`, `style` (0–1), `useSpeakerBoost` (boolean),
 *   `speed` (0.7–1.2): `voice_settings`; when none is set the voice's stored settings apply.
 * - `languageCode`: ISO 639-1 code to enforce (only models that take `language_code`).
 * - `timeoutMs`: per-request timeout (default 120000).
 *
 * SSML: `<break>` up to 3 s on every model but Eleven v3, `<phoneme>` on
 * `eleven_flash_v2`, `eleven_turbo_v2` and `eleven_monolingual_v1`. Eleven v3
 * reads no SSML, so with it the engine takes plain text and `prosody.rate`
 * (mapped onto `voice_settings.speed`). `previousText` / `nextText` of a request
 * are sent as `previous_text` / `next_text` for continuity.
 */
export async function createElevenLabsEngine(options: EngineOptions): Promise<SpeechEngine> {
  const settings = await parseEngineOptions(elevenLabsDefinition.options, options.options);
  const env = engineEnvironment(options);
  const apiKey = settings.apiKey ?? env.ELEVENLABS_API_KEY;
  if (!apiKey) throw credentialsMissingError(ENGINE, 'API key', 'apiKey', 'ELEVENLABS_API_KEY');
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const endpoint = trimBaseUrl(settings.endpoint);
  const { model, voice: defaultVoice, languageCode, timeoutMs } = settings;
  const sampleRate = Number(settings.sampleRate);
  const outputFormat = `pcm_${sampleRate}`;
  const voiceSettings = {
    ...optional('stability', settings.stability),
    ...optional('similarity_boost', settings.similarityBoost),
    ...optional('style', settings.style),
    ...optional('use_speaker_boost', settings.useSpeakerBoost),
    ...optional('speed', settings.speed),
  };
  const traits = elevenLabsModelTraits(model);
  const takesSsml = traits.ssmlTags.length > 0;
  const secrets = [apiKey];

  function vendorRequest(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): VendorRequest {
    return {
      engine: ENGINE,
      fetch: fetchFunction,
      url: `${endpoint}${path}`,
      method,
      headers: {
        'xi-api-key': apiKey!,
        ...(body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
      timeoutMs,
      readError: readElevenLabsError,
      secrets,
      isVoiceUnknown: isElevenLabsVoiceUnknown,
    };
  }

  const capabilities: EngineCapabilities = takesSsml
    ? {
        input: 'ssml',
        dialect: ELEVENLABS_DIALECT,
        ssmlTags: traits.ssmlTags,
        maxInput: traits.maxCharacters,
        inputUnit: 'chars',
        maxBreakMs: 3000,
        wordTimings: false,
        network: true,
        embedded: false,
      }
    : {
        input: 'text',
        maxInput: traits.maxCharacters,
        inputUnit: 'chars',
        wordTimings: false,
        network: true,
        prosody: ['rate'],
        embedded: false,
      };

  return {
    spec: SPEECH_ENGINE_SPEC,
    id: ENGINE,
    version: 'v1',
    defaultVoice,
    capabilities,
    pricing: { usdPerMillionCharacters: PRICE_PER_MILLION_CHARACTERS, tier: model },

    async voices(): Promise<Voice[]> {
      const response = await sendVendorRequest(vendorRequest('GET', '/v1/voices'));
      const body = parseJsonBody(ENGINE, response.body) as { voices?: ElevenLabsVoice[] };
      return (body.voices ?? []).map(toVoice);
    },

    async synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<SynthesisResult> {
      const voice = request.voice ?? defaultVoice;
      const rate = request.prosody?.rate;
      const settings =
        rate === undefined || rate === 1
          ? voiceSettings
          : { ...voiceSettings, speed: clampRate((voiceSettings.speed ?? 1) * rate, ELEVENLABS_SPEED.min, ELEVENLABS_SPEED.max) };
      const body = {
        text: request.input,
        model_id: model,
        ...(Object.keys(settings).length > 0 ? { voice_settings: settings } : {}),
        ...optional('language_code', languageCode),
        ...optional('previous_text', request.previousText),
        ...optional('next_text', request.nextText),
      };
      const path = `/v1/text-to-speech/${encodeURIComponent(voice)}?output_format=${outputFormat}`;
      const response = await sendVendorRequest(vendorRequest('POST', path, body, signal));
      return { audio: { format: 'pcm16', sampleRate, data: response.body }, warnings: [] };
    },

    settings() {
      return { model, outputFormat, voiceSettings, ...optional('languageCode', languageCode) };
    },
  };
}

interface ElevenLabsVoice {
  voice_id?: string;
  name?: string;
  labels?: Record<string, string | undefined>;
  verified_languages?: { language?: string; locale?: string | null }[] | null;
}

function toVoice(voice: ElevenLabsVoice): Voice {
  const verified = (voice.verified_languages ?? [])
    .map((entry) => entry.locale ?? entry.language)
    .filter((language): language is string => typeof language === 'string' && language !== '');
  const labelled = voice.labels?.language;
  const languages = verified.length > 0 ? [...new Set(verified)] : labelled ? [labelled] : ['en'];
  const gender = voice.labels?.gender?.toLowerCase();
  return {
    id: voice.voice_id ?? '',
    ...(voice.name ? { name: voice.name } : {}),
    languages,
    ...(gender === 'female' || gender === 'male' ? { gender } : gender === 'neutral' || gender === 'non-binary' ? { gender: 'neutral' as const } : {}),
  };
}
