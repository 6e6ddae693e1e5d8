import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_HEADLINES, headlinesSentence } from '../../src/pipeline/briefing-frame.js';

describe('the headlines of the intro', () => {
  const titles = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven'];

  it('reads every headline of a short briefing', () => {
    expect(headlinesSentence(titles.slice(0, 3))).toBe('In this briefing, 3 stories: One; Two; and Three.');
    expect(headlinesSentence(titles.slice(0, DEFAULT_MAX_HEADLINES))).toBe('In this briefing, 5 stories: One; Two; Three; Four; and Five.');
    expect(headlinesSentence(['Only'])).toBe('');
  });

  it('reads the first few of a long one and counts the rest', () => {
    expect(headlinesSentence(titles)).toBe('In this briefing, 7 stories: One; Two; Three; Four; Five; and 2 more.');
    expect(headlinesSentence(titles, 1)).toBe('In this briefing, 7 stories: One; and 6 more.');
    expect(headlinesSentence(titles, 0)).toBe('In this briefing, 7 stories.');
  });
});
