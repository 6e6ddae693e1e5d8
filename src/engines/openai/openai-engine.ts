import type OpenAI from 'openai';
import {
  clampRate,
  credentialsMissingError,
  engineEnvironment,
  optional,
  parseEngineOptions,
  SPEECH_ENGINE_SPEC,
  throwIfAborted,
  trimBaseUrl,
  type EngineCapabilities,
  type EngineOptions,
  type SpeechEngine,
  type SynthesisRequest,
  type SynthesisResult,
  type Voice,
} from '../kit/index.js';
import { openAiDefinition } from './openai-definition.js';
import { openAiVoices } from './openai-voices.js';

const ENGINE = 'openai';
const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
/**
 * US dollars per million characters by model, from OpenAI's price list
 * (gpt-4o-mini-tts is billed by tokens; about the same as tts-1 for speech).
 */
const PRICE_BY_MODEL: Readonly<Record<string, number>> = { 'tts-1-hd': 30 };
const DEFAULT_PRICE = 15;
/** `pcm` output: 24 kHz, 16-bit signed little-endian, mono, no header. */
const PCM_SAMPLE_RATE = 24_000;
const MIN_SPEED = 0.25;
const MAX_SPEED = 4;

/**
 * Creates the OpenAI speech engine (`client.audio.speech.create` of the
 * official `openai` SDK, `response_format: 'pcm'`).
 *
 * Options (`--engine-option key=value`):
 * - `apiKey` (or `OPENAI_API_KEY`).
 * - `baseURL` / `endpoint`: API base URL (default `https://api.openai.com/v1`).
 * - `model` (default `gpt-4o-mini-tts`), `voice` (default `alloy`).
 * - `instructions`: how to speak (tone, accent); ignored by `tts-1` and `tts-1-hd`.
 * - `speed`: 0.25–4 (default 1); the pipeline's `prosody.rate` multiplies it.
 * - `timeoutMs`: per-request timeout (default 120000).
 *
 * A text engine: 4096 characters a request, no SSML; the pipeline plays
 * breaks as silence and emphasis as a change of `speed`.
 */
export async function createOpenAiEngine(options: EngineOptions): Promise<SpeechEngine> {
  const settings = await parseEngineOptions(openAiDefinition.options, options.options);
  const env = engineEnvironment(options);
  const apiKey = settings.apiKey ?? env.OPENAI_API_KEY;
  if (!apiKey) throw credentialsMissingError(ENGINE, 'API key', 'apiKey', 'OPENAI_API_KEY');
  const baseURL = trimBaseUrl(settings.baseURL ?? settings.endpoint ?? DEFAULT_BASE_URL);
  const { model, voice: defaultVoice, instructions, speed, timeoutMs } = settings;
  const secrets = [apiKey];
  // The SDK is imported on the first request: making the engine (to list it,
  // or to plan a dry run) never loads it.
  let client: Promise<OpenAI> | undefined;
  const makeClient = async (): Promise<OpenAI> => {
    const { default: OpenAIClient } = await import('openai');
    return new OpenAIClient({
      apiKey,
      baseURL,
      organization: env.OPENAI_ORG_ID ?? null,
      project: env.OPENAI_PROJECT_ID ?? null,
      maxRetries: 0,
      timeout: timeoutMs,
      logLevel: 'warn',
      ...optional('fetch', options.fetch),
    });
  };

  const capabilities: EngineCapabilities = {
    input: 'text',
    maxInput: 4096,
    inputUnit: 'chars',
    wordTimings: false,
    network: true,
    prosody: ['rate'],
    embedded: false,
  };

  return {
    spec: SPEECH_ENGINE_SPEC,
    id: ENGINE,
    version: 'audio-speech-v1',
    defaultVoice,
    capabilities,
    pricing: { usdPerMillionCharacters: PRICE_BY_MODEL[model] ?? DEFAULT_PRICE, tier: model },

    async voices(): Promise<Voice[]> {
      return openAiVoices();
    },

    async synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<SynthesisResult> {
      throwIfAborted(ENGINE, signal);
      const requestSpeed = clampRate(speed * (request.prosody?.rate ?? 1), MIN_SPEED, MAX_SPEED);
      try {
        client ??= makeClient();
        const response = await (await client).audio.speech.create(
          {
            model,
            voice: request.voice ?? defaultVoice,
            input: request.input,
            response_format: 'pcm',
            ...optional('instructions', instructions),
            ...(requestSpeed === 1 ? {} : { speed: requestSpeed }),
          },
          signal ? { signal } : {},
        );
        const data = new Uint8Array(await response.arrayBuffer());
        return { audio: { format: 'pcm16', sampleRate: PCM_SAMPLE_RATE, data }, warnings: [] };
      } catch (error) {
        // The error mapping tests the SDK's error classes, so it loads with the SDK.
        const { toOpenAiError } = await import('./openai-errors.js');
        throw toOpenAiError(error, signal, secrets, timeoutMs);
      }
    },

    settings() {
      return { model, speed, ...optional('instructions', instructions), responseFormat: 'pcm' };
    },
  };
}
