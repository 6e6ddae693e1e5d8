import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowSettings } from '../../src/publish/show-settings.js';
import { isBriefingError } from '../../src/errors.js';
import { podcastGuid, updatePodcastFeed } from '../../src/feed/index.js';
import { templatePath } from '../../src/publish/templates-folder.js';
import { episodeManifest, makeMp3, writeEpisodeFolder } from './episode-fixture.js';

type ParsedItem = {
  guid?: string;
  duration?: string;
  transcript?: { $: Record<string, string> };
  chapters?: { $: Record<string, string> };
  explicit?: string;
};
type ParsedFeed = { podcastGuid?: string; locked?: string; language?: string };

const rss = new Parser<ParsedFeed, ParsedItem>({
  customFields: {
    feed: [['podcast:guid', 'podcastGuid'] as unknown as keyof ParsedFeed, ['podcast:locked', 'locked'] as unknown as keyof ParsedFeed, 'language'],
    item: [
      ['itunes:duration', 'duration'],
      ['podcast:transcript', 'transcript'],
      ['podcast:chapters', 'chapters'],
    ],
  },
});
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => name === 'item' });

let root: string;
let mp3: string;
let mp3Bytes: number;

const show = (): ShowSettings => ({
  title: 'Morning Notes & <News>',
  description: `${'A daily spoken briefing of the local news. '.repeat(120)}End.`,
  author: 'The Notes Team',
  language: 'en-GB',
  category: 'News',
  subcategory: 'Daily News',
  explicit: false,
  coverImage: templatePath('cover.png'),
  baseUrl: 'https://example.org/notes/',
  locked: true,
  owner: { name: 'Notes', email: 'host@example.org' },
});

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'briefing-feed-'));
  mp3 = join(root, 'tone.mp3');
  await makeMp3(mp3, 2);
  mp3Bytes = (await stat(mp3)).size;
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function freshOutput(name: string): Promise<string> {
  return mkdtemp(join(root, `${name}-`));
}

async function readFeed(output: string) {
  const text = await readFile(join(output, 'feed.xml'), 'utf8');
  return { text, feed: await rss.parseString(text), raw: xml.parse(text) as { rss: Record<string, unknown> & { channel: Record<string, any> } } };
}

