import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest, ManifestBlock } from '../../src/publish/manifest.js';
import { episodeManifest, hasChromium, seekPaused, sentenceBlock, serveEpisodeInChromium, SKIP_REASON, type ServedEpisode } from './episode-page-fixture.js';

const PHONE = { width: 390, height: 844 };
const SECONDS = 48;

/**
 * Two stories of one-second sentences over a tone, each from a source with a
 * long unbroken address: a page much taller than a phone's screen.
 */
function twoStoryManifest(): Manifest {
  const blocks: ManifestBlock[] = [];
  let second = 0;
  const block = (story: number, kind: ManifestBlock['kind'], texts: string[]) => {
    blocks.push(sentenceBlock(`s${story}-b${blocks.length}`, story, kind, texts, second));
    second += texts.length;
  };
  for (const story of [0, 1]) {
    block(story, 'title', [`Story ${story + 1} about the harbour`]);
    for (let paragraph = 0; paragraph < 5; paragraph += 1) {
      block(story, 'paragraph', [1, 2, 3, 4].map((sentence) => `Story ${story + 1}, paragraph ${paragraph + 1}, sentence ${sentence} tells of boats and tides.`));
    }
    block(story, 'paragraph', ['That is all for this story.', 'Now the next one.', 'Stay with us.']);
  }
  const longUrl = (story: number) => `https://news.example.org/${'harbour-authority-announces-extended-ferry-timetable-'.repeat(3)}${story}?utm_source=briefing&utm_medium=podcast`;
  return episodeManifest({
    title: 'Two harbour stories',
    seconds: SECONDS,
    stories: [0, 1].map((story) => ({ title: `Story ${story + 1} about the harbour`, source: longUrl(story), url: longUrl(story), startMs: story * 24_000 })),
    blocks,
    chapters: [
      { title: 'Story 1 about the harbour', startMs: 0, endMs: 24_000, blockId: 's0-b0' },
      { title: 'Story 2 about the harbour', startMs: 24_000, endMs: SECONDS * 1000, blockId: blocks.find((entry) => entry.story === 1)!.id },
    ],
  });
}

let episode: ServedEpisode | undefined;
let page: Page;
let pageUrl: string;

const highlighted = () => page.evaluate(() => Array.from(document.querySelectorAll('.sentence.current, .sentence[aria-current]')).map((span) => Number(span.getAttribute('data-start'))));

/** True when the element is entirely inside the window and not under the player. */
function visibleBelowPlayer(selector: string): Promise<boolean> {
  return page.evaluate((target) => {
    const element = document.querySelector(target);
    const player = document.querySelector('.player');
    if (!element || !player) return false;
    const box = element.getBoundingClientRect();
    return box.top >= player.getBoundingClientRect().bottom - 1 && box.bottom <= window.innerHeight + 1;
  }, selector);
}

/** Presses Tab until a transcript sentence starting after `afterMs` has the focus; its start, or -1 when none is reached. */
async function tabToSentence(afterMs: number): Promise<number> {
  for (let press = 0; press < 80; press += 1) {
    await page.keyboard.press('Tab');
    const start = await page.evaluate(() => (document.activeElement?.matches('main .sentence') ? Number(document.activeElement.getAttribute('data-start')) : -1));
    if (start > afterMs) return start;
  }
  return -1;
}

async function openPage(): Promise<void> {
  await page.goto(pageUrl);
  await page.waitForFunction(() => document.querySelector('audio')!.readyState >= 1);
}

/** Pauses, moves to the top of the page and to `seconds` in the audio, without any timeupdate yet handled as playing. */
async function pauseAt(seconds: number): Promise<void> {
  await seekPaused(page, seconds, 'seeked');
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
}

beforeAll(async () => {
  if (!hasChromium) return;
  episode = await serveEpisodeInChromium(twoStoryManifest(), 'Harbour Show', { viewport: PHONE, reducedMotion: 'reduce' });
  ({ page, pageUrl } = episode);
  await openPage();
});

