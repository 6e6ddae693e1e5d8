import type { ShowSettings } from '../publish/show-settings.js';

/** The addresses a show publishes at. */
export interface ShowUrls {
  /** Where the output folder is served, without a trailing slash. */
  baseUrl: string;
  /** The feed's address. */
  feedUrl: string;
  /** The show's web site. */
  siteUrl: string;
}

/** The show's base, feed and site addresses, defaults filled (`<baseUrl>/feed.xml`, `<baseUrl>/`). */
export function showUrls(show: Pick<ShowSettings, 'baseUrl' | 'feedUrl' | 'siteUrl'>): ShowUrls {
  const baseUrl = show.baseUrl.replace(/\/+$/, '');
  return { baseUrl, feedUrl: show.feedUrl ?? `${baseUrl}/feed.xml`, siteUrl: show.siteUrl ?? `${baseUrl}/` };
}

/** Address of a file in the output folder: `<baseUrl>/<segment>/.../<segment>`, each segment URL-encoded. */
export function publishedUrl(baseUrl: string, ...segments: string[]): string {
  return [baseUrl.replace(/\/+$/, ''), ...segments.map((segment) => encodeURIComponent(segment))].join('/');
}