describe('updatePodcastFeed', () => {
  it('writes a feed with every tag the standards require, and keeps earlier episodes', async () => {
    const output = await freshOutput('two');
    const first = await writeEpisodeFolder(output, '2025-03-01-first', episodeManifest('First <episode> & more', '2025-03-01T07:00:00.000Z'), mp3);
    const second = await writeEpisodeFolder(output, '2025-03-02-second', episodeManifest('Second episode', '2025-03-02T07:00:00.000Z'), mp3);
    await writeFile(join(second.directory, 'index.html'), '<!DOCTYPE html><title>Second</title>');
    const now = () => new Date('2025-03-02T08:00:00Z');

    const one = await updatePodcastFeed(output, first, show(), { now });
    expect(one).toEqual({ feedPath: join(output, 'feed.xml'), episodes: 1, written: true });
    const two = await updatePodcastFeed(output, second, show(), { now });
    expect(two.episodes).toBe(2);

    const { text, feed, raw } = await readFeed(output);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(raw.rss['@_version']).toBe('2.0');
    expect(raw.rss['@_xmlns:itunes']).toBe('http://www.itunes.com/dtds/podcast-1.0.dtd');
    expect(raw.rss['@_xmlns:podcast']).toBe('https://podcastindex.org/namespace/1.0');

    expect(feed.title).toBe('Morning Notes & <News>');
    expect(feed.link).toBe('https://example.org/notes/');
    expect(feed.language).toBe('en-GB');
    expect(Buffer.byteLength(feed.description ?? '', 'utf8')).toBeLessThanOrEqual(4000);
    expect(Buffer.byteLength(feed.description ?? '', 'utf8')).toBeGreaterThan(3900);
    expect(feed.description).toMatch(/\w…$/);
    expect(show().description.startsWith(`${(feed.description ?? '').slice(0, -1)} `)).toBe(true);
    expect(feed.itunes?.image).toBe('https://example.org/notes/cover.png');
    expect(feed.itunes?.categories).toEqual(['News']);
    expect(raw.rss.channel['itunes:category']['itunes:category']['@_text']).toBe('Daily News');
    expect(feed.itunes?.explicit).toBe('false');
    expect(feed.itunes?.author).toBe('The Notes Team');
    expect(feed.itunes?.owner).toEqual({ name: 'Notes', email: 'host@example.org' });
    expect(feed.podcastGuid).toBe(podcastGuid('https://example.org/notes/feed.xml'));
    expect(raw.rss.channel['podcast:locked']['#text']).toBe('yes');
    expect(raw.rss.channel['podcast:locked']['@_owner']).toBe('host@example.org');
    expect(raw.rss.channel['atom:link']['@_href']).toBe('https://example.org/notes/feed.xml');
    expect(await readFile(join(output, 'cover.png'))).toEqual(await readFile(templatePath('cover.png')));

    expect(feed.items.map((item) => item.title)).toEqual(['Second episode', 'First <episode> & more']);
    for (const [index, item] of feed.items.entries()) {
      const folder = index === 0 ? '2025-03-02-second' : '2025-03-01-first';
      const base = `https://example.org/notes/${folder}`;
      expect(item.enclosure).toEqual({ url: `${base}/episode.mp3`, length: String(mp3Bytes), type: 'audio/mpeg' });
      expect(Number(item.enclosure?.length)).toBe((await stat(join(output, folder, 'episode.mp3'))).size);
      expect(item.guid).toMatch(/^[0-9a-f-]{36}$/);
      expect(item.pubDate).toMatch(/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
      expect(item.content).toBe(`What happened in ${item.title}.`);
      expect(item.duration).toMatch(/^\d+$/);
      expect(item.transcript?.$).toMatchObject({ url: `${base}/episode.vtt`, type: 'text/vtt' });
      expect(item.chapters?.$).toEqual({ url: `${base}/chapters.json`, type: 'application/json+chapters' });
    }
    expect(feed.items[1]?.pubDate).toBe('Sat, 01 Mar 2025 07:00:00 +0000');
    expect(feed.items[0]?.link).toBe('https://example.org/notes/2025-03-02-second/');
    expect(feed.items[1]?.link).toBeUndefined();
    expect(feed.items[0]?.duration).toBe(String(Math.round(second.manifest.durationMs / 1000)));
    const guidElements = raw.rss.channel.item.map((item: any) => item.guid);
    expect(guidElements.every((guid: any) => guid['@_isPermaLink'] === 'false')).toBe(true);
    expect((await readdir(output)).filter((name) => name.startsWith('.') || name.endsWith('.tmp') || name.endsWith('.lock'))).toEqual([]);
  });

  it('replaces the item of a rebuilt episode, keeping its guid and date', async () => {
    const output = await freshOutput('rebuild');
    const first = await writeEpisodeFolder(output, '2025-03-01-first', episodeManifest('First', '2025-03-01T07:00:00.000Z'), mp3);
    const second = await writeEpisodeFolder(output, '2025-03-02-second', episodeManifest('Second', '2025-03-02T07:00:00.000Z'), mp3);
    await updatePodcastFeed(output, first, show());
    await updatePodcastFeed(output, second, show());
    const before = (await readFeed(output)).feed.items;

    const rebuilt = await writeEpisodeFolder(output, '2025-03-01-first', episodeManifest('First, corrected', '2025-03-03T09:00:00.000Z'), mp3);
    await writeFile(join(rebuilt.directory, 'episode.mp3'), Buffer.concat([await readFile(mp3), await readFile(mp3)]));
    const result = await updatePodcastFeed(output, rebuilt, show());
    expect(result.episodes).toBe(2);
    const after = (await readFeed(output)).feed.items;
    const old = before.find((item) => item.title === 'First')!;
    const updated = after.find((item) => item.title === 'First, corrected')!;
    expect(updated.guid).toBe(old.guid);
    expect(updated.pubDate).toBe(old.pubDate);
    expect(updated.enclosure?.length).toBe(String(mp3Bytes * 2));
    expect(after.map((item) => item.guid).sort()).toEqual(before.map((item) => item.guid).sort());
  });

  it('leaves a feed that would change in nothing but its build date as it is, and dates a changed one anew', async () => {
    const output = await freshOutput('unchanged');
    const episode = await writeEpisodeFolder(output, '2025-03-01-first', episodeManifest('First', '2025-03-01T07:00:00.000Z'), mp3);
    const at = (time: string) => () => new Date(time);
    expect((await updatePodcastFeed(output, episode, show(), { now: at('2025-03-01T08:00:00Z') })).written).toBe(true);
    const published = await readFeed(output);
    const modified = (await stat(join(output, 'feed.xml'))).mtimeMs;

    const again = await updatePodcastFeed(output, episode, show(), { now: at('2025-03-02T08:00:00Z') });
    expect(again).toEqual({ feedPath: join(output, 'feed.xml'), episodes: 1, written: false });
    expect((await readFeed(output)).text).toBe(published.text);
    expect((await stat(join(output, 'feed.xml'))).mtimeMs).toBe(modified);

    // Anything else that changes (here the show's title) is published, with the new build date.
    expect((await updatePodcastFeed(output, episode, { ...show(), title: 'Evening Notes' }, { now: at('2025-03-03T08:00:00Z') })).written).toBe(true);
    const changed = await readFeed(output);
    expect(changed.feed.title).toBe('Evening Notes');
    expect(changed.raw.rss.channel.lastBuildDate).toBe('Mon, 03 Mar 2025 08:00:00 +0000');
    expect(published.raw.rss.channel.lastBuildDate).toBe('Sat, 01 Mar 2025 08:00:00 +0000');
  });

  it('knows an episode by its folder and content hash: the same content keeps its item, other content in the folder gets a new one', async () => {
    const output = await freshOutput('content-hash');
    const hashed = (title: string, createdAt: string, contentHash: string) => ({ ...episodeManifest(title, createdAt), contentHash });
    const first = await writeEpisodeFolder(output, '2025-03-01-briefing', hashed('Briefing', '2025-03-01T07:00:00.000Z', 'a'.repeat(32)), mp3);
    const second = await writeEpisodeFolder(output, '2025-03-01-briefing-2', hashed('Briefing', '2025-03-01T08:00:00.000Z', 'b'.repeat(32)), mp3);
    await updatePodcastFeed(output, first, show());
    await updatePodcastFeed(output, second, show());
    const before = (await readFeed(output)).feed.items;
    expect(new Set(before.map((item) => item.guid)).size).toBe(2);

    const same = await writeEpisodeFolder(output, '2025-03-01-briefing', hashed('Briefing', '2025-03-01T09:00:00.000Z', 'a'.repeat(32)), mp3);
    await updatePodcastFeed(output, same, show());
    const rebuilt = (await readFeed(output)).feed.items;
    expect(rebuilt.map((item) => [item.guid, item.pubDate]).sort()).toEqual(before.map((item) => [item.guid, item.pubDate]).sort());

    const other = await writeEpisodeFolder(output, '2025-03-01-briefing', hashed('Another briefing', '2025-03-01T10:00:00.000Z', 'c'.repeat(32)), mp3);
    expect((await updatePodcastFeed(output, other, show())).episodes).toBe(2);
    const after = (await readFeed(output)).feed.items;
    const replaced = after.find((item) => item.title === 'Another briefing')!;
    expect(before.map((item) => item.guid)).not.toContain(replaced.guid);
    expect(after.map((item) => item.title).sort()).toEqual(['Another briefing', 'Briefing']);
  });

  it('keeps only the newest episodes with keep', async () => {
    const output = await freshOutput('keep');
    for (const day of [1, 2, 3, 4]) {
      const episode = await writeEpisodeFolder(output, `2025-03-0${day}-day`, episodeManifest(`Day ${day}`, `2025-03-0${day}T07:00:00.000Z`), mp3);
      const result = await updatePodcastFeed(output, episode, show(), { keep: 2 });
      expect(result.episodes).toBe(Math.min(day, 2));
    }
    const { feed } = await readFeed(output);
    expect(feed.items.map((item) => item.title)).toEqual(['Day 4', 'Day 3']);
    await expect(updatePodcastFeed(output, await writeEpisodeFolder(output, 'x', episodeManifest('X', '2025-03-05T07:00:00.000Z'), mp3), show(), { keep: 0 })).rejects.toSatisfy(
      (error) => isBriefingError(error, 'CONFIG_INVALID'),
    );
  });

  it('loses no episode when two builds update the feed at once', async () => {
    const output = await freshOutput('concurrent');
    const episodes = await Promise.all(
      [1, 2, 3, 4].map((day) => writeEpisodeFolder(output, `2025-04-0${day}-story`, episodeManifest(`Story ${day}`, `2025-04-0${day}T07:00:00.000Z`), mp3)),
    );
    await Promise.all([updatePodcastFeed(output, episodes[0]!, show()), updatePodcastFeed(output, episodes[1]!, show())]);
    expect((await readFeed(output)).feed.items).toHaveLength(2);
    await Promise.all(episodes.map((episode) => updatePodcastFeed(output, episode, show())));
    const { feed } = await readFeed(output);
    expect(feed.items.map((item) => item.title)).toEqual(['Story 4', 'Story 3', 'Story 2', 'Story 1']);
    expect((await readdir(output)).filter((name) => name.startsWith('.') || name.endsWith('.lock'))).toEqual([]);
  });

  it('waits for a lock held by another process', async () => {
    const output = await freshOutput('processes');
    const episodes = await Promise.all(
      [1, 2].map((day) => writeEpisodeFolder(output, `2025-05-0${day}-story`, episodeManifest(`Process ${day}`, `2025-05-0${day}T07:00:00.000Z`), mp3)),
    );
    const lockPath = join(output, '.feed.xml.lock');
    const sawFeed = join(output, '..', 'processes-holder-saw-feed.txt');
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs');
         fs.writeFileSync(${JSON.stringify(lockPath)}, JSON.stringify({ token: 'child', pid: process.pid, host: require('os').hostname() }), { flag: 'wx' });
         process.stdout.write('held\\n');
         setTimeout(() => {
           fs.writeFileSync(${JSON.stringify(sawFeed)}, String(fs.existsSync(${JSON.stringify(join(output, 'feed.xml'))})));
           fs.rmSync(${JSON.stringify(lockPath)});
           process.exit(0);
         }, 700);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    await Promise.all([updatePodcastFeed(output, episodes[0]!, show()), updatePodcastFeed(output, episodes[1]!, show())]);
    // Nothing was written while the other process held the lock.
    expect(await readFile(sawFeed, 'utf8')).toBe('false');
    expect((await readFeed(output)).feed.items).toHaveLength(2);
  });

  it('breaks the lock of a build that died', async () => {
    const output = await freshOutput('stale');
    const episode = await writeEpisodeFolder(output, '2025-06-01-story', episodeManifest('After a crash', '2025-06-01T07:00:00.000Z'), mp3);
    const dead = spawn(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let pid = '';
    dead.stdout.on('data', (chunk) => (pid += String(chunk)));
    await new Promise((resolve) => dead.on('exit', resolve));
    const { hostname } = await import('node:os');
    await writeFile(join(output, '.feed.xml.lock'), JSON.stringify({ token: 'dead', pid: Number(pid), host: hostname() }));
    // Staleness would take ten minutes here: only seeing that its holder is gone breaks the lock.
    await updatePodcastFeed(output, episode, show(), { lock: { staleMs: 600_000, timeoutMs: 600_000 } });
    expect((await readFeed(output)).feed.items).toHaveLength(1);
  });

  it('refuses to overwrite a feed.xml it cannot read, and names it', async () => {
    const output = await freshOutput('broken');
    await writeFile(join(output, 'feed.xml'), '<rss><channel><item></channel></rss>');
    const episode = await writeEpisodeFolder(output, '2025-07-01-story', episodeManifest('Story', '2025-07-01T07:00:00.000Z'), mp3);
    const error = await updatePodcastFeed(output, episode, show()).catch((caught: unknown) => caught);
    expect(isBriefingError(error, 'OUTPUT_FAILED')).toBe(true);
    expect((error as Error).message).toContain(join(output, 'feed.xml'));
    expect(await readFile(join(output, 'feed.xml'), 'utf8')).toBe('<rss><channel><item></channel></rss>');
  });

  it('fails with OUTPUT_FAILED when the episode has no MP3', async () => {
    const output = await freshOutput('no-mp3');
    const episode = await writeEpisodeFolder(output, '2025-07-02-story', episodeManifest('Story', '2025-07-02T07:00:00.000Z'), mp3);
    await rm(join(episode.directory, 'episode.mp3'));
    await expect(updatePodcastFeed(output, episode, show())).rejects.toSatisfy((error) => isBriefingError(error, 'OUTPUT_FAILED'));
  });
});
