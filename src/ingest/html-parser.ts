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
import { cleanText } from './clean-text.js';
import { isFurniture, isMetadataElement } from './html-boilerplate.js';
import { walkHtmlBody } from './html-body-walker.js';
import { type DomDocument, type DomElement, nestingDepth, parseHtmlDocument } from './html-dom.js';
import { readHtmlMetadata } from './html-metadata.js';
import type { ExtractedArticle } from './ingest-options.js';

/** Share of a semantic container's text Readability must keep for its extraction to be trusted. */
const READABILITY_MIN_SHARE = 0.6;
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
  metadata.titleElement?.remove();
  metadata.standfirstElement?.remove();
  removeFurniture(document);

  const body = extractBody(document);
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

function removeFurniture(document: DomDocument): void {
  const root = document.body ?? document.documentElement;
  const doomed: DomElement[] = [];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (isFurniture(element) || isMetadataElement(element) || isSiteHeader(element)) doomed.push(element);
  }
  for (const element of doomed) element.remove();
}

function isSiteHeader(element: DomElement): boolean {
  if (element.localName !== 'header') return false;
  return element.querySelector('nav') !== null || element.closest('article, main') === null;
}

function extractBody(document: DomDocument): BodyNode[] {
  const container = findContainer(document);
  const containerText = cleanText(container?.textContent ?? '');
  const root = document.body ?? document.documentElement;
  const extracted = nestingDepth(root) <= READABILITY_MAX_DEPTH ? runReadability(document) : undefined;
  if (extracted) {
    const extractedText = cleanText(extracted.textContent ?? '');
    const isSemantic = container !== undefined && container.localName !== 'body';
    if (!isSemantic || extractedText.length >= containerText.length * READABILITY_MIN_SHARE) {
      const nodes = walkHtmlBody(extracted);
      if (nodes.length > 0) return nodes;
    }
  }
  return container ? walkHtmlBody(container) : [];
}

function runReadability(document: DomDocument): DomElement | undefined {
  const copy = parseHtmlDocument(`<!doctype html>${document.documentElement.outerHTML}`);
  let content: string | null | undefined;
  try {
    content = new (Readability())(copy as never, { charThreshold: 200 }).parse()?.content;
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
  return cleanText(text).toLowerCase().replace(/[“”„"]/g, '"').replace(/[‘’]/g, "'");
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

