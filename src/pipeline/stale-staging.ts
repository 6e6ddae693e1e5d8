import { hostname } from 'node:os';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicTemporaryOwner } from '../platform/atomic-file.js';
import { processGone } from '../platform/process-gone.js';
import { parseStagingFolderName, parseStagingOwner, STAGING_OWNER_FILE } from './staging-owner.js';

/** A staging folder that records no owner (named by an older version) is abandoned once untouched this long. */
export const UNOWNED_STAGING_STALE_MS = 60 * 60 * 1000;

function abandonedBy(pid: number, host: string = hostname()): boolean {
  return host === hostname() && pid !== process.pid && processGone(pid);
}

async function stagingAbandoned(path: string, pidInName: number | undefined, now: number): Promise<boolean> {
  const owner = parseStagingOwner(await readFile(join(path, STAGING_OWNER_FILE), 'utf8').catch(() => ''));
  if (owner) return abandonedBy(owner.pid, owner.host);
  // The owner file is written just after the folder is made: the name's pid covers that moment.
  if (pidInName !== undefined) return abandonedBy(pidInName);
  const modified = await stat(path).then((info) => info.mtimeMs, () => now);
  return now - modified > UNOWNED_STAGING_STALE_MS;
}

/**
 * Removes what builds killed in `outputDirectory` left behind: hidden
 * episode staging folders (`.<episode>.partial-…`) and temporary files of
 * atomic writes (`.<file>.<pid>.<random>.tmp`) whose owner process no longer
 * runs on this machine. A staging folder of a build still running, here or
 * on another machine, is never removed; one that records no owner is removed
 * when nothing changed in it for {@link UNOWNED_STAGING_STALE_MS}. Returns
 * the names removed.
 */
export async function removeStaleStaging(outputDirectory: string, now: number = Date.now()): Promise<string[]> {
  let entries: { name: string; isDirectory(): boolean; isFile(): boolean }[];
  try {
    entries = await readdir(outputDirectory, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const path = join(outputDirectory, entry.name);
    const staging = parseStagingFolderName(entry.name);
    if (entry.isDirectory() && staging.staging && (await stagingAbandoned(path, staging.pid, now))) {
      await rm(path, { recursive: true, force: true });
      removed.push(entry.name);
      continue;
    }
    const writer = atomicTemporaryOwner(entry.name);
    if (entry.isFile() && writer !== undefined && abandonedBy(writer)) {
      await rm(path, { force: true });
      removed.push(entry.name);
    }
  }
  return removed;
}
