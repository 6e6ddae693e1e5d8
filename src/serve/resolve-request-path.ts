import type { Stats } from 'node:fs';
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

/** The real path of `path` (links resolved) and what it is: not found, or outside `root`. */
async function locate(root: string, path: string): Promise<{ kind: 'not-found' } | { kind: 'forbidden' } | { kind: 'found'; real: string; info: Stats }> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return { kind: 'not-found' };
  }
  if (!inside(root, real)) return { kind: 'forbidden' };
  return { kind: 'found', real, info: await stat(real) };
}

/** The file at `path`, served as `file`; a folder there is not found. */
function asFile(real: string, info: Stats): ResolvedPath {
  if (!info.isFile()) return { kind: 'not-found' };
  return { kind: 'file', path: real, size: info.size, modified: info.mtime };
}

async function fileAt(root: string, path: string): Promise<ResolvedPath> {
  const found = await locate(root, path);
  return found.kind === 'found' ? asFile(found.real, found.info) : found;
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

  const found = await locate(root, join(root, ...segments));
  if (found.kind !== 'found') return found;
  const { real, info } = found;
  if (info.isDirectory()) {
    if (!rawPath.endsWith('/')) return { kind: 'redirect', location: `/${segments.map(encodeURIComponent).join('/')}/`.replace(/^\/\/$/, '/') };
    return fileAt(root, join(real, 'index.html'));
  }
  return asFile(real, info);
}
