import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/ingest/index.js';
import { readSources } from '../../src/sources/index.js';
import { withWarningsAsync } from '../helpers/with-warnings.js';
import { answer, startLocalServer, type LocalServer } from './local-server.js';
import { ATOM_FEED, RSS_FEED, articlePage } from './source-fixtures.js';

let folder: string;
let rssPath: string;
let atomPath: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-feeds-'));
  rssPath = join(folder, 'gazette.rss');
  atomPath = join(folder, 'notes.atom');
  await writeFile(rssPath, RSS_FEED);
  await writeFile(atomPath, ATOM_FEED);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function bodyText(article: Article): string[] {
  return article.body.map((node) => `${node.type}: ${node.text}`);
}

const noNetwork = (async () => {
  throw new Error('this test uses no network');
}) as typeof fetch;

describe('RSS 2.0 feeds', () => {
  it('gives one article per item, in feed order, with the item metadata', async () => {
    const { articles, warnings, skipped } = await withWarningsAsync((context) => readSources([rssPath], { fetch: noNetwork, context }));
    expect(warnings).toEqual([]);
    expect(skipped).toBe(0);
    expect(articles.map((article) => article.title)).toEqual([
      'Tram line reopens after bridge repairs',
      'Bakery wins regional bread prize',
      'Council & residents agree on dog park',
    ]);
    expect(articles[0]).toMatchObject({
      guid: 'gazette-tram-0412',
      url: 'https://gazette.test/tram-line',
      publishedAt: '2026-04-13T21:30:00.000Z',
      author: 'Mira Castellano',
      language: 'en-AU',
      source: `${rssPath}#gazette-tram-0412`,
    });
    expect(bodyText(articles[0]!)).toEqual([
      'paragraph: Trams will run across the Kestrel Bridge again from Wednesday morning, after eleven weeks of repairs to its steel deck.',
      'heading: Timetable changes',
      'paragraph: The first service leaves the depot at 5.40am, and evening trams will run every twelve minutes until the end of May.',
    ]);
    expect(articles[1]!.body[1]!.text).toBe('“We only entered because a customer dared us,” said owner Rosa Lindqvist.');
    expect(articles[2]).toMatchObject({ guid: 'https://gazette.test/?p=981', author: 'Priya Anand', url: 'https://gazette.test/dog-park' });
  });

  it('does not read the channel title as a story', async () => {
    const { articles } = await readSources([rssPath], { fetch: noNetwork });
    expect(articles.some((article) => article.title.includes('Harbour Town Gazette'))).toBe(false);
    expect(articles.flatMap((article) => article.body).some((node) => node.text.includes('News from Harbour Town'))).toBe(false);
  });

  it('sorts newest first, keeps only stories since a date, and cuts to maxStories', async () => {
    const newest = await readSources([rssPath], { fetch: noNetwork, sort: 'newest' });
    expect(newest.articles.map((article) => article.guid)).toEqual(['gazette-bakery-0414', 'gazette-tram-0412', 'https://gazette.test/?p=981']);

    const recent = await readSources([rssPath], { fetch: noNetwork, since: new Date('2026-04-13T12:00:00Z') });
    expect(recent.articles.map((article) => article.guid)).toEqual(['gazette-tram-0412', 'gazette-bakery-0414']);

    const top = await readSources([rssPath], { fetch: noNetwork, sort: 'newest', maxStories: 2 });
    expect(top.articles.map((article) => article.guid)).toEqual(['gazette-bakery-0414', 'gazette-tram-0412']);
  });

  it('skips stories the caller already briefed, before counting maxStories', async () => {
    const seen: Article[] = [];
    const result = await readSources([rssPath], {
      fetch: noNetwork,
      maxStories: 1,
      skip: (article) => {
        seen.push(article);
        return article.guid === 'gazette-tram-0412';
      },
    });
    expect(result.skipped).toBe(1);
    expect(result.articles.map((article) => article.guid)).toEqual(['gazette-bakery-0414']);
    expect(seen[0]).toMatchObject({ guid: 'gazette-tram-0412', url: 'https://gazette.test/tram-line', title: 'Tram line reopens after bridge repairs' });
  });

  it('reads a feed whatever its file is called, by its content', async () => {
    const path = join(folder, 'download');
    await writeFile(path, RSS_FEED);
    const { articles } = await readSources([path], { fetch: noNetwork });
    expect(articles).toHaveLength(3);
    expect(articles[0]!.source).toBe(`${path}#gazette-tram-0412`);
  });

  it('reads a feed from standard input', async () => {
    async function* stdin() {
      yield RSS_FEED.slice(0, 200);
      yield RSS_FEED.slice(200);
    }
    const { articles } = await readSources(['-'], { fetch: noNetwork, stdin: stdin() });
    expect(articles.map((article) => article.source)).toEqual(['-#gazette-tram-0412', '-#gazette-bakery-0414', '-#https://gazette.test/?p=981']);
  });

  it('says when an .xml file is not a feed', async () => {
    const path = join(folder, 'sitemap.xml');
    await writeFile(path, '<?xml version="1.0"?><urlset><url><loc>https://gazette.test/</loc></url></urlset>');
    await expect(readSources([path])).rejects.toMatchObject({
      code: 'INPUT_UNREADABLE',
      message: `${path}: is not an RSS or Atom feed (its root element is <urlset>)`,
    });
  });
});

