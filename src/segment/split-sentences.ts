import {
  AMBIGUOUS_ABBREVIATIONS,
  INNER_ABBREVIATIONS,
  NUMBER_ABBREVIATIONS,
  SENTENCE_OPENERS,
  TITLE_ABBREVIATIONS,
} from './abbreviations.js';

/** A stretch of a string: `text.slice(start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

const TERMINATORS = new Set(['.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '؟', '。', '！', '？', '．']);
/** Terminators of scripts written without spaces between sentences. */
const UNSPACED_TERMINATORS = new Set(['。', '！', '？', '．']);
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '}', '」', '』', '）']);
const OPENERS = new Set(['"', "'", '“', '‘', '«', '‹', '„', '(', '[', '{', '「', '『', '（', '¿', '¡']);

/**
 * Splits text into sentences. Knows titles and abbreviations (`Mr`, `Dr.`,
 * `U.S.`, `a.m.`, `e.g.`, `No. 10`), decimals, initials (`J. K. Rowling`),
 * ellipses, and sentences that end inside quotation marks (`."`, `?”`).
 * Every character of content is in exactly one sentence; only the whitespace
 * between sentences is dropped.
 */
export function splitSentences(text: string): string[] {
  return sentenceRanges(text).map((range) => text.slice(range.start, range.end));
}

/** {@link splitSentences} as ranges of `text`, in order, trimmed of whitespace. */
export function sentenceRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  const length = text.length;
  let start = skipSpace(text, 0);
  let index = start;
  while (index < length) {
    if (!TERMINATORS.has(text[index]!)) {
      index++;
      continue;
    }
    let afterTerminators = index;
    while (afterTerminators < length && TERMINATORS.has(text[afterTerminators]!)) afterTerminators++;
    let afterClosers = afterTerminators;
    while (afterClosers < length && CLOSERS.has(text[afterClosers]!)) afterClosers++;
    const unspaced = UNSPACED_TERMINATORS.has(text[afterTerminators - 1]!);
    if (!unspaced && afterClosers < length && !isSpace(text[afterClosers]!)) {
      index = afterTerminators;
      continue;
    }
    const next = skipSpace(text, afterClosers);
    if (next >= length) break;
    if (unspaced || endsSentence(text, index, afterTerminators, next)) {
      pushRange(text, ranges, start, afterClosers);
      start = next;
    }
    index = Math.max(afterClosers, index + 1);
  }
  pushRange(text, ranges, start, length);
  return ranges;
}

function pushRange(text: string, ranges: TextRange[], start: number, end: number): void {
  let trimmedEnd = end;
  while (trimmedEnd > start && isSpace(text[trimmedEnd - 1]!)) trimmedEnd--;
  if (trimmedEnd > start) ranges.push({ start, end: trimmedEnd });
}

function endsSentence(text: string, terminator: number, afterTerminators: number, next: number): boolean {
  let first = next;
  while (first < text.length && OPENERS.has(text[first]!)) first++;
  const nextChar = text[first] ?? '';
  if (/\p{Ll}/u.test(nextChar)) return false;
  if (afterTerminators - terminator > 1 || text[terminator] !== '.') return true;

  const word = wordBefore(text, terminator);
  if (word === '') return true;
  const nextWord = /^[\p{L}\p{N}]*/u.exec(text.slice(first, first + 40))?.[0] ?? '';
  if (TITLE_ABBREVIATIONS.has(word)) return false;
  if (INNER_ABBREVIATIONS.has(word) || INNER_ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (NUMBER_ABBREVIATIONS.has(word) && /^\p{N}/u.test(nextChar)) return false;
  if (/^\p{Lu}$/u.test(word)) return false;
  if (word === 'a.m' || word === 'p.m' || word === 'A.M' || word === 'P.M') return /^\p{Lu}/u.test(nextChar);
  if (AMBIGUOUS_ABBREVIATIONS.has(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return SENTENCE_OPENERS.has(nextWord);
  return true;
}

/** The word (letters and inner full stops) right before `index`. */
function wordBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && start > index - 12 && /[\p{L}.]/u.test(text[start - 1]!)) start--;
  if (start > 0 && /[\p{N}\p{L}]/u.test(text[start - 1]!)) return '';
  return text.slice(start, index).replace(/^\.+/, '');
}

function skipSpace(text: string, index: number): number {
  let position = index;
  while (position < text.length && isSpace(text[position]!)) position++;
  return position;
}

function isSpace(char: string): boolean {
  return /[\s\u200B-\u200D\u2060\uFEFF]/u.test(char);
}
