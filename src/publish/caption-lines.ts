/** Number of characters a reader sees: code points, not UTF-16 units. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * The words of a caption text. Whitespace of any kind separates words; a word
 * longer than `maxLineChars` (a long URL, say) is cut into line-sized pieces so
 * that every word fits on a line.
 */
export function captionWords(text: string, maxLineChars: number): string[] {
  const words: string[] = [];
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const characters = Array.from(word);
    for (let start = 0; start < characters.length; start += maxLineChars) {
      words.push(characters.slice(start, start + maxLineChars).join(''));
    }
  }
  return words;
}

/** Length of `words[first..end)` joined by single spaces. */
export function joinedLength(lengths: readonly number[], first: number, end: number): number {
  let total = end - first - 1;
  for (let index = first; index < end; index += 1) total += lengths[index]!;
  return total;
}

/**
 * The fewest lines of at most `maxLineChars` characters that
 * `words[first..end)` (given by their `lengths`) wrap into: filling each line
 * as full as it goes, which no other wrap beats on the count (the number of
 * lines {@link wrapCaptionLines} gives, without building them).
 */
export function fewestLines(lengths: readonly number[], first: number, end: number, maxLineChars: number): number {
  let lines = 0;
  let used = 0;
  for (let index = first; index < end; index += 1) {
    const length = lengths[index]!;
    if (lines > 0 && used + 1 + length <= maxLineChars) used += 1 + length;
    else {
      lines += 1;
      used = length;
    }
  }
  return lines;
}

const CLAUSE_END = /[,;:.!?…]["'”’»)\]]*$/u;

/**
 * Wraps words into the fewest lines of at most `maxLineChars` characters, then
 * balances them: among wraps with that many lines, the one whose line lengths
 * are closest to each other, slightly preferring a break after punctuation.
 * Expects words no longer than `maxLineChars` (see {@link captionWords}).
 */
export function wrapCaptionLines(words: readonly string[], maxLineChars: number): string[] {
  const count = words.length;
  if (count === 0) return [];
  const lengths = words.map(visibleLength);
  // best[end]: fewest lines for words[0..end), then the smallest raggedness cost.
  const best: { lines: number; cost: number; from: number }[] = [{ lines: 0, cost: 0, from: 0 }];
  for (let end = 1; end <= count; end += 1) {
    let chosen = { lines: Infinity, cost: Infinity, from: end - 1 };
    for (let first = end - 1; first >= 0; first -= 1) {
      const length = joinedLength(lengths, first, end);
      if (length > maxLineChars && first < end - 1) break;
      const previous = best[first]!;
      const bonus = end < count && CLAUSE_END.test(words[end - 1]!) ? 120 : 0;
      const lines = previous.lines + 1;
      const cost = previous.cost + length * length - bonus;
      if (lines < chosen.lines || (lines === chosen.lines && cost < chosen.cost)) chosen = { lines, cost, from: first };
    }
    best.push(chosen);
  }
  const lines: string[] = [];
  for (let end = count; end > 0; end = best[end]!.from) lines.unshift(words.slice(best[end]!.from, end).join(' '));
  return lines;
}
