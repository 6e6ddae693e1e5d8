import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderEpisodePage, renderShowPage } from '../../src/pages/index.js';
import type { ShowSettings } from '../../src/publish/show-settings.js';
import { buildCaptionCues } from '../../src/publish/captions.js';
import { renderWebVtt } from '../../src/publish/render-webvtt.js';
import { buildManifest, repairCafeManifest } from '../publish/manifest-fixture.js';
import { parseWebVtt, plainText } from '../publish/webvtt-parser.js';

const show: ShowSettings = {
  title: 'Town <Notes> & "News"',
  description: 'Local news, <read> aloud & briefly.',
  author: 'The Notes Team',
  language: 'en',
  category: 'News',
  explicit: false,
  baseUrl: 'https://example.org/notes',
  locked: false,
};

function page(manifest = repairCafeManifest()) {
  const html = renderEpisodePage(manifest, { showTitle: show.title });
  return { html, document: parseHTML(html).document, manifest };
}

/** Every address the page would request or link to, by element and attribute. */
function addresses(document: Document): { element: string; attribute: string; value: string; rel: string }[] {
  const found: { element: string; attribute: string; value: string; rel: string }[] = [];
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const attribute of ['src', 'href', 'poster', 'data', 'action', 'srcset', 'formaction']) {
      const value = element.getAttribute(attribute);
      if (value !== null) found.push({ element: element.tagName.toLowerCase(), attribute, value, rel: element.getAttribute('rel') ?? '' });
    }
  }
  return found;
}

