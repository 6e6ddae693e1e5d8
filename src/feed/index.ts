/** The podcast feed of the show: `feed.xml` beside the episode folders. */
export { updatePodcastFeed, checkPodcastFeed, FEED_FILE_NAME, type UpdateFeedOptions, type UpdateFeedResult } from './update-podcast-feed.js';
export type { FeedEpisode } from './episode-item.js';
export { podcastGuid, episodeGuid, feedUrlForGuid, PODCAST_GUID_NAMESPACE } from './feed-identity.js';
export { uuidV5 } from './uuid-v5.js';
export { rfc2822Date } from './rfc2822-date.js';
export { showUrls, publishedUrl, type ShowUrls } from './show-urls.js';
export { publishCoverImage, coverFileNameOf, type CoverFileName } from './cover-image.js';
export { episodeDescription } from './episode-description.js';
