import type { Options } from 'yargs';
import { BriefingError } from '../../errors.js';
import type { StoreOptions } from '../../service/shared-store.js';

/** `BRIEFING_ALLOW_PRIVATE_URLS` set to a yes: the default of `--allow-private-urls`. */
function privateUrlsAllowed(env: Record<string, string | undefined>): boolean {
  return ['1', 'true', 'yes'].includes((env.BRIEFING_ALLOW_PRIVATE_URLS ?? '').toLowerCase());
}

/**
 * The flags `api` and `worker` share: the queue, the store and which
 * addresses posted work may reach. `storeUse` ends the `--store` help line,
 * saying what that command keeps in it.
 */
export function serviceFlags(storeUse: string) {
  return {
    redis: { type: 'string', demandOption: true, describe: 'Redis address, e.g. redis://127.0.0.1:6379' },
    'allow-private-urls': {
      type: 'boolean',
      default: privateUrlsAllowed(process.env),
      describe: 'let posted urls, feeds and webhooks reach private, loopback and link-local addresses (tests and trusted set-ups only; also BRIEFING_ALLOW_PRIVATE_URLS=1)',
    },
    store: { type: 'string', demandOption: true, describe: `the shared folder, or s3://bucket/prefix, ${storeUse}` },
    'store-endpoint': { type: 'string', describe: 'address of an S3-compatible store (MinIO, Ceph, …), addressed path-style; default: AWS S3' },
    'store-region': { type: 'string', describe: 'region of the S3 store (default: AWS_REGION, else us-east-1)' },
  } as const satisfies Record<string, Options>;
}

/** Refuses a numeric flag that is not a whole number of at least `minimum` (`USAGE`). */
export function wholeNumberFlag(value: number, flag: string, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) throw new BriefingError('USAGE', `--${flag} ${value}: expected a whole number of at least ${minimum}`);
}

/** The S3 settings of the flags, as `sharedStore` options: only those given. */
export function storeOptionsFromFlags(flags: { storeEndpoint?: string | undefined; storeRegion?: string | undefined }): StoreOptions {
  return {
    ...(flags.storeEndpoint !== undefined ? { endpoint: flags.storeEndpoint } : {}),
    ...(flags.storeRegion !== undefined ? { region: flags.storeRegion } : {}),
  };
}
