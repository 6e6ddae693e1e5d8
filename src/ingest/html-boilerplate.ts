import type { DomElement } from './html-dom.js';

/** Elements whose content is never article text, whatever they hold. */
const NEVER_TEXT_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'button', 'iframe', 'svg', 'canvas', 'select', 'input',
  'textarea', 'object', 'embed', 'audio', 'video', 'map', 'dialog', 'link', 'meta', 'head', 'title',
]);

/** Elements that usually hold page furniture, though on some sites they wrap the article. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'menu']);

/** Class or id words that mark page furniture: ads, share bars, promos, navigation. */
const FURNITURE_WORD =
  /(?:^|[\s_-])(?:ad|ads|adslot|adunit|advert|adverts|advertising|advertisement|sponsor|sponsored|promo|promos|promotion|share|sharing|sharebar|social|related|newsletter|subscribe|subscription|signup|cookie|cookies|consent|gdpr|comment|comments|breadcrumb|breadcrumbs|nav|navbar|navigation|menu|sidebar|footer|masthead|outbrain|taboola|popup|modal|most-read|mostread|trending|recommended|read-more|readmore|more-stories|tags|toolbar)(?:$|[\s_-])/i;

/** Class words that mark the article's own metadata, read separately. */
const METADATA_WORD =
  /(?:^|[\s_-])(?:byline|author|authors|author-name|dateline|timestamp|published|pubdate|article-meta|post-meta|entry-meta|reading-time|read-time)(?:$|[\s_-])/i;

/** True when an element is never read: scripts, controls, embedded media, hidden elements. */
export function isNeverText(element: DomElement): boolean {
  if (NEVER_TEXT_TAGS.has(element.localName)) return true;
  if (element.getAttribute('hidden') !== null) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style') ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * True when an element looks like page furniture rather than article text: a
 * never-read element, navigation, an aside, a form, or a class or id naming
 * ads, share bars, promos or navigation. Only a hint: see `removeFurniture`.
 */
export function isFurniture(element: DomElement): boolean {
  const tag = element.localName;
  if (isNeverText(element) || FURNITURE_TAGS.has(tag)) return true;
  const role = element.getAttribute('role') ?? '';
  if (/^(?:navigation|banner|contentinfo|complementary|search|dialog|alert)$/i.test(role)) return true;
  if (tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article') return false;
  const words = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return FURNITURE_WORD.test(words);
}

/** True when an element holds the article's byline, date or reading time. */
export function isMetadataElement(element: DomElement): boolean {
  if (['html', 'body', 'main', 'article'].includes(element.localName)) return false;
  const words = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (element.getAttribute('rel') === 'author' || element.getAttribute('itemprop') === 'author') return true;
  return METADATA_WORD.test(words);
}
