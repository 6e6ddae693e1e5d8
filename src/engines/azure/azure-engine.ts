import {
  BriefingError,
  credentialsMissingError,
  engineEnvironment,
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
  type Voice,
} from '../kit/index.js';
import { azureDefinition } from './azure-definition.js';
import { AZURE_DIALECT } from './azure-dialect.js';
import { isAzureVoiceUnknown, readAzureError } from './azure-errors.js';

const ENGINE = 'azure';
const OUTPUT_FORMAT = 'riff-24khz-16bit-mono-pcm';
/** Neural voices, pay as you go: US dollars per million characters. */
const PRICE_PER_MILLION_CHARACTERS = 15;

/**
 * SSML elements the Azure Speech service honours. `emphasis` is left out on
 * purpose: Azure documents it for only a few voices, so the pipeline plays it
 * as prosody instead.
 */
const AZURE_SSML_TAGS = [
  'speak',
  'voice',
  'break',
  'p',
  's',
  'prosody',
  'say-as',
  'sub',
  'phoneme',
  'lang',
  'bookmark',
  'mstts:express-as',
  'mstts:silence',
] as const;

/**
 * Creates the Azure Speech engine (REST `POST /cognitiveservices/v1`).
 *
 * Options (`--engine-option key=value`):
 * - `key` (or `AZURE_SPEECH_KEY`): the Speech resource key, sent as `Ocp-Apim-Subscription-Key`.
 * - `region` (or `AZURE_SPEECH_REGION`): e.g. `westeurope`; the endpoint is
 *   `https://{region}.tts.speech.microsoft.com`.
 * - `endpoint`: a base URL replacing the regional one (then no region is needed).
 * - `voice`: default voice (default `en-US-JennyNeural`).
 * - `timeoutMs`: per-request timeout (default 120000).
 *
 * The request body is the SSML the pipeline rendered in this engine's
 * dialect ({@link AZURE_DIALECT}), sent as is.
 * Audio comes back as `riff-24khz-16bit-mono-pcm` and is returned as raw `pcm16`.
 *
 * Limits: Azure caps the audio of one request at 10 minutes and documents no
 * character limit for the REST API, so `maxInput` is a conservative 5000
 * characters (about five minutes of speech); breaks are capped at 5000 ms, the
 * value every version of the SSML reference accepts.
 */
export async function createAzureEngine(options: EngineOptions): Promise<SpeechEngine> {
  const settings = await parseEngineOptions(azureDefinition.options, options.options);
  const env = engineEnvironment(options);
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const key = settings.key ?? env.AZURE_SPEECH_KEY;
  if (!key) throw credentialsMissingError(ENGINE, 'speech key', 'key', 'AZURE_SPEECH_KEY');
  const region = settings.region ?? env.AZURE_SPEECH_REGION;
  if (!settings.endpoint && !region) throw credentialsMissingError(ENGINE, 'region', 'region', 'AZURE_SPEECH_REGION');
  const endpoint = trimBaseUrl(settings.endpoint ?? `https://${region}.tts.speech.microsoft.com`);
  const { voice: defaultVoice, timeoutMs } = settings;
  const secrets = [key];

  const capabilities: EngineCapabilities = {
    input: 'ssml',
    dialect: AZURE_DIALECT,
    ssmlTags: AZURE_SSML_TAGS,
    maxInput: 5000,
    inputUnit: 'chars',
    maxBreakMs: 5000,
    wordTimings: false,
    network: true,
    embedded: false,
  };

  return {
    spec: SPEECH_ENGINE_SPEC,
    id: ENGINE,
    version: 'cognitiveservices-v1',
    defaultVoice,
    capabilities,
    pricing: { usdPerMillionCharacters: PRICE_PER_MILLION_CHARACTERS },

    async voices(): Promise<Voice[]> {
      const response = await sendVendorRequest({
        engine: ENGINE,
        fetch: fetchFunction,
        url: `${endpoint}/cognitiveservices/voices/list`,
        method: 'GET',
        headers: { 'Ocp-Apim-Subscription-Key': key },
        timeoutMs,
        readError: readAzureError,
        secrets,
      });
      const list = parseJsonBody(ENGINE, response.body);
      return Array.isArray(list) ? (list as AzureVoice[]).map(toVoice) : [];
    },

    async synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<SynthesisResult> {
      if (request.inputType !== 'ssml') {
        throw new BriefingError('ENGINE_REQUEST_FAILED', 'azure: the request must be SSML in the azure dialect');
      }
      const response = await sendVendorRequest({
        engine: ENGINE,
        fetch: fetchFunction,
        url: `${endpoint}/cognitiveservices/v1`,
        method: 'POST',
        headers: {
          'Ocp-Apim-Subscription-Key': key,
          'Content-Type': 'application/ssml+xml',
          'X-Microsoft-OutputFormat': OUTPUT_FORMAT,
          'User-Agent': 'briefing',
        },
        body: request.input,
        ...(signal ? { signal } : {}),
        timeoutMs,
        readError: readAzureError,
        secrets,
        isVoiceUnknown: isAzureVoiceUnknown,
      });
      return { audio: requireWaveAudio(ENGINE, response.body), warnings: [] };
    },

    settings() {
      return { outputFormat: OUTPUT_FORMAT };
    },
  };
}

interface AzureVoice {
  ShortName?: string;
  DisplayName?: string;
  LocalName?: string;
  Gender?: string;
  Locale?: string;
  SecondaryLocaleList?: string[];
}

function toVoice(voice: AzureVoice): Voice {
  const gender = voice.Gender?.toLowerCase();
  const languages = [voice.Locale, ...(voice.SecondaryLocaleList ?? [])].filter(
    (language): language is string => typeof language === 'string',
  );
  return {
    id: voice.ShortName ?? '',
    ...(voice.DisplayName ? { name: voice.DisplayName } : {}),
    languages: [...new Set(languages)],
    ...(gender === 'female' || gender === 'male' || gender === 'neutral' ? { gender } : {}),
  };
}
