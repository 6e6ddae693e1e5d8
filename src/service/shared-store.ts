import { join, resolve } from 'node:path';
import { BriefingError } from '../errors.js';

/** Where the workers and the API share files. */
export interface SharedStore {
  /** The output folder: episode folders, `feed.xml`, the show page. */
  outputDirectory: string;
  /** The synthesis cache, shared by every worker (hidden, so never served). */
  cacheDirectory: string;
}

/**
 * Reads `--store`: a folder every worker and the API reach (a network or
 * cluster file system that supports atomic rename and exclusive create).
 * Object stores (`s3://`) are not supported yet.
 *
 * @throws BriefingError `USAGE` for an address this version cannot use
 */
export function sharedStore(value: string): SharedStore {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new BriefingError('USAGE', `--store ${value}: only a shared folder is supported in this version (an s3:// store is not yet)`);
  }
  const root = resolve(value);
  return { outputDirectory: root, cacheDirectory: join(root, '.cache') };
}
