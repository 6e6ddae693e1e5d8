import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BriefingError } from '../errors.js';

/** An S3 bucket and key prefix, and how to reach the store that holds it. */
export interface S3Location {
  bucket: string;
  /** Key prefix without a trailing slash; '' for the bucket's root. */
  prefix: string;
  /** An S3-compatible endpoint (MinIO, Ceph, …); addressed path-style. AWS itself when absent. */
  endpoint?: string;
  region: string;
}

/** Where the workers and the API share files. */
export interface SharedStore {
  /**
   * The output folder: episode folders, `feed.xml`, the show page. For an
   * S3 store, a local folder of this machine only (the bucket is the record).
   */
  outputDirectory: string;
  /**
   * The synthesis cache, shared by every worker (hidden, so never served).
   * For an S3 store, this machine's read-through copy of the bucket's cache.
   */
  cacheDirectory: string;
  /** Set when the store is an S3 bucket. */
  s3?: S3Location;
}

/** Options of {@link sharedStore} that only an S3 store uses. */
export interface StoreOptions {
  /** `--store-endpoint`: an S3-compatible store's address. */
  endpoint?: string;
  /** `--store-region`: default `AWS_REGION`, else us-east-1. */
  region?: string;
  /** `--store-cache`: this machine's read-through copy of an S3 store's synthesis cache. */
  localCache?: string;
  env?: Record<string, string | undefined>;
}

/** Bucket names as S3 accepts them (3 to 63 lowercase letters, digits, dots and hyphens). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Reads `--store`: a folder every worker and the API reach (a network or
 * cluster file system that supports atomic rename and exclusive create), or
 * `s3://bucket/prefix` on AWS or, with `endpoint`, any S3-compatible store.
 *
 * @throws BriefingError `USAGE` for an address this version cannot use
 */
export function sharedStore(value: string, options: StoreOptions = {}): SharedStore {
  const env = options.env ?? process.env;
  if (value.toLowerCase().startsWith('s3://')) {
    const [bucket = '', ...rest] = value.slice(5).split('/');
    if (!BUCKET.test(bucket)) throw new BriefingError('USAGE', `--store ${value}: expected s3://bucket/prefix with a valid bucket name`);
    const prefix = rest.filter((part) => part !== '').join('/');
    if (rest.some((part) => part === '.' || part === '..')) throw new BriefingError('USAGE', `--store ${value}: the prefix may not contain . or .. parts`);
    let endpoint: string | undefined;
    if (options.endpoint !== undefined) {
      let url: URL;
      try {
        url = new URL(options.endpoint);
      } catch {
        throw new BriefingError('USAGE', `--store-endpoint ${options.endpoint}: expected an http:// or https:// address`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BriefingError('USAGE', `--store-endpoint ${options.endpoint}: expected an http:// or https:// address`);
      endpoint = url.origin;
    }
    const region = options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
    // One read-through copy per store on this machine, kept between runs.
    const local = join(tmpdir(), `briefing-store-${createHash('sha256').update(`${endpoint ?? 'aws'}\0${bucket}\0${prefix}`).digest('hex').slice(0, 16)}`);
    return { outputDirectory: join(local, 'output'), cacheDirectory: options.localCache !== undefined ? resolve(options.localCache) : join(local, 'cache'), s3: { bucket, prefix, region, ...(endpoint ? { endpoint } : {}) } };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new BriefingError('USAGE', `--store ${value}: expected a shared folder or s3://bucket/prefix`);
  }
  if (options.endpoint !== undefined) throw new BriefingError('USAGE', `--store-endpoint: only for an s3:// store (--store ${value} is a folder)`);
  if (options.localCache !== undefined) throw new BriefingError('USAGE', `--store-cache: only for an s3:// store (the cache of --store ${value} is inside it)`);
  if (options.region !== undefined) throw new BriefingError('USAGE', `--store-region: only for an s3:// store (--store ${value} is a folder)`);
  const root = resolve(value);
  return { outputDirectory: root, cacheDirectory: join(root, '.cache') };
}
