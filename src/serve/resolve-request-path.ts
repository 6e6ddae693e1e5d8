import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** Where a request path leads inside the served folder. */
export type ResolvedPath =
  | { kind: 'file'; path: string; size: number; modified: Date }
  /** A folder asked for without its trailing slash. */
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found' }
  /** Outside the folder: `..` segments, or a link pointing out. */
  | { kind: 'forbidden' }
  | { kind: 'bad-request' };

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

async function fileAt(root: string, path: string): Promise<ResolvedPath> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return { kind: 'not-found' };
  }
  if (!inside(root, real)) return { kind: 'forbidden' };
  const info = await stat(real);
  if (!info.isFile()) return { kind: 'not-found' };
  return { kind: 'file', path: real, size: info.size, modified: info.mtime };
}

/**
 * Maps the path of a request target (`/episode/episode.mp3?x`) to a file of
 * the folder `root` (a real path, links resolved). Percent-escapes are
 * decoded first, so encoded dots and slashes are judged like plain ones:
 * any `..` segment, and any link whose target lies outside `root`, is
 * forbidden; hidden names (a leading dot, as in temporary and lock files)
 * are not found; a folder gives its `index.html`.
 */
export async function resolveRequestPath(root: string, target: string): Promise<ResolvedPath> {
  let rawPath = target.split(/[?#]/, 1)[0] ?? '';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rawPath)) rawPath = rawPath.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') || '/';
  if (!rawPath.startsWith('/')) return { kind: 'bad-request' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded.includes('\0')) return { kind: 'bad-request' };
  const segments = decoded.split(/[/\\]/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return { kind: 'forbidden' };
  if (segments.some((segment) => segment.startsWith('.'))) return { kind: 'not-found' };

  const path = join(root, ...segments);
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return { kind: 'not-found' };
  }
  if (!inside(root, real)) return { kind: 'forbidden' };
  const info = await stat(real);
  if (info.isDirectory()) {
    if (!rawPath.endsWith('/')) return { kind: 'redirect', location: `/${segments.map(encodeURIComponent).join('/')}/`.replace(/^\/\/$/, '/') };
    return fileAt(root, join(real, 'index.html'));
  }
  if (!info.isFile()) return { kind: 'not-found' };
  return { kind: 'file', path: real, size: info.size, modified: info.mtime };
}
