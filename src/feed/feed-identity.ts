import { uuidV5 } from './uuid-v5.js';

/** The Podcasting 2.0 namespace for `podcast:guid` values. */
export const PODCAST_GUID_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

/** A feed address as `podcast:guid` hashes it: without its scheme and without trailing slashes. */
export function feedUrlForGuid(feedUrl: string): string {
  return feedUrl.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
}

/** The show's `podcast:guid`: UUIDv5 of the feed address (scheme and trailing slash removed) in the podcast namespace. */
export function podcastGuid(feedUrl: string): string {
  return uuidV5(feedUrlForGuid(feedUrl), PODCAST_GUID_NAMESPACE);
}

/**
 * An episode's `guid`: UUIDv5 of its folder name, and of its content hash
 * when it has one, in the show's own namespace (its `podcast:guid`). A
 * rebuild of the same episode into the same folder for the same feed gives
 * the same guid; other content in a folder once used by another episode
 * gets a guid of its own, so podcast apps never take it for the old one.
 */
export function episodeGuid(feedUrl: string, folderName: string, contentHash?: string): string {
  return uuidV5(contentHash ? `${folderName}#${contentHash}` : folderName, podcastGuid(feedUrl));
}
