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
import type { ShowPageEpisode } from './render-show-page.js';

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
  return (await readEpisodes(outputDirectory)).episodes;
}

/** The episodes of an output folder (see {@link listEpisodes}), with a digest of their folders and manifests' bytes. */
async function readEpisodes(outputDirectory: string): Promise<{ episodes: ShowPageEpisode[]; digest: string }> {
  const hash = createHash('sha256');
  let entries;
  try {
    entries = await readdir(outputDirectory, { withFileTypes: true });
  } catch {
    return { episodes: [], digest: hash.digest('hex') };
  }
  const episodes: ShowPageEpisode[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    try {
      const text = await readFile(join(outputDirectory, entry.name, EPISODE_FILES.manifest), 'utf8');
      const manifest: unknown = JSON.parse(text);
      if (!looksLikeManifest(manifest)) continue;
      episodes.push({ manifest, folder: entry.name });
      hash.update(JSON.stringify([entry.name, text]));
    } catch {
      // not an episode folder
    }
  }
  return { episodes, digest: hash.digest('hex') };
}

/** The comment a page is marked with after its doctype: what it was made from, so an unchanged page is not made again. */
function pageMark(madeFrom: unknown): string {
  return `<!-- briefing page ${createHash('sha256').update(JSON.stringify(madeFrom)).digest('hex').slice(0, 32)} -->`;
}

/** Whether the page at `path` carries `mark`. */
async function isMarked(path: string, mark: string): Promise<boolean> {
  const start = await readFileStart(path, 256);
  return start !== undefined && Buffer.from(start).toString('utf8').includes(mark);
}

/** `page` with `mark` on the line after its doctype. */
function withMark(page: string, mark: string): string {
  const doctype = page.indexOf('\n') + 1;
  return `${page.slice(0, doctype)}${mark}\n${page.slice(doctype)}`;
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
  const mark = pageMark([await installedBriefing(), manifest, show.title, links.feed ?? null, links.showPage ?? null]);
  if (await isMarked(path, mark)) return path;
  const { renderEpisodePage } = await import('./render-episode-page.js');
  await writeFileAtomic(path, withMark(renderEpisodePage(manifest, { showTitle: show.title, ...links }), mark));
  return path;
}

/**
 * Writes the show page `index.html` into `outputDirectory` (atomically),
 * listing every episode folder there, and copies the show's cover beside it.
 * A page made by this briefing from the same episodes and settings is left
 * as it is.
 * Listing and writing happen under a lock, so of two builds finishing at
 * once the later page lists both episodes. Returns the page's path.
 */
export async function writeShowPage(outputDirectory: string, show: ShowSettings, options: { keep?: number } = {}): Promise<string> {
  const path = join(outputDirectory, PAGE_FILE_NAME);
  await mkdir(outputDirectory, { recursive: true });
  await withFileLock(join(outputDirectory, `.${PAGE_FILE_NAME}.lock`), async () => {
    const coverFile = show.coverImage ? await publishCoverImage(show.coverImage, outputDirectory) : undefined;
    const { episodes, digest } = await readEpisodes(outputDirectory);
    const settings = { ...(coverFile ? { coverFile } : {}), feedFile: FEED_FILE_NAME, ...(options.keep !== undefined ? { keep: options.keep } : {}) };
    // Made from the same episodes and settings by this briefing, the page is left as it is.
    const mark = pageMark([await installedBriefing(), digest, show, settings]);
    if (await isMarked(path, mark)) return;
    const { renderShowPage } = await import('./render-show-page.js');
    await writeFileAtomic(path, withMark(renderShowPage(episodes, show, settings), mark));
  });
  return path;
}
