import { spellLetters } from './acronyms.js';
import type { RuleContext } from './rule-context.js';

/** Time zones written as letters after a time: "EST", "GMT", "e.s.t.". */
const TIME_ZONES = new Set([
  'UTC', 'GMT', 'BST', 'IST', 'CET', 'CEST', 'EET', 'EEST', 'WET', 'WEST', 'MSK',
  'ET', 'EST', 'EDT', 'CT', 'CST', 'CDT', 'MT', 'MST', 'MDT', 'PT', 'PST', 'PDT', 'AKST', 'AKDT', 'HST',
  'AEST', 'AEDT', 'ACST', 'AWST', 'NZST', 'NZDT', 'JST', 'KST', 'HKT', 'SGT', 'PHT', 'WIB', 'SAST', 'WAT', 'EAT',
]);

/** Whether `text` is a time zone written in capitals: "GMT", "ET". */
export function isTimeZoneInCapitals(text: string): boolean {
  return TIME_ZONES.has(text);
}

/**
 * A time zone at `index` (directly after a time, or after one space): a
 * word ("EST", "est"), a dotted form ("E.S.T."), or letters and stops token
 * by token ("e.s.t"). Returns its spelled letters and the index after it.
 */
export function timeZoneAt(context: RuleContext, index: number): { words: string; end: number; dotted: boolean } | undefined {
  const position = context.skipSpace(index);
  const token = context.at(position);
  if (token === undefined) return undefined;
  if (token.kind === 'word' && !context.isSymbol(position + 1, '.')) {
    const upper = token.text.toUpperCase();
    const lowerOrUpper = token.text === upper || token.text === token.text.toLowerCase();
    if (TIME_ZONES.has(upper) && lowerOrUpper && !context.isWordLike(position + 1)) return { words: spellLetters(upper), end: position + 1, dotted: false };
    return undefined;
  }
  if (token.kind === 'dotted') {
    const letters = token.text.replaceAll('.', '').toUpperCase();
    return TIME_ZONES.has(letters) ? { words: spellLetters(letters), end: position + 1, dotted: true } : undefined;
  }
  // "e.s.t" without a final stop: single letters joined by stops.
  let letters = '';
  let cursor = position;
  while (context.isWord(cursor) && context.text(cursor).length === 1) {
    letters += context.text(cursor);
    if (context.isSymbol(cursor + 1, '.') && context.isWord(cursor + 2) && context.text(cursor + 2).length === 1) cursor += 2;
    else break;
  }
  if (letters.length < 2 || !TIME_ZONES.has(letters.toUpperCase())) return undefined;
  const last = cursor + 1;
  const dotted = context.isSymbol(last, '.');
  return { words: spellLetters(letters), end: dotted ? last + 1 : last, dotted };
}
