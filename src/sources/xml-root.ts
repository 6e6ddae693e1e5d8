/** The feed formats read: RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom 1.0. */
export type FeedKind = 'rss' | 'rdf' | 'atom';

const SNIFF_CHARS = 64 * 1024;

/**
 * The name of a document's first element, found by stepping over a byte
 * order mark, whitespace, the XML declaration, processing instructions,
 * comments and a doctype; undefined when the text does not start like XML.
 * This only looks at the prolog, so a page that begins with an XML
 * declaration can be told from a feed before it is parsed.
 */
export function xmlRootName(text: string): string | undefined {
  const sample = text.slice(0, SNIFF_CHARS);
  let position = 0;
  for (;;) {
    while (position < sample.length && /[\s\uFEFF]/.test(sample[position]!)) position++;
    if (sample.startsWith('<?', position)) {
      position = after(sample, '?>', position);
    } else if (sample.startsWith('<!--', position)) {
      position = after(sample, '-->', position);
    } else if (sample.slice(position, position + 9).toUpperCase() === '<!DOCTYPE') {
      position = afterDoctype(sample, position);
    } else {
      break;
    }
    if (position < 0) return undefined;
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(sample.slice(position, position + 200))?.[1];
}

/** Which feed format a root element name means: `rss`, `feed` (Atom), `rdf:RDF` (RSS 1.0). */
export function feedKindOf(rootName: string | undefined): FeedKind | undefined {
  if (rootName === undefined) return undefined;
  const local = rootName.slice(rootName.indexOf(':') + 1);
  if (local === 'rss') return 'rss';
  if (local === 'feed') return 'atom';
  if (local === 'RDF') return 'rdf';
  return undefined;
}

/** True when `text` is an RSS or Atom document. */
export function looksLikeFeed(text: string): boolean {
  return feedKindOf(xmlRootName(text)) !== undefined;
}

function after(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from);
  return end < 0 ? -1 : end + terminator.length;
}

/** Skips `<!DOCTYPE ...>`, including an internal subset in brackets. */
function afterDoctype(text: string, from: number): number {
  const close = text.indexOf('>', from);
  const bracket = text.indexOf('[', from);
  if (bracket >= 0 && (close < 0 || bracket < close)) {
    const subsetEnd = text.indexOf(']', bracket);
    return subsetEnd < 0 ? -1 : after(text, '>', subsetEnd);
  }
  return close < 0 ? -1 : close + 1;
}
