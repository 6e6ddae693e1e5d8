import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { showForBuild } from '../../src/config/show-for-build.js';
import { isBriefingError } from '../../src/errors.js';
import { buildAndPublish } from '../../src/pipeline/build-and-publish.js';
import { estimateBuild } from '../../src/pipeline/estimate-build.js';
import { mergeBuildOptions } from '../../src/pipeline/merge-build-options.js';
import { rssFeed, testItems } from '../helpers/feed-files.js';
import { createToneEngine } from '../helpers/tone-engine.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-publish-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const show = showForBuild(parseConfig({ show: { title: 'Harbour Radio' } }, 'test config', '/').show, {});

describe('buildAndPublish', () => {
  it('publishes an episode into the feed and leaves out the feed stories it briefed, on the next run', async () => {
    const feed = join(folder, 'feed.rss');
    const output = join(folder, 'out');
    await writeFile(feed, rssFeed('Harbour news', testItems('first', 2)));
    const options = { inputs: [feed], engine: createToneEngine(), outputDirectory: output, showSettings: show, cache: false as const, intro: false };
    const first = await buildAndPublish(options);
    expect(first.published.episodes).toBe(1);
    expect(first.manifest.stories.map((story) => story.title)).toHaveLength(2);
    expect(await readFile(join(output, 'feed.xml'), 'utf8')).toContain('<title>Harbour Radio</title>');

    const again = await buildAndPublish(options).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isBriefingError(again, 'NOTHING_NEW')).toBe(true);

    await writeFile(feed, rssFeed('Harbour news', [...testItems('first', 2), ...testItems('second', 1)]));
    const second = await buildAndPublish(options);
    expect(second.manifest.stories.map((story) => story.title)).toEqual([testItems('second', 1)[0]!.title]);
    expect(second.published.episodes).toBe(2);

    const seen = await buildAndPublish({ ...options, includeSeen: true, maxStories: 3 });
    expect(seen.manifest.stories).toHaveLength(3);
  });

  it('with feed: false writes the episode folder and its page only', async () => {
    const story = join(folder, 'story.txt');
    const output = join(folder, 'no-feed');
    await writeFile(story, 'Ferry news\n\nThe ferry leaves at noon on Fridays.\n');
    const built = await buildAndPublish({ inputs: [story], engine: createToneEngine(), outputDirectory: output, showSettings: show, cache: false, feed: false });
    expect(built.published.feed).toBeUndefined();
    expect(existsSync(built.published.page)).toBe(true);
    expect(existsSync(join(output, 'feed.xml'))).toBe(false);
  });
});

describe('estimateBuild', () => {
  it('labels each request with its block kind and its story, and sends nothing', async () => {
    const first = join(folder, 'first.txt');
    const second = join(folder, 'second.txt');
    await writeFile(first, 'Ferry news\n\nThe ferry leaves at noon.\n');
    await writeFile(second, 'Market news\n\nThe market opens at nine.\n');
    const engine = createToneEngine();
    const estimate = await estimateBuild({ inputs: [first, second], engine, prices: { tone: 10 } });
    expect(engine.received).toHaveLength(0);
    expect(estimate.engine).toBe('tone');
    expect(estimate.pricePerMillion).toBe(10);
    expect(estimate.billedCharacters).toBe(estimate.requests.reduce((sum, request) => sum + request.billedCharacters, 0));
    const stories = [...new Set(estimate.requests.flatMap((request) => (request.story === undefined ? [] : [request.story])))];
    expect(stories).toEqual(['Ferry news', 'Market news']);
    // The intro and outro of several stories belong to no story.
    expect(estimate.requests.filter((request) => request.kind === 'intro').every((request) => request.story === undefined)).toBe(true);
  });
});

describe('mergeBuildOptions', () => {
  it('lets the later options win and merges the nested settings field by field', () => {
    const merged = mergeBuildOptions(
      { engine: 'flite', engineOptions: { voice: 'slt' }, pauses: { afterTitleMs: 900, maxPauseMs: 3000 }, quotes: { emphasis: 'moderate', cues: false }, bitrateKbps: 64 },
      { inputs: ['a.txt'], engine: 'espeak', pauses: { afterTitleMs: 500 }, quotes: { cues: true } },
    );
    expect(merged).toMatchObject({
      inputs: ['a.txt'],
      engine: 'espeak',
      engineOptions: { voice: 'slt' },
      pauses: { afterTitleMs: 500, maxPauseMs: 3000 },
      quotes: { emphasis: 'moderate', cues: true },
      bitrateKbps: 64,
    });
  });
});
