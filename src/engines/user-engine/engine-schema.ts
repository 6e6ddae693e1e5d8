import { z } from 'zod';
import { SPEECH_ENGINE_SPEC, type EngineCapabilities, type EnginePricing, type SsmlDialect } from '../spec/index.js';

const functionValue = z.custom<(...args: unknown[]) => unknown>((value) => typeof value === 'function', {
  message: 'must be a function',
});

/**
 * Run-time shape of an engine's own {@link SsmlDialect}: a name and optional
 * hooks. There is no list of dialects: an engine without one gets standard
 * SSML 1.1.
 */
const ssmlDialectSchema = z.object({
  name: z.string().min(1),
  document: functionValue.optional(),
  text: functionValue.optional(),
  pause: functionValue.optional(),
  substitutions: z.boolean().optional(),
  nestedVoice: z.boolean().optional(),
});

/** Run-time shape of `EngineCapabilities` (checked against the spec's type below). */
export const engineCapabilitiesSchema = z.object({
  input: z.enum(['ssml', 'text']),
  dialect: ssmlDialectSchema.optional(),
  ssmlTags: z.array(z.string()).optional(),
  maxInput: z.number().int().positive(),
  inputUnit: z.enum(['chars', 'billed-chars', 'bytes']),
  maxBreakMs: z.number().nonnegative().optional(),
  wordTimings: z.boolean(),
  network: z.boolean(),
  prosody: z.array(z.enum(['rate', 'pitch'])).optional(),
  embedded: z.boolean(),
});

/** Run-time shape of `EnginePricing`. */
const enginePricingSchema = z.object({
  usdPerMillionCharacters: z.number().nonnegative(),
  tier: z.string().min(1).optional(),
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
  pricing: enginePricingSchema.optional(),
  voices: functionValue,
  synthesize: functionValue,
  settings: functionValue.optional(),
  close: functionValue.optional(),
  prepare: functionValue.optional(),
  verify: functionValue.optional(),
});

// The schemas check exactly the spec: a field added to one and not the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// zod writes an optional field as `T | undefined`; the spec as `T` (exactOptionalPropertyTypes).
type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };
type CheckedCapabilities = Omit<z.output<typeof engineCapabilitiesSchema>, 'dialect'>;
type SpecCapabilities = Omit<EngineCapabilities, 'dialect' | 'ssmlTags' | 'prosody'> & { ssmlTags?: string[]; prosody?: ('rate' | 'pitch')[] };
const capabilitiesMatch: Same<Defined<CheckedCapabilities>, Defined<SpecCapabilities>> = true;
const capabilityKeysMatch: Same<keyof z.output<typeof engineCapabilitiesSchema>, keyof EngineCapabilities> = true;
const pricingMatches: Same<Defined<z.output<typeof enginePricingSchema>>, Defined<EnginePricing>> = true;
const dialectKeysMatch: Same<keyof z.output<typeof ssmlDialectSchema>, keyof SsmlDialect> = true;
void [capabilitiesMatch, capabilityKeysMatch, pricingMatches, dialectKeysMatch];

/** The first problem of a failed validation as `field: message`, on one line. */
export function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const field = issue.path.map(String).join('.');
  return `${field || '(the engine)'}: ${issue.message}`.replace(/\s+/g, ' ');
}
