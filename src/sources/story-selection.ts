import type { Article, StageWarning } from '../ingest/article.js';
import type { SourceStory } from './source-story.js';

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
  warnings: StageWarning[];
}

/**
 * Filters and orders stories by what is known before their text is read:
 * a story met again (same guid, else same URL) in a later input is dropped
 * with an `INPUT_DUPLICATE` warning; then `since` and `skip` filter, then
 * `sort` orders (a stable sort: equal dates keep their given order).
 */
export function selectStories(stories: readonly SourceStory[], selection: StorySelection): SelectedStories {
  const warnings: StageWarning[] = [];
  const firstSource = new Map<string, string>();
  let skipped = 0;
  let older = 0;
  const since = selection.since?.getTime();
  const kept = stories.filter(({ preview }) => {
    const identity = preview.guid !== undefined ? `guid:${preview.guid}` : preview.url !== undefined ? `url:${preview.url}` : undefined;
    if (identity !== undefined) {
      const first = firstSource.get(identity);
      if (first !== undefined) {
        warnings.push({ code: 'INPUT_DUPLICATE', source: preview.source, message: `${preview.source}: same story as ${first}; skipped` });
        return false;
      }
      firstSource.set(identity, preview.source);
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
  return { stories: kept, skipped, older, warnings };
}

function publishedTime(article: Article): number | undefined {
  if (article.publishedAt === undefined) return undefined;
  const time = Date.parse(article.publishedAt);
  return Number.isNaN(time) ? undefined : time;
}
