import type { CaptionRules } from './caption-rules.js';
import { captionWords, fewestLines, joinedLength, visibleLength, wrapCaptionLines } from './caption-lines.js';

/** A word of a sentence and when it is heard, when the engine reported it. */
export interface TimedWord {
  text: string;
  startMs: number;
  endMs: number;
}

/** A sentence with its display text and times, as the splitter needs it. */
export interface TimedText {
  text: string;
  startMs: number;
  endMs: number;
  /** Word timings of the display words, in order, when known. */
  words?: readonly TimedWord[];
}

/** A stretch of a sentence that fits one cue. */
export interface CaptionPiece {
  lines: string[];
  startMs: number;
  endMs: number;
}

const CLAUSE_END = /[,;:]["'”’»)\]]*$/u;
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;
const DASH = /^[—–-]+$/u;

/**
 * Splits a sentence into pieces that each fit one cue: at most
 * `rules.maxLines` lines of `rules.maxLineChars`, and no longer than
 * `rules.maxDurationMs` where the words allow. Breaks go at clause boundaries
 * (commas, semicolons, colons, dashes) when they give pieces of reasonable
 * size, else between words; the pieces are as few and as even as possible.
 * Time is shared by the words' own timings when every display word has one,
 * else in proportion to the characters.
 */
export function splitCaptionText(sentence: TimedText, rules: CaptionRules): CaptionPiece[] {
  const words = captionWords(sentence.text, rules.maxLineChars);
  if (words.length === 0) return [];
  const lengths = words.map(visibleLength);
  const times = boundaryTimes(sentence, words, lengths);
  const fits = (first: number, end: number) => fewestLines(lengths, first, end, rules.maxLineChars) <= rules.maxLines;
  const withinDuration = (first: number, end: number) => times[end]! - times[first]! <= rules.maxDurationMs;

  const ends = bestBreaks(words, lengths, rules, (first, end) => fits(first, end) && withinDuration(first, end))
    ?? bestBreaks(words, lengths, rules, fits)!;

  const pieces: CaptionPiece[] = [];
  let first = 0;
  for (const end of ends) {
    pieces.push({ lines: wrapCaptionLines(words.slice(first, end), rules.maxLineChars), startMs: times[first]!, endMs: times[end]! });
    first = end;
  }
  return pieces;
}

/** Time at each word boundary: `times[k]` is where word `k` begins; the last entry is the sentence end. */
function boundaryTimes(sentence: TimedText, words: readonly string[], lengths: readonly number[]): number[] {
  const start = sentence.startMs;
  const end = Math.max(sentence.endMs, start);
  const timed = sentence.words;
  if (timed && timed.length === words.length && timed.every((word) => Number.isFinite(word.startMs))) {
    let previous = start;
    const times = timed.map((word, index) => {
      previous = index === 0 ? start : Math.min(Math.max(word.startMs, previous), end);
      return previous;
    });
    return [...times, end];
  }
  const total = joinedLength(lengths, 0, words.length) + 1;
  const times: number[] = [];
  let characters = 0;
  for (let index = 0; index < words.length; index += 1) {
    times.push(start + ((end - start) * characters) / total);
    characters += lengths[index]! + 1;
  }
  times.push(end);
  return times;
}

/**
 * Word indices where each piece ends, choosing the fewest pieces and then the
 * cheapest breaks; null when no split satisfies `allowed`.
 */
function bestBreaks(
  words: readonly string[],
  lengths: readonly number[],
  rules: CaptionRules,
  allowed: (first: number, end: number) => boolean,
): number[] | null {
  const count = words.length;
  const totalLength = joinedLength(lengths, 0, count);
  const capacity = rules.maxLines * rules.maxLineChars;
  const best: { pieces: number; cost: number; from: number }[] = [{ pieces: 0, cost: 0, from: -1 }];
  for (let end = 1; end <= count; end += 1) {
    let chosen = { pieces: Infinity, cost: Infinity, from: -1 };
    for (let first = end - 1; first >= 0; first -= 1) {
      const previous = best[first]!;
      if (previous.pieces === Infinity) continue;
      const length = joinedLength(lengths, first, end);
      if (length > capacity) break;
      if (!allowed(first, end)) continue;
      const pieces = previous.pieces + 1;
      const cost = previous.cost + pieceCost(words, length, end, totalLength, capacity, rules);
      if (pieces < chosen.pieces || (pieces === chosen.pieces && cost < chosen.cost)) chosen = { pieces, cost, from: first };
    }
    best.push(chosen);
  }
  if (best[count]!.pieces === Infinity) return null;
  const ends: number[] = [];
  for (let end = count; end > 0; end = best[end]!.from) ends.unshift(end);
  return ends;
}

function pieceCost(words: readonly string[], length: number, end: number, totalLength: number, capacity: number, rules: CaptionRules): number {
  const target = totalLength / Math.ceil(totalLength / capacity);
  const imbalance = ((length - target) / 3) ** 2;
  const tooShort = length < rules.maxLineChars / 2 && end < words.length ? 200 : 0;
  return imbalance + tooShort + breakPenalty(words, end);
}

/** Cost of ending a piece before `words[end]`: nothing at a clause boundary, more between plain words. */
function breakPenalty(words: readonly string[], end: number): number {
  if (end >= words.length) return 0;
  const before = words[end - 1]!;
  const after = words[end]!;
  if (SENTENCE_END.test(before) || CLAUSE_END.test(before) || DASH.test(after)) return 0;
  if (DASH.test(before)) return 50;
  return 400;
}