afterAll(async () => {
  await episode?.close();
});

describe('reading the episode page on a 390 px phone in Chromium', () => {
  it('highlights no sentence before playing starts', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    expect(await highlighted()).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('button.chapter[aria-current]').length)).toBe(0);
  });

  it('fits the width of the screen, long source addresses included', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    expect(await page.evaluate(() => document.querySelectorAll('.source a').length)).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('keeps the player and the caption line in view when the transcript is scrolled to its end', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(PHONE.height);
    const boxes = await page.evaluate(() => ['audio', '#caption'].map((selector) => document.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect));
    for (const box of boxes) {
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(PHONE.height);
    }
  });

  it('reaches a sentence with Tab, names it, shows the focus and seeks with Enter', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    await pauseAt(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const start = await tabToSentence(-1);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    const name = await page.evaluate(() => document.activeElement!.textContent);
    expect(await page.getByRole('button', { name: name!, exact: true }).count()).toBeGreaterThanOrEqual(1);
    const next = await tabToSentence(start);
    expect(next).toBeGreaterThan(start);
    await page.evaluate(() => {
      const audio = document.querySelector('audio')!;
      (window as unknown as { seeks: number[] }).seeks = [];
      audio.addEventListener('seeking', () => (window as unknown as { seeks: number[] }).seeks.push(audio.currentTime));
    });
    /** Presses `key` and resolves with where the audio was sent (the `seeking` event arrives as a task of its own). */
    const seekBy = async (key: string) => {
      await page.evaluate(() => ((window as unknown as { seeks: number[] }).seeks = []));
      await page.keyboard.press(key);
      await page.waitForFunction(() => (window as unknown as { seeks: number[] }).seeks.length > 0);
      return page.evaluate(() => (window as unknown as { seeks: number[] }).seeks[0]);
    };
    expect(await seekBy('Enter')).toBeCloseTo(next / 1000, 2);
    expect((await highlighted())[0]).toBeGreaterThanOrEqual(next);
    const after = await tabToSentence(next);
    expect(await seekBy(' ')).toBeCloseTo(after / 1000, 2);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.evaluate(() => document.querySelector('audio')!.pause());
  });

  it('follows the sentence being heard, and stops when the reader turns follow-along off, remembered on the next visit', async (context) => {
    context.skip(!hasChromium, SKIP_REASON);
    expect(await page.getAttribute('#follow-toggle', 'aria-pressed')).toBe('true');
    await pauseAt(30.5);
    await page.evaluate(() => document.querySelector('audio')!.play());
    await page.waitForFunction(() => Number(document.querySelector('.sentence.current')?.getAttribute('data-start')) >= 31_000);
    await page.waitForFunction(() => {
      const current = document.querySelector('.sentence.current');
      const player = document.querySelector('.player');
      if (!current || !player) return false;
      const box = current.getBoundingClientRect();
      return box.top >= player.getBoundingClientRect().bottom - 1 && box.bottom <= window.innerHeight + 1;
    });
    expect(await visibleBelowPlayer('.sentence.current')).toBe(true);

    await page.click('#follow-toggle');
    expect(await page.getAttribute('#follow-toggle', 'aria-pressed')).toBe('false');
    await pauseAt(36.5);
    await page.evaluate(() => document.querySelector('audio')!.play());
    await page.waitForFunction(() => Number(document.querySelector('.sentence.current')?.getAttribute('data-start')) >= 38_000);
    await page.evaluate(() => document.querySelector('audio')!.pause());
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await visibleBelowPlayer('.sentence.current')).toBe(false);

    await openPage();
    expect(await page.getAttribute('#follow-toggle', 'aria-pressed')).toBe('false');
    await page.click('#follow-toggle');
    await openPage();
    expect(await page.getAttribute('#follow-toggle', 'aria-pressed')).toBe('true');
  });
});
