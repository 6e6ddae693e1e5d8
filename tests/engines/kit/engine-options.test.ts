import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUILT_IN_ENGINES } from '../../../src/engines/registry.js';
import { describeEngineOptions, parseEngineOptions } from '../../../src/engines/kit/engine-options.js';
import { booleanOption, choiceOption, listOption, numberOption, textOption } from '../../../src/engines/kit/option-schemas.js';
import type { EngineOptionsDefinition } from '../../../src/engines/spec/index.js';
import { openAiDefinition } from '../../../src/engines/openai/openai-definition.js';
import { rejection } from '../../helpers/expect-error.js';

const exampleSchema = z.strictObject({
  voice: textOption().default('alto').describe('default voice'),
  speed: numberOption({ min: 0.25, max: 4 }).optional().describe('speaking rate'),
  count: numberOption({ min: 1, integer: true }).default(2),
  loud: booleanOption().default(false),
  kind: choiceOption(['a', 'b']).optional(),
  names: listOption().optional(),
});
const example: EngineOptionsDefinition<z.output<typeof exampleSchema>> = {
  engine: 'example',
  defaults: { voice: 'alto', count: 2, loud: false },
  schema: async () => exampleSchema,
};

describe('engine options', () => {
  it('converts command-line strings and keeps typed config values', async () => {
    expect(await parseEngineOptions(example, { speed: ' 1.5 ', count: 3, loud: 'yes', kind: 'b', names: 'x, y,,z' })).toEqual({
      voice: 'alto',
      speed: 1.5,
      count: 3,
      loud: true,
      kind: 'b',
      names: ['x', 'y', 'z'],
    });
  });

  it('treats blank and undefined values as not given, and no options as the defaults', async () => {
    const loadless: typeof example = { ...example, schema: () => Promise.reject(new Error('the schema was loaded')) };
    const parsed = await parseEngineOptions(loadless, { voice: '  ', speed: undefined });
    expect(parsed).toEqual({ voice: 'alto', count: 2, loud: false });
    parsed.voice = 'changed';
    expect(example.defaults.voice).toBe('alto');
  });

  it('refuses an unknown key in one line listing the valid ones', async () => {
    const error = await rejection(parseEngineOptions(example, { voicee: 'en-gb' }));
    expect(error.code).toBe('ENGINE_OPTION_INVALID');
    expect(error.message).toBe('example: unknown engine option voicee (valid: count, kind, loud, names, speed, voice)');
  });

  it.each([
    [{ speed: 'fast' }, 'example: engine option speed must be a number ≥ 0.25 and ≤ 4, got "fast" (valid: count, kind, loud, names, speed, voice)'],
    [{ speed: '9' }, 'example: engine option speed must be a number ≥ 0.25 and ≤ 4, got "9" (valid: count, kind, loud, names, speed, voice)'],
    [{ count: '1.5' }, 'example: engine option count must be an integer ≥ 1, got "1.5" (valid: count, kind, loud, names, speed, voice)'],
    [{ loud: 'maybe' }, 'example: engine option loud must be true or false, got "maybe" (valid: count, kind, loud, names, speed, voice)'],
    [{ kind: 'c' }, 'example: engine option kind must be one of a, b, got "c" (valid: count, kind, loud, names, speed, voice)'],
  ])('refuses an ill-typed value %j in one line saying what it must be', async (raw, message) => {
    const error = await rejection(parseEngineOptions(example, raw));
    expect(error.code).toBe('ENGINE_OPTION_INVALID');
    expect(error.message).toBe(message);
  });

  it('describes each option with its type, default and description, from the schema', async () => {
    const described = await describeEngineOptions(openAiDefinition.options);
    expect(described.additionalProperties).toBe(false);
    expect(described.properties.speed).toMatchObject({ type: 'number', default: 1, minimum: 0.25, maximum: 4, description: expect.stringContaining('rate') });
    expect(described.properties.timeoutMs).toMatchObject({ type: 'number', default: 120_000, minimum: 1 });
    expect(described.properties.apiKey).toMatchObject({ type: 'string', description: expect.stringContaining('OPENAI_API_KEY') });
  });
});

describe.each(BUILT_IN_ENGINES.map((definition) => [definition.id, definition] as const))('%s options', (_id, definition) => {
  it('has defaults that are exactly what its schema makes of no options', async () => {
    const schema = await definition.options.schema();
    expect(schema.parse({})).toEqual(definition.options.defaults);
  });

  it('is strict: an unknown key is refused naming the engine', async () => {
    const error = await rejection(parseEngineOptions(definition.options, { notAnOption: '1' }));
    expect(error.code).toBe('ENGINE_OPTION_INVALID');
    expect(error.message).toMatch(new RegExp(`^${definition.id}: unknown engine option notAnOption \\(valid: [\\w, ]+\\)$`));
  });

  it('describes every option', async () => {
    const described = await describeEngineOptions(definition.options);
    for (const [name, property] of Object.entries(described.properties)) {
      expect(property.description, name).toBeTruthy();
      expect(property.type ?? property.enum, name).toBeTruthy();
    }
  });
});
