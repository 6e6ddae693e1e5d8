import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markFeedStorySkip, rebuildKey } from '../../src/pipeline/rebuild-key.js';

let folder: string;
let article: string;
let lexicon: string;
const DATE = '2026-03-02';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-rebuild-key-'));
  article = join(folder, 'harbour.md');
  lexicon = join(folder, 'lexicon.json');
  await writeFile(article, '# Harbour reopens\n\nThe harbour reopened on Monday.\n');
  await writeFile(lexicon, JSON.stringify({ harbour: 'HAR-bur' }));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the rebuild key of a build', () => {
  it('is the same for the same files and settings, whatever only changes how the build runs', async () => {
    const key = await rebuildKey({ inputs: [article] }, DATE);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(await rebuildKey({ inputs: [article], jobs: 1, retries: 0, cache: false, onProgress: () => {}, signal: new AbortController().signal }, DATE)).toBe(key);
    // Touched but not changed.
    await utimes(article, new Date(), new Date());
    expect(await rebuildKey({ inputs: [article] }, DATE)).toBe(key);
    // An API key changes nothing in the episode, and is not hashed into its manifest.
    expect(await rebuildKey({ inputs: [article], engineOptions: { apiKey: 'one' } }, DATE)).toBe(await rebuildKey({ inputs: [article], engineOptions: { apiKey: 'two' } }, DATE));
  });

  it('changes with the article, the lexicon file, any setting of the episode and the date', async () => {
    const key = await rebuildKey({ inputs: [article], lexicon }, DATE);
    const keys = new Set([key]);
    keys.add(await rebuildKey({ inputs: [article], lexicon }, '2026-03-03'));
    keys.add(await rebuildKey({ inputs: [article], lexicon, bitrateKbps: 96 }, DATE));
    keys.add(await rebuildKey({ inputs: [article], lexicon, voice: 'kal' }, DATE));
    keys.add(await rebuildKey({ inputs: [article], lexicon, pauses: { betweenParagraphsMs: 900 } }, DATE));
    keys.add(await rebuildKey({ inputs: [article], lexicon, engineOptions: { voice: 'kal' } }, DATE));
    await writeFile(lexicon, JSON.stringify({ harbour: 'HAR-bor' }));
    keys.add(await rebuildKey({ inputs: [article], lexicon }, DATE));
    await writeFile(article, '# Harbour reopens\n\nThe harbour reopened on Tuesday.\n');
    keys.add(await rebuildKey({ inputs: [article], lexicon }, DATE));
    expect(keys.size).toBe(8);
    expect([...keys].every((entry) => typeof entry === 'string')).toBe(true);
  });

  it('is not known for inputs a build must read to know: standard input, addresses, folders, feeds, missing files', async () => {
    const feed = join(folder, 'news.txt');
    await writeFile(feed, '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>News</title></channel></rss>\n');
    await mkdir(join(folder, 'stories'), { recursive: true });
    // A feed in UTF-16 is a feed too, as the sources read it.
    const wideFeed = join(folder, 'wide-news.txt');
    await writeFile(wideFeed, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>News</title></channel></rss>\n', 'utf16le')]));
    for (const input of ['-', 'https://example.org/story', join(folder, 'stories'), feed, wideFeed, join(folder, 'news.xml'), join(folder, 'missing.md')]) {
      expect(await rebuildKey({ inputs: [article, input] }, DATE), input).toBeUndefined();
    }
  });

  it('is not known for stories handed over already read, an engine object, or a skip of the caller\'s own', async () => {
    expect(await rebuildKey({ inputs: [article], read: { articles: [], warnings: [] } }, DATE)).toBeUndefined();
    expect(await rebuildKey({ inputs: [article], skip: (story) => story.title.startsWith('Sport') }, DATE)).toBeUndefined();
    expect(await rebuildKey({ inputs: [article], frame: { intro: (() => 'Hello') as unknown as string } }, DATE)).toBeUndefined();
    // The skip of briefed feed stories leaves plain files alone.
    expect(await rebuildKey({ inputs: [article], skip: markFeedStorySkip(() => false) }, DATE)).toMatch(/^[0-9a-f]{32}$/);
  });
});
