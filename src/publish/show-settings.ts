/** Who runs the show, for podcast directories (`itunes:owner`). */
export interface ShowOwner {
  /** Name shown as the owner. */
  name?: string | undefined;
  /** Contact address directories use to verify ownership; never shown to listeners. */
  email?: string | undefined;
}

/** The podcast show the episodes belong to: what the feed and the pages say about it. */
export interface ShowSettings {
  /** Name of the show. */
  title: string;
  /** What the show is about; the feed keeps at most 4000 bytes of it. */
  description: string;
  /** Who makes the show (`itunes:author`). */
  author: string;
  /** BCP 47 language of the show, e.g. `en` or `en-GB`. */
  language: string;
  /** Apple Podcasts category, e.g. `News`. */
  category: string;
  /** Apple Podcasts subcategory inside `category`, e.g. `Daily News`. */
  subcategory?: string | undefined;
  /** Whether the show has explicit content (`itunes:explicit`). */
  explicit: boolean;
  /** PNG or JPEG cover (1400–3000 px square for Apple); copied into the output folder as `cover.png` or `cover.jpg`. */
  coverImage?: string;
  /** Web address the output folder is served at, without a trailing slash: episode files are `<baseUrl>/<episode folder>/<file>`. */
  baseUrl: string;
  /** Address of the feed; `<baseUrl>/feed.xml` when absent. Its `podcast:guid` derives from it, so keep it stable. */
  feedUrl?: string | undefined;
  /** The show's web site (`link` of the feed); `<baseUrl>/` when absent. */
  siteUrl?: string | undefined;
  /** Whether other platforms may not import the feed (`podcast:locked`). */
  locked: boolean;
  /** Owner contact for podcast directories. */
  owner?: ShowOwner | undefined;
}
