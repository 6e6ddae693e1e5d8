import type { ParsedShow } from './config-schema.js';

/** Who runs the show, for podcast directories (`itunes:owner`); see the schema's `show.owner`. */
export type ShowOwner = NonNullable<ParsedShow['owner']>;

/**
 * The podcast show the episodes belong to: what the feed and the pages say
 * about it. The config's `show` section once loaded (see the schema for each
 * field), with two differences: the cover is a resolved path or absent
 * (never `false`), and a caller of the library may leave out the feed and
 * site addresses, which then derive from `baseUrl`.
 */
export type ShowSettings = Omit<ParsedShow, 'coverImage' | 'feedUrl' | 'siteUrl'> &
  Partial<Pick<ParsedShow, 'feedUrl' | 'siteUrl'>> & {
    /** PNG or JPEG cover (1400–3000 px square for Apple), an absolute path; none when absent. */
    coverImage?: string;
  };
