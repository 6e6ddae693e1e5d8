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
 * An episode's `guid`: UUIDv5 of its folder name in the show's own
 * namespace (its `podcast:guid`), so rebuilding the same folder for the same
 * feed gives the same guid.
 */
export function episodeGuid(feedUrl: string, folderName: string): string {
  return uuidV5(folderName, podcastGuid(feedUrl));
}
