import { BriefingError } from '../../errors.js';
import {
  SPEECH_ENGINE_SPEC,
  type EngineCapabilities,
  type EngineOptions,
  type SpeechEngine,
  type SynthesisRequest,
  type SynthesisResult,
  type Voice,
} from '../speech-engine.js';
import { credentialsMissingError } from '../http/engine-errors.js';
import { EngineOptionReader, engineEnvironment, trimBaseUrl } from '../http/engine-options.js';
import { parseJsonBody, sendVendorRequest } from '../http/vendor-request.js';
import { requireWaveAudio } from '../http/wave-file.js';
import { isAzureVoiceUnknown, readAzureError } from './azure-errors.js';

const ENGINE = 'azure';
const DEFAULT_VOICE = 'en-US-JennyNeural';
const OUTPUT_FORMAT = 'riff-24khz-16bit-mono-pcm';
const DEFAULT_TIMEOUT_MS = 120_000;

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
 * The request body is the SSML the pipeline rendered in the `azure` dialect
 * (SSML 1.0, `mstts` namespace, `<voice name>` around the content), sent as is.
 * Audio comes back as `riff-24khz-16bit-mono-pcm` and is returned as raw `pcm16`.
 *
 * Limits: Azure caps the audio of one request at 10 minutes and documents no
 * character limit for the REST API, so `maxInput` is a conservative 5000
 * characters (about five minutes of speech); breaks are capped at 5000 ms, the
 * value every version of the SSML reference accepts.
 */
export function createAzureEngine(options: EngineOptions): SpeechEngine {
  const read = new EngineOptionReader(ENGINE, options.options);
  const env = engineEnvironment(options);
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const key = read.string('key') ?? env.AZURE_SPEECH_KEY;
  if (!key) throw credentialsMissingError(ENGINE, 'speech key', 'key', 'AZURE_SPEECH_KEY');
  const endpointOption = read.string('endpoint');
  const region = read.string('region') ?? env.AZURE_SPEECH_REGION;
  if (!endpointOption && !region) throw credentialsMissingError(ENGINE, 'region', 'region', 'AZURE_SPEECH_REGION');
  const endpoint = trimBaseUrl(endpointOption ?? `https://${region}.tts.speech.microsoft.com`);
  const defaultVoice = read.string('voice') ?? DEFAULT_VOICE;
  const timeoutMs = read.number('timeoutMs', { min: 1 }) ?? DEFAULT_TIMEOUT_MS;
  read.rejectUnknownKeys();
  const secrets = [key];

  const capabilities: EngineCapabilities = {
    input: 'ssml',
    dialect: 'azure',
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
