import {
  AMBIGUOUS_ABBREVIATIONS,
  INNER_ABBREVIATIONS,
  NUMBER_ABBREVIATIONS,
  POSTPOSITIVE_TITLES,
  SENTENCE_OPENERS,
  TITLE_ABBREVIATIONS,
} from './abbreviations.js';
import { endsAfterClockTime, isClockSuffix } from './clock-times.js';

/**
 * Whether the single full stop at `stop` ends the sentence that began at
 * `sentenceStart`, when the next sentence would begin with `following` (its
 * first letter not lower case): abbreviations, initials and clock times
 * decide it from the word before the stop and the word after it.
 */
export function fullStopEndsSentence(text: string, sentenceStart: number, stop: number, following: string): boolean {
  const word = wordBefore(text, stop);
  if (word === '') return true;
  const wordStart = stop - word.length;
  const nextWord = /^[\p{L}\p{N}]*/u.exec(following)?.[0] ?? '';
  if (TITLE_ABBREVIATIONS.has(word)) {
    return POSTPOSITIVE_TITLES.has(word) && followsNameOrNumber(text, wordStart) && SENTENCE_OPENERS.has(nextWord);
  }
  if (INNER_ABBREVIATIONS.has(word) || INNER_ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (NUMBER_ABBREVIATIONS.has(word) && /^\p{N}/u.test(following)) return false;
  if (/^\p{Lu}$/u.test(word)) return initialEndsSentence(text, word, wordStart, following);
  if (isClockSuffix(word)) return endsAfterClockTime(text, sentenceStart, wordStart, following);
  if (AMBIGUOUS_ABBREVIATIONS.has(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return SENTENCE_OPENERS.has(nextWord);
  return true;
}

/**
 * A capital letter and a full stop is an initial (`Jonas E. Smith`, `by J. A.
 * Rowe`) unless a usual sentence opener follows (`vitamin C. The…`, `World
 * War I. It…`); the pronoun `I` after a lower-case word ends a sentence
 * before any capital (`you and I. Did…`).
 */
function initialEndsSentence(text: string, letter: string, letterStart: number, following: string): boolean {
  if (/^\p{Lu}\./u.test(following)) return false;
  const previous = /(\S+)\s+$/u.exec(text.slice(Math.max(0, letterStart - 40), letterStart))?.[1] ?? '';
  if (letter === 'I' && /^\p{Ll}[\p{L}\p{M}'’-]*,?$/u.test(previous)) return true;
  return SENTENCE_OPENERS.has(/^[\p{L}\p{N}]*/u.exec(following)?.[0] ?? '');
}

/** `Main St.`, `5th St.`: the title follows a street's name or number instead of preceding a name. */
function followsNameOrNumber(text: string, wordStart: number): boolean {
  return /(?:^|\s)(?:\p{Lu}[\p{L}\p{M}'’-]*|\p{N}+(?:st|nd|rd|th)?)\s+$/u.test(text.slice(Math.max(0, wordStart - 40), wordStart));
}

/** The word (letters, inner full stops, `°` of `N°`) right before `index`; empty after a number or a long word. */
function wordBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && start > index - 12 && /[\p{L}.°º№]/u.test(text[start - 1]!)) start--;
  if (start > 0 && /[\p{N}\p{L}]/u.test(text[start - 1]!)) return '';
  return text.slice(start, index).replace(/^\.+/u, '');
}
