import { collapseWhitespace } from '../platform/plain-text.js';
import { isFurniture } from './html-boilerplate.js';
import { type DomDocument, type DomElement, isElement } from './html-dom.js';

/** What an HTML page says about its article outside the body text. */
export interface HtmlMetadata {
  title?: string;
  /** The `h1` element the title came from, so it is not repeated in the body. */
  titleElement?: DomElement;
  author?: string;
  publishedAt?: string;
  /** Standfirst from an element with a standfirst/dek/summary/lede class. */
  standfirst?: string;
  /** The element the standfirst came from. */
  standfirstElement?: DomElement;
  /** `meta description` / `og:description`, used as standfirst only when the page shows it. */
  description?: string;
  language?: string;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|LiveBlogPosting|WebPage|Report)$/;
const STANDFIRST_SELECTOR = [
  '.standfirst', '.dek', '.deck', '.summary', '.lede', '.lead', '.subtitle', '.subheadline',
  '.sub-headline', '.article-summary', '.article-standfirst', '.article__standfirst', '[itemprop="description"]',
].join(', ');
const BYLINE_SELECTOR = [
  '[rel="author"]', '[itemprop="author"]', '.byline', '.author', '.author-name', '.article-author', '.by-line',
].join(', ');

/**
 * Reads an HTML page's article metadata: title (the article's `h1`, else
 * `og:title`, else `<title>` without its site name), author (`meta author`,
 * JSON-LD, a byline element), published time (`article:published_time`,
 * `<time datetime>`, JSON-LD), standfirst and language (`<html lang>`).
 */
export function readHtmlMetadata(document: DomDocument): HtmlMetadata {
  const linkedData = readLinkedData(document);
  const metadata: HtmlMetadata = {};
  const titleElement = findTitleHeading(document);
  const title =
    text(titleElement) ||
    meta(document, 'property', 'og:title') ||
    meta(document, 'name', 'twitter:title') ||
    stripSiteName(collapseWhitespace(document.querySelector('title')?.textContent ?? '')) ||
    linkedString(linkedData?.['headline']);
  if (title) metadata.title = title;
  if (titleElement && text(titleElement)) metadata.titleElement = titleElement;

  const author =
    meta(document, 'name', 'author') ||
    linkedAuthor(linkedData?.['author']) ||
    nameFromByline(meta(document, 'property', 'article:author')) ||
    nameFromByline(text(findInArticle(document, BYLINE_SELECTOR)));
  if (author) metadata.author = author;

  const published =
    meta(document, 'property', 'article:published_time') ||
    meta(document, 'itemprop', 'datePublished') ||
    findInArticle(document, 'time[datetime]')?.getAttribute('datetime') ||
    linkedString(linkedData?.['datePublished']) ||
    meta(document, 'name', 'date') ||
    meta(document, 'name', 'pubdate') ||
    meta(document, 'name', 'dc.date');
  if (published) metadata.publishedAt = collapseWhitespace(published);

  const standfirstElement = findInArticle(document, STANDFIRST_SELECTOR);
  const standfirst = text(standfirstElement);
  if (standfirstElement && standfirst && standfirst.length <= 600) {
    metadata.standfirst = standfirst;
    metadata.standfirstElement = standfirstElement;
  }
  const description = meta(document, 'name', 'description') || meta(document, 'property', 'og:description');
  if (description) metadata.description = description;

  const language =
    document.documentElement.getAttribute('lang') ||
    document.documentElement.getAttribute('xml:lang') ||
    meta(document, 'http-equiv', 'content-language') ||
    meta(document, 'property', 'og:locale')?.replace('_', '-') ||
    linkedString(linkedData?.['inLanguage']);
  if (language) metadata.language = collapseWhitespace(language);
  return metadata;
}

/**
 * Removes a trailing site name from a page title: "Story | Site",
 * "Story - Site", "Story — Site".
 */
