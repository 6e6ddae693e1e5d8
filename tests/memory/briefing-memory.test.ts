import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBriefingError } from '../../src/errors.js';
import type { Article } from '../../src/ingest/index.js';
import { BriefingMemory, memoryPath } from '../../src/memory/index.js';
import { readSources } from '../../src/sources/index.js';

let folder: string;
let path: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-memory-'));
  path = memoryPath(folder);
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function story(fields: Partial<Article> & { title: string }): Article {
  return { language: 'en', source: 'feed.xml', body: [], ...fields };
}

const tramStory = story({ title: 'Tram line reopens', guid: 'tram-1', url: 'https://gazette.test/tram', source: 'feed.xml#tram-1' });
const fileStory = story({ title: 'Bypass opens early', source: 'stories/bypass.txt' });

describe('BriefingMemory', () => {
  it('lives in the output folder', () => {
    expect(memoryPath('output')).toBe(join('output', '.briefing-state.json'));
  });

  it('starts empty when there is no state file, and writes nothing until saved', async () => {
    const memory = await BriefingMemory.load(path);
    expect(memory.has(tramStory)).toBe(false);
    memory.remember([tramStory], 'episode-1', new Date('2026-04-14T06:00:00Z'));
    expect(memory.has(tramStory)).toBe(true);
    expect(await readdir(folder)).toEqual([]);
  });

  it('remembers stories across runs by guid, by url, and by source and title', async () => {
    const first = await BriefingMemory.load(path);
    first.remember([tramStory, fileStory], '2026-04-14-briefing', new Date('2026-04-14T06:00:00Z'));
    await first.save();
    expect(await readdir(folder)).toEqual(['.briefing-state.json']);
    const saved = JSON.parse(await readFile(path, 'utf8')) as { version: number; stories: { title: string; episode: string; briefedAt: string }[] };
    expect(saved.version).toBe(1);
    expect(saved.stories.map(({ title, episode, briefedAt }) => ({ title, episode, briefedAt }))).toEqual([
      { title: 'Tram line reopens', episode: '2026-04-14-briefing', briefedAt: '2026-04-14T06:00:00.000Z' },
      { title: 'Bypass opens early', episode: '2026-04-14-briefing', briefedAt: '2026-04-14T06:00:00.000Z' },
    ]);

    const next = await BriefingMemory.load(path);
    expect(next.size).toBe(2);
    // The same feed item, even with an edited title.
    expect(next.has(story({ title: 'Tram line reopens on Wednesday', guid: 'tram-1', source: 'other.xml#tram-1' }))).toBe(true);
    // The same page, read from its address rather than the feed.
    expect(next.has(story({ title: 'Tram line reopens', url: 'https://gazette.test/tram', source: 'https://gazette.test/tram' }))).toBe(true);
    // Another feed item that happens to link to the same page is another story.
    expect(next.has(story({ title: 'Tram update', guid: 'tram-2', url: 'https://gazette.test/tram' }))).toBe(false);
    // A file is known by its source and title.
    expect(next.has(story({ title: 'Bypass opens early', source: 'stories/bypass.txt' }))).toBe(true);
    expect(next.has(story({ title: 'Bypass opens late', source: 'stories/bypass.txt' }))).toBe(false);
  });

  it('keeps the stories of two runs that save at the same time', async () => {
    const runs = await Promise.all([1, 2, 3, 4].map(() => BriefingMemory.load(path)));
    runs.forEach((run, index) => run.remember([story({ title: `Story ${index}`, guid: `guid-${index}` })], `episode-${index}`, new Date(Date.UTC(2026, 3, 14, index))));
    await Promise.all(runs.map((run) => run.save()));
    const reloaded = await BriefingMemory.load(path);
    expect(reloaded.size).toBe(4);
    for (const index of [0, 1, 2, 3]) expect(reloaded.has(story({ title: 'x', guid: `guid-${index}` }))).toBe(true);
    expect(await readdir(folder)).toEqual(['.briefing-state.json']);
  });

  it('keeps only the newest 5000 stories', async () => {
    const memory = await BriefingMemory.load(path);
    const start = Date.UTC(2026, 0, 1);
    for (let index = 0; index < 5003; index++) {
      memory.remember([story({ title: `Story ${index}`, guid: `g${index}` })], 'episode', new Date(start + index * 60_000));
    }
    await memory.save();
    const reloaded = await BriefingMemory.load(path);
    expect(reloaded.size).toBe(5000);
    expect(reloaded.has(story({ title: 'x', guid: 'g2' }))).toBe(false);
    expect(reloaded.has(story({ title: 'x', guid: 'g3' }))).toBe(true);
    expect(reloaded.has(story({ title: 'x', guid: 'g5002' }))).toBe(true);
  });

  it.each([
    ['not JSON', '{ "version": 1, "stories": [', /: not a briefing state file: not JSON \(/],
    ['the wrong shape', '{ "version": 1, "stories": [{ "title": 3 }] }', /: not a briefing state file: stories\.0\.hash: /],
    ['another file', '{ "name": "briefing" }', /: not a briefing state file: version: /],
    ['a newer version', '{ "version": 9, "stories": [] }', /: not a briefing state file: version 9 was written by a newer briefing/],
  ])('refuses a state file that is %s', async (_name, content, pattern) => {
    await writeFile(path, content);
    const error = await BriefingMemory.load(path).catch((caught: unknown) => caught);
    expect(isBriefingError(error, 'OUTPUT_FAILED')).toBe(true);
    const message = (error as Error).message;
    expect(message.startsWith(`${path}: not a briefing state file: `)).toBe(true);
    expect(message).toMatch(pattern);
    expect(message).not.toContain('\n');
  });
});

describe('a second run over the same feed', () => {
  it("skips the stories the first run briefed", async () => {
    const feedPath = join(folder, 'gazette.xml');
    const item = (id: string, title: string) =>
      `<item><title>${title}</title><guid>${id}</guid><link>https://gazette.test/${id}</link><content:encoded><![CDATA[<p>${title}, the council confirmed on Monday morning.</p>]]></content:encoded></item>`;
    const feed = (items: string) =>
      `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Gazette</title>${items}</channel></rss>`;
    await writeFile(feedPath, feed(item('a', 'Library hours extended') + item('b', 'Ferry sailings cut')));

    const today = await BriefingMemory.load(path);
    const first = await readSources([feedPath], { skip: (article) => today.has(article) });
    expect(first.articles.map((article) => article.guid)).toEqual(['a', 'b']);
    today.remember(first.articles, 'monday', new Date('2026-04-13T06:00:00Z'));
    await today.save();

    await writeFile(feedPath, feed(item('c', 'Market moves indoors') + item('a', 'Library hours extended') + item('b', 'Ferry sailings cut')));
    const tomorrow = await BriefingMemory.load(path);
    const second = await readSources([feedPath], { skip: (article) => tomorrow.has(article) });
    expect(second.articles.map((article) => article.guid)).toEqual(['c']);
    expect(second.skipped).toBe(2);
  });
});
