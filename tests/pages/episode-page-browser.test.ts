import { mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeShowPage } from '../../src/pages/index.js';
import { templatePath } from '../../src/publish/templates-folder.js';
import type { Manifest } from '../../src/publish/manifest.js';
import { episodeManifest, hasChromium, seekPaused, sentenceBlock, serveEpisodeInChromium, SKIP_REASON, type ServedEpisode } from './episode-page-fixture.js';

/** Where the screenshots are kept for a person to look at. */
export const SCREENSHOT_DIRECTORY = join(tmpdir(), 'briefing-page-screenshots');

/** Six one-second sentences over a six-second tone: two chapters, a heading, a quote. */
function toneManifest(): Manifest {
  return episodeManifest({
    title: 'A tone for testing',
    seconds: 6,
    stories: [{ title: 'A tone for testing', source: 'tone.md', startMs: 0 }],
    blocks: [
      sentenceBlock('s0-b0', 0, 'title', ['A tone for testing'], 0),
      sentenceBlock('s0-b1', 0, 'paragraph', ['The first sentence is heard first.', 'The second follows.'], 1),
      sentenceBlock('s0-b2', 0, 'heading', ['Part two'], 3),
      sentenceBlock('s0-b3', 0, 'quote', ['“Fourth, in quotes.”'], 4, { speaker: 'Ada Lovelace', quotes: [{ text: 'Fourth, in quotes.', speech: 'Fourth, in quotes.', speaker: 'Ada Lovelace' }] }),
      sentenceBlock('s0-b4', 0, 'paragraph', ['And the last one.'], 5),
    ],
    chapters: [
      { title: 'A tone for testing', startMs: 0, endMs: 3000, blockId: 's0-b0' },
      { title: 'Part two', startMs: 3000, endMs: 6000, blockId: 's0-b2' },
    ],
  });
}

let episode: ServedEpisode | undefined;
let page: Page;
let pageUrl: string;
const requests: string[] = [];
const problems: string[] = [];

const currentTime = () => page.evaluate(() => document.querySelector('audio')!.currentTime);
const highlighted = () => page.evaluate(() => Array.from(document.querySelectorAll('.sentence.current')).map((span) => Number(span.getAttribute('data-start'))));

/** Pauses, seeks to `seconds` and waits for the `timeupdate` the seek causes. */
function seekAndWait(seconds: number): Promise<void> {
  return seekPaused(page, seconds, 'timeupdate');
}

beforeAll(async () => {
  if (!hasChromium) return;
  episode = await serveEpisodeInChromium(toneManifest(), 'Test Show', { viewport: { width: 900, height: 1100 } });
  ({ page, pageUrl } = episode);
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(pageUrl);
  await page.waitForFunction(() => document.querySelector('audio')!.readyState >= 1);
});

afterAll(async () => {
  await episode?.close();
});

describe('the episode page in Chromium', () => {
  it('loads the MP3 from its folder, with no errors and no outside request', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    expect(await page.evaluate(() => document.querySelector('audio')!.duration)).toBeCloseTo(6, 0);
    expect(problems).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url.startsWith(pageUrl)).toBe(true);
  });

  it('plays: the time advances and the highlight follows', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    await page.evaluate(() => document.querySelector('audio')!.play());
    await page.waitForFunction(() => document.querySelector('audio')!.currentTime > 0.3);
    const first = await currentTime();
    await page.waitForFunction((start) => document.querySelector('audio')!.currentTime > start + 0.5, first);
    expect(await currentTime()).toBeGreaterThan(first);
    await page.waitForFunction(() => document.querySelector('.sentence.current') !== null);
  });

  it('seeks to a chapter when its button is clicked', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    await page.click('button.chapter:has-text("Part two")');
    const time = await currentTime();
    expect(time).toBeGreaterThanOrEqual(2.99);
    expect(time).toBeLessThan(3.8);
    expect(await page.getAttribute('button.chapter:has-text("Part two")', 'aria-current')).toBe('true');
    await page.evaluate(() => document.querySelector('audio')!.pause());
  });

  it('highlights the sentence being heard as the time changes', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    await seekAndWait(1.5);
    expect(await highlighted()).toEqual([1000]);
    await seekAndWait(4.2);
    expect(await highlighted()).toEqual([4000]);
    expect(await page.textContent('#caption')).not.toBe('');
    await seekAndWait(0.2);
    expect(await highlighted()).toEqual([0]);
  });

  it('seeks to a sentence when it is clicked, and by keyboard through the chapter buttons', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    await page.click('.sentence[data-start="5000"]');
    expect(await currentTime()).toBeGreaterThanOrEqual(4.99);
    await page.evaluate(() => document.querySelector('audio')!.pause());
    await page.focus('button.chapter >> nth=0');
    await page.keyboard.press('Enter');
    expect(await currentTime()).toBeLessThan(0.8);
    await page.evaluate(() => document.querySelector('audio')!.pause());
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
  });

  it('announces sentences only after the toggle is pressed', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    await seekAndWait(2.5);
    expect(await page.textContent('#live')).toBe('');
    await page.click('#announce-toggle');
    expect(await page.getAttribute('#announce-toggle', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('#live', 'aria-live')).toBe('polite');
    await seekAndWait(5.5);
    expect(await page.textContent('#live')).toBe('And the last one.');
    await page.click('#announce-toggle');
    expect(await page.getAttribute('#live', 'aria-live')).toBe('off');
  });

  it('saves screenshots in light and dark mode', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    await mkdir(SCREENSHOT_DIRECTORY, { recursive: true });
    await seekAndWait(1.5);
    const light = join(SCREENSHOT_DIRECTORY, 'episode-page-light.png');
    await page.screenshot({ path: light, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await seekAndWait(4.2);
    const dark = join(SCREENSHOT_DIRECTORY, 'episode-page-dark.png');
    await page.screenshot({ path: dark, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    expect((await stat(light)).size).toBeGreaterThan(10_000);
    expect((await stat(dark)).size).toBeGreaterThan(10_000);
    console.log(`episode page screenshots: ${light} ${dark}`);
  });

  it('shows the show page with the episode and the cover', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    await writeShowPage(episode!.root, {
      title: 'Test Show',
      description: 'Spoken briefings for testing.',
      author: 'Tests',
      language: 'en',
      category: 'News',
      explicit: false,
      coverImage: templatePath('cover.png'),
      baseUrl: episode!.server.url,
      locked: false,
    });
    requests.length = 0;
    problems.length = 0;
    await page.goto(episode!.server.url);
    await page.waitForFunction(() => (document.querySelector('img.cover') as HTMLImageElement | null)?.complete === true);
    expect(await page.evaluate(() => (document.querySelector('img.cover') as HTMLImageElement).naturalWidth)).toBe(1400);
    expect(await page.textContent('main article h3')).toBe('A tone for testing');
    const path = join(SCREENSHOT_DIRECTORY, 'show-page.png');
    await page.screenshot({ path, fullPage: true });
    expect(problems).toEqual([]);
    for (const url of requests) expect(url.startsWith(episode!.server.url)).toBe(true);
    await page.click('main article h3 a');
    await page.waitForURL(pageUrl + 'index.html');
    console.log(`show page screenshot: ${path}`);
  });
});
