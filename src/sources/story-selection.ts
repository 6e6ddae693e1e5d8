import type { Article } from '../ingest/article.js';
import type { SourceWarn } from './source-context.js';
import { identityOf, sameStory, storyUrlKey, type StoryIdentity } from './story-identity.js';
import type { SourceStory } from './source-story.js';

/** Stories in a briefing when no limit is set: a daily briefing of a long feed stays a listenable length. */
export const DEFAULT_MAX_STORIES = 12;

/** Which stories to keep and in what order. */
export interface StorySelection {
  /** `given`: the order of the inputs and, within a feed, its item order. `newest`: newest first, undated last. */
  sort?: 'given' | 'newest';
  /** Drop stories published before this; stories without a date are kept. */
  since?: Date;
  /** True for a story to leave out because it was already briefed. */
  skip?: (article: Article) => boolean;
}

/** The stories kept, in order, with how many `skip` removed. */
export interface SelectedStories {
  stories: SourceStory[];
  /** Stories removed by `skip`. */
  skipped: number;
  /** Stories removed because they were published before `since`. */
  older: number;
}

/** Stories met so far, found by guid and by page address. */
class StoriesMet {
  private readonly byKey = new Map<string, { identity: StoryIdentity; source: string }[]>();

  /** The source of an earlier story that is the same as `identity` (see {@link sameStory}). */
  earlier(identity: StoryIdentity): string | undefined {
    return this.keys(identity)
      .flatMap((key) => this.byKey.get(key) ?? [])
      .find((met) => sameStory(met.identity, identity))?.source;
  }

  add(identity: StoryIdentity, source: string): void {
    for (const key of this.keys(identity)) {
      const list = this.byKey.get(key);
      if (list) list.push({ identity, source });
      else this.byKey.set(key, [{ identity, source }]);
    }
  }

  private keys(identity: StoryIdentity): string[] {
    const url = identity.url !== undefined ? storyUrlKey(identity.url) : undefined;
    return [...(identity.guid !== undefined ? [`guid:${identity.guid}`] : []), ...(url !== undefined ? [`url:${url}`] : [])];
  }
}

/**
 * Filters and orders stories by what is known before their text is read:
 * a story met again in a later input or item (the same guid, or the same
 * page under another guid, as a mirror feed repeats it: see `sameStory`) is
 * dropped with an `INPUT_DUPLICATE` warning; then `since` and `skip` filter,
 * then `sort` orders (a stable sort: equal dates keep their given order).
 */
export function selectStories(stories: readonly SourceStory[], selection: StorySelection, warn: SourceWarn): SelectedStories {
  const met = new StoriesMet();
  let skipped = 0;
  let older = 0;
  const since = selection.since?.getTime();
  const kept = stories.filter(({ preview }) => {
    if (preview.guid !== undefined || preview.url !== undefined) {
      const identity = identityOf(preview);
      const first = met.earlier(identity);
      if (first !== undefined) {
        warn({ code: 'INPUT_DUPLICATE', source: preview.source, message: `${preview.source}: same story as ${first}; skipped` });
        return false;
      }
      met.add(identity, preview.source);
    }
    const published = publishedTime(preview);
    if (since !== undefined && published !== undefined && published < since) {
      older++;
      return false;
    }
    if (selection.skip?.(preview)) {
      skipped++;
      return false;
    }
    return true;
  });
  if (selection.sort === 'newest') {
    kept.sort((a, b) => (publishedTime(b.preview) ?? Number.NEGATIVE_INFINITY) - (publishedTime(a.preview) ?? Number.NEGATIVE_INFINITY) || 0);
  }
  return { stories: kept, skipped, older };
}

function publishedTime(article: Article): number | undefined {
  if (article.publishedAt === undefined) return undefined;
  const time = Date.parse(article.publishedAt);
  return Number.isNaN(time) ? undefined : time;
}
