import { resolve } from 'node:path';
import type { ShowSettings } from '../publish/show-settings.js';

/** The flags of `build` that say something about the show, already checked. */
export interface ShowFlags {
  show?: string;
  /** A cover file, or `false` from `--no-cover`. */
  cover?: string | false;
  baseUrl?: string;
}

/**
 * The show a build publishes to: the config's, with the command line's name,
 * cover and public address laid over it, so the feed, the show page and the
 * MP3 tags all say the same. A new base address moves the feed and the site
 * with it unless the config set them apart.
 */
export function showForBuild(show: ShowSettings, flags: ShowFlags): ShowSettings {
  const result: ShowSettings = { ...show };
  if (flags.show !== undefined) result.title = flags.show;
  if (flags.cover === false) delete result.coverImage;
  else if (flags.cover !== undefined) result.coverImage = resolve(flags.cover);
  if (flags.baseUrl !== undefined) {
    const base = flags.baseUrl.replace(/\/+$/, '');
    Object.assign(result, { baseUrl: base, feedUrl: `${base}/feed.xml`, siteUrl: `${base}/` });
  }
  return result;
}
