import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';

const PARAGRAPHS = [
  'The harbour authority voted on Tuesday to rebuild the north pier, which has been closed to the public since a storm tore away part of its deck two winters ago.',
  'Engineers said the new pier would stand a metre higher than the old one, so that waves driven by the strongest winter gales would pass beneath the walkway rather than over it.',
  'Fishing crews who land their catch at the pier have waited more than a year for a decision, and several told the meeting they had moved their boats to other harbours in the meantime.',
  'Work is due to start in the spring and to finish before the summer season of the following year, when the pier will reopen to walkers, anglers and the ferry to the islands.',
  'The authority will pay for most of the work from its reserves, with the rest coming from a regional fund for coastal towns that was set up after the same storm.',
];

const ARTICLE = PARAGRAPHS.map((text) => `<p>${text}</p>`).join('\n');

/** A news page whose article sits inside `wrap`, with real furniture around it. */
function page(wrap: (article: string) => string): string {
  return `<!doctype html><html lang="en"><head><title>Harbour pier to be rebuilt | Coast Gazette</title></head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-banner">We use cookies to improve the site. <button>Accept</button></div>
${wrap(`<h1>Harbour pier to be rebuilt</h1>\n${ARTICLE}`)}
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">Lifeboat crew honoured</a></li></ul></aside>
<footer><p>© 2026 Coast Gazette. All rights reserved.</p></footer>
</body></html>`;
}

function spoken(html: string): string[] {
  return ingestText(html, 'pier.html', 'html').articles[0]!.body.map((node) => node.text);
}

describe('an article inside a wrapper named like page furniture', () => {
  it.each([
    ['a sidebar layout', (article: string) => `<div class="l-sidebar-fixed l-article-body-segment">${article}</div>`],
    ['ad margins', (article: string) => `<div class="Page-ad-margins"><div class="non-ad-column-l">${article}</div></div>`],
    ['a paywall', (article: string) => `<div class="article-body"><p>${PARAGRAPHS[0]}</p><div class="paywall">${PARAGRAPHS.slice(1).map((text) => `<p>${text}</p>`).join('')}</div></div>`],
    ['a form', (article: string) => `<form action="/comment" method="post"><div class="story">${article}</div></form>`],
    ['a WordPress post classed as advertising', (article: string) => `<div class="post type-post category-native-advertising-platform">${article}</div>`],
    ['a modal-enabled box', (article: string) => `<div class="box article modal-enabled">${article}</div>`],
    ['a section with its own navigation', (article: string) => `<main class="has-section-nav"><div class="content-with-sidebar-wrp">${article}</div></main>`],
  ])('is read whole from %s', (_name, wrap) => {
    const text = spoken(page(wrap));
    for (const paragraph of PARAGRAPHS) expect(text).toContain(paragraph);
    for (const furniture of ['Home', 'We use cookies', 'Related stories', 'Ferry timetable changes', 'All rights reserved']) {
      expect(text.join('\n')).not.toContain(furniture);
    }
  });

  it('still removes small furniture inside the article', () => {
    const text = spoken(
      page(
        (article) => `<article>${article}
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<div class="newsletter-signup"><p>Get the Gazette in your inbox every morning.</p></div>
<div class="ad-slot">Advertisement</div></article>`,
      ),
    ).join('\n');
    for (const paragraph of PARAGRAPHS) expect(text).toContain(paragraph);
    for (const furniture of ['Facebook', 'Gazette in your inbox', 'Advertisement']) expect(text).not.toContain(furniture);
  });

  it('keeps a heading whose words also appear in the headline', () => {
    const html = page((article) => `<article>${article}<h2>Why the pier is being rebuilt</h2><p>${PARAGRAPHS[0]} It is the second time.</p></article>`);
    expect(spoken(html)).toContain('Why the pier is being rebuilt');
  });
});
