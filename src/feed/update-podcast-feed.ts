import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ShowSettings } from '../publish/show-settings.js';
import { BriefingError } from '../errors.js';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { channelElement } from './channel-element.js';
import { publishCoverImage } from './cover-image.js';
import { episodeItem, type FeedEpisode } from './episode-item.js';
import { episodeGuid } from './feed-identity.js';
import { itemFolder, itemGuid, itemTime, newestItems } from './feed-items.js';
import { readFeed, renderFeedXml } from './feed-xml.js';
import { withFileLock, type FileLockOptions } from '../platform/file-lock.js';
import { publishedUrl, showUrls } from './show-urls.js';

/** Name of the feed in the output folder. */
export const FEED_FILE_NAME = 'feed.xml';

/**
 * Checks that the feed in `outputDirectory` can be updated, before any work
 * is done for a new episode: none yet, or one that reads as an RSS feed.
 * Returns how many episodes it holds.
 *
 * @throws BriefingError `OUTPUT_FAILED` ("<path>: not well-formed XML …",
 *   "<path>: not an RSS feed …", "<path>: cannot be read")
 */
export async function checkPodcastFeed(outputDirectory: string): Promise<number> {
  return (await readFeed(join(outputDirectory, FEED_FILE_NAME))).items.length;
}

/** Options of {@link updatePodcastFeed}. */
export interface UpdateFeedOptions {
  /** How many episodes the feed keeps, newest first. Default: all. */
  keep?: number;
  /** The clock, for `lastBuildDate` and an episode without a creation time. */
  now?: () => Date;
  /** Waiting for, and breaking, another build's lock on the feed. */
  lock?: FileLockOptions;
}

/** What {@link updatePodcastFeed} wrote. */
export interface UpdateFeedResult {
  /** Path of `feed.xml`. */
  feedPath: string;
  /** Number of episodes now in the feed. */
  episodes: number;
  /** False when the feed already said exactly this and was left as it was (its `lastBuildDate` too). */
  written: boolean;
}

function publicationDate(episode: FeedEpisode, now: () => Date): Date {
  const created = Date.parse(episode.manifest.createdAt);
  return Number.isNaN(created) ? now() : new Date(created);
}

/**
 * Adds an episode to the show's podcast feed `<outputDirectory>/feed.xml`
 * (RSS 2.0 with the iTunes and Podcasting 2.0 namespaces), or replaces its
 * item when the same episode was published before (the same folder and, when
 * the manifest has one, the same `contentHash`): the guid and the publication
 * date of the first publication are kept. An item of the same folder with
 * other content is replaced by a new item with a guid of its own. Every other item of
 * the existing feed is kept, newest first, up to `keep`. The show's cover is
 * copied beside the feed as `cover.png` or `cover.jpg`.
 *
 * The feed itself is the record of what is published: it is read back,
 * changed and replaced atomically (temporary file and rename) under a lock
 * file, so concurrent builds never lose each other's episodes. A feed that
 * would change in nothing but its `lastBuildDate` (an unchanged rebuild) is
 * left as it is, so that date says when the feed's content last changed.
 * Errors: `CONFIG_INVALID` (bad `keep`, unreadable cover), `OUTPUT_FAILED`
 * (missing MP3, an existing feed.xml that is not a feed, a lock held too long).
 */
export async function updatePodcastFeed(
  outputDirectory: string,
  episode: FeedEpisode,
  show: ShowSettings,
  options: UpdateFeedOptions = {},
): Promise<UpdateFeedResult> {
  const keep = options.keep ?? Number.POSITIVE_INFINITY;
  if (!(keep === Number.POSITIVE_INFINITY || (Number.isInteger(keep) && keep >= 1))) {
    throw new BriefingError('CONFIG_INVALID', `keep: expected a whole number of episodes, 1 or more (got ${String(options.keep)})`);
  }
  const now = options.now ?? (() => new Date());
  const feedPath = join(outputDirectory, FEED_FILE_NAME);
  await mkdir(outputDirectory, { recursive: true });

  return withFileLock(
    join(outputDirectory, `.${FEED_FILE_NAME}.lock`),
    async () => {
      const coverFile = show.coverImage ? await publishCoverImage(show.coverImage, outputDirectory) : undefined;
      const feed = await readFeed(feedPath);
      const existing = feed.items;
      const urls = showUrls(show);
      const folder = basename(episode.directory);
      const contentHash = episode.manifest.contentHash;
      const derivedGuid = episodeGuid(urls.feedUrl, folder, contentHash);
      // With a content hash, only the same content is the same episode; an item of the folder under another guid was other content.
      const previous = existing.find((item) => itemGuid(item) === derivedGuid || (!contentHash && itemFolder(item) === folder));
      const guid = (previous && itemGuid(previous)) ?? derivedGuid;
      const pubDate = previous && Number.isFinite(itemTime(previous)) ? new Date(itemTime(previous)) : publicationDate(episode, now);
      const showCoverUrl = coverFile ? publishedUrl(urls.baseUrl, coverFile) : undefined;
      const item = await episodeItem(episode, { baseUrl: urls.baseUrl, guid, pubDate, explicit: show.explicit, ...(showCoverUrl ? { showCoverUrl } : {}) });
      // The folder now holds this episode: an older item pointing into it would point at this one's files.
      const others = existing.filter((other) => other !== previous && itemGuid(other) !== guid && itemFolder(other) !== folder);
      const items = newestItems([item, ...others], keep);
      const newest = items.map(itemTime).find((time) => Number.isFinite(time));
      const render = (lastBuildDate: Date) =>
        renderFeedXml(
          channelElement(show, {
            ...(coverFile ? { coverFile } : {}),
            lastBuildDate,
            ...(newest !== undefined ? { pubDate: new Date(newest) } : {}),
          }),
          items,
        );
      if (feed.lastBuildDate && render(feed.lastBuildDate) === feed.text) return { feedPath, episodes: items.length, written: false };
      await writeFileAtomic(feedPath, render(now()));
      return { feedPath, episodes: items.length, written: true };
    },
    options.lock,
  );
}
