import type { SynthesizeSpeechCommandInput, Voice as PollyVoice } from '@aws-sdk/client-polly';
import {
  BriefingError,
  optional,
  parseEngineOptions,
  SPEECH_ENGINE_SPEC,
  throwIfAborted,
  type EngineCapabilities,
  type EngineOptions,
  type SpeechEngine,
  type SynthesisRequest,
  type SynthesisResult,
  type Voice,
} from '../kit/index.js';
import { createPollyConnection } from './polly-client.js';
import { pollyDefinition } from './polly-definition.js';
import { POLLY_DIALECT } from './polly-dialect.js';
import { toPollyError } from './polly-errors.js';
import { parseWordMarks } from './polly-speech-marks.js';
import { pollyPricing } from './polly-prices.js';
import { pollySsmlTags } from './polly-ssml-tags.js';

const ENGINE = 'polly';

/**
 * Creates the Amazon Polly engine (`SynthesizeSpeech` and `DescribeVoices`
 * through `@aws-sdk/client-polly`).
 *
 * Options (`--engine-option key=value`):
 * - `region`, `accessKeyId`, `secretAccessKey`, `sessionToken`: override the AWS
 *   default credential chain and `AWS_REGION` (see {@link createPollyConnection}).
 * - `endpoint`: service URL (proxies, tests).
 * - `engine`: `standard`, `neural` (default), `long-form` or `generative`.
 * - `voice`: default voice id (default `Joanna`; `Danielle` for `long-form`).
 * - `sampleRate`: 8000 or 16000 (default); audio is asked as `pcm` (raw 16-bit mono).
 * - `wordTimings=true`: a second request with `OutputFormat: 'json'` and
 *   `SpeechMarkTypes: ['word']` gives word timings.
 * - `languageCode`: for bilingual voices, the language to speak.
 * - `timeoutMs`: per-request timeout (default 120000).
 *
 * Limits: 3000 billed characters (tags excluded) and 6000 characters in all
 * per request; breaks up to 10 s.
 */
export async function createPollyEngine(options: EngineOptions): Promise<SpeechEngine> {
  const settings = await parseEngineOptions(pollyDefinition.options, options.options);
  const { engine: engineType, sampleRate, wordTimings, languageCode } = settings;
  const defaultVoice = settings.voice ?? (engineType === 'long-form' ? 'Danielle' : 'Joanna');
  const connection = createPollyConnection(options, settings);
  const { secrets } = connection;

  async function synthesizeOnce(input: SynthesizeSpeechCommandInput, signal: AbortSignal | undefined): Promise<Uint8Array> {
    try {
      const { sdk, client } = await connection.open();
      const output = await client.send(new sdk.SynthesizeSpeechCommand(input), signal ? { abortSignal: signal } : {});
      if (!output.AudioStream) throw new BriefingError('ENGINE_REQUEST_FAILED', 'polly: the answer has no audio stream');
      return await output.AudioStream.transformToByteArray();
    } catch (error) {
      throw toPollyError(error, signal, secrets);
    }
  }

  const capabilities: EngineCapabilities = {
    input: 'ssml',
    dialect: POLLY_DIALECT,
    ssmlTags: pollySsmlTags(engineType),
    maxInput: 3000,
    inputUnit: 'billed-chars',
    maxBreakMs: 10_000,
    wordTimings,
    network: true,
    embedded: false,
  };

  return {
    spec: SPEECH_ENGINE_SPEC,
    id: ENGINE,
    version: 'polly-2016-06-10',
    defaultVoice,
    capabilities,
    pricing: pollyPricing(engineType),

    async voices(): Promise<Voice[]> {
      const voices: Voice[] = [];
      let nextToken: string | undefined;
      do {
        try {
          const { sdk, client } = await connection.open();
          const page = await client.send(
            new sdk.DescribeVoicesCommand({ Engine: engineType, ...optional('NextToken', nextToken) }),
          );
          voices.push(...(page.Voices ?? []).map(toVoice));
          nextToken = page.NextToken || undefined;
        } catch (error) {
          throw toPollyError(error, undefined, secrets);
        }
      } while (nextToken);
      return voices;
    },

    async synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<SynthesisResult> {
      throwIfAborted(ENGINE, signal);
      const base = {
        Engine: engineType,
        Text: request.input,
        TextType: request.inputType === 'ssml' ? 'ssml' : 'text',
        VoiceId: (request.voice ?? defaultVoice) as SynthesizeSpeechCommandInput['VoiceId'],
        ...optional('LanguageCode', languageCode as SynthesizeSpeechCommandInput['LanguageCode']),
      } satisfies Partial<SynthesizeSpeechCommandInput>;
      const [audio, marks] = await Promise.all([
        synthesizeOnce({ ...base, OutputFormat: 'pcm', SampleRate: sampleRate }, signal),
        wordTimings ? synthesizeOnce({ ...base, OutputFormat: 'json', SpeechMarkTypes: ['word'] }, signal) : undefined,
      ]);
      const rate = Number(sampleRate);
      const durationMs = (audio.length / 2 / rate) * 1000;
      return {
        audio: { format: 'pcm16', sampleRate: rate, data: audio },
        ...(marks ? { words: parseWordMarks(new TextDecoder().decode(marks), durationMs) } : {}),
        warnings: [],
      };
    },

    settings() {
      return {
        engine: engineType,
        outputFormat: 'pcm',
        sampleRate: Number(sampleRate),
        wordTimings,
        ...optional('languageCode', languageCode),
      };
    },

    async verify() {
      try {
        const { client } = await connection.open();
        await client.config.region();
        await client.config.credentials();
      } catch (error) {
        throw toPollyError(error, undefined, secrets);
      }
    },

    async close() {
      await connection.close();
    },
  };
}

function toVoice(voice: PollyVoice): Voice {
  const gender = voice.Gender?.toLowerCase();
  const languages = [voice.LanguageCode, ...(voice.AdditionalLanguageCodes ?? [])].filter(
    (language): language is NonNullable<typeof language> => typeof language === 'string',
  );
  return {
    id: voice.Id ?? '',
    ...(voice.Name && voice.Name !== voice.Id ? { name: voice.Name } : {}),
    languages,
    ...(gender === 'female' || gender === 'male' ? { gender } : {}),
  };
}
