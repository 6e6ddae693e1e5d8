import { bracketedEllipsisEnd, readDotRun } from './ellipsis.js';
import { fullStopEndsSentence } from './full-stop.js';
import { inlineListMarkers } from './inline-lists.js';
import { attributionFollows } from './quoted-attribution.js';

/** A stretch of a string: `text.slice(start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

const TERMINATORS = new Set(['.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '؟', '。', '！', '？', '．']);
/** Terminators of scripts written without spaces between sentences. */
const UNSPACED_TERMINATORS = new Set(['。', '！', '？', '．']);
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '}', '」', '』', '）']);
const QUOTE_CLOSERS = new Set(['"', "'", '”', '’', '»', '›', '」', '』']);
const OPENERS = new Set(['"', "'", '“', '‘', '«', '‹', '„', '(', '[', '{', '「', '『', '（', '¿', '¡']);

/**
 * Splits text into sentences. Knows titles and abbreviations (`Mr`, `Dr.`,
 * `U.S.`, `Acme Inc.`, `e.g.`, `No. 10`, `N°. 5`), clock times (`10 a.m.
 * Tuesday`, `5 p.m. EST`), decimals, initials (`J. K. Rowling`) and the
 * pronoun `I`, domain names and e-mail addresses, ellipses (`...`, `. . .`,
 * `[...]`), inline lists (`1.) … 2.) …`, `a. … b. …`), sentences that end
 * inside quotation marks (`."`, `?”`) and quoted questions and exclamations
 * followed by their attribution (`"Why now?" Smith asked.`).
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
  const markers = inlineListMarkers(text);
  const lastContent = lastContentIndex(text);
  let nextMarker = 0;
  let start = skipSpace(text, 0);
  let index = start;
  const breakAt = (end: number, next: number): void => {
    pushRange(text, ranges, start, end);
    start = next;
  };
  while (index < length) {
    const marker = markers[nextMarker];
    if (marker !== undefined && index >= marker.start) {
      if (marker.start > start) breakAt(marker.start, marker.start);
      index = Math.max(index, marker.end);
      nextMarker++;
      continue;
    }
    if (!TERMINATORS.has(text[index]!)) {
      index++;
      continue;
    }
    const bracketEnd = bracketedEllipsisEnd(text, index);
    if (bracketEnd >= 0) {
      index = bracketEnd;
      continue;
    }
    let afterTerminators = index;
    while (afterTerminators < length && TERMINATORS.has(text[afterTerminators]!)) afterTerminators++;
    if (/^[.…]+$/u.test(text.slice(index, afterTerminators))) {
      const run = readDotRun(text, index);
      const standalone = index === start || isSpace(text[index - 1]!);
      if (run.spaced && !standalone) {
        // A full stop, then an ellipsis that opens the next sentence: "compounds. . . . The", "base. ... Next".
        const next = nextSentenceStart(text, run.end);
        if (next >= 0 && next <= lastContent && endsSentence(text, start, index, run.firstEnd, run.firstEnd, next)) {
          breakAt(run.firstEnd, skipSpace(text, run.firstEnd));
        }
        index = run.end;
        continue;
      }
      // A three-dot ellipsis between words marks an omission inside the sentence; a fourth dot ends it.
      if (standalone && run.dots === 3 && !CLOSERS.has(text[run.end] ?? '')) {
        index = run.end;
        continue;
      }
      afterTerminators = run.end;
    }
    let afterClosers = afterTerminators;
    while (afterClosers < length && CLOSERS.has(text[afterClosers]!)) afterClosers++;
    afterClosers = afterCitations(text, afterClosers);
    const unspaced = UNSPACED_TERMINATORS.has(text[afterTerminators - 1]!);
    if (!unspaced && afterClosers < length && !isSpace(text[afterClosers]!)) {
      index = afterTerminators;
      continue;
    }
    const next = skipSpace(text, afterClosers);
    if (next > lastContent) break;
    if (unspaced || endsSentence(text, start, index, afterTerminators, afterClosers, next)) breakAt(afterClosers, next);
    index = Math.max(afterClosers, index + 1);
  }
  pushRange(text, ranges, start, length);
  return ranges;
}

/**
 * Whether the terminators `text.slice(terminator, afterTerminators)`, closed
 * by `text.slice(afterTerminators, afterClosers)`, end the sentence that began
 * at `sentenceStart` when the next would begin at `next`.
 */
function endsSentence(
  text: string,
  sentenceStart: number,
  terminator: number,
  afterTerminators: number,
  afterClosers: number,
  next: number,
): boolean {
  let first = next;
  while (first < text.length && OPENERS.has(text[first]!)) first++;
  if (/\p{Ll}/u.test(text[first] ?? '')) return false;
  // "…and -- voila! -- you have cake": a dash that goes on in lower case continues the sentence.
  if (/^[-–—]+\s*\p{Ll}/u.test(text.slice(first, first + 8))) return false;
  const following = text.slice(first, first + 120);
  if (afterTerminators - terminator === 1 && text[terminator] === '.') {
    return fullStopEndsSentence(text, sentenceStart, terminator, following);
  }
  return !(closesQuotation(text, afterTerminators, afterClosers) && /[!?‼⁇⁈⁉]/u.test(text.slice(terminator, afterTerminators)) && attributionFollows(following));
}

function closesQuotation(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (QUOTE_CLOSERS.has(text[index]!)) return true;
  return false;
}

/** Past reference marks right after a sentence's end: `martyr.[1] The`, `in 250.[2][3] Everyone`. */
function afterCitations(text: string, position: number): number {
  let index = position;
  for (;;) {
    const citation = /^\[\d{1,3}\]/u.exec(text.slice(index, index + 5));
    if (citation === null) return index;
    index += citation[0].length;
  }
}

/** Where a sentence after `position` (past closing marks and a space) would begin, or -1 when none can. */
function nextSentenceStart(text: string, position: number): number {
  let index = position;
  while (index < text.length && CLOSERS.has(text[index]!)) index++;
  if (index >= text.length || !isSpace(text[index]!)) return -1;
  return skipSpace(text, index);
}

/** Index of the last letter or digit: nothing after it can be a sentence of its own. */
function lastContentIndex(text: string): number {
  let index = text.length - 1;
  while (index >= 0 && !/[\p{L}\p{N}]/u.test(text[index]!)) index--;
  return index;
}

function pushRange(text: string, ranges: TextRange[], start: number, end: number): void {
  let trimmedEnd = end;
  while (trimmedEnd > start && isSpace(text[trimmedEnd - 1]!)) trimmedEnd--;
  if (trimmedEnd > start) ranges.push({ start, end: trimmedEnd });
}

function skipSpace(text: string, index: number): number {
  let position = index;
  while (position < text.length && isSpace(text[position]!)) position++;
  return position;
}

function isSpace(char: string): boolean {
  return /[\s\u200B-\u200D\u2060\uFEFF]/u.test(char);
}
