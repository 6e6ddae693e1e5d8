import type { RuleContext } from './rule-context.js';
import { UNITS } from './word-lists.js';

/** Units of time and counting written after a slash: "$20/mo", "£10/wk", "$0.5/hr". */
const PER_WORDS: ReadonlyMap<string, string> = new Map([
  ['s', 'second'],
  ['sec', 'second'],
  ['second', 'second'],
  ['min', 'minute'],
  ['minute', 'minute'],
  ['h', 'hour'],
  ['hr', 'hour'],
  ['hour', 'hour'],
  ['d', 'day'],
  ['day', 'day'],
  ['night', 'night'],
  ['wk', 'week'],
  ['week', 'week'],
  ['mo', 'month'],
  ['mth', 'month'],
  ['month', 'month'],
  ['yr', 'year'],
  ['year', 'year'],
  ['annum', 'annum'],
  ['person', 'person'],
  ['head', 'head'],
  ['share', 'share'],
  ['unit', 'unit'],
  ['barrel', 'barrel'],
  ['bbl', 'barrel'],
  ['gallon', 'gallon'],
  ['gal', 'gallon'],
  ['litre', 'litre'],
  ['liter', 'liter'],
  ['ton', 'ton'],
  ['tonne', 'tonne'],
  ['m', 'metre'],
  ['m2', 'square metre'],
  ['m3', 'cubic metre'],
  ['sqft', 'square foot'],
]);

/** The singular spoken form of a unit written after "/", or undefined. */
export function perUnitWord(written: string): string | undefined {
  return PER_WORDS.get(written) ?? PER_WORDS.get(written.toLowerCase()) ?? UNITS.get(written)?.singular ?? UNITS.get(written.toLowerCase())?.singular;
}

/** "/kg", "/mo" at `index` after an amount: the words "per kilogram" and the index after, or undefined. */
export function perUnitAt(context: RuleContext, index: number): { words: string; end: number } | undefined {
  if (!context.isSymbol(index, '/') || !context.isWord(index + 1)) return undefined;
  let end = index + 2;
  let written = context.text(index + 1);
  if (context.isNumber(end, true) && (context.text(end) === '2' || context.text(end) === '3') && !context.isWordLike(end + 1)) {
    written += context.text(end);
    end += 1;
  }
  if (context.isWordLike(end) || context.isSymbol(end, '/')) return undefined;
  const unit = perUnitWord(written);
  return unit === undefined ? undefined : { words: `per ${unit}`, end };
}
