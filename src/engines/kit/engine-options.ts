import type { z } from 'zod';
import { BriefingError } from '../../errors.js';
import type { EngineOptionsDefinition } from '../spec/engine-definition.js';
import type { EngineOptions, RawEngineOptions } from '../spec/speech-engine.js';

/** JSON Schema (draft 2020-12) of one option, as `briefing engines --json` prints it. */
export interface OptionJsonSchema {
  type?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  items?: OptionJsonSchema;
  [keyword: string]: unknown;
}

/** JSON Schema (draft 2020-12) of an engine's options: an object that allows no other keys. */
export interface OptionsJsonSchema {
  type: 'object';
  properties: Record<string, OptionJsonSchema>;
  additionalProperties: false;
}

/** The options that were given: an undefined or blank value means "not given". */
function givenOptions(raw: RawEngineOptions): Record<string, string | number | boolean> {
  const given: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    given[key] = value;
  }
  return given;
}

/**
 * Checks and converts an engine's raw options against its strict schema.
 * With no options given, returns the defaults without loading the schema.
 * An unknown key or a value of the wrong type rejects with one line
 * (`ENGINE_OPTION_INVALID`) naming the engine and listing the valid options.
 */
export async function parseEngineOptions<Options extends object>(
  definition: EngineOptionsDefinition<Options>,
  raw: RawEngineOptions,
): Promise<Options> {
  const given = givenOptions(raw);
  if (Object.keys(given).length === 0) return structuredClone(definition.defaults);
  return checkEngineOptions(definition.engine, await definition.schema(), raw);
}

/**
 * Checks and converts raw options against a strict schema that is already
 * loaded (a user's engine module may export one as `optionsSchema`), with
 * the same one-line `ENGINE_OPTION_INVALID` errors as {@link parseEngineOptions}.
 */
export async function checkEngineOptions<Options>(engine: string, schema: z.ZodType<Options>, raw: RawEngineOptions): Promise<Options> {
  const given = givenOptions(raw);
  const parsed = schema.safeParse(given);
  if (parsed.success) return parsed.data;
  throw await optionsError(engine, schema, parsed.error, given);
}

/**
 * The JSON Schema of an engine's options: each option's type, default,
 * allowed values and description, derived from the schema itself.
 */
export async function describeEngineOptions(definition: EngineOptionsDefinition): Promise<OptionsJsonSchema> {
  return optionsJsonSchema(await definition.schema());
}

async function optionsJsonSchema(schema: z.ZodType): Promise<OptionsJsonSchema> {
  const { toJSONSchema } = await import('zod');
  const json = toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as { properties?: Record<string, OptionJsonSchema> };
  const properties: Record<string, OptionJsonSchema> = {};
  for (const [key, property] of Object.entries(json.properties ?? {})) properties[key] = withoutSafeIntegerBounds(property);
  return { type: 'object', properties, additionalProperties: false };
}

/** Whole numbers get the safe-integer range as bounds; they say nothing to a reader. */
function withoutSafeIntegerBounds(property: OptionJsonSchema): OptionJsonSchema {
  const cleaned = { ...property };
  if (cleaned.minimum === Number.MIN_SAFE_INTEGER) delete cleaned.minimum;
  if (cleaned.maximum === Number.MAX_SAFE_INTEGER) delete cleaned.maximum;
  return cleaned;
}

async function optionsError(
  engine: string,
  schema: z.ZodType,
  error: z.ZodError,
  given: Record<string, unknown>,
): Promise<BriefingError> {
  const { properties } = await optionsJsonSchema(schema);
  const valid = Object.keys(properties).sort();
  const validList = `(valid: ${valid.length > 0 ? valid.join(', ') : 'none'})`;
  const unknown = Object.keys(given).filter((key) => !(key in properties));
  if (unknown.length > 0) {
    return new BriefingError('ENGINE_OPTION_INVALID', `${engine}: unknown engine option ${unknown.join(', ')} ${validList}`, { cause: error });
  }
  const key = String(error.issues[0]?.path[0] ?? '');
  const property = properties[key] ?? {};
  return new BriefingError(
    'ENGINE_OPTION_INVALID',
    `${engine}: engine option ${key} must be ${expectedValue(property)}, got "${String(given[key])}" ${validList}`.replace(/\s+/g, ' '),
    { cause: error },
  );
}

/** What a value of `property` looks like, in words: "a number ≥ 0 and ≤ 1", "one of a, b". */
function expectedValue(property: OptionJsonSchema): string {
  if (Array.isArray(property.enum)) return `one of ${property.enum.join(', ')}`;
  switch (property.type) {
    case 'boolean':
      return 'true or false';
    case 'number':
    case 'integer': {
      const bounds = [
        property.minimum === undefined ? '' : `≥ ${property.minimum}`,
        property.maximum === undefined ? '' : `≤ ${property.maximum}`,
      ]
        .filter(Boolean)
        .join(' and ');
      return `${property.type === 'integer' ? 'an integer' : 'a number'}${bounds ? ` ${bounds}` : ''}`;
    }
    case 'array':
      return 'a comma-separated list';
    default:
      return 'a non-empty text';
  }
}

/** The environment credentials are read from: `options.env ?? process.env`. */
export function engineEnvironment(options: EngineOptions): Record<string, string | undefined> {
  return options.env ?? process.env;
}
