import { describe, expect, it } from 'vitest';
import { collapseWhitespace, oneLine, oneLineAtMost } from '../../src/platform/plain-text.js';

describe('collapseWhitespace', () => {
  it('drops zero-width spaces, soft hyphens and byte order marks, folds every kind of space and trims', () => {
    expect(collapseWhitespace('\uFEFF  Fer\u00ADry\u200B fares\u00A0\u00A0rise\n\tin  May ')).toBe('Ferry fares rise in May');
  });
});

describe('oneLine', () => {
  it('puts text on one line, trimmed, and can be mapped over lines', () => {
    expect(oneLine('  first\r\nsecond\n\n third  ')).toBe('first second third');
    expect(['a  b', ' c\nd ', 'a much longer line'].map(oneLine)).toEqual(['a b', 'c d', 'a much longer line']);
  });

  it('cuts text longer than the limit and ends it with an ellipsis, keeping the limit', () => {
    const cut = oneLineAtMost('one two\nthree four five', 10);
    expect(cut).toBe('one two t…');
    expect(cut.length).toBe(10);
    expect(oneLineAtMost(' short\n', 10)).toBe('short');
  });
});
