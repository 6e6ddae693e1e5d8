import { resolve } from 'node:path';
import type { ShowSettings } from '../publish/show-settings.js';
import { asDiskFull } from '../disk-full.js';
import type { Article } from '../ingest/article.js';
import { BriefingMemory, memoryPath } from '../memory/index.js';
import { buildBriefing, type BuildResult } from './build-briefing.js';
import type { BuildOptions } from './build-options.js';
import { rememberBriefedStories, skipBriefedStories } from './briefed-stories.js';
import { checkPublishable, publishEpisode, type PublishResult } from './publish-episode.js';

/** Options of {@link buildAndPublish}: a build, the show it is published to and how. */
export interface PublishedBuildOptions extends BuildOptions {
  /** Folder of the episode folders, the feed, the show page and the state file. */
  outputDirectory: string;
  /** The show the episode is published to: its feed, its pages, its cover (see `showForBuild`). */
  showSettings: ShowSettings;
  /** Add the episode to the feed and the show page. Default true; false writes the episode folder and its page only. */
  feed?: boolean;
  /** Episodes kept in the feed and on the show page, newest first. Default: all. */
  keep?: number;
  /** Build feed stories an earlier episode already briefed. Default false: they are left out. */
  includeSeen?: boolean;
}

/** What {@link buildAndPublish} made. */
export interface PublishedBuild extends BuildResult {
  /** What publishing wrote. */
  published: PublishResult;
}

/** Combines the caller's own `skip` with the memory's. */
function skipEither(own: ((article: Article) => boolean) | undefined, briefed: (article: Article) => boolean): (article: Article) => boolean {
  return own ? (article) => own(article) || briefed(article) : briefed;
}

/**
 * Builds an episode and publishes it, as `briefing build` does: feed
 * stories briefed before are left out (unless `includeSeen`), the feed is
 * checked before anything is synthesized, then the episode is built, its
 * page, the feed and the show page written, and its feed stories
 * remembered in the output folder's state file. A full disk anywhere in
 * the output folder is a `DISK_FULL` error naming it.
 *
 * @throws BriefingError `NOTHING_NEW` when every story was briefed before
 */
export async function buildAndPublish(options: PublishedBuildOptions): Promise<PublishedBuild> {
  const { showSettings, feed = true, keep, includeSeen = false, ...build } = options;
  const outputDirectory = resolve(options.outputDirectory);
  const memory = await BriefingMemory.load(memoryPath(outputDirectory));
  const skip = includeSeen ? build.skip : skipEither(build.skip, skipBriefedStories(memory));
  await checkPublishable(outputDirectory, { feed });
  try {
    const result = await buildBriefing({ ...build, outputDirectory, ...(skip ? { skip } : {}) });
    options.onProgress?.({ stage: 'publish', message: feed ? 'writing the episode page, the feed and the show page' : 'writing the episode page' });
    const published = await publishEpisode(outputDirectory, result, showSettings, {
      feed,
      ...(keep !== undefined ? { keep } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    rememberBriefedStories(memory, result, options.now?.() ?? new Date());
    await memory.save();
    return { ...result, published };
  } catch (error) {
    throw asDiskFull(error, outputDirectory, 'output folder');
  }
}
