import type { Article, BodyNode } from '../../src/ingest/article.js';

/** An article with the given title and body; strings become paragraphs. */
export function articleOf(title: string, body: (string | BodyNode)[], extra: Partial<Article> = {}): Article {
  return {
    title,
    language: 'en',
    source: 'test-article.txt',
    body: body.map((node) => (typeof node === 'string' ? { type: 'paragraph', text: node } : node)),
    ...extra,
  };
}
