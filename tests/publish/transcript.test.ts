import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/publish/manifest.js';
import { renderTranscriptHtml, renderTranscriptText } from '../../src/publish/transcript.js';
import { buildManifest, repairCafeManifest } from './manifest-fixture.js';

const VOID = new Set(['meta', 'link', 'br', 'hr', 'img', 'input', 'source', 'wbr']);
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/** Every non-void element that opens also closes, in order. */
function expectBalancedTags(html: string) {
  const stack: string[] = [];
  for (const match of html.replace(/<!DOCTYPE[^>]*>/i, '').replace(/<style>[\s\S]*?<\/style>/, '').matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g)) {
    const [, closing, name] = match;
    if (VOID.has(name!)) continue;
    if (closing) expect(stack.pop(), `</${name}>`).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
}

function briefing(): Manifest {
  return buildManifest({
    title: 'Morning briefing, 1 March',
    language: 'en-GB',
    stories: [
      { title: 'Bridge vote passes', url: 'https://news.example/bridge?a=1&b=2' },
      { title: 'Repair café opens' },
    ],
    blocks: [
      { kind: 'intro', sentences: ['Good morning. Here are two stories for Saturday.'] },
      { kind: 'title', story: 0, sentences: ['Bridge vote passes'] },
      { kind: 'paragraph', story: 0, sentences: ['The council approved the new bridge by nine votes to four.'] },
      { kind: 'heading', story: 0, sentences: ['What it costs'] },
      { kind: 'paragraph', story: 0, sentences: ['The bridge will cost £12 million & take two years.'] },
      { kind: 'transition', sentences: ['Next, a story from the library.'] },
      { kind: 'title', story: 1, sentences: ['Repair café opens'] },
      {
        kind: 'quote',
        story: 1,
        sentences: [{ text: 'We fixed 38 things.', speaker: 'Priya Shah' }],
        quotes: [{ text: 'We fixed 38 things.', speech: 'We fixed 38 things.', speaker: 'Priya Shah' }],
      },
      { kind: 'outro', sentences: ['That was the briefing.'] },
    ],
  });
}

describe('renderTranscriptHtml', () => {
  const manifest = repairCafeManifest();
  const html = renderTranscriptHtml(manifest);
  const { document } = parseHTML(html);
  const main = document.querySelector('main')!;

  it('is a complete HTML5 document in the manifest language with one main and one h1', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expectBalancedTags(html);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.querySelectorAll('main')).toHaveLength(1);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(squash(document.querySelector('h1')!.textContent)).toBe(manifest.title);
    expect(squash(document.querySelector('title')!.textContent)).toContain(manifest.title);
    expect(document.querySelector('meta[charset]')!.getAttribute('charset')).toBe('utf-8');
  });

  it('contains every block’s text exactly once', () => {
    const text = squash(main.textContent);
    for (const block of manifest.blocks) expect(occurrences(text, squash(block.text)), block.text).toBe(1);
  });

  it('puts headings in h2, paragraphs in p and list items in one ul', () => {
    expect([...document.querySelectorAll('h2')].map((heading) => squash(heading.textContent))).toEqual([
      'Why a library?',
      'Tools & <safety> --> first',
    ]);
    expect(document.querySelectorAll('ul')).toHaveLength(1);
    expect([...document.querySelectorAll('ul li')].map((item) => squash(item.textContent))).toEqual([
      'Bring the item and its charger.',
      'Stay while it is fixed.',
    ]);
    expect(document.querySelectorAll('main p').length).toBeGreaterThanOrEqual(6);
  });

  it('marks quote blocks as blockquote with the speaker in cite, and quoted speech in q', () => {
    const figure = document.querySelector('figure')!;
    expect(squash(figure.querySelector('blockquote')!.textContent)).toBe('“A library lends knowledge.” “This is the same thing with a screwdriver.”');
    expect(squash(figure.querySelector('figcaption cite')!.textContent)).toBe('Tom Okonkwo');
    const quotes = [...document.querySelectorAll('p q')];
    expect(quotes.map((quote) => [quote.getAttribute('data-speaker'), squash(quote.textContent)])).toEqual([
      ['Priya Shah', 'People kept telling us they had a drawer full of things they could not bear to throw away,'],
      ['Priya Shah', 'Now that drawer has somewhere to go.'],
    ]);
  });

  it('wraps every sentence in a span with its times in ms', () => {
    const spans = [...document.querySelectorAll('span[data-start]')];
    const sentences = manifest.blocks.flatMap((block) => block.sentences);
    expect(spans).toHaveLength(sentences.length);
    spans.forEach((span, index) => {
      expect(Number(span.getAttribute('data-start'))).toBe(Math.round(sentences[index]!.startMs));
      expect(Number(span.getAttribute('data-end'))).toBe(Math.round(sentences[index]!.endMs));
      expect(squash(span.textContent)).toBe(squash(sentences[index]!.text));
    });
  });

  it('escapes all text and loads nothing from elsewhere', () => {
    expect(html).not.toContain('<safety>');
    expect(html).not.toContain('<safe>');
    expect(html).toContain('Tools &amp; &lt;safety&gt; --&gt; first');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|url\(/i);
    expect(html).toContain('prefers-color-scheme: dark');
    expect(html).toContain('color-scheme');
  });
});

