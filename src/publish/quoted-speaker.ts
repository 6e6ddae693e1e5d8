import type { ManifestQuote } from './manifest.js';

/** Words as compared: letters and digits only, lower case, so quote marks, punctuation and case do not matter. */
function comparableWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** Length of the longest run of words that `first` and `second` share. */
function longestSharedRun(first: readonly string[], second: readonly string[]): number {
  let longest = 0;
  let previous = new Array<number>(second.length + 1).fill(0);
  for (const word of first) {
    const current = new Array<number>(second.length + 1).fill(0);
    for (let index = 0; index < second.length; index += 1) {
      if (word === second[index]) {
        current[index + 1] = previous[index]! + 1;
        longest = Math.max(longest, current[index + 1]!);
      }
    }
    previous = current;
  }
  return longest;
}

/**
 * Who speaks a piece of caption text: the speaker of the block's quoted
 * speech that makes up most of its words, so a cue that is a quote, or a
 * quote with a short attribution (“…,” she said), is voiced by its speaker,
 * and a cue of narration that merely holds a short quote is not. A quote
 * split over several cues voices each part. Undefined when no quote with a
 * known speaker dominates, or when two speakers share the text.
 */
export function quotedSpeaker(text: string, quotes: readonly ManifestQuote[]): string | undefined {
  const words = comparableWords(text);
  if (words.length === 0) return undefined;
  const quotedBy = new Map<string, number>();
  for (const quote of quotes) {
    if (!quote.speaker) continue;
    const quoted = comparableWords(quote.text);
    const shared = longestSharedRun(words, quoted);
    // A one-word match is as likely a shared common word as a quotation.
    if (shared < 2 && !(shared === words.length && shared === quoted.length)) continue;
    quotedBy.set(quote.speaker, (quotedBy.get(quote.speaker) ?? 0) + shared);
  }
  const [only, ...others] = [...quotedBy];
  if (only === undefined || others.length > 0) return undefined;
  const [speaker, count] = only;
  return count * 2 > words.length ? speaker : undefined;
}
