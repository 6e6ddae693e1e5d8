import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowSettings } from '../../src/publish/show-settings.js';
import { parseConfig } from '../../src/config/index.js';
import { updatePodcastFeed } from '../../src/feed/index.js';
import { templatePath } from '../../src/publish/templates-folder.js';
import { episodeManifest, makeMp3, writeEpisodeFolder } from './episode-fixture.js';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => name === 'item' || name === 'podcast:transcript' });

let root: string;
let mp3: string;

const show = (extra: Partial<ShowSettings> = {}): ShowSettings => ({
  title: 'Harbour Notes',
  description: 'Spoken notes from the harbour.',
  author: 'The Harbour Desk',
  language: 'en',
  category: 'News',
  explicit: false,
  coverImage: templatePath('cover.png'),
  baseUrl: 'https://example.org/harbour',
  locked: false,
  ...extra,
});

async function channelOf(output: string): Promise<Record<string, any>> {
  return (xml.parse(await readFile(join(output, 'feed.xml'), 'utf8')) as { rss: { channel: Record<string, any> } }).rss.channel;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'briefing-feed-elements-'));
  mp3 = join(root, 'tone.mp3');
  await makeMp3(mp3, 1);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the feed for podcast directories', () => {
  it('names an owner with the configured email, and never invents one', async () => {
    const withEmail = await mkdtemp(join(root, 'email-'));
    const episode = await writeEpisodeFolder(withEmail, '2025-03-01-tide', episodeManifest('Tide tables', '2025-03-01T07:00:00.000Z'), mp3);
    await updatePodcastFeed(withEmail, episode, show({ owner: { name: 'Harbour Desk Ltd', email: 'desk@example.org' } }));
    expect((await channelOf(withEmail))['itunes:owner']).toEqual({ 'itunes:name': 'Harbour Desk Ltd', 'itunes:email': 'desk@example.org' });

    const withoutEmail = await mkdtemp(join(root, 'no-email-'));
    const other = await writeEpisodeFolder(withoutEmail, '2025-03-01-tide', episodeManifest('Tide tables', '2025-03-01T07:00:00.000Z'), mp3);
    await updatePodcastFeed(withoutEmail, other, show());
    const owner = (await channelOf(withoutEmail))['itunes:owner'];
    expect(owner).toEqual({ 'itunes:name': 'The Harbour Desk' });
  });

  it('reads the owner and email from the show configuration and refuses a malformed email', () => {
    const config = parseConfig({ show: { owner: { name: 'Harbour Desk Ltd', email: 'desk@example.org' } } }, 'briefing.config.json', root);
    expect(config.show.owner).toEqual({ name: 'Harbour Desk Ltd', email: 'desk@example.org' });
    expect(() => parseConfig({ show: { owner: { email: 'not an address' } } }, 'briefing.config.json', root)).toThrow(/briefing\.config\.json.*email/);
  });

  it('gives every episode art and advertises the WebVTT, SRT and HTML transcripts with their types', async () => {
    const output = await mkdtemp(join(root, 'items-'));
    const episode = await writeEpisodeFolder(output, '2025-03-02-ferry', episodeManifest('Ferry times', '2025-03-02T07:00:00.000Z'), mp3);
    await writeFile(join(episode.directory, 'episode.srt'), '1\n00:00:00,480 --> 00:00:02,000\nHello.\n');
    await writeFile(join(episode.directory, 'transcript.html'), '<!DOCTYPE html><title>Ferry times</title><p>Hello.</p>');
    await updatePodcastFeed(output, episode, show());
    const [item] = (await channelOf(output)).item as Record<string, any>[];
    const base = 'https://example.org/harbour/2025-03-02-ferry';
    expect(item!['itunes:image']['@_href']).toBe('https://example.org/harbour/cover.png');
    const transcripts = (item!['podcast:transcript'] as Record<string, string>[]).map((transcript) => [transcript['@_url'], transcript['@_type']]);
    expect(transcripts).toEqual([
      [`${base}/episode.vtt`, 'text/vtt'],
      [`${base}/episode.srt`, 'application/x-subrip'],
      [`${base}/transcript.html`, 'text/html'],
    ]);

    await writeFile(join(episode.directory, 'cover.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    await updatePodcastFeed(output, episode, show());
    const [again] = (await channelOf(output)).item as Record<string, any>[];
    expect(again!['itunes:image']['@_href']).toBe(`${base}/cover.jpg`);
    expect(again!['podcast:transcript']).toHaveLength(3);
  });
});
