import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { writeEpisodePage } from '../../src/pages/index.js';
import { buildCaptionCues } from '../../src/publish/captions.js';
import type { Manifest, ManifestBlock } from '../../src/publish/manifest.js';
import { renderWebVtt } from '../../src/publish/render-webvtt.js';
import { serveFolder, type ServedFolder } from '../../src/serve/index.js';
import { makeMp3 } from '../feed/episode-fixture.js';

const CHROMIUM = '/usr/bin/chromium';

/** Whether the page tests can run here. */
export const hasChromium = existsSync(CHROMIUM);

/** Why the page tests are skipped where {@link hasChromium} is false. */
export const SKIP_REASON = `no Chromium at ${CHROMIUM} (install it with: apt-get install chromium)`;

/** A block of one-second sentences (each heard for 900 ms) from `startSecond` on. */
export function sentenceBlock(id: string, story: number, kind: ManifestBlock['kind'], texts: string[], startSecond: number, extra: Partial<ManifestBlock> = {}): ManifestBlock {
  const sentences = texts.map((text, index) => ({ text, speech: text, startMs: (startSecond + index) * 1000, endMs: (startSecond + index) * 1000 + 900 }));
  return { id, kind, story, text: texts.join(' '), speech: texts.join(' '), ssml: '', startMs: startSecond * 1000, endMs: (startSecond + texts.length) * 1000, quotes: [], sentences, ...extra };
}

/** The parts of a test episode's manifest that differ from one page test to another. */
export type EpisodeParts = Pick<Manifest, 'title' | 'stories' | 'blocks' | 'chapters'> & { seconds: number };

/** A manifest of a Flite episode of 1 March 2025 `seconds` long, each block one speech request. */
export function episodeManifest({ title, seconds, stories, blocks, chapters }: EpisodeParts): Manifest {
  return {
    version: 1,
    title,
    createdAt: '2025-03-01T07:00:00.000Z',
    date: '2025-03-01',
    language: 'en',
    audio: 'episode.mp3',
    durationMs: seconds * 1000,
    engine: 'flite',
    voice: 'slt',
    stories,
    blocks,
    chapters,
    dropped: [],
    synthesis: { requests: blocks.length, cacheHits: 0, cacheMisses: blocks.length, retries: 0, billedCharacters: 0 },
    files: [
      { name: 'episode.mp3', bytes: 0, durationMs: seconds * 1000 },
      { name: 'episode.vtt', bytes: 0 },
    ],
    warnings: [],
  };
}

/** An episode folder served over HTTP, and a Chromium page to open it in. */
export interface ServedEpisode {
  /** The output folder holding the episode folder. */
  root: string;
  server: ServedFolder;
  browser: Browser;
  page: Page;
  /** Address of the episode page. */
  pageUrl: string;
  /** Closes the browser and the server and removes the folder. */
  close(): Promise<void>;
}

/**
 * Writes an episode folder for `manifest` (a tone as long as the manifest
 * says, its captions, the manifest and the episode page of show `showTitle`),
 * serves its output folder on 127.0.0.1 and opens a headless Chromium page
 * with `browserContext`; the page is not navigated yet.
 */
export async function serveEpisodeInChromium(manifest: Manifest, showTitle: string, browserContext: BrowserContextOptions): Promise<ServedEpisode> {
  const root = await mkdtemp(join(tmpdir(), 'briefing-page-'));
  const name = `${manifest.date}-${manifest.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const folder = join(root, name);
  await mkdir(folder);
  await makeMp3(join(folder, 'episode.mp3'), manifest.durationMs / 1000);
  await writeFile(join(folder, 'episode.vtt'), renderWebVtt(buildCaptionCues(manifest)));
  await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifest));
  await writeEpisodePage(folder, manifest, { title: showTitle });
  const server = await serveFolder(root);
  let browser: Browser | undefined;
  let page: Page;
  try {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
    });
    page = await (await browser.newContext(browserContext)).newPage();
  } catch (error) {
    await browser?.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    root,
    server,
    browser,
    page,
    pageUrl: `${server.url}${name}/`,
    close: async () => {
      await browser!.close();
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * Pauses the page's audio and moves it to `seconds`, resolving on `settledBy`:
 * `timeupdate` once the page has handled the new time, `seeked` as soon as the
 * audio is there, before the page reacts.
 */
export async function seekPaused(page: Page, seconds: number, settledBy: 'timeupdate' | 'seeked'): Promise<void> {
  await page.evaluate(
    ({ target, event }) =>
      new Promise<void>((resolve) => {
        const audio = document.querySelector('audio')!;
        audio.pause();
        audio.addEventListener(event, () => resolve(), { once: true });
        audio.currentTime = target;
      }),
    { target: seconds, event: settledBy },
  );
}
