import { basename, extname } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.vtt': 'text/vtt; charset=utf-8',
  '.srt': 'application/x-subrip; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** Names of podcast feeds, served as RSS rather than generic XML. */
const FEED_NAMES = new Set(['feed.xml', 'rss.xml', 'podcast.xml']);

/** The `Content-Type` of a file by its name; `application/octet-stream` when unknown. */
export function contentTypeFor(path: string): string {
  const name = basename(path).toLowerCase();
  if (FEED_NAMES.has(name)) return 'application/rss+xml; charset=utf-8';
  return TYPES[extname(name)] ?? 'application/octet-stream';
}
