import { Redis } from 'ioredis';
import { BriefingError } from '../errors.js';
import type { RedisConnection } from './redis-connection.js';

/**
 * Connects once to Redis and pings it, so a wrong address or a server that
 * is down is one clear error at start rather than a process that waits forever.
 *
 * @throws BriefingError `REDIS_UNAVAILABLE` naming the address and the reason
 */
export async function checkRedis(connection: RedisConnection, address: string): Promise<void> {
  const client = new Redis({ ...connection, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5000 });
  let lastError: NodeJS.ErrnoException | undefined;
  client.on('error', (error: NodeJS.ErrnoException) => (lastError = error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const cause = lastError ?? (error as NodeJS.ErrnoException);
    const reason = cause.code ?? cause.message;
    throw new BriefingError('REDIS_UNAVAILABLE', `--redis ${address}: cannot reach Redis (${reason})`, { cause });
  } finally {
    client.disconnect();
  }
}
