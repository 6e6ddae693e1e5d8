import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/ingest/index.js';

describe('detectFormat', () => {
  it.each([
    ['story.txt', 'text'],
    ['story.md', 'markdown'],
    ['story.markdown', 'markdown'],
    ['story.html', 'html'],
    ['story.HTM', 'html'],
    ['https://news.test/story.html?page=2#top', 'html'],
  ])('uses the extension of %s', (source, format) => {
    expect(detectFormat(source, '<p>whatever</p><p>else</p>')).toBe(format);
  });

  it.each([
    ['<!DOCTYPE html><html><body><p>Hi</p></body></html>', 'html'],
    ['  <html lang="en"><p>Hi</p></html>', 'html'],
    ['<p>One paragraph.</p>\n<p>Another.</p>', 'html'],
    ['# Title\n\nSome text.', 'markdown'],
    ['Title\n\n- a list\n- of items', 'markdown'],
    ['Title\n\nSee [the guide](https://example.test/guide).', 'markdown'],
    ['Title\n=====\n\nText.', 'markdown'],
    ['Title\n\nPlain text with a <tag> mentioned once.', 'text'],
    ['Just words.\n\nMore words.', 'text'],
  ])('sniffs %j', (content, format) => {
    expect(detectFormat('-', content)).toBe(format);
    expect(detectFormat('article', content)).toBe(format);
  });
});
