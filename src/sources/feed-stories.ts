import type { Article } from '../ingest/article.js';
import { canonicalLanguage } from '../ingest/language-tag.js';
import type { FeedDocument, FeedItem, FeedLocation } from './feed-document.js';
import { loadFeedItem } from './feed-item-article.js';
import type { SourceContext } from './source-context.js';
import type { SourceStory } from './source-story.js';

/**
 * The stories of a parsed feed, in the feed's order. Each story's source is
 * the feed's path or URL, `#`, and the item's guid (else its link, else its
 * position). The text is only read when the story is loaded. A feed without
 * items warns `INPUT_FEED_EMPTY`.
 */
export function feedStories(feed: FeedDocument, location: FeedLocation, context: SourceContext): SourceStory[] {
  const stories = feed.items.map((item, index): SourceStory => {
    const source = `${location.source}#${item.guid ?? item.link ?? String(index + 1)}`;
    return { preview: previewOf(item, source, context), load: (warn) => loadFeedItem(item, source, context, warn) };
  });
  if (stories.length === 0) context.warn({ code: 'INPUT_FEED_EMPTY', source: location.source, message: `${location.source}: the feed has no stories` });
  return stories;
}

function previewOf(item: FeedItem, source: string, context: SourceContext): Article {
  const language = canonicalLanguage(context.language) ?? item.language ?? 'en';
  const preview: Article = { title: item.title ?? '', language, source, body: [] };
  if (item.guid) preview.guid = item.guid;
  if (item.link) preview.url = item.link;
  if (item.publishedAt) preview.publishedAt = item.publishedAt;
  if (item.author) preview.author = item.author;
  return preview;
}
