import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShowSettings } from '../publish/show-settings.js';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { readFileStart } from '../platform/file-start.js';
import { installedBriefing } from '../platform/installed-briefing.js';
import { publishCoverImage } from '../feed/cover-image.js';
import { withFileLock } from '../platform/file-lock.js';
import { FEED_FILE_NAME } from '../feed/update-podcast-feed.js';
import type { Manifest } from '../publish/manifest.js';
import { EPISODE_FILES } from '../publish/episode-files.js';
import type { EpisodePageOptions } from './render-episode-page.js';
import { renderShowPage, type ShowPageEpisode } from './render-show-page.js';

/** Name of a page in its folder. */
export const PAGE_FILE_NAME = 'index.html';

function looksLikeManifest(value: unknown): value is Manifest {
  if (!value || typeof value !== 'object') return false;
  const manifest = value as Partial<Manifest>;
  return (
    typeof manifest.title === 'string' &&
    typeof manifest.date === 'string' &&
    typeof manifest.createdAt === 'string' &&
    typeof manifest.durationMs === 'number' &&
    Array.isArray(manifest.blocks) &&
    Array.isArray(manifest.stories) &&
    Array.isArray(manifest.chapters)
  );
}

/**
 * The episodes of an output folder: every visible sub-folder with a readable
 * `manifest.json` (unfinished builds, hidden folders and anything else are
 * passed over), in no particular order.
 */
export async function listEpisodes(outputDirectory: string): Promise<ShowPageEpisode[]> {
  let entries;
  try {
    entries = await readdir(outputDirectory, { withFileTypes: true });
  } catch {
    return [];
  }
  const episodes: ShowPageEpisode[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    try {
      const manifest: unknown = JSON.parse(await readFile(join(outputDirectory, entry.name, EPISODE_FILES.manifest), 'utf8'));
      if (looksLikeManifest(manifest)) episodes.push({ manifest, folder: entry.name });
    } catch {
      // not an episode folder
    }
  }
  return episodes;
}

/**
 * Writes the episode page `index.html` into the episode folder `directory`
 * (atomically), its transcript, chapters and captions from the manifest's
 * transcript model. Returns the page's path.
 */
export async function writeEpisodePage(
  directory: string,
  manifest: Manifest,
  show: Pick<ShowSettings, 'title'>,
  links: Pick<EpisodePageOptions, 'feed' | 'showPage'> = {},
): Promise<string> {
  const path = join(directory, PAGE_FILE_NAME);
  // A page made from the same manifest and settings by this briefing is left as it is: a rebuild of an unchanged episode renders nothing.
  const key = createHash('sha256')
    .update(JSON.stringify([await installedBriefing(), manifest, show.title, links.feed ?? null, links.showPage ?? null]))
    .digest('hex')
    .slice(0, 32);
  const mark = `<!-- briefing page ${key} -->`;
  const start = await readFileStart(path, 256);
  if (start && Buffer.from(start).toString('utf8').includes(mark)) return path;
  const { renderEpisodePage } = await import('./render-episode-page.js');
  const page = renderEpisodePage(manifest, { showTitle: show.title, ...links });
  const doctype = page.indexOf('\n') + 1;
  await writeFileAtomic(path, `${page.slice(0, doctype)}${mark}\n${page.slice(doctype)}`);
  return path;
}

/**
 * Writes the show page `index.html` into `outputDirectory` (atomically),
 * listing every episode folder there, and copies the show's cover beside it.
 * Listing and writing happen under a lock, so of two builds finishing at
 * once the later page lists both episodes. Returns the page's path.
 */
export async function writeShowPage(outputDirectory: string, show: ShowSettings, options: { keep?: number } = {}): Promise<string> {
  const path = join(outputDirectory, PAGE_FILE_NAME);
  await mkdir(outputDirectory, { recursive: true });
  await withFileLock(join(outputDirectory, `.${PAGE_FILE_NAME}.lock`), async () => {
    const coverFile = show.coverImage ? await publishCoverImage(show.coverImage, outputDirectory) : undefined;
    const episodes = await listEpisodes(outputDirectory);
    await writeFileAtomic(path, renderShowPage(episodes, show, { ...(coverFile ? { coverFile } : {}), feedFile: FEED_FILE_NAME, ...(options.keep !== undefined ? { keep: options.keep } : {}) }));
  });
  return path;
}
