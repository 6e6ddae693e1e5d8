import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ShowSettings } from '../publish/show-settings.js';
import { checkPodcastFeed, FEED_FILE_NAME, updatePodcastFeed } from '../feed/update-podcast-feed.js';
import { PAGE_FILE_NAME, writeEpisodePage, writeShowPage } from '../pages/write-pages.js';
import type { BuildResult } from './build-briefing.js';

/** What publishing an episode wrote. */
export interface PublishResult {
  /** The episode's page. */
  page: string;
  /** The podcast feed, when written. */
  feed?: string;
  /** Episodes in the feed after the update. */
  episodes?: number;
  /** The show page, when written. */
  showPage?: string;
}

/**
 * Checks before a build that its episode can be published into
 * `outputDirectory`: the feed (unless `feed` is false) must read as a feed,
 * so that a broken one is found before synthesis, not after. The state file
 * is checked by loading it (`BriefingMemory.load`).
 *
 * @throws BriefingError `OUTPUT_FAILED` naming the feed file and its problem
 */
export async function checkPublishable(outputDirectory: string, options: { feed?: boolean } = {}): Promise<void> {
  if (options.feed !== false) await checkPodcastFeed(outputDirectory);
}

/**
 * Publishes a built episode: its page in the episode folder, then (unless
 * `feed` is false) the podcast feed and the show page in the output folder.
 * The page comes first: the feed item links to it.
 */
export async function publishEpisode(
  outputDirectory: string,
  episode: BuildResult,
  show: ShowSettings,
  options: { feed?: boolean; keep?: number; now?: () => Date } = {},
): Promise<PublishResult> {
  if (options.feed === false) {
    // Link only to a feed and a show page an earlier build left there: the links must lead somewhere.
    const links = {
      ...(existsSync(join(outputDirectory, FEED_FILE_NAME)) ? {} : { feed: false as const }),
      ...(existsSync(join(outputDirectory, PAGE_FILE_NAME)) ? {} : { showPage: false as const }),
    };
    return { page: await writeEpisodePage(episode.directory, episode.manifest, show, links) };
  }
  const page = await writeEpisodePage(episode.directory, episode.manifest, show);
  const feed = await updatePodcastFeed(outputDirectory, episode, show, {
    ...(options.keep !== undefined ? { keep: options.keep } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const showPage = await writeShowPage(outputDirectory, show, options.keep !== undefined ? { keep: options.keep } : {});
  return { page, feed: feed.feedPath, episodes: feed.episodes, showPage };
}