describe('Atom 1.0 feeds', () => {
  it('gives one article per entry with id, link, dates, authors, language and headings', async () => {
    const { articles, warnings } = await withWarningsAsync((context) => readSources([atomPath], { fetch: noNetwork, context }));
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({
      title: 'Glacier retreat measured by drones',
      guid: 'urn:uuid:7c1f6f5e-3b1e-4f55-9a57-1c2a34f3b0d2',
      url: 'https://notes.test/glacier',
      publishedAt: '2026-05-01T21:00:00.000Z',
      author: 'Tane Roberts',
      language: 'en-NZ',
    });
    expect(bodyText(articles[0]!)).toEqual([
      'paragraph: Drones flown over the Tasman Glacier show its front pulled back by 180 metres in a single year & more.',
      'heading: How it was measured',
      'paragraph: The team compared thousands of overlapping photographs to build height maps of the ice.',
    ]);
    expect(articles[1]).toMatchObject({
      title: 'Night sky survey finds new variable stars',
      url: 'https://notes.test/variable-stars',
      publishedAt: '2026-04-28T10:00:00.000Z',
      author: 'Editorial desk',
    });
    expect(articles[1]!.body).toHaveLength(2);
  });

  it('lets the caller force the language', async () => {
    const { articles } = await readSources([atomPath], { fetch: noNetwork, language: 'en-GB' });
    expect(articles.map((article) => article.language)).toEqual(['en-GB', 'en-GB']);
  });

  it('drops a story a later input repeats', async () => {
    const { articles, warnings } = await withWarningsAsync((context) => readSources([atomPath, atomPath], { fetch: noNetwork, context }));
    expect(articles).toHaveLength(2);
    expect(warnings.map((warning) => warning.code)).toEqual(['INPUT_DUPLICATE', 'INPUT_DUPLICATE']);
  });
});

describe('feeds whose items only have short summaries', () => {
  let server: LocalServer;
  const longPage = (title: string, first: string) =>
    articlePage(title, [
      first,
      'The second paragraph of the page carries the detail that the feed left out, with enough words to be the main content of the page.',
      'A third paragraph closes the story with a quote from a resident who had waited all winter for the change to happen.',
    ]);

  beforeAll(async () => {
    server = await startLocalServer({
      '/stories/ferry': answer(longPage('Ferry timetable doubled for summer', 'The island ferry will sail twice as often from December, the operator announced on Monday.'), 'text/html; charset=utf-8'),
      '/stories/market': answer(longPage('Night market returns to the square', 'The night market is back in Cathedral Square from Friday, with sixty stalls.'), 'text/html; charset=utf-8'),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  function teaserFeed(): string {
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title><language>en</language>
<item><title>Ferry timetable doubled</title><link>${server.url}/stories/ferry</link><guid>ferry-1</guid><description>More sailings from December.</description></item>
<item><title>Night market returns</title><link>${server.url}/stories/market</link><guid>market-1</guid><description>&lt;p&gt;Sixty stalls from Friday.&lt;/p&gt;</description></item>
<item><title>Pool closed for repairs</title><link>${server.url}/stories/missing</link><guid>pool-1</guid><description>The pool is closed until further notice.</description></item>
<item><title>Empty item</title><guid>empty-1</guid></item>
</channel></rss>`;
  }

  it("reads each linked page's main content instead of the teaser", async () => {
    const path = join(folder, 'teasers.xml');
    await writeFile(path, teaserFeed());
    server.requests.length = 0;
    const { articles, warnings } = await withWarningsAsync((context) => readSources([path], { context }));
    expect(articles.map((article) => article.title)).toEqual(['Ferry timetable doubled', 'Night market returns', 'Pool closed for repairs']);
    expect(articles[0]).toMatchObject({ guid: 'ferry-1', url: `${server.url}/stories/ferry`, source: `${path}#ferry-1` });
    expect(articles[0]!.body[0]!.text).toBe('The island ferry will sail twice as often from December, the operator announced on Monday.');
    expect(articles[0]!.body).toHaveLength(3);
    const texts = articles.flatMap((article) => article.body.map((node) => node.text)).join(' ');
    expect(texts).not.toContain('Weather forecast menu');
    expect(texts).not.toContain('All rights reserved');
    expect(texts).not.toContain('Another unrelated story');
    // The page that is missing leaves the summary, with a warning naming the page.
    expect(articles[2]!.body.map((node) => node.text)).toEqual(['The pool is closed until further notice.']);
    expect(warnings).toEqual([
      { code: 'INPUT_FETCH_FAILED', source: `${path}#pool-1`, message: `${server.url}/stories/missing: HTTP 404 Not Found; using the feed's summary`, stage: 'ingest' },
      { code: 'INPUT_EMPTY', source: `${path}#empty-1`, message: `${path}#empty-1: has no readable text; skipped`, stage: 'ingest' },
    ]);
  });

  it('only fetches the pages of the stories it keeps', async () => {
    const path = join(folder, 'teasers-limited.xml');
    await writeFile(path, teaserFeed());
    server.requests.length = 0;
    const { articles } = await readSources([path], { maxStories: 1, skip: (article) => article.guid === 'ferry-1' });
    expect(articles.map((article) => article.guid)).toEqual(['market-1']);
    expect(server.requests.map((request) => request.path)).toEqual(['/stories/market']);
  });

  it('reads a feed served over HTTP, resolving relative links against it', async () => {
    const feed = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>Ferry timetable doubled</title><id>tag:test,2026:ferry</id><link href="/stories/ferry"/><updated>2026-11-02T08:00:00Z</updated><summary>More sailings.</summary></entry></feed>`;
    server.route('/feeds/atom', answer(feed, 'application/atom+xml'));
    const url = `${server.url}/feeds/atom`;
    const { articles } = await readSources([url]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ url: `${server.url}/stories/ferry`, source: `${url}#tag:test,2026:ferry`, guid: 'tag:test,2026:ferry' });
    expect(articles[0]!.body[0]!.text).toContain('The island ferry will sail twice as often');
  });
});
