import type { ShowSettings } from '../config/show-settings.js';
import { updatePodcastFeed } from '../feed/update-podcast-feed.js';
import { writeEpisodePage, writeShowPage } from '../pages/write-pages.js';
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
  const page = await writeEpisodePage(episode.directory, episode.manifest, show);
  if (options.feed === false) return { page };
  const feed = await updatePodcastFeed(outputDirectory, episode, show, {
    ...(options.keep !== undefined ? { keep: options.keep } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const showPage = await writeShowPage(outputDirectory, show);
  return { page, feed: feed.feedPath, episodes: feed.episodes, showPage };
}