describe('renderEpisodePage', () => {
  it('is a complete document in the episode language with landmarks', () => {
    const { html, document } = page();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.querySelectorAll('body > header')).toHaveLength(1);
    expect(document.querySelectorAll('body > main')).toHaveLength(1);
    expect(document.querySelectorAll('body > nav')).toHaveLength(1);
    expect(document.querySelectorAll('body > footer')).toHaveLength(1);
    expect(document.querySelector('h1')?.textContent).toBe('Town library opens a repair café for broken gadgets');
    expect(document.querySelector('title')?.textContent).toBe('Town library opens a repair café for broken gadgets – Town <Notes> & "News"');
    expect(document.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    expect(html).toContain(':focus-visible');
  });

  it('has a labelled audio player for episode.mp3', () => {
    const { document } = page();
    const audio = document.querySelector('audio');
    expect(audio?.getAttribute('src')).toBe('episode.mp3');
    expect(audio?.hasAttribute('controls')).toBe(true);
    const label = document.getElementById(audio?.getAttribute('aria-labelledby') ?? '');
    expect(label?.textContent).toContain('repair café');
    expect(document.querySelector('section.player')?.getAttribute('aria-label')).toBe('Player');
  });

  it('lists the chapters as buttons in a labelled nav, with their start times', () => {
    const { document, manifest } = page();
    const nav = document.querySelector('nav.chapters')!;
    expect(document.getElementById(nav.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Chapters');
    const buttons = Array.from(nav.querySelectorAll('button'));
    expect(buttons.map((button) => button.getAttribute('type'))).toEqual(manifest.chapters.map(() => 'button'));
    expect(buttons.map((button) => Number(button.getAttribute('data-start')))).toEqual(manifest.chapters.map((chapter) => Math.round(chapter.startMs)));
    expect(buttons.map((button) => button.querySelector('.chapter-title')?.textContent)).toEqual(manifest.chapters.map((chapter) => chapter.title));
    expect(buttons[0]?.querySelector('.chapter-time')?.textContent).toBe('0:00');
  });

  it('shows every sentence of the manifest as a span with its times', () => {
    const { document, manifest } = page();
    const spans = Array.from(document.querySelectorAll('.sentence'));
    const sentences = manifest.blocks.flatMap((block) => block.sentences);
    expect(spans).toHaveLength(sentences.length);
    expect(spans.map((span) => [Number(span.getAttribute('data-start')), Number(span.getAttribute('data-end'))])).toEqual(
      sentences.map((sentence) => [Math.round(sentence.startMs), Math.round(sentence.endMs)]),
    );
    expect(spans.map((span) => span.textContent?.replace(/ \([^)]*\)$/, ''))).toEqual(sentences.map((sentence) => sentence.text));
  });

  it('keeps headings as headings and quotes as quotes with their speakers', () => {
    const { document } = page();
    const main = document.querySelector('main')!;
    expect(Array.from(main.querySelectorAll('h3')).map((heading) => heading.textContent)).toEqual(['Why a library?', 'Tools & <safety> --> first']);
    const figure = main.querySelector('figure')!;
    expect(figure.querySelector('blockquote')?.textContent).toContain('A library lends knowledge.');
    expect(figure.querySelector('figcaption cite')?.textContent).toBe('Tom Okonkwo');
    const inline = Array.from(main.querySelectorAll('q'));
    expect(inline.map((quote) => quote.getAttribute('data-speaker'))).toContain('Priya Shah');
    expect(main.querySelectorAll('ul li')).toHaveLength(2);
  });

  it('escapes every article text', () => {
    const manifest = buildManifest({
      title: '<script>alert(1)</script> & "quotes"',
      stories: [{ title: '<img src=x onerror=alert(1)>', url: 'https://example.org/a?b=1&c="2"' }],
      blocks: [
        { kind: 'title', sentences: ['<img src=x onerror=alert(1)>'] },
        { kind: 'heading', sentences: ['</h3><script>bad()</script>'] },
        { kind: 'paragraph', sentences: ['A & B <b>bold</b> --> end.'] },
        { kind: 'quote', speaker: '<i>Someone</i>', sentences: [{ text: '“<em>Quoted</em>”', speaker: '<i>Someone</i>' }] },
      ],
    });
    manifest.chapters[0]!.title = '<b>Chapter</b> & more';
    const { html, document } = page(manifest);
    expect(document.querySelectorAll('script')).toHaveLength(2);
    expect(document.querySelectorAll('img, b, i, em')).toHaveLength(0);
    expect(html).not.toContain('<script>alert');
    expect(document.querySelector('title')?.textContent).toContain('<script>alert(1)</script> & "quotes"');
    expect(document.querySelector('main h3')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('main')?.textContent).toContain('A & B <b>bold</b> --> end.');
    expect(document.querySelector('figcaption cite')?.textContent).toBe('<i>Someone</i>');
    expect(document.querySelector('.chapter-title')?.textContent).toBe('<b>Chapter</b> & more');
    expect(document.querySelector('.source a')?.getAttribute('href')).toBe('https://example.org/a?b=1&c="2"');
  });

  it('requests nothing outside the episode folder', () => {
    const manifest = repairCafeManifest();
    manifest.stories[0]!.url = 'https://example.org/repair-cafe';
    const { html, document } = page(manifest);
    const external = addresses(document).filter(({ value }) => /^(https?:)?\/\//i.test(value));
    // The only outside addresses are the article's own link for the reader to follow, never a resource.
    expect(external).toEqual([{ element: 'a', attribute: 'href', value: 'https://example.org/repair-cafe', rel: 'external noopener noreferrer' }]);
    for (const { element, attribute, value } of addresses(document)) {
      if (element !== 'a' && value !== 'data:,') expect(`${element} ${attribute}=${value}`).not.toMatch(/=(?:[a-z]+:|\/\/|\/)/i);
    }
    expect(html).not.toMatch(/@import|url\(|@font-face/);
    expect(document.querySelectorAll('script[src], link[rel="stylesheet"], iframe, img')).toHaveLength(0);
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it('is operable by keyboard, with labelled toggles and a live region that starts off', () => {
    const { document } = page();
    const announce = document.getElementById('announce-toggle')!;
    expect(announce.tagName).toBe('BUTTON');
    expect(announce.getAttribute('aria-pressed')).toBe('false');
    const live = document.getElementById(announce.getAttribute('aria-controls') ?? '')!;
    expect(live.getAttribute('aria-live')).toBe('off');
    expect(live.textContent).toBe('');
    expect(document.getElementById('captions-toggle')?.getAttribute('aria-pressed')).toBe('true');
    for (const button of Array.from(document.querySelectorAll('button'))) {
      expect(button.getAttribute('type')).toBe('button');
      expect(button.textContent?.trim()).not.toBe('');
    }
    expect(document.querySelectorAll('[onclick], [tabindex]:not([tabindex="-1"]):not([tabindex="0"])')).toHaveLength(0);
    expect(document.querySelector('a.skip-link')?.getAttribute('href')).toBe('#transcript');
    expect(document.getElementById('transcript')?.tagName).toBe('MAIN');
  });

  it('carries the same caption cues as the episode.vtt of the manifest, as data', () => {
    const { document, manifest } = page();
    const cues = JSON.parse(document.getElementById('caption-cues')?.textContent ?? '[]') as unknown[];
    const vtt = parseWebVtt(renderWebVtt(buildCaptionCues(manifest)));
    expect(vtt.errors).toEqual([]);
    expect(cues).toEqual(vtt.cues.map((cue) => ({ startMs: Math.round(cue.startTime * 1000), endMs: Math.round(cue.endTime * 1000), text: plainText(cue.tree.children) })));
    expect(cues.length).toBeGreaterThan(5);
  });

  it('marks English labels on a page in another language', () => {
    const manifest = { ...buildManifest({ title: 'Nouvelles', language: 'fr', blocks: [{ kind: 'paragraph', sentences: ['Bonjour.'] }] }) };
    const { document } = page(manifest);
    expect(document.documentElement.getAttribute('lang')).toBe('fr');
    expect(document.getElementById('transcript-heading')?.getAttribute('lang')).toBe('en');
  });
});

describe('renderShowPage', () => {
  it('lists episodes newest first with links, durations and the feed', () => {
    const older = { ...buildManifest({ title: 'Older <one>', blocks: [{ kind: 'paragraph', sentences: ['Old news.'] }] }), date: '2025-03-01', durationMs: 65_000 };
    const newer = { ...buildManifest({ title: 'Newer one', blocks: [{ kind: 'paragraph', sentences: ['New news.'] }] }), date: '2025-03-02', durationMs: 3_723_000 };
    const html = renderShowPage(
      [
        { manifest: older, folder: '2025-03-01-older' },
        { manifest: newer, folder: '2025-03-02-newer' },
      ],
      show,
      { coverFile: 'cover.png' },
    );
    const { document } = parseHTML(html);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.querySelector('h1')?.textContent).toBe('Town <Notes> & "News"');
    expect(document.querySelector('header p')?.textContent).toBe('Local news, <read> aloud & briefly.');
    const links = Array.from(document.querySelectorAll('main article h3 a'));
    expect(links.map((link) => link.textContent)).toEqual(['Newer one', 'Older <one>']);
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['2025-03-02-newer/index.html', '2025-03-01-older/index.html']);
    const durations = Array.from(document.querySelectorAll('main article .meta time[datetime^="PT"]'));
    expect(durations.map((time) => [time.getAttribute('datetime'), time.textContent])).toEqual([
      ['PT1H2M3S', '1 h 2 min'],
      ['PT1M5S', '1 min 5 s'],
    ]);
    expect(document.querySelector('main article .meta time')?.getAttribute('datetime')).toBe('2025-03-02');
    expect(document.querySelector('link[rel="alternate"]')?.getAttribute('href')).toBe('feed.xml');
    expect(document.querySelector('a[type="application/rss+xml"]')?.getAttribute('href')).toBe('feed.xml');
    expect(document.querySelector('.feed-url')?.textContent).toBe('https://example.org/notes/feed.xml');
    expect(document.querySelector('img.cover')?.getAttribute('src')).toBe('cover.png');
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(addresses(document).filter(({ value }) => /^(https?:)?\/\//i.test(value))).toEqual([]);
  });
});