describe('renderTranscriptHtml for a briefing of several stories', () => {
  const manifest = briefing();
  const html = renderTranscriptHtml(manifest);
  const { document } = parseHTML(html);

  it('gives each story an h2 section, headings inside stories h3, narration between them', () => {
    expectBalancedTags(html);
    expect(document.documentElement.getAttribute('lang')).toBe('en-GB');
    expect(squash(document.querySelector('h1')!.textContent)).toBe('Morning briefing, 1 March');
    expect([...document.querySelectorAll('section > h2')].map((heading) => squash(heading.textContent))).toEqual(['Bridge vote passes', 'Repair café opens']);
    expect([...document.querySelectorAll('section h3')].map((heading) => squash(heading.textContent))).toEqual(['What it costs']);
    expect([...document.querySelectorAll('article > p.narration')].map((paragraph) => squash(paragraph.textContent))).toEqual([
      'Good morning. Here are two stories for Saturday.',
      'Next, a story from the library.',
      'That was the briefing.',
    ]);
    const text = squash(document.querySelector('main')!.textContent);
    for (const block of manifest.blocks) expect(occurrences(text, squash(block.text)), block.text).toBe(1);
    expect(document.querySelector('section a')).toBeNull();
    expect(squash(document.querySelector('figcaption cite')!.textContent)).toBe('Priya Shah');
  });
});

describe('renderTranscriptText', () => {
  it('reads as plain text: title, headings, paragraphs, lists and quotes, with nothing that is not heard', () => {
    const manifest = repairCafeManifest();
    const text = renderTranscriptText(manifest);
    const title = manifest.title;
    expect(text.startsWith(`${title}\n${'='.repeat(title.length)}\n\n`)).toBe(true);
    expect(text).toContain('\n\nWhy a library?\n\n');
    // The narration does not say who a quote block is by, so the transcript does not either.
    expect(text).toContain('\n\n“A library lends knowledge.” “This is the same thing with a screwdriver.”\n\n');
    expect(text).not.toContain('Tom Okonkwo:');
    expect(text).toContain('said Priya Shah, who organised the event. “Now that drawer has somewhere to go.”');
    expect(text).toContain('\n\n• Bring the item and its charger.\n• Stay while it is fixed.\n\n');
    expect(text).toContain('Tools & <safety> --> first');
    expect(occurrences(text, title)).toBe(1);
    for (const block of manifest.blocks) expect(occurrences(squash(text), squash(block.text)), block.text).toBe(1);
    expect(text.endsWith('year.\n')).toBe(true);
    expect(text).not.toMatch(/\n{3}/);
  });

  it('underlines each story title in a briefing of several stories', () => {
    const text = renderTranscriptText(briefing());
    expect(text).toContain('\n\nBridge vote passes\n------------------\n\n');
    // The transcript is what is heard: a story's address is not read, so it is not written either.
    expect(text).not.toContain('news.example');
    expect(text).toContain('\n\nRepair café opens\n-----------------\n\n“We fixed 38 things.”\n\n');
    expect(text.endsWith('That was the briefing.\n')).toBe(true);
  });
});
