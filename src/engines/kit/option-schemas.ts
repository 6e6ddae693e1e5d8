/**
 * Building blocks for an engine's strict options schema. Options arrive as
 * strings from the command line (`--engine-option speed=1.5`) or as typed
 * values from a config file; each block accepts both and converts to the
 * typed value. Empty values never reach them: they mean "not given".
 *
 * ```ts
 * export const myOptionsSchema = z.strictObject({
 *   voice: textOption().default('alloy').describe('default voice'),
 *   speed: numberOption({ min: 0.25, max: 4 }).optional().describe('speaking rate'),
 * });
 * ```
 *
 * @module
 */
import { z } from 'zod';

function trimmed(value: unknown): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

/** A non-empty string (numbers from a config file are taken as their text). */
export function textOption() {
  return z.preprocess((value) => (typeof value === 'number' ? String(value) : trimmed(value)), z.string().min(1));
}

/** A number, optionally whole and within bounds; strings are read as numbers. */
export function numberOption(range: { min?: number; max?: number; integer?: boolean } = {}) {
  let schema = range.integer ? z.number().int() : z.number();
  if (range.min !== undefined) schema = schema.min(range.min);
  if (range.max !== undefined) schema = schema.max(range.max);
  return z.preprocess((value) => {
    const text = trimmed(value);
    return typeof text === 'string' && text !== '' ? Number(text) : text;
  }, schema);
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'off']);

/** A boolean; strings `true`/`false`, `yes`/`no`, `1`/`0`, `on`/`off` are read as one. */
export function booleanOption() {
  return z.preprocess((value) => {
    const text = trimmed(value);
    if (typeof text !== 'string') return text;
    const word = text.toLowerCase();
    return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : text;
  }, z.boolean());
}

/** One of `values` (numbers from a config file are taken as their text). */
export function choiceOption<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.preprocess((value) => (typeof value === 'number' ? String(value) : trimmed(value)), z.enum(values));
}

/** A comma-separated list of non-empty names. */
export function listOption() {
  return z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean)
        : value,
    z.array(z.string().min(1)).min(1),
  );
}
