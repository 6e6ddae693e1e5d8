import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/ingest/index.js';
import { identityOf, sameStory, storyUrlKey } from '../../src/sources/story-identity.js';

function item(feed: string, guid: string, title: string, url?: string) {
  const article: Article = { title, guid, source: `${feed}#${guid}`, language: 'en', body: [], ...(url ? { url } : {}) };
  return identityOf(article);
}

describe('story identity', () => {
  it('knows a story a mirror feed repeats under a new guid by its page', () => {
    const original = item('https://news.test/feed.xml', 'n-1', 'Bridge reopens', 'https://news.test/bridge');
    expect(sameStory(original, item('https://mirror.test/rss', 'm-77', 'Bridge reopens', 'http://www.news.test/bridge/?utm_source=rss&utm_medium=feed#top'))).toBe(true);
    // Even with the mirror's own wording of the title.
    expect(sameStory(original, item('https://mirror.test/rss', 'm-78', 'BRIDGE REOPENS - News Test', 'https://news.test/bridge'))).toBe(true);
    // And a feed that renewed its guids, the titles unchanged.
    expect(sameStory(original, item('https://news.test/feed.xml', 'n-1-v2', 'Bridge reopens', 'https://news.test/bridge'))).toBe(true);
  });

  it('keeps apart stories one feed links to one page, and stories linked only to a home page', () => {
    const update = item('https://news.test/live.xml', 'live-1', 'Storm: roads closed', 'https://news.test/live/storm');
    expect(sameStory(update, item('https://news.test/live.xml', 'live-2', 'Storm: power back', 'https://news.test/live/storm'))).toBe(false);
    const home = item('https://letters.test/feed.xml', 'l-1', 'Letter one', 'https://letters.test/');
    expect(sameStory(home, item('https://other.test/feed.xml', 'o-1', 'Letter two', 'https://letters.test'))).toBe(false);
    expect(sameStory(item('f', 'a', 'A', 'https://news.test/a'), item('f', 'b', 'A', 'https://news.test/b'))).toBe(false);
  });

  it('treats query parameters other than tracking ones as part of the page', () => {
    expect(storyUrlKey('https://news.test/story?id=4&utm_campaign=x')).toBe('news.test/story?id=4');
    expect(storyUrlKey('https://news.test/story?id=5')).not.toBe(storyUrlKey('https://news.test/story?id=4'));
    expect(storyUrlKey('https://news.test/')).toBeUndefined();
  });
});
