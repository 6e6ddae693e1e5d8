import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { withWarnings } from '../helpers/with-warnings.js';

function read(html: string, options = {}) {
  return ingestText(html, 'page.html', 'html', options).articles[0]!;
}

function page(head: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

const STORY = '<p>The first paragraph of the story is long enough to count as content for extraction.</p><p>A second paragraph adds more detail about what happened and why it matters.</p>';

describe('HTML metadata', () => {
  it('takes the title from the article h1 first', () => {
    const article = read(page('<title>Page title | Site</title><meta property="og:title" content="OG title">', `<article><h1>Heading title</h1>${STORY}</article>`));
    expect(article.title).toBe('Heading title');
    expect(article.body.some((node) => node.text === 'Heading title')).toBe(false);
  });

  it('falls back to og:title, then to <title> without the site name', () => {
    expect(read(page('<title>Page title | Site</title><meta property="og:title" content="OG title">', `<article>${STORY}</article>`)).title).toBe('OG title');
    expect(read(page('<title>Page title | The Site</title>', `<article>${STORY}</article>`)).title).toBe('Page title');
    expect(read(page('<title>Page title - The Daily Site</title>', `<article>${STORY}</article>`)).title).toBe('Page title');
    expect(read(page('<title>Page title — Site</title>', `<article>${STORY}</article>`)).title).toBe('Page title');
  });

  it('reads the author from meta, JSON-LD or a byline element', () => {
    expect(read(page('<meta name="author" content="Ana Lima">', `<article><h1>T</h1>${STORY}</article>`)).author).toBe('Ana Lima');
    const linkedData = '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"T","author":[{"@type":"Person","name":"Joe Park"},{"name":"Mia Holt"}],"datePublished":"2026-01-05"}]}</script>';
    const fromLinkedData = read(page(linkedData, `<article><h1>T</h1>${STORY}</article>`));
    expect(fromLinkedData).toMatchObject({ author: 'Joe Park and Mia Holt', publishedAt: '2026-01-05' });
    const fromByline = read(page('', `<article><h1>T</h1><p class="byline">By Ravi Rao, Health Editor</p>${STORY}</article>`));
    expect(fromByline.author).toBe('Ravi Rao');
    expect(fromByline.body.some((node) => node.text.includes('Ravi Rao'))).toBe(false);
  });

  it('reads the published time from meta or <time datetime>', () => {
    expect(read(page('<meta property="article:published_time" content="2026-10-14T08:30:00Z">', `<article><h1>T</h1>${STORY}</article>`)).publishedAt).toBe('2026-10-14T08:30:00Z');
    expect(read(page('', `<article><h1>T</h1><time datetime="2026-02-01">1 Feb</time>${STORY}</article>`)).publishedAt).toBe('2026-02-01');
  });

  it('reads the standfirst from a standfirst element, or from the description when the page shows it', () => {
    const marked = read(page('', `<article><h1>T</h1><div class="standfirst">The deck line.</div>${STORY}</article>`));
    expect(marked.standfirst).toBe('The deck line.');
    expect(marked.body.some((node) => node.text === 'The deck line.')).toBe(false);
    const shown = read(page('<meta name="description" content="The summary shown on the page.">', `<article><h1>T</h1><p>The summary shown on the page.</p>${STORY}</article>`));
    expect(shown.standfirst).toBe('The summary shown on the page.');
    expect(shown.body.some((node) => node.text === 'The summary shown on the page.')).toBe(false);
    const hidden = read(page('<meta name="description" content="A teaser that is not on the page.">', `<article><h1>T</h1>${STORY}</article>`));
    expect(hidden.standfirst).toBeUndefined();
  });

  it('reads the language from <html lang>, unless one is forced', () => {
    expect(read(page('', `<article><h1>T</h1>${STORY}</article>`, 'en-GB')).language).toBe('en-GB');
    expect(read(page('', `<article><h1>T</h1>${STORY}</article>`, 'de'), { language: 'nl' }).language).toBe('nl');
  });

  it('uses a given title over the page’s own', () => {
    expect(read('<p>Fragment paragraph one.</p><p>Fragment two.</p>', { title: 'Feed item title' }).title).toBe('Feed item title');
  });
});

describe('HTML body', () => {
  it('walks headings, paragraphs, block quotes, list items and figure captions in order', () => {
    const article = read(
      page(
        '',
        `<article><h1>T</h1>${STORY}
        <figure><img src="a.jpg" alt="Alt text"><figcaption>The caption. Photo: Agency</figcaption></figure>
        <h2>Section</h2><blockquote><p>“Quoted,” said Ana Lima.</p></blockquote>
        <ol><li>First <b>item</b></li><li>Second item<ul><li>Nested item</li></ul></li></ol>
        <h3>Smaller</h3><h4>Smallest</h4><p>Last <a href="/x">linked</a> words.</p></article>`,
      ),
    );
    expect(article.body.slice(2)).toEqual([
      { type: 'caption', text: 'The caption. Photo: Agency' },
      { type: 'heading', text: 'Section', level: 2 },
      { type: 'quote', text: '“Quoted,” said Ana Lima.' },
      { type: 'list-item', text: 'First item', ordered: true },
      { type: 'list-item', text: 'Second item', ordered: true },
      { type: 'list-item', text: 'Nested item', ordered: false },
      { type: 'heading', text: 'Smaller', level: 3 },
      { type: 'heading', text: 'Smallest', level: 4 },
      { type: 'paragraph', text: 'Last linked words.' },
    ]);
  });

  it('keeps navigation, ads, scripts, styles, asides, share bars and footers out of the body', () => {
    const article = read(
      page(
        '<style>.x{color:red}</style><script>var tracking = 1;</script>',
        `<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
        <div class="cookie-consent">We use cookies. <button>OK</button></div>
        <div class="advert">Advertisement</div>
        <main><article><h1>T</h1>${STORY}
        <aside><h3>Related stories</h3><ul><li><a href="/1">Other story</a></li></ul></aside>
        <div class="share-tools">Share this article: <a href="#">Facebook</a></div>
        <div class="newsletter">Get our newsletter</div>
        <p>Closing paragraph of the story with a <script>inline()</script> script.</p>
        <noscript>Enable JavaScript</noscript></article></main>
        <footer>© 2026 Site. All rights reserved.</footer>`,
      ),
    );
    const text = article.body.map((node) => node.text).join('\n');
    for (const unwanted of ['Home', 'cookies', 'Advertisement', 'Related stories', 'Other story', 'Share this', 'newsletter', 'inline()', 'JavaScript', 'All rights reserved', 'tracking', 'color:red']) {
      expect(text, unwanted).not.toContain(unwanted);
    }
    expect(article.body.map((node) => node.text)).toContain('Closing paragraph of the story with a script.');
  });

  it('extracts the main content of a page without semantic containers', () => {
    const article = read(
      page(
        '<title>Story - Site</title>',
        `<div id="top"><a href="/">Home</a> | <a href="/a">About</a></div>
        <div class="content"><div class="story-text">${STORY.repeat(3)}</div></div>
        <div class="sidebar"><p>Most read: something else entirely</p></div>`,
      ),
    );
    expect(article.title).toBe('Story');
    expect(article.body.length).toBe(6);
    expect(article.body.every((node) => node.type === 'paragraph' && !node.text.includes('Most read'))).toBe(true);
  });

  it('reads a fragment such as a feed item’s content:encoded', () => {
    const article = read('<p>&ldquo;It is cold,&rdquo; said Jo.</p><h2>Advice</h2><p>Stay in &amp; keep warm.</p>', { title: 'Cold snap' });
    expect(article.title).toBe('Cold snap');
    expect(article.body).toEqual([
      { type: 'paragraph', text: '“It is cold,” said Jo.' },
      { type: 'heading', text: 'Advice', level: 2 },
      { type: 'paragraph', text: 'Stay in & keep warm.' },
    ]);
  });

  it('keeps text that is not wrapped in paragraphs', () => {
    const article = read(page('', '<article><h1>T</h1><div>Loose text <em>with emphasis</em><br>and a break.</div><div><p>Wrapped.</p></div></article>'));
    expect(article.body).toEqual([
      { type: 'paragraph', text: 'Loose text with emphasis and a break.' },
      { type: 'paragraph', text: 'Wrapped.' },
    ]);
  });

  it('names the source when a page has no title at all', () => {
    const result = withWarnings((context) => ingestText('<p>Only a paragraph here.</p>', 'reports/river-levels.html', 'html', { context }));
    expect(result.articles[0]!.title).toBe('river levels');
    expect(result.warnings.map((warning) => warning.code)).toEqual(['INPUT_NO_TITLE']);
  });

  it('survives markup nested thousands of levels deep', () => {
    const deep = `<article><h1>T</h1>${'<div>'.repeat(5000)}<p>Deep text.</p>${'</div>'.repeat(5000)}<p>${'<span>'.repeat(5000)}Inline.${'</span>'.repeat(5000)}</p></article>`;
    const article = read(page('', deep));
    expect(article.body.map((node) => node.text)).toEqual(['Deep text.', 'Inline.']);
  });
});

describe('HTML title on a page without article or main', () => {
  it('skips the site header h1', () => {
    const article = read(page('<title>Story | Site</title>', `<header><h1>The Site</h1></header><div><h1>Story headline</h1>${STORY}</div>`));
    expect(article.title).toBe('Story headline');
    expect(article.body.map((node) => node.text).join(' ')).not.toContain('The Site');
  });
});
