import type { Redis } from 'ioredis';
import { RATE_LIMIT_PREFIX } from './queue-names.js';

/** The outcome of one request against a key's limit. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A per-key limit of `limit` requests in each window of `windowMs`, counted
 * in Redis so that every API process behind a proxy shares it.
 */
export function redisRateLimiter(redis: Redis, limit: number, windowMs: number): (key: string) => Promise<RateDecision> {
  return async (key) => {
    const window = Math.floor(Date.now() / windowMs);
    const name = `${RATE_LIMIT_PREFIX}${key}:${window}`;
    const results = await redis.multi().incr(name).pexpire(name, windowMs).exec();
    const count = Number(results?.[0]?.[1] ?? 0);
    if (count <= limit) return { allowed: true };
    const retryAfterMs = (window + 1) * windowMs - Date.now();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  };
}
