import { BriefingError } from '../errors.js';

/** Connection settings BullMQ passes to ioredis. */
export interface RedisConnection {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: Record<string, never>;
  /** BullMQ workers block on Redis; they must not give up on a request. */
  maxRetriesPerRequest: null;
}

/**
 * Reads `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS).
 *
 * @throws BriefingError `USAGE` naming the address and the problem
 */
export function redisConnection(address: string): RedisConnection {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new BriefingError('USAGE', `--redis ${address}: expected an address such as redis://127.0.0.1:6379`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new BriefingError('USAGE', `--redis ${address}: expected a redis:// or rediss:// address`);
  }
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new BriefingError('USAGE', `--redis ${address}: the database after the slash must be a number`);
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db !== '' ? { db: Number(db) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}
