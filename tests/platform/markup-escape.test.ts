import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { escapeHtml, escapeXml, stripInvalidXmlCharacters } from '../../src/platform/markup-escape.js';

const HOSTILE = `Tom & Jerry <script>alert("x")</script> it's 'quoted' "twice" &amp; already`;

describe('escapeXml', () => {
  it('leaves nothing that XML reads as markup, in content or in either kind of attribute quote', () => {
    const escaped = escapeXml(HOSTILE);
    expect(escaped).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/);
    const document = `<r a="${escaped}" b='${escaped}'>${escaped}</r>`;
    expect(XMLValidator.validate(document)).toBe(true);
  });
});

describe('escapeHtml', () => {
  it('round-trips through an HTML parser as the same text, in content and attributes', () => {
    const { document } = parseHTML(`<html><body><p title="${escapeHtml(HOSTILE)}" data-x='${escapeHtml(HOSTILE)}'>${escapeHtml(HOSTILE)}</p></body></html>`);
    const paragraph = document.querySelector('p')!;
    expect(paragraph.textContent).toBe(HOSTILE);
    expect(paragraph.getAttribute('title')).toBe(HOSTILE);
    expect(paragraph.getAttribute('data-x')).toBe(HOSTILE);
    expect(document.querySelector('script')).toBeNull();
  });
});

describe('stripInvalidXmlCharacters', () => {
  it('keeps tab, line breaks, astral characters and paired surrogates, and drops what XML 1.0 forbids', () => {
    expect(stripInvalidXmlCharacters('a\u0000b\u000Bc\u001Fd\tf\r\ng\uFFFEh\uFFFFi 😀 \uDC00\uD83D.')).toBe('abcd\tf\r\nghi 😀 .');
  });
});
