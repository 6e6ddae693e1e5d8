import { describe, expect, it } from 'vitest';
import { captionWords, fewestLines, visibleLength, wrapCaptionLines } from '../../src/publish/caption-lines.js';

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('the fewest lines a caption text wraps into', () => {
  it('is the number of lines of the balanced wrap, for any words and width', () => {
    const next = random(7);
    const vocabulary = ['a', 'of', 'the', 'harbour', 'council,', 'Tuesday.', 'extraordinarily', 'café', '—', '"yes"', 'twenty-one', 'x'.repeat(30)];
    for (let trial = 0; trial < 500; trial += 1) {
      const width = 8 + Math.floor(next() * 40);
      const text = Array.from({ length: 1 + Math.floor(next() * 30) }, () => vocabulary[Math.floor(next() * vocabulary.length)]!).join(' ');
      const words = captionWords(text, width);
      const lengths = words.map(visibleLength);
      const first = Math.floor(next() * words.length);
      const end = first + 1 + Math.floor(next() * (words.length - first));
      expect(fewestLines(lengths, first, end, width), `${width}: ${text}`).toBe(wrapCaptionLines(words.slice(first, end), width).length);
    }
  });

  it('counts a full line exactly at the width as one line, one character more as two', () => {
    expect(fewestLines([3, 3], 0, 2, 7)).toBe(1);
    expect(fewestLines([3, 4], 0, 2, 7)).toBe(2);
    expect(fewestLines([], 0, 0, 42)).toBe(0);
  });
});
