import { describe, expect, it } from 'vitest';
import { truncateToBytes } from '../../src/feed/feed-text.js';
import { stripInvalidXmlCharacters } from '../../src/platform/markup-escape.js';
import { rfc2822Date } from '../../src/feed/index.js';

describe('truncateToBytes', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateToBytes('Short text.', 4000)).toBe('Short text.');
  });

  it('cuts at the end of a word, counting UTF-8 bytes, and adds an ellipsis', () => {
    const text = 'Café crème brûlée über alles '.repeat(300);
    const cut = truncateToBytes(text, 4000);
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(4000);
    expect(cut.endsWith('…')).toBe(true);
    expect(text.startsWith(`${cut.slice(0, -1)} `)).toBe(true);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const cut = truncateToBytes('😀'.repeat(50), 21);
    expect(cut).toBe('😀😀😀😀…');
  });
});

describe('stripInvalidXmlCharacters', () => {
  it('drops characters XML cannot carry and keeps the rest', () => {
    expect(stripInvalidXmlCharacters('a\u0000b\u0007c\td\ne \uD800f 😀')).toBe('abc\td\ne f 😀');
  });
});

describe('rfc2822Date', () => {
  it('writes UTC dates as RFC 2822', () => {
    expect(rfc2822Date(new Date('2025-03-01T07:05:09Z'))).toBe('Sat, 01 Mar 2025 07:05:09 +0000');
  });
});