export function stripSiteName(title: string): string {
  if (title.length > 300) return title;
  const piped = /^(.+?)\s+[|·•]\s+[^|·•]+$/.exec(title);
  if (piped) return piped[1]!.trim();
  const dashed = /^(.+)\s+[-–—]\s+([^-–—]+)$/.exec(title);
  if (dashed && dashed[2]!.split(/\s+/).length <= 5) return dashed[1]!.trim();
  return title;
}

/** The name in a byline: "By Priya Natarajan, Local Democracy Reporter" gives "Priya Natarajan". */
export function nameFromByline(byline: string | undefined): string | undefined {
  if (!byline) return undefined;
  if (/^https?:/i.test(byline)) return undefined;
  const name = collapseWhitespace(byline)
    .replace(/^(?:written\s+)?by\s+/i, '')
    .split(/\s*[,|·•]\s*|\s+[-–—]\s+/)[0]!
    .trim();
  return name.length > 0 && name.length <= 80 ? name : undefined;
}

/** The article's `h1`: inside `<article>` or `<main>`, or, on a page with neither, the first `h1` outside the site header. */
function findTitleHeading(document: DomDocument): DomElement | undefined {
  for (const selector of ['article h1', 'main h1', '[role="main"] h1']) {
    const heading = document.querySelector(selector);
    if (heading && text(heading)) return heading;
  }
  if (document.querySelector('article, main, [role="main"]')) return undefined;
  return Array.from(document.querySelectorAll('h1')).find(
    (heading) => text(heading) !== '' && heading.closest('header, nav, footer, aside') === null && !insideFurniture(heading),
  );
}

function findInArticle(document: DomDocument, selector: string): DomElement | undefined {
  for (const scope of ['article', 'main', '[role="main"]', 'body']) {
    const root = document.querySelector(scope);
    if (!root) continue;
    const found = Array.from(root.querySelectorAll(selector)).find((element) => !insideFurniture(element));
    if (found) return found;
  }
  return undefined;
}

function insideFurniture(element: DomElement): boolean {
  for (let node = element.parentNode; node && isElement(node); node = node.parentNode) {
    if (isFurniture(node)) return true;
  }
  return false;
}

function meta(document: DomDocument, attribute: string, value: string): string | undefined {
  for (const element of Array.from(document.querySelectorAll(`meta[${attribute}]`))) {
    if (element.getAttribute(attribute)?.toLowerCase() === value.toLowerCase()) {
      const content = collapseWhitespace(element.getAttribute('content') ?? '');
      if (content) return content;
    }
  }
  return undefined;
}

function text(element: DomElement | null | undefined): string {
  return element ? collapseWhitespace(element.textContent ?? '') : '';
}

type LinkedObject = Record<string, unknown>;

function readLinkedData(document: DomDocument): LinkedObject | undefined {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = findArticleObject(data, 0);
    if (found) return found;
  }
  return undefined;
}

function findArticleObject(data: unknown, depth: number): LinkedObject | undefined {
  if (depth > 4 || data === null || typeof data !== 'object') return undefined;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticleObject(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const object = data as LinkedObject;
  const types = ([] as unknown[]).concat(object['@type'] ?? []);
  if (types.some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type)) && object['headline'] !== undefined) {
    return object;
  }
  return findArticleObject(object['@graph'], depth + 1);
}

function linkedString(value: unknown): string | undefined {
  if (typeof value === 'string') return collapseWhitespace(value) || undefined;
  if (Array.isArray(value)) return linkedString(value[0]);
  return undefined;
}

function linkedAuthor(value: unknown): string | undefined {
  const names = ([] as unknown[])
    .concat(value ?? [])
    .map((author) => (typeof author === 'string' ? author : linkedString((author as LinkedObject | null)?.['name'])))
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '' && !/^https?:/i.test(name));
  return names.length > 0 ? names.map((name) => collapseWhitespace(name)).join(' and ') : undefined;
}
