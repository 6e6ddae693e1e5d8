import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/publish/manifest.js';
import { runBriefing } from '../helpers/run-cli.js';
import { SHORT_STORY } from '../helpers/test-articles.js';

/** A page with a headline and page furniture, but no article text. */
const HEADLINE_ONLY = `<!doctype html><html lang="en"><head><title>Council approves new flood barrier | Riverside News</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Council approves new flood barrier</h1>
<figure><img src="barrier.jpg" alt="The river at dusk"><figcaption>Photo: Riverside News</figcaption></figure>
<div class="share-bar"><a href="#">Share on Facebook</a></div></article></main>
<footer>© 2026 Riverside News</footer></body></html>`;

/** An RSS feed whose second item has a headline and a photo, but no text. */
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Westhaven Gazette</title><link>https://gazette.test/</link><description>Local news</description>
<item><title>Harbour town opens new lifeboat station</title><guid>gazette-lifeboat</guid>
<content:encoded><![CDATA[<p>The new lifeboat station at Westhaven opened on Friday after two years of building work.</p><p>Visitors will be able to tour the station on Sunday, the crew said.</p>]]></content:encoded></item>
<item><title>Gallery: the regatta in pictures</title><guid>gazette-regatta</guid>
<content:encoded><![CDATA[<figure><img src="regatta.jpg" alt="Boats at the start line"><figcaption>Photo: Gazette staff</figcaption></figure>]]></content:encoded></item>
</channel></rss>`;

let folder: string;
let headlinePath: string;
let storyPath: string;
let feedPath: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'briefing-no-text-'));
  headlinePath = join(folder, 'flood-barrier.html');
  storyPath = join(folder, 'lifeboat.txt');
  feedPath = join(folder, 'gazette.xml');
  await writeFile(headlinePath, HEADLINE_ONLY);
  await writeFile(storyPath, SHORT_STORY);
  await writeFile(feedPath, FEED);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('an article with no body text', () => {
  it.each([
    ['build', ['build', '--no-cache', '--no-feed']],
    ['build --dry-run', ['build', '--dry-run']],
    ['segments', ['segments']],
  ])('alone, fails %s with one line naming it, and writes nothing', async (_name, command) => {
    const output = join(folder, `out-${command.join('-')}`);
    const run = await runBriefing([command[0]!, headlinePath, ...command.slice(1), ...(command[0] === 'build' ? ['-o', output] : [])]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`briefing: ${headlinePath}: no article text found\n`);
    expect(run.stdout).toBe('');
    expect(existsSync(output) ? await readdir(output) : []).toEqual([]);
  });

  it('among several inputs, is skipped with a warning naming it, and the rest are built', async () => {
    const json = await runBriefing(['build', headlinePath, storyPath, '--dry-run', '--json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({
      title: 'Harbour town opens new lifeboat station',
      warnings: [expect.objectContaining({ code: 'INPUT_NO_ARTICLE_TEXT', message: `${headlinePath}: no article text found; skipped` })],
    });
    const plain = await runBriefing(['build', headlinePath, storyPath, '--dry-run']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain(`  - ${headlinePath}: no article text found; skipped\n`);
  });

  it('in a feed, is skipped with a warning, and the episode holds the other stories only', async () => {
    const output = join(folder, 'feed-build');
    const run = await runBriefing(['build', feedPath, '-o', output, '--no-cache', '--no-feed', '--json', '--no-intro']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as Manifest;
    expect(manifest.stories.map((story) => story.title)).toEqual(['Harbour town opens new lifeboat station']);
    expect(manifest.blocks.some((block) => block.text.includes('regatta'))).toBe(false);
    expect(manifest.warnings).toContainEqual({
      code: 'INPUT_NO_ARTICLE_TEXT',
      source: `${feedPath}#gazette-regatta`,
      message: `${feedPath}#gazette-regatta: no article text found; skipped`,
      stage: 'segment',
    });
  });
});
