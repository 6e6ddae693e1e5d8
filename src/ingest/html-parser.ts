import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';

const require = createRequire(import.meta.url);
let readability: typeof ReadabilityClass | undefined;

/** Readability is loaded on the first HTML input only. */
function Readability(): typeof ReadabilityClass {
  readability ??= (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability;
  return readability;
}
import type { BodyNode } from './article.js';
import { collapseWhitespace } from '../platform/plain-text.js';
import { walkHtmlBody } from './html-body-walker.js';
import { proseLength, removeFurniture } from './html-furniture.js';
import { type DomDocument, type DomElement, nestingDepth, parseHtmlDocument } from './html-dom.js';
import { readHtmlMetadata } from './html-metadata.js';
import type { ExtractedArticle } from './ingest-options.js';

/** Share of a semantic container's running text Readability must keep for its extraction to be trusted. */
const READABILITY_MIN_SHARE = 0.6;
/** Paragraphs at least this long are article text when they go missing. */
const LONG_PARAGRAPH = 100;
/** Share of the untouched page's long paragraphs an extraction after removing furniture may lose and still be trusted. */
const MAX_MISSING_SHARE = 0.1;
/** Readability slows down badly on deeply nested markup; past this depth the page is walked directly. */
const READABILITY_MAX_DEPTH = 120;

/**
 * Reads an HTML page or fragment: metadata from the head, JSON-LD and byline
 * elements; the main content extracted with Readability (falling back to
 * `<article>`, `<main>` or the body) and walked into body nodes, with page
 * furniture removed.
 */
export function parseHtml(html: string): ExtractedArticle {
  const document = parseHtmlDocument(html);
  const metadata = readHtmlMetadata(document);
  metadata.standfirstElement?.remove();

  const body = extractBody(document, metadata.titleElement);
  const article: ExtractedArticle = { title: metadata.title ?? '', body };
  let standfirst = metadata.standfirst;
  if (standfirst === undefined && metadata.description !== undefined) {
    standfirst = takeMatchingParagraph(body, metadata.description);
  }
  if (standfirst) article.standfirst = standfirst;
  if (metadata.author) article.author = metadata.author;
  if (metadata.publishedAt) article.publishedAt = metadata.publishedAt;
  if (metadata.language) article.language = metadata.language;
  article.body = withoutLeadingRepeats(body, article.title, standfirst);
  return article;
}

/**
 * Readability runs twice: on the page with its furniture removed first (its
 * best result, as Readability rewrites the markup that names furniture) and on
 * the untouched page. The first is read unless removing furniture lost part of
 * the article — a wrapper named `sidebar` or `ad-margins` holding it — and
 * furniture is removed again inside the result. A semantic container
 * (`<article>`, `<main>`) with much more running text than Readability kept is
 * read instead.
 */
function extractBody(document: DomDocument, titleElement: DomElement | undefined): BodyNode[] {
  const root = document.body ?? document.documentElement;
  // Readability drops the page's own headline itself; taken out before, it would drop the first heading like it instead.
  const extracted = nestingDepth(root) <= READABILITY_MAX_DEPTH ? extractWithReadability(document) : undefined;
  titleElement?.remove();
  const container = findContainer(document);
  if (container) removeFurniture(container);
  if (extracted) {
    const isSemantic = container !== undefined && container.localName !== 'body';
    if (!isSemantic || proseLength(extracted) >= proseLength(container) * READABILITY_MIN_SHARE) {
      const nodes = walkHtmlBody(extracted);
      if (nodes.length > 0) return nodes;
    }
  }
  return container ? walkHtmlBody(container) : [];
}

function extractWithReadability(document: DomDocument): DomElement | undefined {
  const untouched = runReadability(copyOf(document));
  const cleaned = copyOf(document);
  removeFurniture(cleaned.body ?? cleaned.documentElement);
  const fromCleaned = runReadability(cleaned);
  const extracted = fromCleaned && (!untouched || keepsArticle(fromCleaned, untouched)) ? fromCleaned : untouched;
  if (extracted) removeFurniture(extracted);
  return extracted;
}

/**
 * True when an extraction keeps the long paragraphs of another: removing a
 * cookie notice or a newsletter box loses short lines only, removing a wrapper
 * that held the article loses its paragraphs.
 */
function keepsArticle(extracted: DomElement, reference: DomElement): boolean {
  const kept = new Set(Array.from(extracted.querySelectorAll('p')).map((paragraph) => collapseWhitespace(paragraph.textContent ?? '')));
  let total = 0;
  let missing = 0;
  for (const paragraph of Array.from(reference.querySelectorAll('p'))) {
    const text = collapseWhitespace(paragraph.textContent ?? '');
    if (text.length < LONG_PARAGRAPH) continue;
    total += text.length;
    if (!kept.has(text)) missing += text.length;
  }
  return missing <= total * MAX_MISSING_SHARE;
}

function copyOf(document: DomDocument): DomDocument {
  return document.cloneNode(true);
}

function runReadability(copy: DomDocument): DomElement | undefined {
  let content: string | null | undefined;
  try {
    content = new (Readability())(copy as never, { charThreshold: 200, keepClasses: true }).parse()?.content;
  } catch {
    return undefined;
  }
  if (!content) return undefined;
  return parseHtmlDocument(content).body ?? undefined;
}

function findContainer(document: DomDocument): DomElement | undefined {
  const articles = Array.from(document.querySelectorAll('article, [itemprop="articleBody"]'));
  if (articles.length > 0) {
    return articles.reduce((best, element) =>
      (element.textContent ?? '').length > (best.textContent ?? '').length ? element : best,
    );
  }
  return document.querySelector('main') ?? document.querySelector('[role="main"]') ?? document.body ?? undefined;
}

function comparable(text: string): string {
  return collapseWhitespace(text).toLowerCase().replace(/[“”„"]/g, '"').replace(/[‘’]/g, "'");
}

/** Uses the page description as standfirst when an early paragraph shows it, and removes that paragraph. */
function takeMatchingParagraph(body: BodyNode[], description: string): string | undefined {
  const wanted = comparable(description).replace(/(?:…|\.\.\.)$/, '');
  const index = body.slice(0, 4).findIndex((node) => node.type === 'paragraph' && comparable(node.text) === wanted);
  if (index === -1) return undefined;
  const [node] = body.splice(index, 1);
  return node!.text;
}

function withoutLeadingRepeats(body: BodyNode[], title: string, standfirst: string | undefined): BodyNode[] {
  const repeats = new Set([comparable(title), standfirst ? comparable(standfirst) : '']);
  let start = 0;
  while (start < body.length && start < 3 && body[start]!.type !== 'caption' && repeats.has(comparable(body[start]!.text))) {
    start++;
  }
  return body.slice(start);
}

