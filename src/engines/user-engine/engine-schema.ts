import { z } from 'zod';
import { SPEECH_ENGINE_SPEC } from '../speech-engine.js';

const functionValue = z.custom<(...args: unknown[]) => unknown>((value) => typeof value === 'function', {
  message: 'must be a function',
});

/** Run-time shape of `EngineCapabilities`. */
export const engineCapabilitiesSchema = z.object({
  input: z.enum(['ssml', 'text']),
  dialect: z.enum(['w3c', 'espeak', 'polly', 'google', 'azure', 'elevenlabs']).optional(),
  ssmlTags: z.array(z.string()).optional(),
  maxInput: z.number().int().positive(),
  inputUnit: z.enum(['chars', 'billed-chars', 'bytes']),
  maxBreakMs: z.number().nonnegative().optional(),
  wordTimings: z.boolean(),
  network: z.boolean(),
  prosody: z.array(z.enum(['rate', 'pitch'])).optional(),
  embedded: z.boolean(),
});

/**
 * Run-time shape of a `SpeechEngine`, checked on what a user's engine module
 * returns. Only validates: the engine object itself is used as returned, so
 * class instances keep their methods.
 */
export const speechEngineSchema = z.object({
  spec: z.literal(SPEECH_ENGINE_SPEC),
  id: z.string().min(1),
  version: z.string(),
  defaultVoice: z.string(),
  capabilities: engineCapabilitiesSchema,
  voices: functionValue,
  synthesize: functionValue,
  settings: functionValue.optional(),
  close: functionValue.optional(),
});

/** The first problem of a failed validation as `field: message`, on one line. */
export function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const field = issue.path.map(String).join('.');
  return `${field || '(the engine)'}: ${issue.message}`.replace(/\s+/g, ' ');
}
