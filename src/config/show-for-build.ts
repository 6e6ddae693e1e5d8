import { resolve } from 'node:path';
import type { ShowSettings } from '../publish/show-settings.js';

/** What one build says about the show (`briefing build --show --cover --base-url`), already checked. */
export interface ShowOverrides {
  /** Name of the show. */
  show?: string;
  /** A cover file, or `false` for none. */
  cover?: string | false;
  /** Web address the output folder is served at. */
  baseUrl?: string;
}

/**
 * The show a build publishes to: the config's, with the command line's name,
 * cover and public address laid over it, so the feed, the show page and the
 * MP3 tags all say the same. A new base address moves the feed and the site
 * with it unless the config set them apart.
 */
export function showForBuild(show: ShowSettings, flags: ShowOverrides): ShowSettings {
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
