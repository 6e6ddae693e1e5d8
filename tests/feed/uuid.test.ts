import { describe, expect, it } from 'vitest';
import { episodeGuid, feedUrlForGuid, podcastGuid, uuidV5 } from '../../src/feed/index.js';

describe('uuidV5', () => {
  it('matches the RFC 4122 / RFC 9562 test vector', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('podcastGuid', () => {
  it('matches the values the Podcasting 2.0 namespace documents', () => {
    expect(podcastGuid('https://mp3s.nashownotes.com/pc20rss.xml')).toBe('917393e3-1b1e-5cef-ace4-edaa54e1f810');
    expect(podcastGuid('https://podnews.net/rss')).toBe('9b024349-ccf0-5f69-a609-6b82873eab3c');
  });

  it('ignores the scheme and trailing slashes', () => {
    expect(feedUrlForGuid('http://podnews.net/rss////')).toBe('podnews.net/rss');
    expect(podcastGuid('podnews.net/rss/')).toBe(podcastGuid('https://podnews.net/rss'));
  });

  it('gives each episode folder its own stable guid', () => {
    const feed = 'https://example.org/show/feed.xml';
    expect(episodeGuid(feed, '2025-03-01-a')).toBe(episodeGuid(feed, '2025-03-01-a'));
    expect(episodeGuid(feed, '2025-03-01-a')).not.toBe(episodeGuid(feed, '2025-03-01-b'));
    expect(episodeGuid(feed, '2025-03-01-a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
