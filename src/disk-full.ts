import { relative, isAbsolute } from 'node:path';
import { BriefingError, isBriefingError } from './errors.js';

/** The errno codes of a write that found no room: the disk is full, or the user's quota is used up. */
const NO_SPACE_CODES = new Set(['ENOSPC', 'EDQUOT']);

/** What ffmpeg prints when a write finds no room (its wording of ENOSPC and EDQUOT). */
const NO_SPACE_TEXT = /No space left on device|Disk quota exceeded/i;

/** True when `error` is a system error saying a write found no room (ENOSPC or EDQUOT). */
export function isNoSpaceError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && NO_SPACE_CODES.has((error as NodeJS.ErrnoException).code ?? '');
}

/** True when a program's error output (ffmpeg's) says a write found no room. */
export function saysNoSpace(text: string): boolean {
  return NO_SPACE_TEXT.test(text);
}

/**
 * The `DISK_FULL` error for `folder`: one line naming the folder whose disk
 * is full, e.g. `output folder /srv/podcast: the disk is full (no space left
 * on device)`. `role` says what the folder is to the user.
 */
export function diskFullError(folder: string, cause: unknown, role?: FolderRole): BriefingError {
  const quota = (cause as NodeJS.ErrnoException | undefined)?.code === 'EDQUOT' || (cause instanceof Error && /quota/i.test(cause.message));
  const problem = quota ? 'the disk quota is used up (disk quota exceeded)' : 'the disk is full (no space left on device)';
  const error = new BriefingError('DISK_FULL', `${role ? `${role} ` : ''}${folder}: ${problem}`, { cause, path: folder });
  if (role) named.add(error);
  return error;
}

/** What a folder is to the user, said in the message. */
export type FolderRole = 'output folder' | 'cache folder';

/** Errors that already name the user's folder: never restated (a cache inside the output folder stays the cache). */
const named = new WeakSet<BriefingError>();

/**
 * `error` as a `DISK_FULL` error naming `folder` when it is a write that
 * found no room (a raw ENOSPC/EDQUOT, or a `DISK_FULL` error about a path
 * inside `folder`); any other error is returned unchanged.
 */
export function asDiskFull(error: unknown, folder: string, role?: FolderRole): unknown {
  if (isBriefingError(error, 'DISK_FULL')) {
    return !named.has(error) && error.path !== undefined && isInside(error.path, folder) ? diskFullError(folder, error.cause ?? error, role) : error;
  }
  if (!isNoSpaceError(error)) return error;
  return error.path === undefined || isInside(error.path, folder) ? diskFullError(folder, error, role) : diskFullError(error.path, error);
}

/** True when `path` is `folder` or lies inside it. */
function isInside(path: string, folder: string): boolean {
  const between = relative(folder, path);
  return between === '' || (!between.startsWith('..') && !isAbsolute(between));
}
