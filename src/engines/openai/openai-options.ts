import { z } from 'zod';
import { numberOption, textOption } from '../kit/option-schemas.js';
import { openAiOptionDefaults as defaults } from './openai-definition.js';

/** OpenAI's options (`--engine-option key=value`). */
export const openAiOptionsSchema = z.strictObject({
  apiKey: textOption().optional().describe('API key (default: OPENAI_API_KEY)'),
  baseURL: textOption().optional().describe('API base URL (default https://api.openai.com/v1)'),
  endpoint: textOption().optional().describe('the same as baseURL'),
  model: textOption().default(defaults.model).describe('speech model: gpt-4o-mini-tts, tts-1 or tts-1-hd'),
  voice: textOption().default(defaults.voice).describe('default voice'),
  instructions: textOption().optional().describe('how to speak (tone, accent); ignored by tts-1 and tts-1-hd'),
  speed: numberOption({ min: 0.25, max: 4 }).default(defaults.speed).describe('speaking rate; the pipeline’s rate changes multiply it'),
  timeoutMs: numberOption({ min: 1 }).default(defaults.timeoutMs).describe('per-request timeout in milliseconds'),
});

/** OpenAI's options, checked. */
export type OpenAiOptions = z.output<typeof openAiOptionsSchema>;
