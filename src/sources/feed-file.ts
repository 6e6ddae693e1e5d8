import { readFileStart } from '../platform/file-start.js';
import { looksLikeFeed } from './xml-root.js';

/** Extensions of files that are read as feeds whatever they start with. */
export const FEED_EXTENSIONS = ['xml', 'rss', 'atom'] as const;

/** How much of an input is looked at to tell a feed from an article. */
const SNIFF_BYTES = 64 * 1024;

/** True when the file name ends in one of {@link FEED_EXTENSIONS}. */
export function hasFeedExtension(path: string): boolean {
  const extension = /\.([A-Za-z]+)$/.exec(path)?.[1]?.toLowerCase();
  return extension !== undefined && (FEED_EXTENSIONS as readonly string[]).includes(extension);
}

/** True when the bytes of an input (its start is enough) begin like an RSS, RDF or Atom feed, in UTF-8 or UTF-16 with a byte order mark. */
export function bytesLookLikeFeed(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample[0] === 0xff && sample[1] === 0xfe) return looksLikeFeed(new TextDecoder('utf-16le').decode(sample));
  if (sample[0] === 0xfe && sample[1] === 0xff) return looksLikeFeed(new TextDecoder('utf-16be').decode(sample));
  return looksLikeFeed(new TextDecoder('utf-8').decode(sample));
}

/** Looks at the start of a file; a file that cannot be read is not taken for a feed (reading it reports the problem). */
export async function startsLikeFeed(path: string): Promise<boolean> {
  const start = await readFileStart(path, SNIFF_BYTES);
  return start !== undefined && bytesLookLikeFeed(start);
}
