import { z } from 'zod';
import { booleanOption, choiceOption, numberOption, textOption } from '../kit/option-schemas.js';
import { ELEVENLABS_SPEED, elevenLabsOptionDefaults as defaults } from './elevenlabs-definition.js';

/** Sample rates ElevenLabs sends raw PCM at (44100 needs a Pro plan). */
export const ELEVENLABS_SAMPLE_RATES = ['16000', '22050', '24000', '44100'] as const;

const unit = () => numberOption({ min: 0, max: 1 });

/** ElevenLabs' options (`--engine-option key=value`). */
export const elevenLabsOptionsSchema = z.strictObject({
  apiKey: textOption().optional().describe('API key (default: ELEVENLABS_API_KEY)'),
  endpoint: textOption().default(defaults.endpoint).describe('base URL (a proxy or test server)'),
  model: textOption().default(defaults.model).describe('model id'),
  voice: textOption().default(defaults.voice).describe('default voice id'),
  sampleRate: choiceOption(ELEVENLABS_SAMPLE_RATES).default(defaults.sampleRate).describe('sample rate of the raw PCM asked for, in Hz'),
  languageCode: textOption().optional().describe('ISO 639-1 language to enforce (models that take language_code)'),
  stability: unit().optional().describe('voice_settings.stability (default: the voice’s own)'),
  similarityBoost: unit().optional().describe('voice_settings.similarity_boost'),
  style: unit().optional().describe('voice_settings.style'),
  useSpeakerBoost: booleanOption().optional().describe('voice_settings.use_speaker_boost'),
  speed: numberOption(ELEVENLABS_SPEED).optional().describe('voice_settings.speed'),
  timeoutMs: numberOption({ min: 1 }).default(defaults.timeoutMs).describe('per-request timeout in milliseconds'),
});

/** ElevenLabs' options, checked. */
export type ElevenLabsOptions = z.output<typeof elevenLabsOptionsSchema>;
