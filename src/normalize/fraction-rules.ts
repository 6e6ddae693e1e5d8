import { fractionWords, isSpokenFraction, plainIntegerWords } from './number-words.js';
import { isDigits, type RuleContext } from './rule-context.js';
import { UNITS } from './word-lists.js';

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)s?$/i;

/** A whole number without leading zeros ("07" in "01/07" belongs to a date). */
function plainValue(text: string): number | undefined {
  if (!isDigits(text) || text.length > 6 || (text.length > 1 && text.startsWith('0'))) return undefined;
  return Number(text);
}

/**
 * The fraction "A/B" whose numerator is at `index`: its words and the index
 * after it, or undefined when the two numbers are not a fraction. A fraction
 * with an ordinal suffix ("1/4th") always is one; in a mixed number
 * (`mixed`) an improper one is too ("3 5/2"); on its own a proper fraction is
 * one unless it could be a month and a day ("31/32", "23/25", "3/8").
 */
export function fractionAt(context: RuleContext, index: number, mixed: boolean): { words: string; end: number } | undefined {
  if (!context.isSymbol(index + 1, '/')) return undefined;
  const numerator = plainValue(context.text(index));
  const denominator = plainValue(context.text(index + 2));
  if (numerator === undefined || denominator === undefined || numerator === 0 || denominator < 2) return undefined;
  let end = index + 3;
  const suffixed = context.isWord(end) && ORDINAL_SUFFIX.test(context.text(end)) && !context.isWordLike(end + 1);
  if (suffixed) end += 1;
  else if (context.isWordLike(end) || (context.isSymbol(end, '/') && context.isNumber(end + 1))) return undefined;
  const proper = numerator < denominator;
  // Only a numerator up to 12 over a denominator up to 31 can also be a month and a day.
  const couldBeDate = numerator <= 12 && denominator <= 31;
  const fraction = suffixed || (mixed && denominator <= 100) || (proper && denominator <= 1000 && (isSpokenFraction(numerator, denominator) || !couldBeDate));
  if (!fraction) return undefined;
  return { words: mixed && numerator === 1 && denominator === 2 ? 'a half' : fractionWords(numerator, denominator), end };
}

/**
 * "2 1/2 years", "3 5/2": a whole number and a fraction, said "two and a
 * half years". `index` is the whole number. Returns the index after what it
 * read, or undefined when it is not a mixed number.
 */
export function readMixedNumber(context: RuleContext, index: number): number | undefined {
  const whole = context.text(index);
  if (!isDigits(whole) || whole.length > 3 || !context.isInlineSpace(index + 1) || !context.isNumber(index + 2, true)) return undefined;
  const fraction = fractionAt(context, index + 2, true);
  if (fraction === undefined) return undefined;
  let words = `${plainIntegerWords(whole)} and ${fraction.words}`;
  let end = fraction.end;
  const unitIndex = context.skipSpace(end);
  const unit = unitIndex !== end && context.isWord(unitIndex) && !context.isWordLike(unitIndex + 1) ? UNITS.get(context.text(unitIndex)) : undefined;
  if (unit !== undefined && unit.attachedOnly !== true) {
    // "2 1/2 kg": more than one, so the unit is plural.
    words += ` ${unit.plural}`;
    end = unitIndex + 1;
  }
  context.write(words);
  return end;
}

