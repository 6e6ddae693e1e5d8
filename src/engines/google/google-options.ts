import { z } from 'zod';
import { booleanOption, numberOption, textOption } from '../kit/option-schemas.js';
import { googleOptionDefaults as defaults } from './google-definition.js';

/** Google Cloud Text-to-Speech's options (`--engine-option key=value`). */
export const googleOptionsSchema = z.strictObject({
  apiKey: textOption().optional().describe('API key (default: GOOGLE_API_KEY)'),
  keyFile: textOption().optional().describe('service-account key file (default: GOOGLE_APPLICATION_CREDENTIALS)'),
  endpoint: textOption().default(defaults.endpoint).describe('base URL (a proxy or test server)'),
  voice: textOption().default(defaults.voice).describe('default voice name'),
  languageCode: textOption().optional().describe("voice language and the voices() filter (default: taken from the voice's name)"),
  sampleRate: numberOption({ min: 8000, max: 48_000, integer: true }).default(defaults.sampleRate).describe('sample rate of the audio in Hz'),
  speakingRate: numberOption({ min: 0.25, max: 4 }).optional().describe('speaking rate (1 is the voice’s own)'),
  pitch: numberOption({ min: -20, max: 20 }).optional().describe('pitch change in semitones'),
  volumeGainDb: numberOption({ min: -96, max: 16 }).optional().describe('volume gain in dB'),
  timepoints: booleanOption().default(defaults.timepoints).describe('word timings: a <mark> before each word, timed by v1beta1 timepointing'),
  timeoutMs: numberOption({ min: 1 }).default(defaults.timeoutMs).describe('per-request timeout in milliseconds'),
});

/** Google Cloud Text-to-Speech's options, checked. */
export type GoogleOptions = z.output<typeof googleOptionsSchema>;
